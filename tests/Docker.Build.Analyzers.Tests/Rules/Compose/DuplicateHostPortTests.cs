using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DuplicateHostPortTests
    {
        private const string Id = "DKR519";

        [Theory]
        [InlineData("services:\n  a:\n    ports: [\"8080:80\"]\n  b:\n    ports:\n      - \"8080:81\"\n", "DKR519@6:9")]
        [InlineData("services:\n  a:\n    ports: [\"8000-8010:8000-8010\"]\n  b:\n    ports:\n      - 8005:80\n", "DKR519@6:9")]
        [InlineData("services:\n  a:\n    ports: [\"127.0.0.1:5432:5432\"]\n  b:\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n", "DKR519@6:9")]
        [InlineData("x-p: &p\n  ports: [\"8080:80\"]\nservices:\n  a:\n    <<: *p\n  b:\n    <<: *p\n", "DKR519@7:5")]
        [InlineData("services:\n  a:\n    ports: [\"53:53/udp\"]\n  b:\n    ports: [\"53:53/udp\"]\n", "DKR519@5:13")]
        public void Second_publisher_is_reported(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  a:\n    ports: [\"8080:80\"]\n  b:\n    ports: [\"8081:80\"]\n")]
        [InlineData("services:\n  a:\n    ports: [\"53:53/tcp\"]\n  b:\n    ports: [\"53:53/udp\"]\n")]
        [InlineData("services:\n  a:\n    ports: [\"127.0.0.1:8080:80\"]\n  b:\n    ports: [\"127.0.0.2:8080:80\"]\n")]
        [InlineData("services:\n  a:\n    ports: [\"80\"]\n  b:\n    ports: [\"80\"]\n")]
        [InlineData("services:\n  a:\n    ports: [\"$PORT:80\"]\n  b:\n    ports: [\"$PORT:80\"]\n")]
        [InlineData("services:\n  a:\n    ports: [\"8080:80\"]\n  b:\n    ports: [\"${P:-8080}:80\"]\n")]
        [InlineData("services:\n  a:\n    ports: [\"8080:80\"]\n    profiles: [blue]\n  b:\n    ports: [\"8080:80\"]\n    profiles: [green]\n")]
        [InlineData("services:\n  a:\n    ports: [\"8080:80\", \"8080:80/udp\"]\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Override_port_of_the_same_service_is_silent()
        {
            var found = Run(null,
                (ComposePath, "services:\n  a:\n    image: x\n    ports: [\"8080:80\"]\n"),
                (OverridePath, "services:\n  a:\n    ports: [\"8080:80\"]\n"));
            Assert.Empty(Format(found, Id));
        }

        [Fact]
        public void Override_service_clashing_with_a_base_service_is_reported_in_the_override()
        {
            var found = Run(null,
                (ComposePath, "services:\n  a:\n    image: x\n    ports: [\"8080:80\"]\n"),
                (OverridePath, "services:\n  debug:\n    image: y\n    ports:\n      - \"8080:80\"\n"));
            Assert.Equal(new[] { "DKR519@5:9" }, Format(found, Id));
        }
    }
}
