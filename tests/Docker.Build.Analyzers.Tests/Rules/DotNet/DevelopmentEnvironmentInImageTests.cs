using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class DevelopmentEnvironmentInImageTests
    {
        private const string Id = "DKR609";

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Development\n", "DKR609@2:5")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime:8.0\nENV DOTNET_ENVIRONMENT development\n", "DKR609@2:5")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV A=1 ASPNETCORE_ENVIRONMENT=\"Development\"\n", "DKR609@2:9")]
        // Inherited by the final stage.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nENV ASPNETCORE_ENVIRONMENT=Development\nFROM base AS final\n", "DKR609@2:5")]
        public void Development_in_the_final_image(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Production\n")]
        // The last value wins.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Development\nENV ASPNETCORE_ENVIRONMENT=Production\n")]
        // A build stage's environment does not ship.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nENV ASPNETCORE_ENVIRONMENT=Development\nRUN dotnet test\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
        // From a build argument the build decides, even with a Development default.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG ENVIRONMENT=Development\nENV ASPNETCORE_ENVIRONMENT=$ENVIRONMENT\n")]
        // An ARG never reaches the running container.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG ASPNETCORE_ENVIRONMENT=Development\n")]
        public void Other_settings_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Development_Dockerfile_gets_a_suggestion_only()
        {
            var files = new InMemoryFileSystem();
            const string path = ProjectDir + "/Dockerfile.develop";
            files.AddFile(path, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Development\n");
            var request = new Docker.Build.Analyzers.Analysis.AnalysisRequest(ProjectDir,
                new[] { new Docker.Build.Analyzers.Analysis.AssetInput(path, Docker.Build.Analyzers.Analysis.AssetKind.Dockerfile) }, null, files);
            var d = Assert.Single(new Docker.Build.Analyzers.Analysis.DockerAnalyzer().Analyze(request).Diagnostics, x => x.Id == Id);
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, d.Severity);
        }
    }
}
