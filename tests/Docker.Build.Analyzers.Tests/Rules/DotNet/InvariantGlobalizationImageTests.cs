using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class InvariantGlobalizationImageTests
    {
        private const string Id = "DKR615";
        private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -c Release -o /app\n";

        private static string Final(string image, string extra = "") =>
            Build + "FROM " + image + "\nWORKDIR /app\nCOPY --from=build /app .\n" + extra + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private static ProjectFacts SqlProject(string package = "Microsoft.Data.SqlClient", bool? invariant = null) =>
            Project("net8.0", web: true, dotNet: new DotNetProjectFacts(invariantGlobalization: invariant, packageReferences: new[] { "Serilog", package }, today: SupportedDay));

        private static ProjectFacts PlainProject(bool? invariant = null) =>
            Project("net8.0", web: true, dotNet: new DotNetProjectFacts(invariantGlobalization: invariant, today: SupportedDay));

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "Microsoft.Data.SqlClient")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "Microsoft.EntityFrameworkCore.SqlServer")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled", "Microsoft.Data.SqlClient")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless", "Microsoft.Data.SqlClient")]
        public void Sql_client_on_an_invariant_image_is_a_warning(string image, string package)
        {
            var d = Assert.Single(Run(Final(image), SqlProject(package)), x => x.Id == Id);
            Assert.Equal((4, 6), (d.Line, d.Column));
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains(package, d.Message);
        }

        [Fact]
        public void Project_that_sets_invariant_mode_still_cannot_use_sql_client() =>
            Assert.Equal(new[] { "DKR615@4:6" }, Findings(Final("mcr.microsoft.com/dotnet/aspnet:8.0-alpine"), Id, SqlProject(invariant: true)));

        [Fact]
        public void Project_that_does_not_say_invariant_gets_a_suggestion()
        {
            var d = Assert.Single(Run(Final("mcr.microsoft.com/dotnet/aspnet:8.0-alpine"), PlainProject()), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Equal((4, 6), (d.Line, d.Column));
            Assert.Contains("does not set InvariantGlobalization", d.Message);
        }

        [Fact]
        public void Base_stage_image_is_where_it_is_reported()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine AS base\nWORKDIR /app\n" + Build + "FROM base\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            Assert.Equal(new[] { "DKR615@1:6" }, Findings(dockerfile, Id, SqlProject()));
        }

        [Theory]
        // ICU installed, or the invariant switch turned off by the Dockerfile.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "RUN apk add --no-cache icu-data-full icu-libs\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "RUN apk add --no-cache icu-libs\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0\n")]
        // Images with ICU: Debian, Ubuntu, the -extra chiseled ones, the SDK.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-noble", "")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled-extra", "")]
        [InlineData("mcr.microsoft.com/dotnet/sdk:8.0-alpine", "")]
        // Not a .NET image we know.
        [InlineData("alpine:3.20", "")]
        public void Image_with_icu_is_silent(string image, string extra)
        {
            Assert.Empty(Findings(Final(image, extra), Id, SqlProject()));
            Assert.Empty(Findings(Final(image, extra), Id, PlainProject()));
        }

        [Fact]
        public void Project_that_sets_invariant_mode_without_sql_client_is_silent()
        {
            Assert.Empty(Findings(Final("mcr.microsoft.com/dotnet/aspnet:8.0-alpine"), Id, PlainProject(invariant: true)));
            Assert.Empty(Findings(Final("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled"), Id, PlainProject(invariant: true)));
        }

        [Fact]
        public void Without_project_facts_it_is_silent() =>
            Assert.Empty(Findings(Final("mcr.microsoft.com/dotnet/aspnet:8.0-alpine"), Id));
    }
}
