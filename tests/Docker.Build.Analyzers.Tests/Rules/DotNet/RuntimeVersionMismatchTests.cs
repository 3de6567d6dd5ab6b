using Docker.Build.Analyzers.Analysis;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class RuntimeVersionMismatchTests
    {
        private const string Id = "DKR601";

        private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app\n";

        [Theory]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "net9.0", "DKR601@7:6")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:9.0.3-bookworm-slim\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "net8.0", "DKR601@7:6")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/runtime:10.0-alpine\nCOPY --from=build /app .\n", "net9.0", "DKR601@7:6")]
        // FROM base AS final: reported where the image is named.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nWORKDIR /app\n" + "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nCOPY App.csproj .\nRUN dotnet publish -o /app\nFROM base AS final\nCOPY --from=build /app .\n", "net9.0", "DKR601@1:6")]
        // The tag from a build argument with a default.
        [InlineData("ARG DOTNET=8.0\nFROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:${DOTNET}\nCOPY --from=build /app .\n", "net9.0", "DKR601@4:6")]
        // Multi-targeting: the framework the Dockerfile publishes decides.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -f net9.0 -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", "net8.0;net9.0", "DKR601@3:6")]
        public void Runtime_of_another_version(string dockerfile, string tfms, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, Web(tfms)));

        [Fact]
        public void Message_names_image_target_and_fix()
        {
            var d = Assert.Single(Run(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nCOPY --from=build /app .\n", Web("net9.0")), x => x.Id == Id);
            Assert.Contains("carries .NET 8.0, but the project targets net9.0", d.Message);
            Assert.Contains("mcr.microsoft.com/dotnet/aspnet:9.0-alpine", d.Message);
        }

        [Theory]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY --from=build /app .\n", "net9.0")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:9.0.3-bookworm-slim\nCOPY --from=build /app .\n", "net9.0")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled\nCOPY --from=build /app .\n", "net9.0-windows")]
        // Multi-targeting without -f: any of the frameworks.
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", "net8.0;net9.0")]
        // Self-contained apps bring their runtime.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish --self-contained -r linux-x64 -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", "net9.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -p:PublishAot=true -o /app\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\n", "net9.0")]
        // Roll forward to a newer major, set in the image.
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV DOTNET_ROLL_FORWARD=Major\nCOPY --from=build /app .\n", "net9.0")]
        // Not an official .NET runtime image, floating tag, unknown tag.
        [InlineData(Build + "FROM myregistry.io/base/aspnet:8.0\nCOPY --from=build /app .\n", "net9.0")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:latest\nCOPY --from=build /app .\n", "net9.0")]
        [InlineData("ARG RUNTIME\nFROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:$RUNTIME\n", "net9.0")]
        // .NET Framework or .NET Standard targets say nothing about a .NET image.
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", "net48")]
        // A shared Dockerfile that builds another project of the solution.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nCOPY Other/Other.csproj Other/\nRUN dotnet publish Other/Other.csproj -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", "net9.0")]
        public void Matching_or_unknowable_runtime_is_silent(string dockerfile, string tfms) =>
            Assert.Empty(Findings(dockerfile, Id, Web(tfms)));

        [Fact]
        public void Project_setting_roll_forward_to_major_is_silent_on_a_newer_runtime()
        {
            var facts = Project("net8.0", dotNet: new DotNetProjectFacts(rollForward: "LatestMajor", today: SupportedDay));
            Assert.Empty(Findings(Build + "FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY --from=build /app .\n", Id, facts));
            // Rolling forward never helps on an older runtime.
            Assert.Single(Findings(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id, Project("net9.0", dotNet: new DotNetProjectFacts(rollForward: "Major"))));
        }

        [Fact]
        public void Self_contained_project_is_silent() =>
            Assert.Empty(Findings(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id,
                Project("net9.0", dotNet: new DotNetProjectFacts(selfContained: true))));

        [Fact]
        public void Without_project_facts_it_is_silent() =>
            Assert.Empty(Findings(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id));
    }
}
