using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class ServiceWithoutHealthcheckTests
    {
        private const string Id = "DKR502";

        private static InMemoryFileSystem Files() => new InMemoryFileSystem()
            .AddFile("/repo/src/App/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
            .AddFile("/repo/src/App/Healthy.Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\nHEALTHCHECK CMD [\"dotnet\", \"App.dll\", \"--health\"]\n")
            .AddFile("/repo/src/App/Custom.Dockerfile", "FROM mycompany/base:1.0\nEXPOSE 8080\n")
            .AddFile("/repo/src/App/Worker.Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:8.0\nENTRYPOINT [\"dotnet\", \"Worker.dll\"]\n");

        private static string[] Find(string compose) => Findings(compose, Id, Files());

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n", "DKR502@2:3")]
        [InlineData("services:\n  api:\n    build: .\n", "DKR502@2:3")]
        [InlineData("services:\n  api:\n    build:\n      context: .\n      dockerfile: Worker.Dockerfile\n    ports: [\"8080:8080\"]\n", "DKR502@2:3")]
        [InlineData("services:\n  cache:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n", "DKR502@2:3")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      interval: 10s\n", "DKR502@2:3")]
        public void Serving_services_without_any_health_check(string compose, string expected) =>
            Assert.Equal(new[] { expected }, Find(compose));

        [Fact]
        public void Turned_off_without_a_comment_is_reported_at_the_setting() =>
            Assert.Equal(new[] { "DKR502@5:16", "DKR502@9:13" }, Find(
                "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n  cache:\n    image: redis:7\n    healthcheck:\n      test: [\"NONE\"]\n"));

        [Fact]
        public void Health_check_only_in_the_override_file_is_still_missing_in_production() =>
            Assert.Equal(new[] { "DKR502@2:3" }, Format(Run(Files(),
                (ComposePath, "services:\n  db:\n    image: postgres:16\n"),
                (OverridePath, "services:\n  db:\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n")), Id));

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]\n")]
        [InlineData("x-hc: &hc\n  healthcheck:\n    test: curl -f http://localhost/\nservices:\n  web:\n    <<: *hc\n    image: nginx:1.27\n")]
        [InlineData("services:\n  base:\n    image: redis:7\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n  cache:\n    extends: base\n")]
        [InlineData("services:\n  api:\n    build:\n      context: .\n      dockerfile: Healthy.Dockerfile\n")]
        [InlineData("services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM mcr.microsoft.com/dotnet/aspnet:8.0\n        EXPOSE 8080\n        HEALTHCHECK CMD [\"/app/probe\"]\n")]
        [InlineData("services:\n  api:\n    build:\n      context: .\n      dockerfile: Custom.Dockerfile\n")]
        [InlineData("services:\n  worker:\n    build:\n      context: .\n      dockerfile: Worker.Dockerfile\n")]
        [InlineData("services:\n  app:\n    image: bitnami/postgresql:16\n")]
        [InlineData("services:\n  app:\n    image: ghcr.io/acme/api:1.2\n    ports: [\"8080:8080\"]\n")]
        [InlineData("services:\n  migrate:\n    image: postgres:16\n    command: psql -f /init.sql\n  api:\n    image: acme/api:1\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n")]
        [InlineData("services:\n  seed:\n    image: postgres:16\n    restart: \"no\"\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    # probed by the platform's own monitor\n    healthcheck:\n      disable: true\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true # a sidecar watches it\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    deploy:\n      replicas: 0\n")]
        [InlineData("services:\n  pgadmin:\n    image: postgres:16\n    profiles: [tools]\n")]
        [InlineData("services:\n  db:\n    environment:\n      A: b\n")]
        [InlineData("services:\n  # dkr-disable-next-line DKR502\n  db:\n    image: postgres:16\n")]
        public void Silent(string compose) => Assert.Empty(Find(compose));

        [Fact]
        public void Override_and_development_files_are_not_judged() =>
            Assert.Empty(Format(Run(Files(),
                (OverridePath, "services:\n  db:\n    image: postgres:16\n"),
                (ProjectDir + "/compose.dev.yaml", "services:\n  cache:\n    image: redis:7\n")), Id));

        [Fact]
        public void Message_says_where_the_check_is_missing()
        {
            var d = Assert.Single(Run(Files(), (ComposePath, "services:\n  db:\n    image: postgres:16\n")), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("'postgres:16'", d.Message);
        }

        [Fact]
        public void Silent_when_the_project_says_an_orchestrator_probes_the_containers()
        {
            const string compose = "services:\n  db:\n    image: postgres:16\n    ports: [\"127.0.0.1:5432:5432\"]\n";
            Assert.NotEmpty(Findings(compose, Id));
            var files = new InMemoryFileSystem().AddFile(ComposePath, compose);
            var request = new Docker.Build.Analyzers.Analysis.AnalysisRequest(ProjectDir,
                new[] { new Docker.Build.Analyzers.Analysis.AssetInput(ComposePath, Docker.Build.Analyzers.Analysis.AssetKind.Compose) },
                new Docker.Build.Analyzers.Analysis.ProjectFacts(ProjectDir + "/App.csproj", healthCheckedBy: "Kubernetes"), files);
            Assert.Empty(Format(new Docker.Build.Analyzers.Analysis.DockerAnalyzer().Analyze(request).Diagnostics, Id));
        }
    }
}
