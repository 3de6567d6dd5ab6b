using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AptUpdateWithoutInstallTests
    {
        [Fact]
        public void Reports_update_alone()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN apt-get update\n" +
                "RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
                "DKR107", "DKR107@2:13");
        }

        [Fact]
        public void Reports_update_followed_only_by_cleanup_in_any_stage()
        {
            AssertFindings(
                "FROM debian:12 AS build\n" +
                "RUN set -eux; apt-get -q update && apt-get clean; rm -rf /tmp/*\n" +
                "FROM debian:12\n" +
                "RUN sudo apt update\n",
                "DKR107", "DKR107@2:26", "DKR107@4:14");
        }

        [Theory]
        [InlineData("RUN apt-get update && apt-get install -y curl")]
        [InlineData("RUN apt-get update && apt-get upgrade -y")]
        [InlineData("RUN apt-get update && apt-get build-dep -y foo")]
        [InlineData("RUN apt-get update && ./install-dependencies.sh")]
        [InlineData("RUN apt-get update && apt-cache policy curl")]
        [InlineData("RUN <<EOF\napt-get update\napt-get install -y curl\nEOF")]
        [InlineData("RUN bash <<EOF\napt-get update\nxargs apt-get install -y < packages.txt\nEOF")]
        [InlineData("RUN echo apt-get update")]
        [InlineData("RUN apt-get install -y curl")]
        public void Silent_when_the_same_run_installs_or_may_install(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR107");
        }
    }
}
