using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Configuration
{
    /// <summary>
    /// Our configuration reader against the compiler's own (Microsoft.CodeAnalysis 4.8: AnalyzerConfig.Parse,
    /// AnalyzerConfigSet.Create, GetOptionsForSourcePath): for each case, the severity each id gets for the file (an
    /// .editorconfig entry, else a global config entry, as the compiler looks them up) and the bulk keys must be equal.
    /// </summary>
    public class RoslynDifferentialTests
    {
        private static readonly string[] Ids = { "DKR201", "dkr301", "DKR101" };
        private static readonly string[] BulkKeys =
        {
            "dotnet_analyzer_diagnostic.severity",
            "dotnet_analyzer_diagnostic.category-Docker.Security.severity",
            "dotnet_analyzer_diagnostic.category-docker.runtime.severity",
        };

        private sealed class Case
        {
            public Case(string source, params (string Path, string Text)[] files)
            {
                Source = source;
                Files = files;
            }

            public string Source { get; }
            public (string Path, string Text)[] Files { get; }
        }

        private static (string, string) Editor(string folder, string text) => (folder + "/.editorconfig", text);
        private static (string, string) Global(string path, string text) => (path, text);
        private static string Sev(string section, string id, string severity) => $"[{section}]\ndotnet_diagnostic.{id}.severity = {severity}\n";

        private static readonly Dictionary<string, Case> Cases = new Dictionary<string, Case>
        {
            ["star section"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("*", "DKR201", "warning"))),
            ["star section, nested file"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("*", "DKR201", "error"))),
            ["**/Dockerfile nested"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("**/Dockerfile", "DKR201", "error"))),
            ["**/Dockerfile at the config folder"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("**/Dockerfile", "DKR201", "error"))),
            ["**/Dockerfile* matches Dockerfile.prod"] = new Case("/repo/a/Dockerfile.prod", Editor("/repo", Sev("**/Dockerfile*", "DKR201", "error"))),
            ["name without slash matches in any folder"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("Dockerfile", "DKR201", "none"))),
            ["src/Api/** matches"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("src/Api/**", "DKR201", "error"))),
            ["src/Api/** does not match a sibling"] = new Case("/repo/src/Web/Dockerfile", Editor("/repo", Sev("src/Api/**", "DKR201", "error"))),
            ["leading slash anchors"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("/src/Api/Dockerfile", "DKR201", "suggestion"))),
            ["src/* does not cross folders"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("src/*", "DKR201", "error"))),
            ["** alone"] = new Case("/repo/src/Api/Dockerfile", Editor("/repo", Sev("**", "DKR201", "silent"))),
            ["*.{yml,yaml} yaml"] = new Case("/repo/docker-compose.yaml", Editor("/repo", Sev("*.{yml,yaml}", "DKR201", "error"))),
            ["*.{yml,yaml} yml"] = new Case("/repo/deploy/compose.yml", Editor("/repo", Sev("*.{yml,yaml}", "DKR201", "error"))),
            ["*.{yml,yaml} Dockerfile"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("*.{yml,yaml}", "DKR201", "error"))),
            ["choice with an empty branch"] = new Case("/repo/docker-compose.yml", Editor("/repo", Sev("docker-compose{,.override}.yml", "DKR201", "error"))),
            ["choice with an empty branch, other"] = new Case("/repo/docker-compose.override.yml", Editor("/repo", Sev("docker-compose{,.override}.yml", "DKR201", "error"))),
            ["nested choices"] = new Case("/repo/src/Web/Dockerfile", Editor("/repo", Sev("{src/{Api,Web},tools}/**", "DKR201", "error"))),
            ["two choices"] = new Case("/repo/b-d.txt", Editor("/repo", Sev("{a,b}-{c,d}.txt", "DKR201", "error"))),
            ["number range inside"] = new Case("/repo/file2.yml", Editor("/repo", Sev("file{1..3}.yml", "DKR201", "error"))),
            ["number range outside"] = new Case("/repo/file4.yml", Editor("/repo", Sev("file{1..3}.yml", "DKR201", "error"))),
            ["number range reversed"] = new Case("/repo/file2.yml", Editor("/repo", Sev("file{3..1}.yml", "DKR201", "error"))),
            ["number range negative"] = new Case("/repo/file-3.yml", Editor("/repo", Sev("file{-5..-1}.yml", "DKR201", "error"))),
            ["number range leading zeros"] = new Case("/repo/file007.yml", Editor("/repo", Sev("file{1..10}.yml", "DKR201", "error"))),
            ["number range after a star (greedy match decides)"] = new Case("/repo/a15", Editor("/repo", Sev("*{10..20}", "DKR201", "error"))),
            ["number range after a star, in range"] = new Case("/repo/a15", Editor("/repo", Sev("*{1..9}", "DKR201", "error"))),
            ["question mark"] = new Case("/repo/Dockerfile.prod", Editor("/repo", Sev("Dockerfile?prod", "DKR201", "error"))),
            ["question mark over a slash"] = new Case("/repo/src/Dockerfile", Editor("/repo", Sev("src?Dockerfile", "DKR201", "error"))),
            ["character class"] = new Case("/repo/dockerfile", Editor("/repo", Sev("[Dd]ockerfile", "DKR201", "error"))),
            ["negated character class"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("[!a-c]ockerfile", "DKR201", "error"))),
            ["character class range"] = new Case("/repo/Dockerfile7", Editor("/repo", Sev("Dockerfile[0-9]", "DKR201", "error"))),
            ["escaped star"] = new Case("/repo/Docker*file", Editor("/repo", Sev("Docker\\*file", "DKR201", "error"))),
            ["escaped star does not glob"] = new Case("/repo/Dockerxfile", Editor("/repo", Sev("Docker\\*file", "DKR201", "error"))),
            ["top-level comma is invalid"] = new Case("/repo/a", Editor("/repo", Sev("a,b", "DKR201", "error"))),
            ["unclosed brace is invalid"] = new Case("/repo/a", Editor("/repo", Sev("{a,b", "DKR201", "error"))),
            ["case-sensitive names"] = new Case("/repo/dockerfile", Editor("/repo", Sev("Dockerfile", "DKR201", "error"))),
            ["nearest file wins"] = new Case("/repo/src/Dockerfile",
                Editor("/repo", Sev("*", "DKR201", "error") + Sev("*", "DKR301", "error")), Editor("/repo/src", Sev("*", "DKR201", "warning"))),
            ["root = true in the nearer file"] = new Case("/repo/src/Dockerfile",
                Editor("/repo", Sev("*", "DKR301", "error")), Editor("/repo/src", "root = true\n" + Sev("*", "DKR201", "warning"))),
            ["root = true in the outer file only"] = new Case("/repo/src/Dockerfile",
                Editor("/repo", "root = true\n" + Sev("*", "DKR301", "error")), Editor("/repo/src", Sev("*", "DKR201", "warning"))),
            ["ROOT = TRUE any case"] = new Case("/repo/src/Dockerfile",
                Editor("/repo", Sev("*", "DKR301", "error")), Editor("/repo/src", "ROOT = TRUE\n" + Sev("*", "DKR201", "warning"))),
            ["a config in another folder does not apply"] = new Case("/repo/src/Dockerfile", Editor("/repo/tests", Sev("*", "DKR201", "error"))),
            ["later section wins"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("*", "DKR201", "error") + Sev("Dockerfile", "DKR201", "suggestion"))),
            ["severity words in any case"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("*", "DKR201", "ERROR") + Sev("*", "DKR301", "Suggestion"))),
            ["unknown severity keeps the earlier one"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("*", "DKR201", "warning") + Sev("Dockerfile", "DKR201", "fatal"))),
            ["comments after values"] = new Case("/repo/Dockerfile", Editor("/repo", "[*]\ndotnet_diagnostic.DKR201.severity = error # why\ndotnet_diagnostic.DKR301.severity = none ; other\n")),
            ["colon form"] = new Case("/repo/Dockerfile", Editor("/repo", "[*]\ndotnet_diagnostic.DKR201.severity: error\n")),
            ["preamble entries of an editorconfig are ignored"] = new Case("/repo/Dockerfile", Editor("/repo", "dotnet_diagnostic.DKR201.severity = error\n[*.cs]\nx = y\n")),
            ["all severity words"] = new Case("/repo/Dockerfile", Editor("/repo", Sev("*", "DKR201", "default") + Sev("*", "DKR301", "refactoring") + Sev("*", "DKR101", "silent"))),
            ["section header with a comment"] = new Case("/repo/Dockerfile", Editor("/repo", "[*] # everything\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["CRLF line endings"] = new Case("/repo/Dockerfile", Editor("/repo", "root = true\r\n[*]\r\ndotnet_diagnostic.DKR201.severity = error\r\n")),
            ["blank and comment lines"] = new Case("/repo/Dockerfile", Editor("/repo", "# top\n\n; also\n[*]\n  # indented\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["global config with is_global"] = new Case("/repo/src/Dockerfile", Global("/repo/team.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\n")),
            [".globalconfig without is_global"] = new Case("/repo/src/Dockerfile", Global("/repo/.globalconfig", "dotnet_diagnostic.DKR201.severity = error\n")),
            ["is_global = false still global"] = new Case("/repo/src/Dockerfile", Global("/repo/x.editorconfig", "is_global = false\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["editorconfig wins over global"] = new Case("/repo/src/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR301.severity = error\n"),
                Editor("/repo", Sev("*", "DKR201", "suggestion"))),
            ["two globals, same level: conflict drops the key"] = new Case("/repo/Dockerfile",
                Global("/repo/a.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR301.severity = error\n"),
                Global("/repo/b.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = warning\n")),
            ["two globals, same value at the same level"] = new Case("/repo/Dockerfile",
                Global("/repo/a.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\n"),
                Global("/repo/b.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["two globals, higher level wins"] = new Case("/repo/Dockerfile",
                Global("/repo/a.globalconfig", "is_global = true\nglobal_level = 5\ndotnet_diagnostic.DKR201.severity = error\n"),
                Global("/repo/b.globalconfig", "is_global = true\nglobal_level = 10\ndotnet_diagnostic.DKR201.severity = warning\n")),
            ["higher level wins over a conflict"] = new Case("/repo/Dockerfile",
                Global("/repo/a.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\n"),
                Global("/repo/b.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = warning\n"),
                Global("/repo/c.globalconfig", "is_global = true\nglobal_level = 1\ndotnet_diagnostic.DKR201.severity = none\n")),
            [".globalconfig (level 100) beats another global (level 0)"] = new Case("/repo/Dockerfile",
                Global("/repo/.globalconfig", "dotnet_diagnostic.DKR201.severity = error\n"),
                Global("/repo/other.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = none\n")),
            ["global section with an absolute path"] = new Case("/repo/src/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\n[/repo/src/Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["global section with another path"] = new Case("/repo/src/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\n[/repo/other/Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["global section with a relative name is ignored"] = new Case("/repo/src/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\n[Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["global section with a glob"] = new Case("/repo/src/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\n[/repo/**/Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\n")),
            ["global path section, then editorconfig root"] = new Case("/repo/src/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\n[/repo/src/Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR301.severity = error\n"),
                Editor("/repo/src", "root = true\n" + Sev("*", "DKR101", "none"))),
            ["category key in an editorconfig"] = new Case("/repo/Dockerfile",
                Editor("/repo", "[*]\ndotnet_analyzer_diagnostic.category-Docker.Security.severity = error\ndotnet_analyzer_diagnostic.severity = suggestion\n")),
            ["bulk keys in a global config"] = new Case("/repo/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.severity = warning\ndotnet_analyzer_diagnostic.category-Docker.Runtime.severity = none\n")),
            ["bulk key: editorconfig over global"] = new Case("/repo/Dockerfile",
                Global("/repo/.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.severity = warning\n"),
                Editor("/repo", "[Dockerfile]\ndotnet_analyzer_diagnostic.severity = error\n")),
        };

        public static IEnumerable<object[]> CaseNames() => Cases.Keys.Select(k => new object[] { k });

        [Fact]
        public void The_table_has_at_least_forty_cases_and_most_configure_something()
        {
            Assert.True(Cases.Count >= 40, $"only {Cases.Count} cases");
            int configured = Cases.Values.Count(c => Roslyn(c).Contains("="));
            Assert.True(configured >= Cases.Count / 2, $"only {configured} cases configure anything");
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Same_answer_as_the_compiler(string name)
        {
            var c = Cases[name];
            Assert.Equal(Roslyn(c), Ours(c));
        }

        private static string Roslyn(Case c)
        {
            var configs = c.Files.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToImmutableArray();
            var set = AnalyzerConfigSet.Create(configs, out _);
            var result = set.GetOptionsForSourcePath(c.Source);
            var global = set.GlobalConfigOptions;
            var sb = new StringBuilder();
            foreach (var id in Ids)
            {
                string value = result.TreeOptions.TryGetValue(id, out var s) ? s.ToString()
                    : global.TreeOptions.TryGetValue(id, out s) ? s.ToString() : "-";
                sb.Append(id.ToUpperInvariant()).Append(value == "-" ? ":" : "=").Append(value).Append("; ");
            }
            foreach (var key in BulkKeys)
            {
                string value = result.AnalyzerOptions.TryGetValue(key, out var v) ? v
                    : global.AnalyzerOptions.TryGetValue(key, out v) ? v : "-";
                sb.Append(key).Append(value == "-" ? ":" : "=").Append(value).Append("; ");
            }
            return sb.ToString();
        }

        private static string Ours(Case c)
        {
            var set = ConfigurationSet.Create(c.Files.Select(f => AnalyzerConfigFile.Parse(f.Text, f.Path)));
            var configuration = set.GetConfiguration(c.Source);
            var sb = new StringBuilder();
            foreach (var id in Ids)
            {
                string value = configuration.TryGetRuleSeverity(id, out var s) ? ToRoslynName(s) : "-";
                sb.Append(id.ToUpperInvariant()).Append(value == "-" ? ":" : "=").Append(value).Append("; ");
            }
            foreach (var key in BulkKeys)
            {
                string value = configuration.TryGetOption(key, out var v) ? v : "-";
                sb.Append(key).Append(value == "-" ? ":" : "=").Append(value).Append("; ");
            }
            return sb.ToString();
        }

        private static string ToRoslynName(ConfiguredSeverity severity) => severity switch
        {
            ConfiguredSeverity.Default => nameof(ReportDiagnostic.Default),
            ConfiguredSeverity.Error => nameof(ReportDiagnostic.Error),
            ConfiguredSeverity.Warning => nameof(ReportDiagnostic.Warn),
            ConfiguredSeverity.Suggestion => nameof(ReportDiagnostic.Info),
            ConfiguredSeverity.Silent => nameof(ReportDiagnostic.Hidden),
            _ => nameof(ReportDiagnostic.Suppress),
        };
    }
}
