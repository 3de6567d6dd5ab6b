using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Reporting;
using Docker.Build.Analyzers.Rules;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Reporting
{
    public class SarifLogWriterTests
    {
        private const string Root = "/repo";
        private static readonly SarifTool Tool = new SarifTool("Docker.Build.Analyzers", "1.2.3-beta.4+abc", SarifTool.ProductInformationUri);

        /// <summary>A rule whose message is just its argument, to put any text into a result's message.</summary>
        private static readonly RuleDescriptor EchoRule = new RuleDescriptor("DKR999", "Echo \"rule\"", RuleCategory.Analyzer, DiagnosticSeverity.Warning, "{0}", "Says back\twhat it is given.");

        private static Diagnostic Finding(string id, DiagnosticSeverity severity, string path, int line, int column, int endLine, int endColumn, params string[] args)
        {
            var descriptor = id == EchoRule.Id ? EchoRule : RuleCatalog.Find(id)!;
            return new Diagnostic(descriptor, severity, path, new TextSpan(line * 100 + column, Math.Max(0, (endLine - line) * 100 + endColumn - column)),
                new LinePositionSpan(new LinePosition(line, column), new LinePosition(endLine, endColumn)), args);
        }

        private static JsonElement RunOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("runs")[0];

        private static string AssertValid(SarifRun run)
        {
            string json = SarifLogWriter.ToJson(run);
            Assert.Equal(Array.Empty<string>(), SarifSchema.Validate(json));
            return json;
        }

        [Fact]
        public void Empty_run_is_valid_and_describes_every_rule_of_the_catalog()
        {
            string json = AssertValid(new SarifRun(Tool, Array.Empty<Diagnostic>()));

            var root = JsonDocument.Parse(json).RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Equal(SarifLogWriter.SchemaUri, root.GetProperty("$schema").GetString());
            var run = RunOf(json);
            Assert.Equal(0, run.GetProperty("results").GetArrayLength());
            Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
            Assert.False(run.TryGetProperty("originalUriBaseIds", out _));

            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("Docker.Build.Analyzers", driver.GetProperty("name").GetString());
            Assert.Equal("1.2.3-beta.4+abc", driver.GetProperty("version").GetString());
            Assert.Equal(SarifTool.ProductInformationUri, driver.GetProperty("informationUri").GetString());
            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));
        }

        [Fact]
        public void Rule_metadata_comes_from_the_catalog()
        {
            var run = RunOf(AssertValid(new SarifRun(Tool, Array.Empty<Diagnostic>())));
            var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Single(r => r.GetProperty("id").GetString() == "DKR201");
            var descriptor = RuleCatalog.Find("DKR201")!;

            Assert.Equal("FinalStageRunsAsRoot", rule.GetProperty("name").GetString());
            Assert.Equal(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal("https://github.com/docker-build-analyzers/Docker.Build.Analyzers/blob/main/docs/rules/DKR201.md", rule.GetProperty("helpUri").GetString());
            Assert.Equal("warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Equal("Docker.Security", rule.GetProperty("properties").GetProperty("category").GetString());
        }

        [Theory]
        [InlineData("Final stage runs as root", "FinalStageRunsAsRoot")]
        [InlineData("'.dockerignore' doesn't exclude bin/ and obj/", "DockerignoreDoesntExcludeBinAndObj")]
        [InlineData("ADD used instead of COPY", "ADDUsedInsteadOfCOPY")]
        public void Rule_name_is_the_title_in_pascal_case(string title, string expected)
        {
            Assert.Equal(expected, SarifLogWriter.RuleName(title));
        }

        [Fact]
        public void Every_catalog_rule_has_a_distinct_name()
        {
            var names = RuleCatalog.Descriptors.Select(d => SarifLogWriter.RuleName(d.Title)).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(names, n => Assert.False(string.IsNullOrEmpty(n)));
        }

        [Fact]
        public void Result_has_rule_index_level_message_relative_location_and_region()
        {
            var warning = Finding("DKR201", DiagnosticSeverity.Warning, "/repo/src/Api/Dockerfile", 8, 1, 8, 37);
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { warning }, sourceRoot: Root)));

            var result = run.GetProperty("results")[0];
            Assert.Equal("DKR201", result.GetProperty("ruleId").GetString());
            int index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal("DKR201", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            Assert.Equal(warning.Message, result.GetProperty("message").GetProperty("text").GetString());

            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("src/Api/Dockerfile", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = physical.GetProperty("region");
            Assert.Equal((8, 1, 8, 37), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
                region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
            Assert.Equal(0, result.GetProperty("suppressions").GetArrayLength());

            Assert.Equal("file:///repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        }

        [Theory]
        [InlineData(DiagnosticSeverity.Error, "error")]
        [InlineData(DiagnosticSeverity.Warning, "warning")]
        [InlineData(DiagnosticSeverity.Suggestion, "note")]
        public void Level_is_the_severity_the_host_reported(DiagnosticSeverity severity, string level)
        {
            // DKR102's default is a suggestion: the result's level follows the finding, the rule keeps its default.
            var finding = Finding("DKR102", severity, "/repo/Dockerfile", 1, 6, 1, 39);
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { finding }, sourceRoot: Root)));
            Assert.Equal(level, run.GetProperty("results")[0].GetProperty("level").GetString());
            int index = run.GetProperty("results")[0].GetProperty("ruleIndex").GetInt32();
            Assert.Equal("note", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }

        [Fact]
        public void Message_text_is_escaped_and_reads_back_unchanged()
        {
            string message = "quote \" backslash \\ slash / tab \t newline \n return \r bell \u0007 nul \u0000 unit-sep \u001f "
                + "del \u007f ü 日本 emoji \U0001F433 line-sep \u2028 para-sep \u2029 end";
            var finding = Finding(EchoRule.Id, DiagnosticSeverity.Warning, "/repo/Dockerfile", 1, 1, 1, 2, message);
            string json = AssertValid(new SarifRun(Tool, new[] { finding }, sourceRoot: Root));

            Assert.Equal(message, RunOf(json).GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString());
            Assert.Contains(@"quote \"" backslash \\ slash / tab \t newline \n return \r bell \u0007 nul \u0000 unit-sep \u001f del " + "\u007f ü 日本 emoji \U0001F433 line-sep \\u2028 para-sep \\u2029 end", json);
            // The rule's own texts go through the same escaping.
            Assert.Contains(@"""text"": ""Echo \""rule\""""", json);
            Assert.Contains(@"""text"": ""Says back\twhat it is given.""", json);
        }

        [Fact]
        public void Lone_surrogate_becomes_the_replacement_character()
        {
            var finding = Finding(EchoRule.Id, DiagnosticSeverity.Warning, "/repo/Dockerfile", 1, 1, 1, 2, "a\uD800b\uDC00c");
            string json = AssertValid(new SarifRun(Tool, new[] { finding }, sourceRoot: Root));
            Assert.Equal("a\uFFFDb\uFFFDc", RunOf(json).GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString());
        }

        [Fact]
        public void Paths_with_special_characters_are_percent_encoded_uris()
        {
            string relative = "we ird/#x?/ü \"q\"\\b/a:b%20[1]/Dockerfile";
            var finding = Finding("DKR201", DiagnosticSeverity.Warning, Root + "/" + relative, 1, 1, 1, 5);
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { finding }, sourceRoot: Root)));

            string uri = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
                .GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.Equal("we%20ird/%23x%3F/%C3%BC%20%22q%22%5Cb/a%3Ab%2520%5B1%5D/Dockerfile", uri);
            Assert.Equal(relative, Uri.UnescapeDataString(uri));
            Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _));
        }

        [Fact]
        public void File_outside_the_source_root_gets_an_absolute_file_uri()
        {
            var inside = Finding("DKR201", DiagnosticSeverity.Warning, "/repo/Dockerfile", 1, 1, 1, 5);
            var outside = Finding("DKR201", DiagnosticSeverity.Warning, "/shared/my docker/Dockerfile", 1, 1, 1, 5);
            var sibling = Finding("DKR201", DiagnosticSeverity.Warning, "/repository/Dockerfile", 1, 1, 1, 5);
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { inside, outside, sibling }, sourceRoot: Root + "/")));

            var locations = run.GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
                .Select(a => (a.GetProperty("uri").GetString(), a.TryGetProperty("uriBaseId", out var b) ? b.GetString() : null))
                .ToList();
            Assert.Equal(new (string?, string?)[]
            {
                ("Dockerfile", "%SRCROOT%"),
                ("file:///repository/Dockerfile", null),
                ("file:///shared/my%20docker/Dockerfile", null),
            }, locations);
        }

        [Fact]
        public void Without_a_source_root_every_path_is_absolute()
        {
            var finding = Finding("DKR201", DiagnosticSeverity.Warning, "/repo/src/Dockerfile", 1, 1, 1, 5);
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { finding })));
            var artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("file:///repo/src/Dockerfile", artifact.GetProperty("uri").GetString());
            Assert.False(artifact.TryGetProperty("uriBaseId", out _));
            Assert.False(run.TryGetProperty("originalUriBaseIds", out _));
        }

        [Theory]
        [InlineData(@"C:\src\App\Dockerfile", "file:///C:/src/App/Dockerfile")]
        [InlineData(@"\\server\share\a b\Dockerfile", "file://server/share/a%20b/Dockerfile")]
        public void Windows_paths_become_file_uris(string path, string expected)
        {
            // Only meaningful where '\' separates folders; on Unix it is a character of the name.
            if (Path.DirectorySeparatorChar != '\\') path = path.Replace('\\', '/');
            Assert.Equal(expected, ArtifactUri.AbsoluteFileUri(path));
        }

        [Fact]
        public void Finding_without_a_position_has_a_location_but_no_region()
        {
            var finding = Finding("DKR901", DiagnosticSeverity.Warning, "/repo/Dockerfile", 0, 0, 0, 0, "Dockerfile", "missing");
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { finding }, sourceRoot: Root)));
            var physical = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.False(physical.TryGetProperty("region", out _));
        }

        [Fact]
        public void Suppressed_findings_are_results_flagged_as_suppressed_in_source()
        {
            var reported = Finding("DKR301", DiagnosticSeverity.Warning, "/repo/Dockerfile", 2, 1, 2, 10);
            var suppressed = Finding("DKR201", DiagnosticSeverity.Warning, "/repo/Dockerfile", 2, 1, 2, 10);
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { reported }, new[] { suppressed }, sourceRoot: Root)));

            var results = run.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("ruleId").GetString()!);
            Assert.Equal(2, results.Count);
            Assert.Equal(0, results["DKR301"].GetProperty("suppressions").GetArrayLength());
            var suppression = Assert.Single(results["DKR201"].GetProperty("suppressions").EnumerateArray());
            Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        }

        [Fact]
        public void Failed_analysis_is_an_unsuccessful_invocation_with_its_reason()
        {
            var run = RunOf(AssertValid(new SarifRun(Tool, Array.Empty<Diagnostic>(), executionError: "System.InvalidOperationException: boom")));
            var invocation = run.GetProperty("invocations")[0];
            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            var notification = invocation.GetProperty("toolExecutionNotifications")[0];
            Assert.Equal("error", notification.GetProperty("level").GetString());
            Assert.Equal("System.InvalidOperationException: boom", notification.GetProperty("message").GetProperty("text").GetString());
        }

        [Fact]
        public void A_rule_missing_from_the_given_rules_is_added_for_its_finding()
        {
            var finding = Finding(EchoRule.Id, DiagnosticSeverity.Warning, "/repo/Dockerfile", 1, 1, 1, 2, "x");
            var run = RunOf(AssertValid(new SarifRun(Tool, new[] { finding }, rules: new[] { RuleCatalog.Find("DKR201")! }, sourceRoot: Root)));
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            Assert.Equal(new[] { "DKR201", "DKR999" }, rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            Assert.Equal(1, run.GetProperty("results")[0].GetProperty("ruleIndex").GetInt32());
        }

        [Fact]
        public void Output_is_the_same_bytes_whatever_the_input_order_and_culture()
        {
            var findings = new[]
            {
                Finding("DKR301", DiagnosticSeverity.Warning, "/repo/b/Dockerfile", 3, 1, 3, 10),
                Finding("DKR201", DiagnosticSeverity.Error, "/repo/a/Dockerfile", 12345, 2, 12345, 9),
                Finding("DKR101", DiagnosticSeverity.Suggestion, "/repo/a/Dockerfile", 1, 6, 1, 20),
            };
            var suppressed = new[] { Finding("DKR102", DiagnosticSeverity.Suggestion, "/repo/a/Dockerfile", 1, 6, 1, 20) };
            string expected = SarifLogWriter.ToJson(new SarifRun(Tool, findings, suppressed, sourceRoot: Root));

            var culture = CultureInfo.CurrentCulture;
            try
            {
                foreach (string name in new[] { "tr-TR", "ar-SA", "de-DE" })
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                    Assert.Equal(expected, SarifLogWriter.ToJson(new SarifRun(Tool, findings.Reverse(), suppressed, sourceRoot: Root)));
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            }

            var order = RunOf(expected).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToArray();
            Assert.Equal(new[] { "DKR101", "DKR102", "DKR201", "DKR301" }, order);
            Assert.Contains("\"startLine\": 12345", expected);
            Assert.DoesNotContain("\r", expected);
            Assert.EndsWith("}\n", expected);
        }

        [Fact]
        public void Layout_is_two_space_indentation()
        {
            string json = SarifLogWriter.ToJson(new SarifRun(Tool, Array.Empty<Diagnostic>(), rules: Array.Empty<RuleDescriptor>()));
            Assert.StartsWith("{\n  \"$schema\": \"" + SarifLogWriter.SchemaUri + "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n", json);
            Assert.Contains("\"rules\": []", json);
            Assert.Contains("\"results\": []", json);
        }

        [Fact]
        public void Engine_keeps_inline_suppressed_findings_apart_and_the_log_flags_them()
        {
            const string flagged = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            const string suppressedByComment = "# dkr-disable-next-line DKR201 -- runs in a rootless runtime\n" + flagged;

            var plain = TestAnalysis.Run(flagged);
            Assert.Contains(plain, d => d.Id == "DKR201");

            var files = new InMemoryFileSystem();
            files.AddFile(TestAnalysis.DockerfilePath, suppressedByComment);
            var request = new AnalysisRequest(TestAnalysis.ProjectDir, new[] { new AssetInput(TestAnalysis.DockerfilePath, AssetKind.Dockerfile) }, null, files);
            var result = new DockerAnalyzer().Analyze(request);

            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "DKR201");
            var suppressed = Assert.Single(result.SuppressedDiagnostics);
            Assert.Equal(("DKR201", 2, 1), (suppressed.Id, suppressed.Line, suppressed.Column));
            // Everything else is reported as before, one line lower.
            Assert.Equal(plain.Where(d => d.Id != "DKR201").Select(d => (d.Id, d.Line + 1, d.Column)), result.Diagnostics.Select(d => (d.Id, d.Line, d.Column)));

            var run = RunOf(AssertValid(new SarifRun(Tool, result.Diagnostics, result.SuppressedDiagnostics, sourceRoot: "/repo")));
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(result.Diagnostics.Count + 1, results.Count);
            var flaggedResult = Assert.Single(results, r => r.GetProperty("suppressions").GetArrayLength() == 1);
            Assert.Equal("DKR201", flaggedResult.GetProperty("ruleId").GetString());
            Assert.Equal("src/App/Dockerfile", flaggedResult.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        [Fact]
        public void Schema_validation_rejects_what_sarif_forbids()
        {
            // The validator must not be a rubber stamp: each of these breaks one rule of the schema.
            string valid = SarifLogWriter.ToJson(new SarifRun(Tool, new[] { Finding("DKR201", DiagnosticSeverity.Warning, "/repo/Dockerfile", 1, 1, 1, 5) }, sourceRoot: Root));
            Assert.Empty(SarifSchema.Validate(valid));
            Assert.NotEmpty(SarifSchema.Validate(valid.Replace("\"level\": \"warning\"", "\"level\": \"warn\"")));
            Assert.NotEmpty(SarifSchema.Validate(valid.Replace("\"startLine\": 1", "\"startLine\": 0")));
            Assert.NotEmpty(SarifSchema.Validate(valid.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")));
            Assert.NotEmpty(SarifSchema.Validate(valid.Replace("\"kind\"", "\"kinds\"").Replace("\"suppressions\": []", "\"suppressions\": [{\"kinds\": \"inSource\"}]")));
            Assert.NotEmpty(SarifSchema.Validate(valid.Replace("\"helpUri\": \"https://", "\"helpUri\": \"not a uri ")));
        }

        [Fact]
        public void Schema_file_uses_no_keyword_whose_meaning_changed_after_draft_04()
        {
            var document = SarifSchema.ReadSchemaDocument();
            Assert.Equal("http://json-schema.org/draft-04/schema#", document["$schema"]!.GetValue<string>());
            Assert.Equal(SarifLogWriter.SchemaUri, document["id"]!.GetValue<string>());
            Assert.Empty(SarifSchema.Draft04OnlyKeywords());
        }
    }

    public class ReportFileTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "dba-report-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }

        [Fact]
        public void Writes_creates_folders_and_replaces_an_existing_file_leaving_no_temporary_file()
        {
            string path = Path.Combine(_directory, "a", "b", "log.sarif");
            ReportFile.WriteAtomically(path, w => w.Write("first ü"));
            Assert.Equal("first ü", File.ReadAllText(path));
            Assert.Equal(new byte[] { (byte)'f' }, File.ReadAllBytes(path).Take(1)); // no byte order mark

            ReportFile.WriteAtomically(path, w => w.Write("second"));
            Assert.Equal("second", File.ReadAllText(path));
            Assert.Equal(new[] { "log.sarif" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }

        [Fact]
        public void A_folder_in_the_way_throws_and_leaves_the_folder_as_it_was()
        {
            string path = Path.Combine(_directory, "log.sarif");
            Directory.CreateDirectory(path);
            Assert.ThrowsAny<IOException>(() => ReportFile.WriteAtomically(path, w => w.Write("x")));
            Assert.True(Directory.Exists(path));
            Assert.Equal(new[] { "log.sarif" }, Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName));
        }

        [Fact]
        public void A_writer_that_fails_leaves_the_previous_file_intact()
        {
            string path = Path.Combine(_directory, "log.sarif");
            ReportFile.WriteAtomically(path, w => w.Write("complete"));
            Assert.Throws<InvalidOperationException>(() => ReportFile.WriteAtomically(path, w => { w.Write("half"); throw new InvalidOperationException(); }));
            Assert.Equal("complete", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_directory));
        }
    }
}
