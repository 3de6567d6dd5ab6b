using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class ServingImageWithoutHealthcheckTests
    {
        private const string Id = "DKR301";

        [Fact]
        public void Exposed_port_without_healthcheck()
        {
            AssertFindings("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\n", Id, "DKR301@2:1");
        }

        [Fact]
        public void Expose_inherited_from_a_base_stage()
        {
            AssertFindings("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nEXPOSE 8080\nFROM base AS final\nUSER app\n", Id, "DKR301@3:1");
        }

        [Fact]
        public void Web_project_without_expose()
        {
            Assert.Equal(new[] { "DKR301@1:1" }, Findings("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n", Id, WebProject));
        }

        [Fact]
        public void Web_project_whose_final_stage_is_export_only_is_silent()
        {
            const string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "RUN dotnet publish -o /out\n" +
                "FROM scratch AS export\n" +
                "COPY --from=build /out /\n";
            Assert.Empty(Findings(dockerfile, Id, WebProject));
        }

        [Fact]
        public void Web_project_whose_scratch_final_stage_runs_a_command_is_reported()
        {
            const string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "RUN dotnet publish -r linux-musl-x64 -p:PublishAot=true -o /out\n" +
                "FROM scratch\n" +
                "COPY --from=build /out/App /App\n" +
                "ENTRYPOINT [\"/App\"]\n";
            Assert.Equal(new[] { "DKR301@3:1" }, Findings(dockerfile, Id, WebProject));
        }

        [Fact]
        public void Message_names_the_orchestrator_property()
        {
            var finding = Assert.Single(Run("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\n", only: new Docker.Build.Analyzers.Rules.Dockerfile.ServingImageWithoutHealthcheck()));
            Assert.Equal(Id, finding.Id);
            Assert.Contains("<DockerAnalyzersHealthCheckedBy>Kubernetes</DockerAnalyzersHealthCheckedBy>", finding.Message);
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nEXPOSE 8080\nFROM base AS final\nUSER app\n")]
        public void Silent_when_an_orchestrator_checks_health(string dockerfile)
        {
            var project = new Docker.Build.Analyzers.Analysis.ProjectFacts(ProjectDir + "/App.csproj", "App", new[] { "net8.0" }, isWebProject: true, healthCheckedBy: "Kubernetes");
            AssertSilent(dockerfile, Id, project);
        }

        [Fact]
        public void Blank_health_checked_by_still_reports()
        {
            var project = new Docker.Build.Analyzers.Analysis.ProjectFacts(ProjectDir + "/App.csproj", "App", new[] { "net8.0" }, isWebProject: true, healthCheckedBy: "  ");
            Assert.Equal(new[] { "DKR301@1:1" }, Findings("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n", Id, project));
        }

        private static string[] WithCompose(string composeName, string compose)
        {
            const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, dockerfile).AddFile("/repo/" + composeName, compose);
            var request = new Docker.Build.Analyzers.Analysis.AnalysisRequest(ProjectDir, new[]
            {
                new Docker.Build.Analyzers.Analysis.AssetInput(DockerfilePath, Docker.Build.Analyzers.Analysis.AssetKind.Dockerfile),
                new Docker.Build.Analyzers.Analysis.AssetInput("/repo/" + composeName, Docker.Build.Analyzers.Analysis.AssetKind.Compose),
            }, null, files);
            return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(new Docker.Build.Analyzers.Analysis.DockerAnalyzer().Analyze(request).Diagnostics, d => d.Id == Id && d.FilePath == DockerfilePath),
                d => $"{d.Id}@{d.Line}:{d.Column}"));
        }

        [Fact]
        public void A_compose_health_check_on_the_service_that_builds_the_dockerfile_stands_in_for_healthcheck()
        {
            const string compose = "services:\n  app:\n    build:\n      context: src/App\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/healthz\"]\n";
            Assert.Empty(WithCompose("docker-compose.yml", compose));
            // Disabled, or only in an override file (a development setting), it does not.
            Assert.Equal(new[] { "DKR301@1:1" }, WithCompose("docker-compose.yml", compose.Replace("test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/healthz\"]", "disable: true")));
            Assert.Equal(new[] { "DKR301@1:1" }, WithCompose("docker-compose.override.yml", compose));
            // A service that builds another Dockerfile says nothing about this one.
            Assert.Equal(new[] { "DKR301@1:1" }, WithCompose("docker-compose.yml", compose.Replace("src/App", "src/Other")));
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nEXPOSE 8080\nHEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1\n")]
        [InlineData("FROM alpine:3.20\nEXPOSE 8080\nHEALTHCHECK NONE\n")]
        [InlineData("FROM alpine:3.20 AS base\nHEALTHCHECK CMD [\"/app/health\"]\nFROM base\nEXPOSE 80\n")]
        [InlineData("FROM alpine:3.20\nCMD [\"/worker\"]\n")]
        [InlineData("FROM alpine:3.20 AS build\nEXPOSE 80\nFROM alpine:3.20\n")]
        public void Silent(string dockerfile) => AssertSilent(dockerfile, Id);
    }
}
