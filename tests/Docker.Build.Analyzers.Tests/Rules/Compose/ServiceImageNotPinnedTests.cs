using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class ServiceImageNotPinnedTests
    {
        private const string Id = "DKR501";

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres\n", "DKR501@3:12")]
        [InlineData("services:\n  db:\n    image: postgres:latest\n", "DKR501@3:12")]
        [InlineData("services:\n  db:\n    image: \"redis:stable\"\n", "DKR501@3:12")]
        [InlineData("services:\n  db:\n    image: node:lts-alpine\n", "DKR501@3:12")]
        [InlineData("services:\n  db:\n    image: myregistry.io:5000/team/app\n", "DKR501@3:12")]
        [InlineData("services:\n  db:\n    image: postgres:${PG_TAG:-latest}\n", "DKR501@3:12")]
        [InlineData("x-db: &db\n  image: postgres\nservices:\n  db:\n    <<: *db\n", "DKR501@5:5")]
        [InlineData("services:\n  base:\n    image: redis:7.2\n  cache:\n    extends: base\n    image: redis:edge\n", "DKR501@6:12")]
        public void Floating_or_missing_tags(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Fact]
        public void Message_names_the_service_and_what_the_default_resolves_to()
        {
            var d = Assert.Single(Run(null, (ComposePath, "services:\n  db:\n    image: postgres:${PG_TAG:-latest}\n")), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("'db'", d.Message);
            Assert.Contains("postgres:latest", d.Message);
        }

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16.4\n")]
        [InlineData("services:\n  db:\n    image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
        [InlineData("services:\n  db:\n    image: postgres:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
        [InlineData("services:\n  api:\n    image: ${DOCKER_REGISTRY-}api\n    build:\n      context: .\n      dockerfile: Api/Dockerfile\n")]
        [InlineData("services:\n  api:\n    image: api:latest\n    build: .\n")]
        [InlineData("services:\n  db:\n    image: postgres:${PG_TAG}\n")]
        [InlineData("services:\n  db:\n    image: ${IMAGE}\n")]
        [InlineData("services:\n  db:\n    image: postgres\n    deploy:\n      replicas: 0\n")]
        [InlineData("services:\n  db:\n    # dkr-disable-next-line DKR501\n    image: postgres\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Override_files_are_not_judged() =>
            Assert.Empty(Format(Run(null, (ComposePath, "services:\n  db:\n    image: postgres:16\n"), (OverridePath, "services:\n  db:\n    image: postgres\n")), Id));
    }
}
