using System.Linq;
using System.Text.Json;
using Docker.Build.Analyzers.Rules;
using Xunit;

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary>Usage errors exit with 2 and one clear line; <c>rules</c> lists the catalog.</summary>
    public class UsageTests
    {
        [Theory]
        [InlineData("--bogus")]
        [InlineData("--severity", "loud")]
        [InlineData("--format", "xml")]
        [InlineData("no-such-folder")]
        [InlineData("--dry-run")]
        public void Usage_errors_exit_with_2_and_say_why(params string[] arguments)
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", "FROM ubuntu\n");

            var run = folder.Run(arguments);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("error", run.StandardError);
            Assert.Equal("", run.StandardOutput);
        }

        [Fact]
        public void Help_exits_0()
        {
            using var folder = new FixtureFolder();
            var run = folder.Run("--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("--severity", run.StandardOutput);
            Assert.Contains("rules", run.StandardOutput);
        }

        [Fact]
        public void Rules_lists_every_rule_of_the_catalog_with_severity_title_and_link()
        {
            using var folder = new FixtureFolder();
            var run = folder.Run("rules");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(RuleCatalog.Descriptors.Count, run.OutputLines.Count);
            var first = RuleCatalog.Descriptors[0];
            Assert.Matches($"^{first.Id}  [a-z]+ +{System.Text.RegularExpressions.Regex.Escape(first.Title)} +{System.Text.RegularExpressions.Regex.Escape(first.HelpLink)}$", run.OutputLines[0]);
        }

        [Fact]
        public void Rules_as_json_match_the_catalog()
        {
            using var folder = new FixtureFolder();
            var run = folder.Run("rules", "--format", "json");

            Assert.Equal(0, run.ExitCode);
            using var document = JsonDocument.Parse(run.StandardOutput);
            var rules = document.RootElement.GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
            var dkr101 = rules.Single(r => r.GetProperty("id").GetString() == "DKR101");
            Assert.Equal("warning", dkr101.GetProperty("severity").GetString());
            Assert.EndsWith("DKR101.md", dkr101.GetProperty("helpLink").GetString());
        }
    }
}
