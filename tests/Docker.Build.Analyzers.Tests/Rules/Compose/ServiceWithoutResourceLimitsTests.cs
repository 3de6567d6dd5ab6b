using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class ServiceWithoutResourceLimitsTests
    {
        private const string Id = "DKR504";

        [Fact]
        public void Missing_memory_is_a_warning_and_missing_cpu_a_suggestion()
        {
            var found = Run(null, (ComposePath, "services:\n  db:\n    image: postgres:16\n")).Where(d => d.Id == Id).ToList();
            Assert.Equal(2, found.Count);
            Assert.All(found, d => Assert.Equal((2, 3), (d.Line, d.Column)));
            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(found, d => d.Message.Contains("memory")).Severity);
            Assert.Equal(DiagnosticSeverity.Suggestion, Assert.Single(found, d => d.Message.Contains("CPU")).Severity);
        }

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    mem_limit: 512m\n", DiagnosticSeverity.Suggestion)]
        [InlineData("services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n", DiagnosticSeverity.Suggestion)]
        [InlineData("services:\n  db:\n    image: postgres:16\n    cpus: 1.5\n", DiagnosticSeverity.Warning)]
        [InlineData("services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n        reservations:\n          memory: 256M\n", DiagnosticSeverity.Warning)]
        public void One_limit_set(string compose, DiagnosticSeverity remaining)
        {
            var d = Assert.Single(Run(null, (ComposePath, compose)), x => x.Id == Id);
            Assert.Equal(remaining, d.Severity);
            Assert.Equal("DKR504@2:3", $"{d.Id}@{d.Line}:{d.Column}");
        }

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    mem_limit: 1g\n    cpus: 2\n")]
        [InlineData("x-limits: &limits\n  deploy:\n    resources:\n      limits: {cpus: '1', memory: 1G}\nservices:\n  db:\n    <<: *limits\n    image: postgres:16\n")]
        [InlineData("services:\n  base:\n    image: redis:7\n    mem_limit: 256m\n    cpus: 0.5\n  cache:\n    extends: base\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    deploy:\n      replicas: 0\n")]
        [InlineData("services:\n  db:\n    environment: [A=b]\n")]
        [InlineData("services:\n  # dkr-disable-next-line DKR504\n  db:\n    image: postgres:16\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Override_files_are_not_judged() =>
            Assert.Empty(Format(Run(null, (OverridePath, "services:\n  db:\n    image: postgres:16\n")), Id));
    }
}
