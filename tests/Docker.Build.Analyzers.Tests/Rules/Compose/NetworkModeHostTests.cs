using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class NetworkModeHostTests
    {
        private const string Id = "DKR510";

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    network_mode: host\n", "DKR510@4:19")]
        [InlineData("services:\n  app:\n    image: a:1\n    network_mode: \"host\"\n", "DKR510@4:19")]
        [InlineData("x-net: &net\n  network_mode: host\nservices:\n  app:\n    <<: *net\n    image: a:1\n", "DKR510@5:5")]
        [InlineData("services:\n  base:\n    image: a:1\n    network_mode: host\n  app:\n    extends: base\n", "DKR510@4:19", "DKR510@6:5")]
        public void Host_network(string compose, params string[] expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    network_mode: bridge\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    network_mode: \"service:db\"\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    network_mode: ${NET_MODE}\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    networks: [host]\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    # dkr-disable-next-line DKR510\n    network_mode: host\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
