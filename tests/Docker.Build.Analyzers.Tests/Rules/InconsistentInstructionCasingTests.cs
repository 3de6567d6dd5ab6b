using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class InconsistentInstructionCasingTests
    {
        private const string Id = "DKR122";

        [Fact]
        public void Reports_a_lower_case_keyword_among_upper_case_ones_as_a_suggestion()
        {
            const string dockerfile = "FROM alpine:3.20\nRUN apk add curl\nrun echo hi\n";
            AssertFindings(dockerfile, Id, "DKR122@3:1");
            var finding = Run(dockerfile).Single(d => d.Id == Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
            Assert.Contains("write 'RUN'", finding.Message);
        }

        [Fact]
        public void Follows_a_lower_case_majority() =>
            AssertFindings("from alpine:3.20\nrun a\nRUN b\ncmd [\"x\"]\n", Id, "DKR122@3:1");

        [Fact]
        public void Breaks_ties_towards_upper_case() =>
            AssertFindings("FROM alpine:3.20\nrun echo hi\n", Id, "DKR122@2:1");

        [Fact]
        public void Reports_mixed_case_keywords_whatever_the_majority()
        {
            const string dockerfile = "FROM alpine:3.20\n  Run echo hi\n";
            AssertFindings(dockerfile, Id, "DKR122@2:3");
            Assert.Contains("mixes upper and lower case", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Fact]
        public void Checks_ONBUILD_triggers() =>
            AssertFindings("FROM alpine:3.20\nONBUILD run make\n", Id, "DKR122@2:9");

        [Fact]
        public void Reports_an_AS_whose_case_differs_from_FROM()
        {
            const string dockerfile = "FROM alpine:3.20 as build\n";
            AssertFindings(dockerfile, Id, "DKR122@1:18");
            Assert.Contains("write 'AS'", Run(dockerfile).Single(d => d.Id == Id).Message);
            AssertFindings("from alpine:3.20 AS build\n", Id, "DKR122@1:18");
        }

        [Theory]
        [InlineData("FROM alpine:3.20 AS build\nRUN true\nFROM build\nCMD [\"x\"]\n")]
        [InlineData("from alpine:3.20 as build\nrun true\nfrom build\ncmd [\"x\"]\n")]
        [InlineData("FROM alpine:3.20\nRUN echo Run run RUN\n")]
        public void Stays_silent_on_consistent_files(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
