using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Configuration;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Configuration
{
    /// <summary>The engine applying configuration files and warning properties to its findings.</summary>
    public class SeverityApplicationTests
    {
        private const string ProjectDir = "/repo/src/App";
        private const string DockerfilePath = ProjectDir + "/Dockerfile";

        // DKR201 (root) and DKR301 (no HEALTHCHECK) on line 2, DKR102 (no digest, a suggestion) on lines 1-2.
        private const string Flawed = "FROM alpine:3.20 AS build\nFROM node:20-alpine\nEXPOSE 3000\n";

        private static string[] Run(InMemoryFileSystem files, ConfigurationSources? sources = null, WarningOptions? warnings = null,
            string dockerfile = Flawed, AssetPurpose? purpose = null)
        {
            files.AddFile(DockerfilePath, dockerfile);
            var request = new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile, purpose: purpose) }, null, files, discoverSharedAssets: false,
                configuration: sources ?? new ConfigurationSources(discoverEditorConfigFiles: true, discoverGlobalConfigFiles: true), warningOptions: warnings);
            return new DockerAnalyzer().Analyze(request).Diagnostics
                .Select(d => $"{d.Id}@{d.Line}:{Short(d.Severity)}").OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
        }

        private static string Short(DiagnosticSeverity s) => s switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Suggestion => "suggestion",
            DiagnosticSeverity.Hidden => "hidden",
            _ => "none",
        };

        [Fact]
        public void Without_configuration_findings_keep_their_rules_severities()
        {
            Assert.Equal(new[] { "DKR102@1:suggestion", "DKR102@2:suggestion", "DKR201@2:warning", "DKR301@2:warning" }, Run(new InMemoryFileSystem()));
        }

        [Fact]
        public void Editorconfig_sections_found_above_the_asset_set_severities()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/.editorconfig", "[*]\ndotnet_diagnostic.DKR102.severity = none\n[src/App/**]\ndotnet_diagnostic.DKR201.severity = error\n[*.yml]\ndotnet_diagnostic.DKR301.severity = none\n");
            Assert.Equal(new[] { "DKR201@2:error", "DKR301@2:warning" }, Run(files));
        }

        [Fact]
        public void Nearest_file_wins_and_root_stops_the_search()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/.editorconfig", "[*]\ndotnet_diagnostic.DKR301.severity = none\n")
                .AddFile("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR102.severity = none\n")
                .AddFile("/repo/src/.editorconfig", "[Dockerfile]\ndotnet_diagnostic.DKR201.severity = suggestion\n");
            Assert.Equal(new[] { "DKR201@2:suggestion", "DKR301@2:warning" }, Run(files));
        }

        [Fact]
        public void Global_config_applies_and_editorconfig_wins_over_it()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR301.severity = error\ndotnet_diagnostic.DKR102.severity = none\n")
                .AddFile("/repo/src/App/.editorconfig", "[*]\ndotnet_diagnostic.DKR301.severity = suggestion\n");
            Assert.Equal(new[] { "DKR201@2:error", "DKR301@2:suggestion" }, Run(files));
        }

        [Fact]
        public void Category_and_bulk_keys_apply_below_id_entries()
        {
            var files = new InMemoryFileSystem().AddFile("/repo/.editorconfig",
                "[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Docker.Runtime.severity = none\ndotnet_diagnostic.DKR102.severity = default\n");
            Assert.Equal(new[] { "DKR102@1:suggestion", "DKR102@2:suggestion", "DKR201@2:error" }, Run(files));
        }

        [Fact]
        public void Host_documents_are_used_without_reading_the_disk()
        {
            var sources = new ConfigurationSources(new[] { new ConfigurationDocument("/repo/.editorconfig", "[Dockerfile]\ndotnet_diagnostic.DKR201.severity = none\ndotnet_diagnostic.DKR102.severity = none\n") });
            var files = new InMemoryFileSystem().AddFile("/repo/src/.editorconfig", "[*]\ndotnet_diagnostic.DKR301.severity = none\n");
            Assert.Equal(new[] { "DKR301@2:warning" }, Run(files, sources));
        }

        [Fact]
        public void Listed_files_are_read_and_a_listed_root_stops_discovery()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/.editorconfig", "[*]\ndotnet_diagnostic.DKR301.severity = none\n")
                .AddFile("/repo/src/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.DKR102.severity = none\n")
                .AddFile("/shared/team.globalconfig", "is_global = true\ndotnet_diagnostic.DKR201.severity = error\n");
            var sources = new ConfigurationSources(filePaths: new[] { "/repo/src/.editorconfig", "/shared/team.globalconfig", "/missing/x.globalconfig" }, discoverEditorConfigFiles: true);
            Assert.Equal(new[] { "DKR201@2:error", "DKR301@2:warning" }, Run(files, sources));
        }

        [Fact]
        public void Silent_findings_are_dropped_unless_the_host_asks_for_them()
        {
            const string config = "[*]\ndotnet_diagnostic.DKR201.severity = silent\ndotnet_diagnostic.DKR102.severity = none\n";
            var files = new InMemoryFileSystem().AddFile("/repo/.editorconfig", config);
            Assert.Equal(new[] { "DKR301@2:warning" }, Run(files));
            var keep = new ConfigurationSources(discoverEditorConfigFiles: true, reportSilentDiagnostics: true);
            Assert.Equal(new[] { "DKR201@2:hidden", "DKR301@2:warning" }, Run(new InMemoryFileSystem().AddFile("/repo/.editorconfig", config), keep));
        }

        [Fact]
        public void An_id_entry_overrides_the_purpose_downgrade_and_a_bulk_entry_does_not()
        {
            var files = new InMemoryFileSystem().AddFile("/repo/.editorconfig",
                "[*]\ndotnet_diagnostic.DKR201.severity = error\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.DKR102.severity = none\n");
            // DKR301 is production-only: a suggestion on a development Dockerfile, even under a bulk 'error'.
            Assert.Equal(new[] { "DKR201@2:error", "DKR301@2:suggestion" }, Run(files, purpose: AssetPurpose.Development));
        }

        [Theory]
        // NoWarn beats everything; WarningsAsErrors beats a configured 'none'.
        [InlineData("error", "DKR201", "", "", false, "none")]
        [InlineData("none", "", "DKR201", "", false, "error")]
        [InlineData("suggestion", "", "DKR201", "", false, "error")]
        // WarningsNotAsErrors: a configured error becomes a warning; 'none' stays off; nothing promotes it.
        [InlineData("error", "", "", "DKR201", false, "warning")]
        [InlineData("none", "", "", "DKR201", false, "none")]
        [InlineData("error", "", "", "DKR201", true, "warning")]
        [InlineData("warning", "", "", "DKR201", true, "warning")]
        // TreatWarningsAsErrors promotes configured and default warnings, not suggestions, not an id set to 'default'.
        [InlineData("warning", "", "", "", true, "error")]
        [InlineData("", "", "", "", true, "error")]
        [InlineData("suggestion", "", "", "", true, "suggestion")]
        [InlineData("default", "", "", "", true, "warning")]
        [InlineData("none", "", "", "", true, "none")]
        [InlineData("", "DKR201", "DKR201", "", true, "none")]
        public void Warning_properties_follow_the_compiler_precedence(string configured, string noWarn, string warningsAsErrors, string warningsNotAsErrors, bool treatWarningsAsErrors, string expected)
        {
            var files = new InMemoryFileSystem();
            if (configured.Length > 0) files.AddFile("/repo/.editorconfig", $"[*]\ndotnet_diagnostic.DKR201.severity = {configured}\n");
            var warnings = WarningOptions.FromProperties(noWarn, warningsAsErrors, warningsNotAsErrors, treatWarningsAsErrors ? "true" : "");
            var dkr201 = Run(files, warnings: warnings).Where(f => f.StartsWith("DKR201")).ToArray();
            Assert.Equal(expected == "none" ? new string[0] : new[] { "DKR201@2:" + expected }, dkr201);
        }

        [Fact]
        public void NoWarn_drops_suggestions_and_analyzer_findings_too()
        {
            var files = new InMemoryFileSystem();
            var warnings = WarningOptions.FromProperties("DKR102;dkr301", null, null, null);
            Assert.Equal(new[] { "DKR201@2:warning" }, Run(files, warnings: warnings));
        }

        [Fact]
        public void Unreadable_configuration_files_are_skipped()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/.editorconfig", new byte[] { 0xFF, 0xFE, 0x00 })
                .AddFile("/repo/src/.editorconfig", "[*]\ndotnet_diagnostic.DKR102.severity = none\n")
                .AddFile("/repo/src/App/.editorconfig", "[*]\ndotnet_diagnostic.DKR201.severity = none\n")
                .Deny("/repo/src/App/.editorconfig");
            Assert.Equal(new[] { "DKR201@2:warning", "DKR301@2:warning" }, Run(files));
        }
    }
}
