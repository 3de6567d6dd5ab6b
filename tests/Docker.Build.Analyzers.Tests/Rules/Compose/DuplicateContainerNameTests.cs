using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DuplicateContainerNameTests
    {
        private const string Id = "DKR512";

        [Theory]
        [InlineData("services:\n  a:\n    container_name: app\n  b:\n    container_name: app\n", "DKR512@5:21")]
        [InlineData("services:\n  a:\n    container_name: app\n  b:\n    container_name: \"${NAME:-app}\"\n", "DKR512@5:21")]
        [InlineData("x-c: &c\n  container_name: app\nservices:\n  a:\n    <<: *c\n  b:\n    <<: *c\n", "DKR512@7:5")]
        [InlineData("services:\n  a:\n    container_name: app\n  b:\n    extends: a\n", "DKR512@5:5")]
        public void Second_one_is_reported(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Fact]
        public void Across_the_base_and_the_override_file()
        {
            var found = Run(null,
                (ComposePath, "services:\n  a:\n    container_name: app\n"),
                (OverridePath, "services:\n  b:\n    image: x\n    container_name: app\n"));
            Assert.Equal(new[] { "DKR512@4:21" }, Format(found, Id));
        }

        [Fact]
        public void Override_of_the_same_service_is_silent() =>
            Assert.Empty(Format(Run(null,
                (ComposePath, "services:\n  a:\n    container_name: app\n"),
                (OverridePath, "services:\n  a:\n    container_name: app\n")), Id));

        [Theory]
        [InlineData("services:\n  a:\n    container_name: app\n  b:\n    container_name: app2\n")]
        [InlineData("services:\n  a:\n    container_name: $NAME\n  b:\n    container_name: $NAME\n")]
        [InlineData("services:\n  a:\n    image: x\n  b:\n    image: x\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
