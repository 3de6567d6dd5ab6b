using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class LegacyKeyValueFormTests
    {
        private const string Id = "DKR123";

        private static string Message(string dockerfile) => Run(dockerfile).Single(d => d.Id == Id).Message;

        [Fact]
        public void Suggests_key_equals_value_for_a_legacy_ENV()
        {
            const string dockerfile = "FROM alpine:3.20\nENV PORT 8080\n";
            AssertFindings(dockerfile, Id, "DKR123@2:5");
            Assert.Equal(DiagnosticSeverity.Suggestion, Run(dockerfile).Single(d => d.Id == Id).Severity);
            Assert.Contains("write ENV PORT=8080", Message(dockerfile));
        }

        [Fact]
        public void Quotes_a_value_with_spaces_in_the_fix()
        {
            const string dockerfile = "FROM alpine:3.20\nLABEL description This is my app\n";
            AssertFindings(dockerfile, Id, "DKR123@2:7");
            Assert.Contains("write LABEL description=\"This is my app\"", Message(dockerfile));
        }

        [Fact]
        public void Keeps_a_quoted_value_quoted_once() =>
            Assert.Contains("write ENV GREETING=\"hello world\"", Message("FROM alpine:3.20\nENV GREETING \"hello world\"\n"));

        [Fact]
        public void Checks_ONBUILD_triggers() =>
            AssertFindings("FROM alpine:3.20\nONBUILD ENV MODE production\n", Id, "DKR123@2:13");

        [Theory]
        [InlineData("FROM alpine:3.20\nENV PORT=8080\n")]
        [InlineData("FROM alpine:3.20\nENV PORT=8080 HOST=0.0.0.0\n")]
        [InlineData("FROM alpine:3.20\nENV GREETING=\"hello world\"\n")]
        [InlineData("FROM alpine:3.20\nLABEL org.opencontainers.image.title=app\n")]
        [InlineData("FROM alpine:3.20\nARG VERSION\nARG CONFIG=Release\n")]
        public void Stays_silent_on_key_value_pairs(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
