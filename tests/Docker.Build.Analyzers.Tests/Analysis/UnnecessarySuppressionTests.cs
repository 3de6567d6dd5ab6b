using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Configuration;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>DKR904 (a dkr-disable comment that suppresses nothing) and DKR905 (one that names an unknown id).</summary>
    public class UnnecessarySuppressionTests
    {
        private const string ProjectDir = "/repo/src/App";

        private static string[] Run(string path, string text, AssetKind kind, InMemoryFileSystem? files = null, WarningOptions? warnings = null)
        {
            files ??= new InMemoryFileSystem();
            files.AddFile(path, text);
            var request = new AnalysisRequest(ProjectDir, new[] { new AssetInput(path, kind) }, null, files, discoverSharedAssets: false,
                configuration: new ConfigurationSources(discoverEditorConfigFiles: true), warningOptions: warnings);
            return new DockerAnalyzer().Analyze(request).Diagnostics
                .Where(d => d.Id == "DKR904" || d.Id == "DKR905")
                .Select(d => $"{d.Id}@{d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} {d.Message}").ToArray();
        }

        private static string[] Dockerfile(string text, InMemoryFileSystem? files = null, WarningOptions? warnings = null) =>
            Run(ProjectDir + "/Dockerfile", text, AssetKind.Dockerfile, files, warnings);

        private const string Clean = "FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nUSER app\nCMD [\"app\"]\n";

        [Fact]
        public void A_next_line_comment_for_a_rule_that_does_not_fire_is_reported_on_the_comment()
        {
            Assert.Equal(new[] { "DKR904@1:1-1:31 '# dkr-disable-next-line DKR201' suppresses nothing: DKR201 reports nothing here; remove it" },
                Dockerfile("# dkr-disable-next-line DKR201\n" + Clean));
        }

        [Fact]
        public void A_comment_that_suppresses_something_is_silent()
        {
            Assert.Empty(Dockerfile("# dkr-disable-next-line DKR201\nFROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCMD [\"app\"]\n"));
        }

        [Fact]
        public void Each_unneeded_id_of_a_comment_is_reported_and_needed_ids_are_not()
        {
            var text = "# dkr-disable-next-line DKR201 DKR112\nFROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCMD [\"app\"]\n";
            var found = Dockerfile(text);
            Assert.Equal(new[] { "DKR904@1:1-1:38 '# dkr-disable-next-line DKR112 DKR201' suppresses nothing: DKR112 reports nothing here; remove it" }, found);
        }

        [Fact]
        public void File_level_and_id_less_comments_are_checked()
        {
            Assert.Equal(new[] { "DKR904@4:1-4:21 '# dkr-disable DKR118' suppresses nothing: DKR118 reports nothing here; remove it" },
                Dockerfile(Clean + "# dkr-disable DKR118\n"));
            Assert.Equal(new[] { "DKR904@1:1-1:24 '# dkr-disable-next-line' suppresses nothing: no rule reports anything here; remove it" },
                Dockerfile("# dkr-disable-next-line\n" + Clean));
        }

        [Fact]
        public void A_next_line_comment_with_nothing_after_it_is_reported()
        {
            Assert.Single(Dockerfile(Clean + "# dkr-disable-next-line DKR301\n"));
        }

        [Fact]
        public void Unknown_ids_get_their_own_finding()
        {
            Assert.Equal(new[] { "DKR905@1:1-1:31 '# dkr-disable-next-line DKR999' names DKR999, which is not a Docker.Build.Analyzers rule" },
                Dockerfile("# dkr-disable-next-line DKR999\n" + Clean));
        }

        [Fact]
        public void Silent_when_the_rule_is_turned_off_by_configuration_or_NoWarn()
        {
            var text = "# dkr-disable-next-line DKR201\n" + Clean;
            Assert.Empty(Dockerfile(text, new InMemoryFileSystem().AddFile("/repo/.editorconfig", "[Dockerfile]\ndotnet_diagnostic.DKR201.severity = none\n")));
            Assert.Empty(Dockerfile(text, warnings: WarningOptions.FromProperties("DKR201", null, null, null)));
        }

        [Fact]
        public void The_report_obeys_configuration_and_comments_like_any_rule()
        {
            var text = "# dkr-disable-next-line DKR201\n" + Clean;
            Assert.Empty(Dockerfile(text, new InMemoryFileSystem().AddFile("/repo/.editorconfig", "[*]\ndotnet_diagnostic.DKR904.severity = none\n")));
            Assert.Empty(Dockerfile("# dkr-disable DKR904\n" + text));
        }

        [Fact]
        public void Silent_in_a_file_that_could_not_be_parsed_and_for_hadolint_comments()
        {
            Assert.Empty(Dockerfile("# dkr-disable-next-line DKR201\nFROM alpine:3.20\nRUN [\"unterminated\n"));
            Assert.Empty(Dockerfile("# hadolint ignore=DL3002\n" + Clean));
        }

        [Fact]
        public void Compose_and_dockerignore_comments_are_checked()
        {
            var compose = "services:\n  # dkr-disable-next-line DKR510\n  web:\n    image: nginx:1.27\n";
            var found = Run(ProjectDir + "/docker-compose.yml", compose, AssetKind.Compose);
            Assert.Contains("DKR904@2:3-2:33 '# dkr-disable-next-line DKR510' suppresses nothing: DKR510 reports nothing here; remove it", found);
            var ignore = "# dkr-disable DKR402\n.git\nbin/\nobj/\n";
            Assert.Equal(new[] { "DKR904@1:1-1:21 '# dkr-disable DKR402' suppresses nothing: DKR402 reports nothing here; remove it" },
                Run(ProjectDir + "/.dockerignore", ignore, AssetKind.DockerIgnore));
        }
    }
}
