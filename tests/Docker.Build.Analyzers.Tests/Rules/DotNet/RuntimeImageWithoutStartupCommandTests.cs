using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class RuntimeImageWithoutStartupCommandTests
    {
        private const string Id = "DKR613";
        private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n";

        [Theory]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app .\n", "DKR613@3:1")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled\nCOPY --from=build /app .\n", "DKR613@3:1")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime:8.0 AS base\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM base AS final\nCOPY --from=build /app .\n", "DKR613@4:1")]
        public void App_without_a_startup_command(string dockerfile, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, Web()));

        [Fact]
        public void Message_suggests_the_project_assembly()
        {
            var d = Assert.Single(Run(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Web()), x => x.Id == Id);
            Assert.Contains("ENTRYPOINT [\"dotnet\", \"App.dll\"]", d.Message);
        }

        [Theory]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
        [InlineData(Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nCMD [\"./App\"]\n")]
        // Inherited from the base stage.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n" + Build + "FROM base\nCOPY --from=build /app .\n")]
        // A base image for other Dockerfiles: it copies no build output.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y --no-install-recommends libgdiplus\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY certs/ /usr/local/share/ca-certificates/\n")]
        // Not a .NET runtime image: the image may define its own command.
        [InlineData(Build + "FROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n")]
        public void Started_or_not_an_app_is_silent(string dockerfile) =>
            Assert.Empty(Findings(dockerfile, Id, Web()));

        [Fact]
        public void Compose_service_that_builds_it_can_give_the_command()
        {
            var files = new InMemoryFileSystem();
            files.AddFile(ProjectDir + "/compose.yaml", "services:\n  app:\n    build: .\n    command: [\"dotnet\", \"App.dll\"]\n");
            var request = new Docker.Build.Analyzers.Analysis.AnalysisRequest(ProjectDir, new[]
            {
                new Docker.Build.Analyzers.Analysis.AssetInput(DockerfilePath, Docker.Build.Analyzers.Analysis.AssetKind.Dockerfile),
                new Docker.Build.Analyzers.Analysis.AssetInput(ProjectDir + "/compose.yaml", Docker.Build.Analyzers.Analysis.AssetKind.Compose),
            }, Web(), files);
            files.AddFile(DockerfilePath, Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n");
            Assert.DoesNotContain(new Docker.Build.Analyzers.Analysis.DockerAnalyzer().Analyze(request).Diagnostics, d => d.Id == Id);
        }
    }
}
