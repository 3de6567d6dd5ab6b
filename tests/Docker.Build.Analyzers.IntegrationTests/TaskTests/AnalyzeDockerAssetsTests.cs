using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;
using Docker.Build.Analyzers.Rules.Dockerfile;
using Docker.Build.Analyzers.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.TaskTests
{
    /// <summary>The task in-process with a fake engine: how findings become MSBuild events, and how the request is built.</summary>
    public sealed class AnalyzeDockerAssetsTests : IDisposable
    {
        private readonly string _projectDir = Path.Combine(Path.GetTempPath(), "dba-task-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly FakeBuildEngine _engine = new FakeBuildEngine();

        public AnalyzeDockerAssetsTests()
        {
            Directory.CreateDirectory(_projectDir);
        }

        public void Dispose() => Directory.Delete(_projectDir, recursive: true);

        private string Write(string name, string content)
        {
            string path = Path.Combine(_projectDir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        private AnalyzeDockerAssets NewTask(Func<AnalysisRequest, AnalysisResult>? analyze = null, params ITaskItem[] assets)
        {
            var task = analyze == null ? new AnalyzeDockerAssets() : new AnalyzeDockerAssets(analyze);
            task.BuildEngine = _engine;
            task.ProjectDirectory = _projectDir;
            task.ProjectPath = Path.Combine(_projectDir, "App.csproj");
            task.AssemblyName = "App";
            task.TargetFramework = "net10.0";
            task.Assets = assets;
            return task;
        }

        private static ITaskItem Item(string spec, string? kind = null, string? context = null)
        {
            var item = new TaskItem(spec);
            if (kind != null) item.SetMetadata("Kind", kind);
            if (context != null) item.SetMetadata("Context", context);
            return item;
        }

        [Fact]
        public void Warning_carries_code_help_link_full_path_and_the_whole_span_without_subcategory()
        {
            string dockerfile = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nFROM alpine\nUSER app\n");
            var task = NewTask(null, Item("Dockerfile"));

            Assert.True(task.Execute());

            var warning = Assert.Single(_engine.Warnings);
            Assert.Equal("DKR101", warning.Code);
            Assert.Null(warning.Subcategory);
            Assert.Equal("DKR101", warning.HelpKeyword);
            Assert.Equal(BaseImageNotPinned.Rule.HelpLink, warning.HelpLink);
            Assert.EndsWith("/docs/rules/DKR101.md", warning.HelpLink);
            Assert.Equal(dockerfile, warning.File);
            Assert.Equal((3, 6, 3, 12), (warning.LineNumber, warning.ColumnNumber, warning.EndLineNumber, warning.EndColumnNumber));
            Assert.Contains("alpine", warning.Message);
            Assert.Empty(_engine.Errors);
        }

        [Fact]
        public void Message_text_is_logged_verbatim_even_with_braces()
        {
            // Dockerfiles are full of ${VAR} and JSON; a message must never go through string.Format a second time.
            Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nUSER app\n");
            var task = NewTask(request => new DockerAnalyzer(new Rule[] { new ReportFirstInstruction("DKR997", DiagnosticSeverity.Warning, "${0} {1}") }).Analyze(request), Item("Dockerfile"));

            Assert.True(task.Execute());

            Assert.Equal("Test finding ${0} {1}", Assert.Single(_engine.Warnings).Message);
        }

        [Fact]
        public void Suggestion_is_a_high_importance_message_with_code_and_location_and_error_fails_the_task()
        {
            string dockerfile = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nUSER app\n");
            var task = NewTask(request => new DockerAnalyzer(new Rule[]
            {
                new ReportFirstInstruction("DKR998", DiagnosticSeverity.Suggestion),
                new ReportFirstInstruction("DKR999", DiagnosticSeverity.Error),
            }).Analyze(request), Item(dockerfile));

            Assert.False(task.Execute());

            var message = Assert.Single(_engine.Messages, m => m.Code == "DKR998");
            Assert.Equal(MessageImportance.High, message.Importance);
            Assert.Equal("Test finding {braces}", message.Message);
            Assert.Equal("DKR998", message.HelpKeyword);
            Assert.Null(message.Subcategory);
            Assert.Equal(dockerfile, message.File);
            Assert.Equal((1, 1, 1, 43), (message.LineNumber, message.ColumnNumber, message.EndLineNumber, message.EndColumnNumber));
            Assert.Empty(_engine.Warnings);
            var error = Assert.Single(_engine.Errors);
            Assert.Equal("DKR999", error.Code);
            Assert.Equal("https://github.com/docker-build-analyzers/Docker.Build.Analyzers/blob/main/docs/rules/DKR999.md", error.HelpLink);
            Assert.Equal((1, 1, 1, 43), (error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber));
        }

        [Theory]
        [InlineData("DKR101;DKR998")]
        [InlineData("dkr101 , dkr998")]
        [InlineData("CS1591;;DKR101,DKR998;")]
        public void NoWarn_drops_warnings_and_messages_case_insensitively_with_either_separator(string noWarn)
        {
            Write("Dockerfile", "FROM alpine\n");
            var task = NewTask(request => new DockerAnalyzer(new Rule[]
            {
                new BaseImageNotPinned(),
                new FinalStageRunsAsRoot(),
                new ReportFirstInstruction("DKR998", DiagnosticSeverity.Suggestion),
            }).Analyze(request), Item("Dockerfile"));
            task.NoWarn = noWarn;

            Assert.True(task.Execute());

            Assert.Equal(new[] { "DKR201" }, _engine.Warnings.Select(w => w.Code));
            Assert.DoesNotContain(_engine.Messages, m => m.Code != null && m.Code.StartsWith("DKR"));
        }

        [Fact]
        public void TreatWarningsAsErrors_is_applied_by_the_task_with_the_same_codes()
        {
            Write("Dockerfile", "FROM alpine\n");
            var task = NewTask(null, Item("Dockerfile"));
            task.TreatWarningsAsErrors = "true";
            task.WarningsNotAsErrors = "DKR101";
            task.NoWarn = "DKR102";

            Assert.False(task.Execute());

            Assert.Equal(new[] { "DKR201" }, _engine.Errors.Select(e => e.Code).Where(c => c.StartsWith("DKR")).OrderBy(c => c));
            Assert.Equal(new[] { "DKR101" }, _engine.Warnings.Select(w => w.Code));
            Assert.All(_engine.Errors, e => Assert.Equal(Path.Combine(_projectDir, "Dockerfile"), e.File));
        }

        [Fact]
        public void Warning_properties_can_be_left_to_MSBuild()
        {
            Write("Dockerfile", "FROM alpine\n");
            var task = NewTask(null, Item("Dockerfile"));
            task.TreatWarningsAsErrors = "true";
            task.WarningsAsErrors = "DKR101";
            task.ApplyWarningProperties = false;

            Assert.True(task.Execute());

            Assert.Empty(_engine.Errors);
            Assert.Equal(new[] { "DKR101", "DKR201" }, _engine.Warnings.Select(w => w.Code).OrderBy(c => c));
        }

        [Fact]
        public void Editorconfig_beside_the_asset_and_listed_global_configs_set_severities()
        {
            Write("Dockerfile", "FROM alpine\n");
            Write(".editorconfig", "[Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR102.severity = none\n");
            string global = Write("config/team.globalconfig", "is_global = true\ndotnet_diagnostic.DKR101.severity = none\n");
            var task = NewTask(null, Item("Dockerfile"));
            task.GlobalAnalyzerConfigFiles = new ITaskItem[] { new TaskItem(global) };

            Assert.False(task.Execute());

            Assert.Equal(new[] { "DKR201" }, _engine.Errors.Select(e => e.Code));
            Assert.Empty(_engine.Warnings);

            _engine.Errors.Clear();
            var withoutDiscovery = NewTask(null, Item("Dockerfile"));
            withoutDiscovery.DiscoverEditorConfigFiles = false;
            Assert.True(withoutDiscovery.Execute());
            Assert.Equal(new[] { "DKR101", "DKR201" }, _engine.Warnings.Select(w => w.Code).OrderBy(c => c));
        }

        [Fact]
        public void Engine_crash_becomes_a_DKR903_warning_and_the_build_goes_on()
        {
            Write("Dockerfile", "FROM alpine\n");
            var task = NewTask(_ => throw new InvalidOperationException("boom {0}"), Item("Dockerfile"));

            Assert.True(task.Execute());

            var warning = Assert.Single(_engine.Warnings);
            Assert.Equal("DKR903", warning.Code);
            Assert.Equal(Path.Combine(_projectDir, "App.csproj"), warning.File);
            Assert.Contains("InvalidOperationException", warning.Message);
            Assert.Contains("boom {0}", warning.Message);
            Assert.Empty(_engine.Errors);
        }

        [Fact]
        public void Missing_and_binary_files_are_DKR901_warnings_not_failures()
        {
            File.WriteAllBytes(Path.Combine(_projectDir, "bin.Dockerfile"), new byte[] { 0x46, 0x00, 0x4D });
            var task = NewTask(null, Item("missing/Dockerfile"), Item("bin.Dockerfile"));

            Assert.True(task.Execute());

            Assert.Equal(new[] { "DKR901", "DKR901" }, _engine.Warnings.Select(w => w.Code));
            Assert.Contains(_engine.Warnings, w => w.Message!.Contains("does not exist"));
            Assert.Contains(_engine.Warnings, w => w.Message!.Contains("binary"));
        }

        [Fact]
        public void No_assets_means_no_analysis_and_no_output()
        {
            bool called = false;
            var task = NewTask(request => { called = true; return new AnalysisResult(Array.Empty<Diagnostic>()); });
            task.DiscoverSharedAssets = false;

            Assert.True(task.Execute());

            Assert.False(called);
            Assert.Empty(_engine.Warnings);
            Assert.Empty(_engine.Messages);
        }

        [Fact]
        public void Without_assets_of_its_own_the_project_still_looks_for_shared_ones()
        {
            AnalysisRequest? seen = null;
            var task = NewTask(request => { seen = request; return new AnalysisResult(Array.Empty<Diagnostic>()); });
            task.SolutionPath = "../Shop.sln";
            task.OutputDirectories = "bin/;bin/Release/net8.0/publish/";
            task.HealthCheckedBy = "Kubernetes";
            task.DevelopmentAssets = "Dockerfile.ci; tools/** ";

            Assert.True(task.Execute());

            Assert.NotNull(seen);
            Assert.True(seen!.DiscoverSharedAssets);
            Assert.Empty(seen.Assets);
            Assert.Equal(System.IO.Path.GetFullPath(System.IO.Path.Combine(task.ProjectDirectory, "../Shop.sln")), seen.Project.SolutionPath);
            Assert.Equal(new[] { "bin/", "bin/Release/net8.0/publish/" }, seen.Project.OutputDirectories);
            Assert.Equal("Kubernetes", seen.Project.HealthCheckedBy);
            Assert.Equal(new[] { "Dockerfile.ci", "tools/**" }, seen.Project.DevelopmentAssetPatterns);
        }

        [Fact]
        public void Request_resolves_paths_and_contexts_against_the_project_and_infers_kinds()
        {
            AnalysisRequest? seen = null;
            var task = NewTask(request => { seen = request; return new AnalysisResult(Array.Empty<Diagnostic>()); },
                Item("Dockerfile"),
                Item("docker/api.Dockerfile", context: ".."),
                Item("Dockerfile.dockerignore"),
                Item("deploy/Containerfile"),
                Item("odd-name.txt", kind: "DockerIgnore"),
                Item("compose.yaml"));
            task.TargetFramework = "";
            task.TargetFrameworks = "net8.0; net10.0;;net8.0";
            task.IsWebProject = true;

            Assert.True(task.Execute());

            Assert.NotNull(seen);
            Assert.Equal(_projectDir, seen!.ProjectDirectory);
            Assert.Equal(new[]
            {
                (Path.Combine(_projectDir, "Dockerfile"), AssetKind.Dockerfile, (string?)null),
                (Path.Combine(_projectDir, "docker", "api.Dockerfile"), AssetKind.Dockerfile, Path.GetDirectoryName(_projectDir)),
                (Path.Combine(_projectDir, "Dockerfile.dockerignore"), AssetKind.DockerIgnore, null),
                (Path.Combine(_projectDir, "deploy", "Containerfile"), AssetKind.Dockerfile, null),
                (Path.Combine(_projectDir, "odd-name.txt"), AssetKind.DockerIgnore, null),
                (Path.Combine(_projectDir, "compose.yaml"), AssetKind.Compose, null),
            }, seen.Assets.Select(a => (a.Path, a.Kind, a.ContextDirectory)));
            Assert.Equal(new[] { "net8.0", "net10.0" }, seen.Project.TargetFrameworks);
            Assert.True(seen.Project.IsWebProject);
            Assert.Equal("App", seen.Project.AssemblyName);
            Assert.Equal(Path.Combine(_projectDir, "App.csproj"), seen.Project.ProjectPath);
        }

        [Fact]
        public void Single_target_framework_is_passed_when_there_is_no_list()
        {
            AnalysisRequest? seen = null;
            var task = NewTask(request => { seen = request; return new AnalysisResult(Array.Empty<Diagnostic>()); }, Item("Dockerfile"));

            Assert.True(task.Execute());

            Assert.Equal(new[] { "net10.0" }, seen!.Project.TargetFrameworks);
            Assert.False(seen.Project.IsWebProject);
        }

        /// <summary>A stand-in rule with a chosen severity: the catalog has no suggestion or error rule yet.</summary>
        private sealed class ReportFirstInstruction : DockerfileRule
        {
            private readonly RuleDescriptor _descriptor;

            private readonly string _argument;

            public ReportFirstInstruction(string id, DiagnosticSeverity severity, string argument = "{braces}")
            {
                _descriptor = new RuleDescriptor(id, "Test rule " + id, RuleCategory.Analyzer, severity, "Test finding {0}");
                _argument = argument;
            }

            public override RuleDescriptor Descriptor => _descriptor;

            public override void Analyze(DockerfileContext context) =>
                context.Report(context.Syntax.Instructions[0].Span, _argument);
        }
    }
}
