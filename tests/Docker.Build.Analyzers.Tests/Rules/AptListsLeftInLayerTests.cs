using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AptListsLeftInLayerTests
    {
        [Fact]
        public void Reports_update_and_install_without_removing_the_lists()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN apt-get update \\\n" +
                "    && apt-get install -y --no-install-recommends curl\n",
                "DKR106", "DKR106@2:13");
        }

        [Fact]
        public void Reports_in_a_heredoc_and_when_removal_comes_in_a_later_run()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN <<EOF\n" +
                "set -e\n" +
                "apt-get update\n" +
                "apt-get install -y --no-install-recommends curl\n" +
                "EOF\n" +
                "RUN rm -rf /var/lib/apt/lists/*\n",
                "DKR106", "DKR106@4:9");
        }

        [Fact]
        public void A_cache_mount_on_var_cache_apt_alone_does_not_cover_the_lists()
        {
            var findings = Run(
                "FROM debian:12\n" +
                "RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n");
            var finding = Assert.Single(findings, d => d.Id == "DKR106");
            Assert.Equal(2, finding.Line);
            Assert.Contains("target=/var/lib/apt", finding.Message);
        }

        [Theory]
        [InlineData("RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")]
        [InlineData("RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists")]
        [InlineData("RUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*")]
        [InlineData("RUN apt-get update && apt-get install -y curl; rm -rf /var/lib/apt/*")]
        [InlineData("RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete")]
        [InlineData("RUN apt-get update && apt-get install -y curl && apt-get distclean")]
        [InlineData("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl")]
        [InlineData("RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl")]
        [InlineData("RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl")]
        [InlineData("RUN apt-get update")]
        [InlineData("RUN apt-get install -y curl")]
        public void Silent_when_the_lists_do_not_stay(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR106");
        }

        [Fact]
        public void Silent_in_build_stages_the_final_image_does_not_build_on()
        {
            AssertSilent(
                "FROM debian:12 AS build\n" +
                "RUN apt-get update && apt-get install -y gcc\n" +
                "FROM debian:12-slim\n" +
                "COPY --from=build /out /app\n",
                "DKR106");
        }

        [Fact]
        public void Reports_in_a_stage_the_final_image_builds_on()
        {
            AssertFindings(
                "FROM debian:12 AS base\n" +
                "RUN apt-get update && apt-get install -y ca-certificates\n" +
                "FROM base\n" +
                "CMD [\"/app\"]\n",
                "DKR106", "DKR106@2:13");
        }
    }
}
