using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class PrivilegedServiceTests
    {
        private const string Id = "DKR505";

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    privileged: true\n", "DKR505@4:17")]
        [InlineData("services:\n  app:\n    image: a:1\n    cap_add:\n      - NET_ADMIN\n      - SYS_ADMIN\n", "DKR505@6:9")]
        [InlineData("services:\n  app:\n    image: a:1\n    cap_add: [ALL]\n", "DKR505@4:15")]
        [InlineData("services:\n  app:\n    image: a:1\n    cap_add: [CAP_SYS_ADMIN]\n", "DKR505@4:15")]
        [InlineData("x-priv: &priv\n  privileged: true\nservices:\n  app:\n    <<: *priv\n    image: a:1\n", "DKR505@5:5")]
        [InlineData("services:\n  base:\n    image: a:1\n    privileged: false\n  app:\n    extends: base\n    privileged: True\n", "DKR505@7:17")]
        public void Privileged_or_all_powerful_capabilities(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  app:\n    image: a:1\n    privileged: false\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    cap_add: [NET_BIND_SERVICE]\n    cap_drop: [ALL]\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    privileged: ${PRIVILEGED}\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    labels:\n      privileged: 'true'\n")]
        [InlineData("services:\n  app:\n    image: a:1\n    # dkr-disable-next-line DKR505\n    privileged: true\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Override_file_finding_is_a_suggestion()
        {
            var d = Assert.Single(Run(null, (OverridePath, "services:\n  app:\n    privileged: true\n")), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
        }
    }
}
