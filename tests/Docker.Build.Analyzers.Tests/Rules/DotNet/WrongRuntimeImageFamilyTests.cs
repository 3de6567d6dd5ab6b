using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class WrongRuntimeImageFamilyTests
    {
        private const string Id = "DKR603";
        private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n";

        [Theory]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\n", true, "DKR603@4:6", DiagnosticSeverity.Warning)]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /app .\n", true, "DKR603@4:6", DiagnosticSeverity.Warning)]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine\nCOPY --from=build /app .\n", false, "DKR603@4:6", DiagnosticSeverity.Warning)]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", false, "DKR603@4:6", DiagnosticSeverity.Suggestion)]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime:8.0 AS base\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM base\nCOPY --from=build /app .\n", true, "DKR603@1:6", DiagnosticSeverity.Warning)]
        // Self-contained or AOT on a full runtime: a suggestion.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -r linux-x64 --self-contained true -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", true, "DKR603@3:6", DiagnosticSeverity.Suggestion)]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish /p:PublishAot=true -o /app\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\n", false, "DKR603@3:6", DiagnosticSeverity.Suggestion)]
        public void Wrong_family(string dockerfile, bool web, string expected, DiagnosticSeverity severity)
        {
            var d = Assert.Single(Run(dockerfile, web ? Web() : Console()), x => x.Id == Id);
            Assert.Equal(expected, $"{d.Id}@{d.Line}:{d.Column}");
            Assert.Equal(severity, d.Severity);
        }

        [Fact]
        public void Message_says_which_image_to_use()
        {
            var d = Assert.Single(Run(Build + "FROM mcr.microsoft.com/dotnet/runtime:8.0-alpine\nCOPY --from=build /app .\n", Web()), x => x.Id == Id);
            Assert.Contains("has no ASP.NET Core", d.Message);
            Assert.Contains("'mcr.microsoft.com/dotnet/aspnet:8.0-alpine'", d.Message);
        }

        [Theory]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", true)]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\n", false)]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -r linux-musl-x64 --sc -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine\nCOPY --from=build /app .\n", true)]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish --self-contained false -o /app\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\n", false)]
        // The SDK as final image is DKR103's finding.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -o /app\n", true)]
        [InlineData("FROM debian:12\nCOPY app /app\n", true)]
        public void Right_family_is_silent(string dockerfile, bool web) =>
            Assert.Empty(Findings(dockerfile, Id, web ? Web() : Console()));

        [Fact]
        public void Project_level_self_contained_needs_runtime_deps_only()
        {
            var facts = Project("net8.0", web: true, dotNet: new DotNetProjectFacts(publishAot: true));
            Assert.Empty(Findings(Build + "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled\nCOPY --from=build /app .\n", Id, facts));
            Assert.Equal(new[] { "DKR603@4:6" }, Findings(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id, facts));
        }

        [Fact]
        public void Console_project_with_references_may_need_aspnet_transitively()
        {
            // A package such as AspNetCore.HealthChecks.UI.Client brings a Microsoft.AspNetCore.App framework reference with it.
            var facts = Project("net8.0", web: false, dotNet: new DotNetProjectFacts(packageReferences: new[] { "AspNetCore.HealthChecks.UI.Client" }));
            Assert.Empty(Findings(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id, facts));
        }

        [Fact]
        public void Trimmed_publish_is_self_contained() =>
            Assert.Empty(Findings("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -p:PublishTrimmed=true -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /app .\n", Id, Console()));

        [Fact]
        public void Without_project_facts_it_is_silent() =>
            Assert.Empty(Findings(Build + "FROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\n", Id));
    }
}
