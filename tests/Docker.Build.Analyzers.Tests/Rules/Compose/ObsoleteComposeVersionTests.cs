using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class ObsoleteComposeVersionTests
    {
        private const string Id = "DKR509";

        [Theory]
        [InlineData("version: '3.8'\nservices:\n  web:\n    image: nginx\n", "DKR509@1:1")]
        [InlineData("# generated\nversion: \"3.4\"\nservices: {}\n", "DKR509@2:1")]
        public void Version_key_is_reported_at_the_key(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Fact]
        public void It_is_a_suggestion()
        {
            var d = Assert.Single(Run(null, (ComposePath, "version: '3'\nservices: {}\n")), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains("version: 3", d.Message);
        }

        [Theory]
        [InlineData("services:\n  web:\n    image: nginx\n")]
        [InlineData("x-version: '3'\nservices:\n  web:\n    image: nginx\n")]
        [InlineData("services:\n  web:\n    image: nginx\n    labels:\n      version: '3'\n")]
        [InlineData("# dkr-disable-next-line DKR509\nversion: '3'\nservices: {}\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
