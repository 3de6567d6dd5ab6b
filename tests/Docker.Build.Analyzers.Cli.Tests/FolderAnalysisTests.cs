using System.Linq;
using System.Text.Json;
using Xunit;

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary><c>docker-analyzers [folder]</c>: what is found, how it is written, and the exit codes.</summary>
    public class FolderAnalysisTests
    {
        private const string RootImage = "FROM ubuntu\n";
        private const string CleanDockerfile =
            "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nCOPY app.txt /app/\nENTRYPOINT [\"/app/app\"]\n";

        [Fact]
        public void Findings_are_written_in_the_canonical_form_with_paths_relative_to_the_current_folder_and_exit_code_1()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", RootImage);
            folder.Write("services/api/Dockerfile", RootImage);

            var run = folder.Run();

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(new[]
            {
                "Dockerfile(1,1): warning DKR201: ",
                "Dockerfile(1,6): warning DKR101: ",
                "services/api/Dockerfile(1,1): warning DKR201: ",
                "services/api/Dockerfile(1,6): warning DKR101: ",
            }, run.OutputLines.Select(l => l.Substring(0, l.IndexOf(": ", l.IndexOf("DKR")) + 2)).ToArray());
            Assert.Contains("Base image 'ubuntu' has no tag", run.StandardOutput);
            Assert.Contains("0 errors, 4 warnings, 0 suggestions in 2 files.", run.StandardError);
        }

        [Fact]
        public void A_folder_given_as_argument_is_reported_relative_to_the_current_folder()
        {
            using var folder = new FixtureFolder();
            folder.Write("repo/docker/Dockerfile", RootImage);

            var run = folder.Run("repo/docker", "--severity", "error");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.StandardOutput);

            run = folder.Run("repo");
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("repo/docker/Dockerfile(1,1): warning DKR201: ", run.OutputLines[0]);
        }

        [Fact]
        public void A_clean_folder_exits_0_and_suggestions_show_only_when_asked_for()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", CleanDockerfile);
            folder.Write("app.txt", "x");

            var run = folder.Run();
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("", run.StandardOutput);
            Assert.Contains("No findings in 1 file.", run.StandardError);

            run = folder.Run("--severity", "suggestion");
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("Dockerfile(1,6): message DKR102: ", Assert.Single(run.OutputLines));
        }

        [Fact]
        public void Git_folders_build_output_node_modules_and_gitignored_paths_are_skipped_and_negations_reinclude()
        {
            using var folder = new FixtureFolder();
            // As in git, re-including a folder ("!vendor/keep/") does not re-include its files: "!vendor/keep/**" does.
            folder.Write(".gitignore", "# generated\n/generated/\n*.tmpdir/\nvendor/**\n!vendor/keep/\n!vendor/keep/**\n");
            folder.Write("vendor/other/Dockerfile.keep-out", RootImage);
            foreach (var skipped in new[] { ".git/Dockerfile", "bin/Dockerfile", "src/obj/Dockerfile", "web/node_modules/pkg/Dockerfile",
                         "generated/Dockerfile", "x.tmpdir/Dockerfile", "vendor/lib/Dockerfile", "src/Dockerfile.orig" })
                folder.Write(skipped, RootImage);
            folder.Write("vendor/keep/Dockerfile", RootImage);
            folder.Write("src/generated/Dockerfile", RootImage); // "/generated/" is anchored to the root
            folder.Write("src/.gitignore", "Dockerfile.local\n");
            folder.Write("src/Dockerfile.local", RootImage);
            folder.Write("src/Dockerfile.prod", RootImage);

            var run = folder.Run();

            var files = run.OutputLines.Select(l => l.Substring(0, l.IndexOf('('))).Distinct().ToArray();
            Assert.Equal(new[] { "src/Dockerfile.prod", "src/generated/Dockerfile", "vendor/keep/Dockerfile" }, files);
        }

        [Fact]
        public void The_gitignore_files_above_the_analysed_folder_apply_up_to_the_repository_root()
        {
            using var folder = new FixtureFolder();
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(folder.Root, "repo", ".git"));
            folder.Write("repo/.gitignore", "services/*/generated/\n");
            folder.Write("repo/services/.gitignore", "Dockerfile.local\n");
            folder.Write("repo/services/api/Dockerfile", RootImage);
            folder.Write("repo/services/api/Dockerfile.local", RootImage);
            folder.Write("repo/services/api/generated/Dockerfile", RootImage);
            // Above the repository root: not read.
            folder.Write(".gitignore", "Dockerfile\n");

            var run = folder.Run("repo/services/api");

            var files = run.OutputLines.Select(l => l.Substring(0, l.IndexOf('('))).Distinct().ToArray();
            Assert.Equal(new[] { "repo/services/api/Dockerfile" }, files);
        }

        [Fact]
        public void A_dockerignore_shared_by_several_Dockerfiles_is_reported_once()
        {
            using var folder = new FixtureFolder();
            folder.Write(".dockerignore", "**/bin\n**/obj\n");
            folder.Write("app.txt", "x");
            folder.Write("a/Dockerfile", CleanDockerfile.Replace("COPY app.txt", "COPY . "));
            folder.Write("b/Dockerfile", CleanDockerfile.Replace("COPY app.txt", "COPY . "));
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(folder.Root, ".git"));

            var run = folder.Run();

            var ignoreFindings = run.OutputLines.Where(l => l.StartsWith(".dockerignore(")).ToList();
            Assert.NotEmpty(ignoreFindings);
            Assert.Equal(ignoreFindings.Distinct().Count(), ignoreFindings.Count);
        }

        [Fact]
        public void A_compose_file_decides_the_context_of_the_Dockerfile_it_builds()
        {
            using var folder = new FixtureFolder();
            // One source exists at the root, one nowhere: inference cannot decide (half the sources), compose can.
            folder.Write("docker/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nCOPY app.txt /app/\nCOPY missing.txt /app/\nENTRYPOINT [\"/app/app\"]\n");
            folder.Write("app.txt", "x");

            var withoutCompose = folder.Run();
            Assert.DoesNotContain("DKR121", withoutCompose.StandardOutput);

            folder.Write("compose.yaml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n    restart: always\n");
            var withCompose = folder.Run();
            Assert.Contains(withCompose.OutputLines, l => l.StartsWith("docker/Dockerfile(3,6): warning DKR121: "));
        }

        [Fact]
        public void Json_output_has_the_documented_schema()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", RootImage);

            var run = folder.Run("--format", "json", "-s", "suggestion");

            Assert.Equal(1, run.ExitCode);
            using var document = JsonDocument.Parse(run.StandardOutput);
            var root = document.RootElement;
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("docker-analyzers", root.GetProperty("tool").GetProperty("name").GetString());
            Assert.Equal("suggestion", root.GetProperty("threshold").GetString());
            Assert.Equal(1, root.GetProperty("filesAnalysed").GetInt32());
            var first = root.GetProperty("findings")[0];
            Assert.Equal("DKR201", first.GetProperty("ruleId").GetString());
            Assert.Equal("warning", first.GetProperty("severity").GetString());
            Assert.Equal("Dockerfile", first.GetProperty("file").GetString());
            Assert.Equal(1, first.GetProperty("line").GetInt32());
            Assert.Equal(1, first.GetProperty("column").GetInt32());
            Assert.Equal(1, first.GetProperty("endLine").GetInt32());
            Assert.EndsWith("docs/rules/DKR201.md", first.GetProperty("helpLink").GetString());
            Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
            Assert.Equal(2, root.GetProperty("summary").GetProperty("warnings").GetInt32());
            Assert.Equal(0, root.GetProperty("summary").GetProperty("errors").GetInt32());
        }

        [Fact]
        public void The_severity_threshold_decides_what_is_shown_and_what_fails()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", RootImage);

            var run = folder.Run("--severity", "error");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.StandardOutput);
        }

        [Fact]
        public void Redirected_output_has_no_colour_codes()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", RootImage);

            var run = folder.Run();

            Assert.DoesNotContain('\u001b', run.StandardOutput);
            Assert.DoesNotContain('\u001b', run.StandardError);
        }

        [Fact]
        public void One_asset_file_can_be_analysed_alone()
        {
            using var folder = new FixtureFolder();
            folder.Write("a/Dockerfile", RootImage);
            folder.Write("b/Dockerfile", RootImage);

            var run = folder.Run("a/Dockerfile");

            Assert.Equal(1, run.ExitCode);
            Assert.All(run.OutputLines, l => Assert.StartsWith("a/Dockerfile(", l));
        }

        [Fact]
        public void An_unparsable_Dockerfile_is_one_finding_not_a_crash()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", "FROM ubuntu:24.04\nRUN <<EOF\necho never closed\n");

            var run = folder.Run();

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(run.OutputLines, l => l.Contains(": error DKR902: ") || l.Contains(": warning DKR902: "));
        }
    }
}

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary><c>--format sarif</c>: the engine's SARIF 2.1.0 log, the same writer as the build's.</summary>
    public class SarifOutputTests
    {
        [Fact]
        public void Sarif_output_is_a_valid_log_with_the_findings_relative_to_the_current_folder_and_inline_suppressions_flagged()
        {
            using var folder = new FixtureFolder();
            folder.Write("services/api/Dockerfile", "FROM ubuntu\n# dkr-disable-next-line DKR101\nFROM debian AS other\n");

            var run = folder.Run("--format", "sarif");

            Assert.Equal(1, run.ExitCode);
            Assert.Empty(Docker.Build.Analyzers.Tests.Reporting.SarifSchema.Validate(run.StandardOutput));
            using var log = System.Text.Json.JsonDocument.Parse(run.StandardOutput);
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var dkr101 = results.Where(r => r.GetProperty("ruleId").GetString() == "DKR101").ToList();
            Assert.Equal(2, dkr101.Count);
            var location = dkr101[0].GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("services/api/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
            // The second FROM's finding is silenced in the file: listed as suppressed in source, not printed as text.
            var suppressed = dkr101.Single(r => r.GetProperty("suppressions").GetArrayLength() == 1);
            Assert.Equal("inSource", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
            Assert.Equal(3, suppressed.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        }
    }
}

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary>The tool reads .editorconfig and .globalconfig severities as the build does.</summary>
    public class ConfigurationTests
    {
        [Fact]
        public void Editorconfig_sections_and_globalconfig_set_severities_for_the_files_below_them()
        {
            using var folder = new FixtureFolder();
            folder.Write("api/Dockerfile", "FROM ubuntu\n");
            folder.Write("worker/Dockerfile", "FROM ubuntu\n");
            folder.Write(".editorconfig", "root = true\n[api/**]\ndotnet_diagnostic.DKR101.severity = none\n[**/Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\n");
            folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.DKR101.severity = error\n");

            var run = folder.Run();

            Assert.Equal(1, run.ExitCode);
            Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("api/Dockerfile(1,6): ", System.StringComparison.Ordinal));
            Assert.Contains("worker/Dockerfile(1,6): error DKR101: ", run.StandardOutput);
            Assert.Contains("api/Dockerfile(1,1): error DKR201: ", run.StandardOutput);
            Assert.Contains("worker/Dockerfile(1,1): error DKR201: ", run.StandardOutput);
        }
    }
}
