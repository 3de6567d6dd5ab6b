using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class ServiceRunsAsRootTests
    {
        private const string Id = "DKR516";

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    user: root\n", "DKR516@4:11")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: \"0\"\n", "DKR516@4:11")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: 0\n", "DKR516@4:11")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: \"0:0\"\n", "DKR516@4:11")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: root:root\n", "DKR516@4:11")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: ${APP_USER:-root}\n", "DKR516@4:11")]
        [InlineData("x-root: &root\n  user: root\nservices:\n  app:\n    <<: *root\n    image: a:1\n", "DKR516@5:5")]
        public void Root_user(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    user: app\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: \"1000:0\"\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: \"10001\"\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: ${UID}:${GID}\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    user: rooter\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    # dkr-disable-next-line DKR516\n    user: root\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
