using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class InlineSuppressionTests
    {
        // DKR102 (tag without digest) would appear on every line of these samples; it is not what they test.
        private static string[] Ids(string dockerfile) => Run(dockerfile).Where(d => d.Id != "DKR102").Select(d => $"{d.Id}@{d.Line}").ToArray();

        private const string Flawed = "FROM node:20-alpine\nEXPOSE 3000\n";

        [Fact]
        public void Baseline_has_the_stage_level_findings()
        {
            Assert.Equal(new[] { "DKR201@1", "DKR301@1" }, Ids(Flawed));
        }

        [Fact]
        public void Next_line_comment_above_the_final_from_suppresses_stage_findings()
        {
            Assert.Equal(new[] { "DKR301@2" }, Ids("# dkr-disable-next-line DKR201\n" + Flawed));
            Assert.Empty(Ids("# dkr-disable-next-line DKR201 DKR301\n" + Flawed));
            Assert.Empty(Ids("# dkr-disable-next-line DKR201, DKR301 -- a worker image, health via the sidecar\n" + Flawed));
        }

        [Fact]
        public void Next_line_comment_applies_to_the_next_instruction_only()
        {
            var text = "FROM alpine:3.20\n# dkr-disable-next-line DKR202\nENV A_PASSWORD=x \\\n    B_TOKEN=y\nENV C_SECRET=z\nUSER app\n";
            Assert.Equal(new[] { "DKR202@5" }, Ids(text));
        }

        [Fact]
        public void Disable_without_ids_silences_everything_for_that_instruction()
        {
            Assert.Empty(Ids("# dkr-disable-next-line\n" + Flawed));
        }

        [Fact]
        public void File_level_disable_applies_from_the_comment_on()
        {
            var text = "FROM alpine AS build\n# dkr-disable DKR101\nFROM alpine\nUSER app\n";
            Assert.Equal(new[] { "DKR101@1" }, Ids(text));
            Assert.Empty(Ids("# dkr-disable DKR201 DKR301\n" + Flawed));
        }

        [Fact]
        public void Hadolint_ignore_comments_map_to_dkr_rules()
        {
            Assert.Equal(new[] { "DKR301@2" }, Ids("# hadolint ignore=DL3002,DL3008\n" + Flawed));
            Assert.DoesNotContain("DKR101@1", Ids("FROM node\n# hadolint global ignore=DL3006\nUSER app\n"));
            Assert.Contains("DKR101@1", Ids("FROM node\nUSER app\n"));
        }

        [Fact]
        public void Hadolint_next_line_applies_to_one_instruction()
        {
            var ids = Ids("# hadolint ignore=DL3007\nFROM alpine:latest AS a\nFROM alpine:latest\nUSER app\n");
            Assert.Equal(new[] { "DKR101@3" }, ids);
        }

        [Fact]
        public void BuildKit_check_directive_skips_mapped_rules_for_the_file()
        {
            var text = "# check=skip=SecretsUsedInArgOrEnv\nFROM alpine:3.20\nENV DB_PASSWORD=x\nUSER app\n";
            Assert.Empty(Ids(text));
            text = "# check=error=true;skip=SecretsUsedInArgOrEnv,JSONArgsRecommended\nFROM alpine:3.20\nENV DB_PASSWORD=x\nUSER app\n";
            Assert.Empty(Ids(text));
        }

        [Fact]
        public void BuildKit_check_comment_above_an_instruction_skips_it()
        {
            var text = "FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\nENV DB_PASSWORD=x\nENV API_TOKEN=y\nUSER app\n";
            Assert.Equal(new[] { "DKR202@4" }, Ids(text));
        }

        [Fact]
        public void Unrelated_comments_do_not_suppress()
        {
            Assert.Equal(new[] { "DKR201@2", "DKR301@2" }, Ids("# disable nothing DKR201\n" + Flawed));
            Assert.Equal(new[] { "DKR201@2", "DKR301@2" }, Ids("# dkr-disabled DKR201\n" + Flawed));
        }
    }
}
