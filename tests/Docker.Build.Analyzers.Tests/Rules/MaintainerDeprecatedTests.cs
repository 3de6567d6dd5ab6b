using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class MaintainerDeprecatedTests
    {
        private const string Id = "DKR112";

        [Fact]
        public void Reports_MAINTAINER_at_its_keyword_with_the_label_to_write()
        {
            const string dockerfile = "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n";
            AssertFindings(dockerfile, Id, "DKR112@2:1");
            var finding = Run(dockerfile).Single(d => d.Id == Id);
            Assert.Contains("LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"", finding.Message);
        }

        [Fact]
        public void Reports_every_MAINTAINER_in_any_case() =>
            AssertFindings("FROM alpine:3.20\nmaintainer jane\nFROM alpine:3.20\n  MAINTAINER \"Jane Doe\"\n", Id, "DKR112@2:1", "DKR112@4:3");

        [Fact]
        public void Stays_silent_on_the_authors_label() =>
            AssertSilent("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\" maintainer=jane\n", Id);

        [Theory]
        [InlineData("FROM alpine:3.20\n# hadolint ignore=DL4000\nMAINTAINER jane\n")]
        [InlineData("# check=skip=MaintainerDeprecated\nFROM alpine:3.20\nMAINTAINER jane\n")]
        [InlineData("FROM alpine:3.20\n# dkr-disable-next-line DKR112\nMAINTAINER jane\n")]
        public void Honours_the_suppressions_of_hadolint_BuildKit_and_dkr(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
