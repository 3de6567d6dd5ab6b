using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class InvalidOrDuplicateStageNameTests
    {
        private const string Id = "DKR115";

        [Fact]
        public void Warns_at_the_second_use_of_a_name_whatever_its_case()
        {
            const string dockerfile = "FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20 AS Build\n";
            AssertFindings(dockerfile, Id, "DKR115@3:21");
            var finding = Run(dockerfile).Single(d => d.Id == Id);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains("already used by the stage on line 1", finding.Message);
        }

        [Fact]
        public void Suggests_lower_case_for_a_mixed_case_name()
        {
            const string dockerfile = "FROM alpine:3.20 AS BuildEnv\n";
            AssertFindings(dockerfile, Id, "DKR115@1:21");
            var finding = Run(dockerfile).Single(d => d.Id == Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
            Assert.Contains("'buildenv'", finding.Message);
        }

        [Theory]
        [InlineData("FROM alpine:3.20 AS scratch\n")]
        [InlineData("FROM alpine:3.20 AS context\n")]
        [InlineData("FROM alpine:3.20 as Context\n")]
        public void Warns_about_reserved_names(string dockerfile)
        {
            AssertFindings(dockerfile, Id, "DKR115@1:21");
            Assert.Equal(DiagnosticSeverity.Warning, Run(dockerfile).Single(d => d.Id == Id).Severity);
        }

        [Theory]
        [InlineData("FROM alpine:3.20 AS 1st\n")]
        [InlineData("FROM alpine:3.20 AS my/stage\n")]
        [InlineData("FROM alpine:3.20 AS -build\n")]
        public void Warns_about_names_Docker_rejects(string dockerfile)
        {
            AssertFindings(dockerfile, Id, "DKR115@1:21");
            Assert.Contains("not a valid stage name", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Theory]
        [InlineData("FROM alpine:3.20 AS build\nFROM build AS test\nFROM alpine:3.20 AS final\n")]
        [InlineData("FROM alpine:3.20 AS build-env_1.0\n")]
        [InlineData("FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\n")]
        [InlineData("FROM alpine:3.20\nFROM alpine:3.20\n")]
        public void Stays_silent_on_good_names(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [InlineData("# hadolint ignore=DL3063\nFROM alpine:3.20 AS scratch\n")]
        [InlineData("# check=skip=ReservedStageName\nFROM alpine:3.20 AS context\n")]
        [InlineData("FROM alpine:3.20 AS a\n# hadolint ignore=DL3024\nFROM alpine:3.20 AS a\n")]
        [InlineData("FROM alpine:3.20 AS a\n# dkr-disable-next-line DKR115\nFROM alpine:3.20 AS A\n")]
        public void Honours_the_suppressions_of_hadolint_BuildKit_and_dkr(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
