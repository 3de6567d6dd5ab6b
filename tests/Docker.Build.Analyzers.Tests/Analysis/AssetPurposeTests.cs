using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class AssetPurposeTests
    {
        [Theory]
        [InlineData("/r/src/Api/Dockerfile.develop", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/src/Api/Dockerfile.dev", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/src/Api/Dockerfile.debug", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/src/Api/Dockerfile.local", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/src/Api/Dockerfile.development", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/src/Api/api.dev.Dockerfile", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/src/Api/dev.Dockerfile", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/.devcontainer/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Development)]
        [InlineData("/r/.devcontainer/docker-compose.yml", AssetKind.Compose, AssetPurpose.Development)]
        [InlineData("/r/docker-compose.override.yml", AssetKind.Compose, AssetPurpose.Development)]
        [InlineData("/r/compose.override.yaml", AssetKind.Compose, AssetPurpose.Development)]
        [InlineData("/r/docker-compose.vs.debug.yml", AssetKind.Compose, AssetPurpose.Development)]
        [InlineData("/r/compose.dev.yaml", AssetKind.Compose, AssetPurpose.Development)]
        [InlineData("/r/tests/Api.Tests/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Test)]
        [InlineData("/r/test/fixtures/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Test)]
        [InlineData("/r/src/testassets/app/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Test)]
        [InlineData("/r/BTCPayServer.Tests/sshd.Dockerfile", AssetKind.Dockerfile, AssetPurpose.Test)]
        [InlineData("/r/src/Shop.IntegrationTests/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Test)]
        [InlineData("/r/src/Contests/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Production)]
        [InlineData("/r/src/Api/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Production)]
        [InlineData("/r/src/Api/Dockerfile.alpine", AssetKind.Dockerfile, AssetPurpose.Production)]
        [InlineData("/r/src/Api/Dockerfile.devops", AssetKind.Dockerfile, AssetPurpose.Production)]
        [InlineData("/r/docker-compose.yml", AssetKind.Compose, AssetPurpose.Production)]
        [InlineData("/r/docker-compose.prod.yml", AssetKind.Compose, AssetPurpose.Production)]
        [InlineData("/r/src/Latest/Dockerfile", AssetKind.Dockerfile, AssetPurpose.Production)]
        public void Purpose_from_name_and_location(string path, AssetKind kind, AssetPurpose expected) =>
            Assert.Equal(expected, AssetPurposes.Infer(path, kind, "/r"));

        [Fact]
        public void Folders_above_the_root_never_make_a_test_asset()
        {
            Assert.Equal(AssetPurpose.Production, AssetPurposes.Infer("/home/me/tests/shop/src/Api/Dockerfile", AssetKind.Dockerfile, "/home/me/tests/shop"));
            Assert.Equal(AssetPurpose.Test, AssetPurposes.Infer("/home/me/tests/shop/tests/Api/Dockerfile", AssetKind.Dockerfile, "/home/me/tests/shop"));
        }

        [Theory]
        [InlineData("Dockerfile.ci", "/p/Dockerfile.ci", true)]
        [InlineData("*.ci", "/p/Dockerfile.ci", true)]
        [InlineData("tools/**", "/p/tools/a/b/Dockerfile", true)]
        [InlineData("tools/*", "/p/tools/a/Dockerfile", false)]
        [InlineData("tools/*/Dockerfile", "/p/tools/a/Dockerfile", true)]
        [InlineData("**/Dockerfile", "/p/Dockerfile", true)]
        [InlineData("DOCKERFILE.CI", "/p/Dockerfile.ci", true)]
        [InlineData("Dockerfile.c?", "/p/Dockerfile.ci", true)]
        [InlineData("Dockerfile", "/p/Dockerfile.ci", false)]
        public void User_patterns_match_names_or_paths_relative_to_the_project(string pattern, string path, bool expected) =>
            Assert.Equal(expected, AssetPurposes.MatchesAny(path, new[] { pattern }, "/p"));

        [Fact]
        public void Glob_matching_is_linear_on_pathological_patterns()
        {
            string pattern = string.Concat(Enumerable.Repeat("a*", 30)) + "b";
            Assert.False(AssetPurposes.GlobMatch(pattern, new string('a', 5000)));
            Assert.True(AssetPurposes.GlobMatch(string.Concat(Enumerable.Repeat("**/", 40)) + "x", string.Concat(Enumerable.Repeat("d/", 40)) + "x"));
        }

        [Fact]
        public void Production_only_rules_become_suggestions_on_development_assets_and_the_others_keep_their_severity()
        {
            Assert.Equal(DiagnosticSeverity.Suggestion, PurposePolicy.Apply("DKR201", DiagnosticSeverity.Warning, AssetPurpose.Development));
            Assert.Equal(DiagnosticSeverity.Suggestion, PurposePolicy.Apply("DKR301", DiagnosticSeverity.Warning, AssetPurpose.Test));
            Assert.Equal(DiagnosticSeverity.Warning, PurposePolicy.Apply("DKR201", DiagnosticSeverity.Warning, AssetPurpose.Production));
            Assert.Equal(DiagnosticSeverity.Warning, PurposePolicy.Apply("DKR202", DiagnosticSeverity.Warning, AssetPurpose.Development));
            Assert.Equal(DiagnosticSeverity.Warning, PurposePolicy.Apply("DKR121", DiagnosticSeverity.Warning, AssetPurpose.Development));
        }

        private const string RootDockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nENV DB_PASSWORD=hunter22\nCOPY . .\nENTRYPOINT [\"dotnet\", \"watch\"]\n";

        private static Diagnostic[] Analyze(string dockerfilePath, AssetPurpose? purpose = null, ProjectFacts? project = null)
        {
            var files = new InMemoryFileSystem().AddFile(dockerfilePath, RootDockerfile).AddFile("/repo/src/App/App.csproj", "<Project/>");
            var request = new AnalysisRequest("/repo/src/App", new[] { new AssetInput(dockerfilePath, AssetKind.Dockerfile, null, purpose) }, project, files);
            return new DockerAnalyzer().Analyze(request).Diagnostics.ToArray();
        }

        [Fact]
        public void A_develop_dockerfile_gets_suggestions_for_production_rules_and_a_warning_for_the_secret()
        {
            var production = Analyze("/repo/src/App/Dockerfile");
            Assert.Contains(production, d => d.Id == "DKR201" && d.Severity == DiagnosticSeverity.Warning);
            Assert.Contains(production, d => d.Id == "DKR103" && d.Severity == DiagnosticSeverity.Warning);

            var develop = Analyze("/repo/src/App/Dockerfile.develop");
            Assert.Contains(develop, d => d.Id == "DKR201" && d.Severity == DiagnosticSeverity.Suggestion);
            Assert.Contains(develop, d => d.Id == "DKR103" && d.Severity == DiagnosticSeverity.Suggestion);
            Assert.Contains(develop, d => d.Id == "DKR202" && d.Severity == DiagnosticSeverity.Warning);
            Assert.DoesNotContain(develop, d => d.Severity == DiagnosticSeverity.Warning && PurposePolicy.IsProductionOnly(d.Id));
        }

        [Fact]
        public void Purpose_metadata_and_project_patterns_win_over_the_name()
        {
            var declared = Analyze("/repo/src/App/Dockerfile.develop", AssetPurpose.Production);
            Assert.Contains(declared, d => d.Id == "DKR201" && d.Severity == DiagnosticSeverity.Warning);

            var pattern = Analyze("/repo/src/App/Dockerfile", project: new ProjectFacts("/repo/src/App/App.csproj", developmentAssetPatterns: new[] { "Dockerfile" }));
            Assert.Contains(pattern, d => d.Id == "DKR201" && d.Severity == DiagnosticSeverity.Suggestion);
        }

        [Fact]
        public void Assets_in_a_test_projects_folder_are_test_assets()
        {
            var project = new ProjectFacts("/repo/src/App/App.csproj", isTestProject: true);
            Assert.Contains(Analyze("/repo/src/App/Dockerfile", project: project), d => d.Id == "DKR201" && d.Severity == DiagnosticSeverity.Suggestion);
        }

        [Theory]
        [InlineData("Dockerfile.original", true)]
        [InlineData("Dockerfile.orig", true)]
        [InlineData("Dockerfile.bak", true)]
        [InlineData("Dockerfile~", true)]
        [InlineData("Dockerfile.swp", true)]
        [InlineData("Dockerfile", false)]
        [InlineData("Dockerfile.develop", false)]
        [InlineData("api.Dockerfile", false)]
        public void Backup_files_are_not_assets(string name, bool backup) =>
            Assert.Equal(backup, AssetKinds.IsBackupName(name));
    }
}
