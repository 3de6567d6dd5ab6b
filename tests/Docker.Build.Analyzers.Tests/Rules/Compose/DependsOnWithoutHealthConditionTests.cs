using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DependsOnWithoutHealthConditionTests
    {
        private const string Id = "DKR508";

        private const string HealthyDb = "  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n";

        [Theory]
        [InlineData("services:\n" + HealthyDb + "  api:\n    image: a:1\n    depends_on: [db]\n", "DKR508@8:18")]
        [InlineData("services:\n" + HealthyDb + "  api:\n    image: a:1\n    depends_on:\n      - db\n", "DKR508@9:9")]
        [InlineData("services:\n" + HealthyDb + "  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started\n", "DKR508@10:20")]
        [InlineData("x-deps: &deps\n  depends_on: [db]\nservices:\n" + HealthyDb + "  api:\n    <<: *deps\n    image: a:1\n", "DKR508@9:5")]
        public void Dependency_with_a_health_check_is_a_warning(string compose, string expected)
        {
            var d = Assert.Single(Run(null, (ComposePath, compose)), x => x.Id == Id);
            Assert.Equal(expected, $"{d.Id}@{d.Line}:{d.Column}");
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        [Fact]
        public void Data_service_without_health_check_is_a_suggestion()
        {
            var d = Assert.Single(Run(null, (ComposePath, "services:\n  db:\n    image: postgres:16\n  api:\n    image: a:1\n    depends_on: [db]\n")), x => x.Id == Id);
            Assert.Equal((6, 18), (d.Line, d.Column));
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
        }

        [Theory]
        [InlineData("services:\n" + HealthyDb + "  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n")]
        [InlineData("services:\n  worker:\n    image: acme/worker:1\n  api:\n    image: a:1\n    depends_on: [worker]\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n  api:\n    image: a:1\n    depends_on: [db]\n")]
        [InlineData("services:\n  migrate:\n    image: postgres:16\n  api:\n    image: a:1\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  web:\n    image: w:1\n    depends_on: [migrate]\n")]
        [InlineData("services:\n  api:\n    image: a:1\n    depends_on: [missing]\n")]
        [InlineData("services:\n" + HealthyDb + "  api:\n    image: a:1\n    # dkr-disable-next-line DKR508\n    depends_on: [db]\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
