using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Xunit;
using EngineSeverity = Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity;

namespace Docker.Build.Analyzers.Roslyn.Tests
{
    public sealed class DockerAssetsAnalyzerTests
    {
        private const string RootFinalStage = "FROM alpine:3.20\nUSER root\n";
        private const string AppUserFinalStage = "FROM alpine:3.20\nUSER app\n";

        [Fact]
        public async Task Reports_a_finding_at_its_file_line_and_column_with_the_rules_severity_message_and_help_link()
        {
            using var project = new LiveCompilation();
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);

            var (diagnostics, exceptions) = await project.AnalyzeAsync();

            Assert.Empty(exceptions);
            var finding = Assert.Single(diagnostics, d => d.Id == "DKR201");
            var span = finding.Location.GetLineSpan();
            Assert.Equal(dockerfile, span.Path);
            // "USER root": 'root' at line 2, column 6 (1-based), as the build prints it.
            Assert.Equal((1, 5, 1, 9), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Equal(RuleDescriptorOf("DKR201").HelpLink, finding.Descriptor.HelpLinkUri);
            Assert.Equal("root", RootFinalStage.Substring(finding.Location.SourceSpan.Start, finding.Location.SourceSpan.Length));
        }

        [Fact]
        public async Task Path_scoped_editorconfig_severities_handed_in_as_texts_apply_as_in_the_build()
        {
            using var project = new LiveCompilation();
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);
            // The root file turns DKR201 into an error for every Dockerfile; the project's own file, nearer, turns it off
            // for this folder's Dockerfile only (the compiler would apply neither to an additional file).
            string rootConfig = Path.Combine(project.Root, ".editorconfig");
            project.AddAdditionalFile(rootConfig, "root = true\n[**/Dockerfile]\ndotnet_diagnostic.DKR201.severity = error\ndotnet_diagnostic.DKR301.severity = none\n", input: "EditorConfig");

            var (diagnostics, exceptions) = await project.AnalyzeAsync();

            Assert.Empty(exceptions);
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "DKR201").Severity);
            Assert.DoesNotContain(diagnostics, d => d.Id == "DKR301");

            using var nested = new LiveCompilation();
            string nestedDockerfile = nested.WriteFile("Dockerfile", RootFinalStage);
            nested.AddAdditionalFile(nestedDockerfile, RootFinalStage);
            nested.AddAdditionalFile(Path.Combine(nested.Root, ".editorconfig"), "root = true\n[*]\ndotnet_diagnostic.DKR201.severity = error\n", input: "EditorConfig");
            nested.AddAdditionalFile(Path.Combine(nested.ProjectDirectory, ".editorconfig"), "[Dockerfile]\ndotnet_diagnostic.DKR201.severity = none\n", input: "EditorConfig");

            (diagnostics, exceptions) = await nested.AnalyzeAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "DKR201");
        }

        [Fact]
        public async Task Reports_exactly_what_the_engine_reports_over_the_same_files()
        {
            using var project = new LiveCompilation();
            const string dockerfileText =
                "FROM mcr.microsoft.com/dotnet/sdk:latest AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nMAINTAINER someone\nCOPY --from=build /app .\nENV API_KEY=abc123secret\nENTRYPOINT dotnet App.dll\n";
            const string ignoreText = "bin/\n";
            string dockerfile = project.WriteFile("Dockerfile", dockerfileText);
            string ignore = project.WriteFile(".dockerignore", ignoreText);
            project.AddAdditionalFile(dockerfile, dockerfileText);
            project.AddAdditionalFile(ignore, ignoreText, kind: "DockerIgnore");

            var (diagnostics, _) = await project.AnalyzeAsync();

            // The task's request over the disk: same files, same facts.
            var request = new AnalysisRequest(project.ProjectDirectory,
                new[] { new AssetInput(dockerfile, AssetKind.Dockerfile), new AssetInput(ignore, AssetKind.DockerIgnore) },
                new ProjectFacts(project.ProjectPath, "App", new[] { "net8.0" }, isWebProject: true), discoverSharedAssets: true);
            var expected = new DockerAnalyzer().Analyze(request).Diagnostics
                .Select(d => $"{d.Id} {Path.GetFileName(d.FilePath)}({d.Line},{d.Column},{d.EndLine},{d.EndColumn}) {Map(d.Severity)} {d.Message}")
                .OrderBy(s => s, StringComparer.Ordinal).ToArray();
            var actual = diagnostics
                .Select(d => (d, span: d.Location.GetLineSpan()))
                .Select(x => $"{x.d.Id} {Path.GetFileName(x.span.Path)}({x.span.StartLinePosition.Line + 1},{x.span.StartLinePosition.Character + 1},{x.span.EndLinePosition.Line + 1},{x.span.EndLinePosition.Character + 1}) {x.d.Severity} {x.d.GetMessage()}")
                .OrderBy(s => s, StringComparer.Ordinal).ToArray();

            Assert.True(expected.Length >= 4, "the sample must trigger several rules: " + string.Join(" | ", expected));
            Assert.Equal(expected, actual);
        }

        [Fact]
        public async Task The_editor_text_wins_over_the_file_on_disk()
        {
            using (var unsavedRoot = new LiveCompilation())
            {
                string dockerfile = unsavedRoot.WriteFile("Dockerfile", AppUserFinalStage);
                unsavedRoot.AddAdditionalFile(dockerfile, RootFinalStage);
                var (diagnostics, _) = await unsavedRoot.AnalyzeAsync();
                Assert.Single(diagnostics, d => d.Id == "DKR201");
            }
            using (var unsavedFix = new LiveCompilation())
            {
                string dockerfile = unsavedFix.WriteFile("Dockerfile", RootFinalStage);
                unsavedFix.AddAdditionalFile(dockerfile, AppUserFinalStage);
                var (diagnostics, _) = await unsavedFix.AnalyzeAsync();
                Assert.DoesNotContain(diagnostics, d => d.Id == "DKR201");
            }
        }

        [Fact]
        public async Task An_unsaved_new_Dockerfile_is_analysed_from_the_editor_alone()
        {
            using var project = new LiveCompilation();
            project.AddAdditionalFile(Path.Combine(project.ProjectDirectory, "Dockerfile"), RootFinalStage);

            var (diagnostics, _) = await project.AnalyzeAsync();

            Assert.Single(diagnostics, d => d.Id == "DKR201");
            Assert.DoesNotContain(diagnostics, d => d.Id == "DKR901");
        }

        [Fact]
        public async Task Silent_in_a_real_build_compilation()
        {
            // No design-time switch: the compiler of `dotnet build` loads the analyzer; the MSBuild task reports.
            using var project = new LiveCompilation(live: false);
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);

            var (diagnostics, exceptions) = await project.AnalyzeAsync();

            Assert.Empty(diagnostics);
            Assert.Empty(exceptions);
        }

        [Fact]
        public async Task Silent_for_additional_files_the_package_did_not_add()
        {
            using var project = new LiveCompilation();
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddForeignAdditionalFile(new LiveCompilation.EditorText(dockerfile, RootFinalStage));

            var (diagnostics, _) = await project.AnalyzeAsync();

            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task Silent_when_the_switch_is_anything_but_true()
        {
            using var project = new LiveCompilation(live: false);
            project.SetGlobal("docker_analyzers.live_diagnostics", "false");
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);

            var (diagnostics, _) = await project.AnalyzeAsync();

            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task A_suggestion_is_an_Info_diagnostic()
        {
            // On a development asset production-only rules are suggestions (Purpose metadata from the item).
            using var project = new LiveCompilation();
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage, purpose: "Development");

            var (diagnostics, _) = await project.AnalyzeAsync();

            var finding = Assert.Single(diagnostics, d => d.Id == "DKR201");
            Assert.Equal(DiagnosticSeverity.Info, finding.Severity);
        }

        [Fact]
        public async Task The_Context_metadata_is_the_build_context()
        {
            // app.txt exists only in the project folder: fine in the default context, missing from a declared context "..".
            const string text = "FROM alpine:3.20\nCOPY app.txt /app/\nUSER app\n";
            using (var declared = new LiveCompilation())
            {
                declared.WriteFile("app.txt", "x");
                string dockerfile = declared.WriteFile("Dockerfile", text);
                declared.AddAdditionalFile(dockerfile, text, context: "..");
                var (diagnostics, _) = await declared.AnalyzeAsync();
                var finding = Assert.Single(diagnostics, d => d.Id == "DKR121");
                Assert.Equal(1, finding.Location.GetLineSpan().StartLinePosition.Line);
            }
            using (var inferred = new LiveCompilation())
            {
                inferred.WriteFile("app.txt", "x");
                string dockerfile = inferred.WriteFile("Dockerfile", text);
                inferred.AddAdditionalFile(dockerfile, text);
                var (diagnostics, _) = await inferred.AnalyzeAsync();
                Assert.DoesNotContain(diagnostics, d => d.Id == "DKR121");
            }
        }

        [Fact]
        public async Task A_shared_compose_file_is_reported_once_whether_or_not_its_text_was_handed_in()
        {
            const string compose = "services:\n  web:\n    image: nginx:latest\n";
            foreach (bool handed in new[] { false, true })
            {
                using var project = new LiveCompilation();
                string composePath = Path.Combine(project.Root, "compose.yaml");
                File.WriteAllText(composePath, compose);
                string dockerfile = project.WriteFile("Dockerfile", AppUserFinalStage);
                project.AddAdditionalFile(dockerfile, AppUserFinalStage);
                if (handed) project.AddAdditionalFile(composePath, compose, input: "Shared");

                var (diagnostics, _) = await project.AnalyzeAsync();

                var finding = Assert.Single(diagnostics, d => d.Id == "DKR501");
                var span = finding.Location.GetLineSpan();
                Assert.Equal(composePath, span.Path);
                Assert.Equal(2, span.StartLinePosition.Line);
            }
        }

        [Fact]
        public async Task A_file_listed_twice_reports_once()
        {
            using var project = new LiveCompilation();
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);

            var (diagnostics, _) = await project.AnalyzeAsync();

            Assert.Single(diagnostics, d => d.Id == "DKR201");
        }

        [Fact]
        public void Descriptors_are_the_engine_catalog()
        {
            var analyzer = new DockerAssetsAnalyzer();
            var roslyn = analyzer.SupportedDiagnostics.ToDictionary(d => d.Id);
            Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), roslyn.Keys.OrderBy(i => i, StringComparer.Ordinal));
            foreach (var engine in RuleCatalog.Descriptors)
            {
                var d = roslyn[engine.Id];
                Assert.Equal(engine.Title, d.Title.ToString());
                Assert.Equal(engine.Category, d.Category);
                Assert.Equal(engine.HelpLink, d.HelpLinkUri);
                Assert.Equal(engine.MessageFormat, d.MessageFormat.ToString());
                Assert.Equal(Map(engine.DefaultSeverity), d.DefaultSeverity);
                Assert.True(d.IsEnabledByDefault);
            }
            Assert.Contains(analyzer.SupportedDiagnostics, d => d.DefaultSeverity == DiagnosticSeverity.Info);
        }

        public static IEnumerable<object?[]> HostileInputs() => new[]
        {
            new object?[] { "Dockerfile", "FROM alpine\0\0\0\nRUN x\n", null, null, null },
            new object?[] { "Dockerfile", "FROM alpine AS\nCOPY --from= \nRUN <<EOF\nnever closed\n", null, null, null },
            new object?[] { "Dockerfile", new string('\\', 100_000), null, null, null },
            new object?[] { "Dockerfile", "FROM " + new string('$', 50_000) + "{" + new string('{', 5000), null, null, null },
            new object?[] { "Dockerfile", "\uFEFF\uD800FROM \uDFFF alpine\r\r\n\u2028USER root", null, null, null },
            new object?[] { "Dockerfile", RootFinalStage, "not-a-kind", "\0:|<>\"", "nonsense" },
            new object?[] { "Dockerfile", RootFinalStage, "Dockerfile", new string('x', 40_000), "" },
            new object?[] { "Dockerfile", null, null, null, null },
            new object?[] { "compose.yaml", "services: [ {{{ : : :\n\t- &a *a\n", "Compose", null, null },
            new object?[] { "compose.yaml", "a: &a [*a, *a]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b, *b]\nservices:\n  x:\n    extends: { file: ../../../../../../../../etc/passwd, service: x }\n", "Compose", null, null },
            new object?[] { ".dockerignore", "!\n**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/x\n[\n\\\n", "DockerIgnore", null, null },
            new object?[] { "sub/../../../Dockerfile", RootFinalStage, null, null, null },
        };

        [Theory]
        [MemberData(nameof(HostileInputs))]
        public async Task Hostile_input_never_throws(string name, string? text, string? kind, string? context, string? purpose)
        {
            using var project = new LiveCompilation();
            project.AddAdditionalFile(Path.Combine(project.ProjectDirectory, name), text, kind: kind, context: context, purpose: purpose);

            var (diagnostics, exceptions) = await project.AnalyzeAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "DKR903");
        }

        [Fact]
        public async Task An_engine_failure_is_a_DKR903_finding_not_an_analyzer_crash()
        {
            using var project = new LiveCompilation();
            string dockerfile = project.WriteFile("Dockerfile", RootFinalStage);
            project.AddAdditionalFile(dockerfile, RootFinalStage);
            var failing = new DockerAssetsAnalyzer((_, _) => throw new InvalidOperationException("boom"));

            var (diagnostics, exceptions) = await project.AnalyzeAsync(failing);

            Assert.Empty(exceptions);
            var finding = Assert.Single(diagnostics);
            Assert.Equal("DKR903", finding.Id);
            Assert.Equal(dockerfile, finding.Location.GetLineSpan().Path);
            Assert.Contains("boom", finding.GetMessage());
        }

        private static Docker.Build.Analyzers.Diagnostics.RuleDescriptor RuleDescriptorOf(string id) => RuleCatalog.Find(id)!;

        private static DiagnosticSeverity Map(EngineSeverity severity) => severity switch
        {
            EngineSeverity.Error => DiagnosticSeverity.Error,
            EngineSeverity.Warning => DiagnosticSeverity.Warning,
            EngineSeverity.Suggestion => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };
    }
}
