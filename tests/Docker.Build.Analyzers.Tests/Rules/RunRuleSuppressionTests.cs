using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    /// <summary>Suppression comments reach findings on continuation lines and in heredoc bodies of the instruction below them.</summary>
    public class RunRuleSuppressionTests
    {
        [Fact]
        public void Dkr_comment_covers_continuation_lines_and_heredocs()
        {
            AssertSilent(
                "FROM debian:12\n" +
                "# dkr-disable-next-line DKR105\n" +
                "RUN apt-get update \\\n" +
                "    && apt-get install -y curl \\\n" +
                "    && rm -rf /var/lib/apt/lists/*\n" +
                "# dkr-disable-next-line DKR105\n" +
                "RUN <<EOF\n" +
                "apt-get update\n" +
                "apt-get install -y git\n" +
                "EOF\n",
                "DKR105");
        }

        [Theory]
        [InlineData("DL3008", "RUN apt-get install -y --no-install-recommends curl", "DKR118")]
        [InlineData("DL4006", "RUN curl -s x | tar x", "DKR119")]
        [InlineData("DL3015", "RUN apt-get install -y curl", "DKR105")]
        [InlineData("DL3014", "RUN apt-get install --no-install-recommends curl", "DKR126")]
        [InlineData("DL3004", "RUN sudo ls", "DKR206")]
        [InlineData("DL3003", "RUN cd /app && make", "DKR117")]
        [InlineData("DL3009", "RUN apt-get update && apt-get install -y --no-install-recommends curl", "DKR106")]
        [InlineData("DL3042", "RUN pip install flask==3.0.0", "DKR109")]
        [InlineData("DL3019", "RUN apk add curl=8.0", "DKR108")]
        public void Hadolint_ignore_comments_map_to_the_rules(string hadolintId, string run, string id)
        {
            string dockerfile = "FROM debian:12\n" + run + "\n";
            Assert.NotEmpty(Findings(dockerfile, id));
            AssertSilent("FROM debian:12\n# hadolint ignore=" + hadolintId + "\n" + run + "\n", id);
        }

        [Fact]
        public void Buildkit_skip_maps_to_the_workdir_half_of_DKR117()
        {
            AssertSilent("FROM alpine:3.20\n# check=skip=WorkdirRelativePath\nWORKDIR app\n", "DKR117");
        }
    }
}
