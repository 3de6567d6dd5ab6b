using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class CmdEntrypointOrHealthcheckOverriddenTests
    {
        private const string Id = "DKR113";

        [Fact]
        public void Reports_the_overridden_CMD_and_names_the_line_that_wins()
        {
            const string dockerfile = "FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n";
            AssertFindings(dockerfile, Id, "DKR113@2:1");
            Assert.Contains("the CMD on line 3", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Fact]
        public void Reports_every_ENTRYPOINT_but_the_last() =>
            AssertFindings("FROM alpine:3.20\nENTRYPOINT [\"a\"]\nENTRYPOINT b\nRUN true\nentrypoint [\"c\"]\n", Id, "DKR113@2:1", "DKR113@3:1");

        [Fact]
        public void Reports_a_HEALTHCHECK_replaced_later_even_by_NONE() =>
            AssertFindings(
                "FROM alpine:3.20\n" +
                "HEALTHCHECK --interval=30s CMD wget -q -O- http://localhost:8080/health || exit 1\n" +
                "HEALTHCHECK NONE\n",
                Id, "DKR113@2:1");

        [Fact]
        public void Counts_each_instruction_kind_on_its_own() =>
            AssertFindings(
                "FROM alpine:3.20\n" +
                "CMD [\"a\"]\n" +
                "ENTRYPOINT [\"/entry\"]\n" +
                "HEALTHCHECK CMD true\n" +
                "CMD [\"b\"]\n",
                Id, "DKR113@2:1");

        [Fact]
        public void Does_not_compare_across_stages() =>
            AssertSilent(
                "FROM alpine:3.20 AS base\n" +
                "CMD [\"base\"]\n" +
                "ENTRYPOINT [\"/base\"]\n" +
                "FROM base AS final\n" +
                "CMD [\"final\"]\n" +
                "ENTRYPOINT [\"/final\"]\n",
                Id);

        [Fact]
        public void Does_not_count_ONBUILD_triggers() =>
            AssertSilent("FROM alpine:3.20\nONBUILD CMD [\"child\"]\nCMD [\"parent\"]\nONBUILD HEALTHCHECK NONE\nHEALTHCHECK CMD true\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
