using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DependsOnUndefinedServiceTests
    {
        private const string Id = "DKR518";

        [Theory]
        [InlineData("services:\n  web:\n    image: x\n    depends_on:\n      - dbb\n  db:\n    image: y\n", "DKR518@5:9")]
        [InlineData("services:\n  web:\n    image: x\n    depends_on: [db, cache]\n  db:\n    image: y\n", "DKR518@4:22")]
        [InlineData("services:\n  web:\n    image: x\n    depends_on:\n      dbb:\n        condition: service_healthy\n", "DKR518@5:7")]
        [InlineData("x-d: &d\n  depends_on: [nope]\nservices:\n  web:\n    <<: *d\n    image: x\n", "DKR518@5:5")]
        public void Undefined_dependencies(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  web:\n    image: x\n    depends_on: [db]\n  db:\n    image: y\n")]
        [InlineData("services:\n  web:\n    image: x\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: y\n")]
        [InlineData("services:\n  web:\n    image: x\n    depends_on:\n      cache:\n        required: false\n")]
        public void Defined_dependencies_are_silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Service_defined_in_the_base_file_satisfies_the_override()
        {
            var found = Run(null,
                (ComposePath, "services:\n  db:\n    image: postgres\n"),
                (OverridePath, "services:\n  web:\n    image: x\n    depends_on: [db]\n"));
            Assert.Empty(Format(found, Id));
        }

        [Fact]
        public void Service_from_an_included_file_is_defined()
        {
            var files = new InMemoryFileSystem().AddFile("/repo/src/infra/compose.yaml", "services:\n  db:\n    image: postgres\n");
            Assert.Empty(Findings("include:\n  - ../infra/compose.yaml\nservices:\n  web:\n    image: x\n    depends_on: [db]\n", Id, files));
        }
    }
}
