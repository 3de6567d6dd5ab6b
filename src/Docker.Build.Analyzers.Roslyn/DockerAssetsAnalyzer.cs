using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.CodeFacts;
using Docker.Build.Analyzers.Rules.DotNet;
using Docker.Build.Analyzers.Rules.Analyzer;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using AnalysisResult = Docker.Build.Analyzers.Analysis.AnalysisResult;
using EngineDiagnostic = Docker.Build.Analyzers.Diagnostics.Diagnostic;
using EngineSeverity = Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity;

namespace Docker.Build.Analyzers.Roslyn
{
    /// <summary>
    /// Live IDE diagnostics: runs the engine over the Docker assets the package's targets hand the compilation as
    /// additional files, and reports each finding at its file and position in the editor's current text.
    /// Reports only in the IDE's compilation (the switch design-time builds write); in a real build the MSBuild
    /// task reports, so each finding shows once. Never throws: a failure becomes a DKR903 finding, never AD0001.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
    public sealed class DockerAssetsAnalyzer : DiagnosticAnalyzer
    {
        private readonly Func<AnalysisRequest, CancellationToken, AnalysisResult> _analyze;
        private readonly Func<AnalysisRequest, CancellationToken, AnalysisResult> _analyzeCodeAware;

        public DockerAssetsAnalyzer() : this(
            (request, cancellationToken) => new DockerAnalyzer().Analyze(request, cancellationToken),
            (request, cancellationToken) => new DockerAnalyzer(CodeAwareRules.Rules).Analyze(request, cancellationToken)) { }

        /// <summary>For tests: another engine (or one that fails) instead of the real one, in both modes.</summary>
        internal DockerAssetsAnalyzer(Func<AnalysisRequest, CancellationToken, AnalysisResult> analyze) : this(analyze, analyze) { }

        private DockerAssetsAnalyzer(Func<AnalysisRequest, CancellationToken, AnalysisResult> analyze, Func<AnalysisRequest, CancellationToken, AnalysisResult> analyzeCodeAware)
        {
            _analyze = analyze;
            _analyzeCodeAware = analyzeCodeAware;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RoslynDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                // IDE: every rule, live. Real C# build: only the rules that need the code (the task reports the rest).
                bool live = LiveInputs.IsLive(global);
                if (!live && !LiveInputs.IsCodeAwareInCompiler(global)) return;
                var inputs = LiveInputs.Collect(start.Options);
                if (inputs == null) return;
                var analysis = new ProjectAnalysis(inputs, live ? _analyze : _analyzeCodeAware, start.Compilation, codeAwareOnly: !live);
                start.RegisterAdditionalFileAction(file => analysis.Report(file));
            });
        }

        /// <summary>
        /// One engine run per compilation, shared by the additional-file actions (the engine analyses the project's
        /// assets together: contexts, ignore files and compose files refer to each other); each action reports the
        /// findings of its own file.
        /// </summary>
        private sealed class ProjectAnalysis
        {
            private readonly LiveInputs _inputs;
            private readonly Func<AnalysisRequest, CancellationToken, AnalysisResult> _analyze;
            private readonly Compilation _compilation;
            private readonly bool _codeAwareOnly;
            private readonly object _gate = new object();
            private Findings? _findings;

            public ProjectAnalysis(LiveInputs inputs, Func<AnalysisRequest, CancellationToken, AnalysisResult> analyze, Compilation compilation, bool codeAwareOnly)
            {
                _inputs = inputs;
                _analyze = analyze;
                _compilation = compilation;
                _codeAwareOnly = codeAwareOnly;
            }

            public void Report(AdditionalFileAnalysisContext context)
            {
                // Only the first text of each path is ours: a file listed twice must not report twice.
                TaggedText? own = null;
                foreach (var file in _inputs.Files)
                    if (ReferenceEquals(file.Text, context.AdditionalFile)) own = file;
                if (own == null) return;

                var findings = Get(context.CancellationToken);
                if (findings.ByPath.TryGetValue(own.FullPath, out var list))
                    foreach (var d in list) context.ReportDiagnostic(ToRoslyn(d, own.Text, context.CancellationToken));
                // Findings in files Roslyn does not hold (a compose file two folders up) go with the first asset's.
                if (ReferenceEquals(own, _inputs.Files[0]))
                    foreach (var d in findings.Elsewhere) context.ReportDiagnostic(ToRoslyn(d, null, context.CancellationToken));
            }

            private Findings Get(CancellationToken cancellationToken)
            {
                // Computed under a lock and kept only when complete: a cancelled run is redone by the next action.
                lock (_gate)
                {
                    if (_findings != null) return _findings;
                    _findings = Run(cancellationToken);
                    return _findings;
                }
            }

            private Findings Run(CancellationToken cancellationToken)
            {
                IReadOnlyList<EngineDiagnostic> diagnostics;
                bool ownsServingRule = false;
                try
                {
                    var code = CodeFactsOf(_compilation, cancellationToken);
                    diagnostics = _analyze(_inputs.CreateRequest(cancellationToken, code), cancellationToken).Diagnostics;
                    if (_codeAwareOnly) ownsServingRule = OwnsServingImageRule(_compilation, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    diagnostics = new[] { Crash(ex) };
                }

                var held = new HashSet<string>(LiveInputs.PathComparer);
                foreach (var file in _inputs.Files) held.Add(file.FullPath);
                var byPath = new Dictionary<string, List<EngineDiagnostic>>(LiveInputs.PathComparer);
                var elsewhere = new List<EngineDiagnostic>();
                foreach (var d in diagnostics)
                {
                    if (d == null || d.Severity == EngineSeverity.None) continue;
                    // A real build: the task reports every other rule, and DKR301 unless the code may give it a hint.
                    if (_codeAwareOnly && !IsOwnInBuild(d, ownsServingRule)) continue;
                    string path = LiveInputs.SafeFullPath(d.FilePath ?? "");
                    if (!held.Contains(path))
                    {
                        elsewhere.Add(d);
                        continue;
                    }
                    if (!byPath.TryGetValue(path, out var list)) byPath[path] = list = new List<EngineDiagnostic>();
                    list.Add(d);
                }
                return new Findings(byPath, elsewhere);
            }

            /// <summary>In a real build: the code-only rules, DKR301 when this host owns it, and failures of either.</summary>
            private static bool IsOwnInBuild(EngineDiagnostic d, bool ownsServingRule)
            {
                if (CodeAwareRules.IsCodeOnly(d.Id)) return true;
                if (d.Id == "DKR301") return ownsServingRule;
                if (d.Id == AnalyzerRules.InternalError.Id && d.Arguments.Count > 0)
                    return d.Arguments[0] == "(the analysis)" || CodeAwareRules.IsCodeOnly(d.Arguments[0]) || (ownsServingRule && d.Arguments[0] == "DKR301");
                return false;
            }

            /// <summary>What the compilation's C# code says about ports and health paths; Unknown if reading it fails.</summary>
            private static AppCodeFacts CodeFactsOf(Compilation compilation, CancellationToken cancellationToken)
            {
                if (compilation.Language != LanguageNames.CSharp) return AppCodeFacts.Unknown;
                try
                {
                    return AppCodeFactsReader.Read(compilation.SyntaxTrees, cancellationToken);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    return AppCodeFacts.Unknown;
                }
            }

            /// <summary>
            /// The task applies the same test to the project's Compile items (CodeAwareRules.MayMapHealthChecks): the
            /// compiler reports DKR301 exactly when one of the project's own files mentions a health-check mapping.
            /// Generated trees (source generators) have no file on disk and are not among the task's Compile items.
            /// </summary>
            private static bool OwnsServingImageRule(Compilation compilation, CancellationToken cancellationToken)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (string.IsNullOrEmpty(tree.FilePath) || !System.IO.Path.IsPathRooted(tree.FilePath)) continue;
                    if (CodeAwareRules.MayMapHealthChecks(tree.GetText(cancellationToken).ToString())) return true;
                }
                return false;
            }

            /// <summary>The engine failed as a whole: one DKR903 on the first asset, as the task reports it on the project.</summary>
            private EngineDiagnostic Crash(Exception ex)
            {
                var rule = AnalyzerRules.InternalError;
                var first = _inputs.Files[0];
                return new EngineDiagnostic(rule, rule.DefaultSeverity, first.FullPath, new Docker.Build.Analyzers.Text.TextSpan(0, 0),
                    new Docker.Build.Analyzers.Text.LinePositionSpan(new Docker.Build.Analyzers.Text.LinePosition(1, 1), new Docker.Build.Analyzers.Text.LinePosition(1, 1)),
                    new[] { "(the analysis)", ex.GetType().Name + ": " + ex.Message });
            }
        }

        private sealed class Findings
        {
            public Findings(Dictionary<string, List<EngineDiagnostic>> byPath, List<EngineDiagnostic> elsewhere)
            {
                ByPath = byPath;
                Elsewhere = elsewhere;
            }

            public Dictionary<string, List<EngineDiagnostic>> ByPath { get; }
            public List<EngineDiagnostic> Elsewhere { get; }
        }

        /// <summary>
        /// A Roslyn diagnostic at the engine's span, with the engine's effective severity (the asset's purpose may have
        /// lowered it). Positions come from the text Roslyn holds when there is one, so they match the editor exactly.
        /// </summary>
        internal static Diagnostic ToRoslyn(EngineDiagnostic d, AdditionalText? text, CancellationToken cancellationToken)
        {
            var descriptor = RoslynDescriptors.Get(d.Descriptor);
            var source = text?.GetText(cancellationToken);
            Location location;
            // A finding placed by line and column only (DKR620 at a project-file element) carries no text span: trust the
            // span only where it agrees with the line.
            if (source != null && d.Span.Start >= 0 && d.Span.Start + d.Span.Length <= source.Length
                && source.Lines.GetLinePosition(d.Span.Start).Line == d.Line - 1)
            {
                var span = new TextSpan(d.Span.Start, d.Span.Length);
                location = Location.Create(d.FilePath, span, source.Lines.GetLinePositionSpan(span));
            }
            else
            {
                var start = new LinePosition(Math.Max(0, d.Line - 1), Math.Max(0, d.Column - 1));
                var end = new LinePosition(Math.Max(start.Line, d.EndLine - 1), d.EndLine - 1 > start.Line ? Math.Max(0, d.EndColumn - 1) : Math.Max(start.Character, d.EndColumn - 1));
                location = Location.Create(d.FilePath ?? "", new TextSpan(Math.Max(0, d.Span.Start), Math.Max(0, d.Span.Length)), new LinePositionSpan(start, end));
            }
            var args = new object[d.Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = d.Arguments[i];
            return Diagnostic.Create(descriptor, location, RoslynDescriptors.ToRoslyn(d.Severity), additionalLocations: null, properties: null, messageArgs: args);
        }
    }
}
