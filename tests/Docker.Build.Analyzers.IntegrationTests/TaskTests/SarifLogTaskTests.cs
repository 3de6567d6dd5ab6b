using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Tasks;
using Docker.Build.Analyzers.Tests.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.TaskTests
{
    /// <summary>The task's SARIF log (<c>SarifFile</c>): what it holds, where it goes, and what happens when it cannot be written.</summary>
    public sealed class SarifLogTaskTests : IDisposable
    {
        /// <summary>An untagged final stage (DKR101), root user (DKR201, suppressed inline), no HEALTHCHECK but EXPOSE (DKR301).</summary>
        private const string Dockerfile =
            "# dkr-disable-next-line DKR201 -- the platform runs it rootless\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet\n" +
            "EXPOSE 8080\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private readonly string _projectDir = Path.Combine(Path.GetTempPath(), "dba-sarif-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly FakeBuildEngine _engine = new FakeBuildEngine();

        public SarifLogTaskTests()
        {
            Directory.CreateDirectory(_projectDir);
            File.WriteAllText(Path.Combine(_projectDir, "Dockerfile"), Dockerfile);
        }

        public void Dispose() => Directory.Delete(_projectDir, recursive: true);

        private AnalyzeDockerAssets NewTask(string sarifFile, Func<AnalysisRequest, AnalysisResult>? analyze = null, bool withDockerfile = true)
        {
            var task = analyze == null ? new AnalyzeDockerAssets() : new AnalyzeDockerAssets(analyze);
            task.BuildEngine = _engine;
            task.ProjectDirectory = _projectDir;
            task.ProjectPath = Path.Combine(_projectDir, "App.csproj");
            task.AssemblyName = "App";
            task.TargetFramework = "net10.0";
            task.Assets = withDockerfile ? new ITaskItem[] { new TaskItem("Dockerfile") } : Array.Empty<ITaskItem>();
            task.DiscoverSharedAssets = false;
            task.SarifFile = sarifFile;
            task.SarifSourceRoot = _projectDir;
            return task;
        }

        private static JsonElement ReadValidRun(string path)
        {
            string json = File.ReadAllText(path);
            Assert.Equal(Array.Empty<string>(), SarifSchema.Validate(json));
            return JsonDocument.Parse(json).RootElement.GetProperty("runs")[0];
        }

        private static string Describe(JsonElement result)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            return $"{result.GetProperty("level").GetString()} {result.GetProperty("ruleId").GetString()} {location.GetProperty("artifactLocation").GetProperty("uri").GetString()}" +
                $"({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()},{region.GetProperty("endLine").GetInt32()},{region.GetProperty("endColumn").GetInt32()})";
        }

        [Fact]
        public void Log_holds_what_the_task_reported_plus_inline_suppressed_findings_and_honours_NoWarn()
        {
            string path = Path.Combine(_projectDir, "obj", "DockerAnalyzers.sarif");
            var task = NewTask(path);
            task.NoWarn = "CS1591;DKR301";

            Assert.True(task.Execute());

            var run = ReadValidRun(path);
            var results = run.GetProperty("results").EnumerateArray().ToList();
            var reported = results.Where(r => r.GetProperty("suppressions").GetArrayLength() == 0).Select(Describe).ToArray();
            var logged = _engine.Warnings.Select(w => $"warning {w.Code} {Path.GetFileName(w.File)}({w.LineNumber},{w.ColumnNumber},{w.EndLineNumber},{w.EndColumnNumber})")
                .Concat(_engine.Messages.Where(m => m.Code != null).Select(m => $"note {m.Code} {Path.GetFileName(m.File)}({m.LineNumber},{m.ColumnNumber},{m.EndLineNumber},{m.EndColumnNumber})"))
                .OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(logged, reported.OrderBy(s => s, StringComparer.Ordinal).ToArray());
            Assert.Contains("warning DKR101 Dockerfile(2,6,2,37)", reported);
            Assert.DoesNotContain(results, r => r.GetProperty("ruleId").GetString() == "DKR301");

            var suppressed = Assert.Single(results, r => r.GetProperty("suppressions").GetArrayLength() > 0);
            Assert.Equal("warning DKR201 Dockerfile(2,1,2,37)", Describe(suppressed));
            Assert.Equal("inSource", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
            Assert.DoesNotContain(_engine.Warnings, w => w.Code == "DKR201");
            Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        }

        [Fact]
        public void Relative_path_is_relative_to_the_project_and_folders_are_created()
        {
            var task = NewTask(Path.Combine("artifacts", "sarif", "app.sarif"));

            Assert.True(task.Execute());

            string path = Path.Combine(_projectDir, "artifacts", "sarif", "app.sarif");
            var run = ReadValidRun(path);
            Assert.Equal(new Uri(_projectDir + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            Assert.Equal(new[] { "app.sarif" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }

        [Fact]
        public void Without_assets_the_log_is_still_written_with_no_results()
        {
            string path = Path.Combine(_projectDir, "empty.sarif");
            var task = NewTask(path, withDockerfile: false);

            Assert.True(task.Execute());

            Assert.Equal(0, ReadValidRun(path).GetProperty("results").GetArrayLength());
        }

        [Fact]
        public void Unwritable_path_is_a_DKR910_warning_and_the_build_goes_on()
        {
            string path = Path.Combine(_projectDir, "taken");
            Directory.CreateDirectory(path);
            var task = NewTask(path);

            Assert.True(task.Execute());

            Assert.Empty(_engine.Errors);
            var warning = Assert.Single(_engine.Warnings, w => w.Code == "DKR910");
            Assert.Contains(path, warning.Message);
            Assert.Equal(task.ProjectPath, warning.File);
            Assert.EndsWith("/docs/rules/DKR910.md", warning.HelpLink);
            // The findings were reported all the same.
            Assert.Contains(_engine.Warnings, w => w.Code == "DKR101");
            Assert.True(Directory.Exists(path));
        }

        [Fact]
        public void DKR910_obeys_NoWarn()
        {
            string path = Path.Combine(_projectDir, "taken");
            Directory.CreateDirectory(path);
            var task = NewTask(path);
            task.NoWarn = "DKR910";

            Assert.True(task.Execute());

            Assert.DoesNotContain(_engine.Warnings, w => w.Code == "DKR910");
        }

        [Fact]
        public void Failed_analysis_writes_a_log_that_says_so()
        {
            string path = Path.Combine(_projectDir, "failed.sarif");
            File.WriteAllText(path, "stale content from an earlier build");
            var task = NewTask(path, _ => throw new InvalidOperationException("boom"));

            Assert.True(task.Execute());

            var run = ReadValidRun(path);
            var invocation = run.GetProperty("invocations")[0];
            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            Assert.Contains("boom", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString());
            Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        }

        [Fact]
        public void Without_SarifFile_nothing_is_written()
        {
            var task = NewTask("");

            Assert.True(task.Execute());

            Assert.Equal(new[] { "Dockerfile" }, Directory.GetFileSystemEntries(_projectDir).Select(Path.GetFileName));
        }
    }
}
