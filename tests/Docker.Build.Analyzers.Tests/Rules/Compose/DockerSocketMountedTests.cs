using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DockerSocketMountedTests
    {
        private const string Id = "DKR506";

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n", "DKR506@5:9")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - \"/run/docker.sock:/var/run/docker.sock:ro\"\n", "DKR506@5:9")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n", "DKR506@5:9")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n", "DKR506@5:9")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - //./pipe/docker_engine://./pipe/docker_engine\n", "DKR506@5:9")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n", "DKR506@5:9")]
        [InlineData("x-sock: &sock\n  volumes: [/var/run/docker.sock:/var/run/docker.sock]\nservices:\n  app:\n    <<: *sock\n    image: a:1\n", "DKR506@5:5")]
        public void Socket_mounts(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - ./data:/data\n      - logs:/var/log\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - /var/run/docker.sock.bak:/backup\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    environment:\n      DOCKER_HOST: unix:///var/run/docker.sock\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    volumes:\n      # dkr-disable-next-line DKR506\n      - /var/run/docker.sock:/var/run/docker.sock\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
