using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Rules;
using Docker.Build.Analyzers.Rules.Analyzer;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>The result of one analysis: findings in a deterministic order (file, position, id).</summary>
    public sealed class AnalysisResult
    {
        public AnalysisResult(IReadOnlyList<Diagnostic> diagnostics)
            : this(diagnostics, Array.Empty<Diagnostic>())
        {
        }

        public AnalysisResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Diagnostic> suppressedDiagnostics)
        {
            Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
            SuppressedDiagnostics = suppressedDiagnostics ?? Array.Empty<Diagnostic>();
        }

        /// <summary>The findings to report.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>
        /// Findings an inline comment (<c># dkr-disable...</c>, <c># hadolint ignore=</c>, <c># check=skip=</c>)
        /// suppressed, at the severity they would have had, in the same order. Hosts never print them; reports that
        /// record suppressions (SARIF) keep them, flagged as suppressed in source.
        /// </summary>
        public IReadOnlyList<Diagnostic> SuppressedDiagnostics { get; }
    }

    /// <summary>
    /// The engine's entry point: loads the request's assets into a workspace, runs every rule of the catalog over it,
    /// applies inline suppressions and returns the findings. Holds no mutable state, so one instance can serve many
    /// threads.
    /// </summary>
    public sealed class DockerAnalyzer
    {
        private readonly IReadOnlyList<DockerfileRule> _dockerfileRules;
        private readonly IReadOnlyList<DockerIgnoreRule> _dockerIgnoreRules;
        private readonly IReadOnlyList<ComposeRule> _composeRules;

        public DockerAnalyzer() : this(RuleCatalog.Rules) { }

        public DockerAnalyzer(IEnumerable<Rule> rules)
        {
            var list = rules.ToList();
            _dockerfileRules = list.OfType<DockerfileRule>().ToList();
            _dockerIgnoreRules = list.OfType<DockerIgnoreRule>().ToList();
            _composeRules = list.OfType<ComposeRule>().ToList();
        }

        public AnalysisResult Analyze(AnalysisRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var diagnostics = new List<Diagnostic>();
            var suppressed = new List<Diagnostic>();
            var workspace = WorkspaceLoader.Load(request, diagnostics);
            var suppressions = new SuppressionsByFile(workspace);

            if (request.MaxDegreeOfParallelism > 1 && workspace.Dockerfiles.Count > 1)
            {
                // The workspace is safe to share (its caches are concurrent and lazy); each Dockerfile gets its own list,
                // and suppressions are applied afterwards on this thread, in document order.
                var foundByDocument = new List<Diagnostic>[workspace.Dockerfiles.Count];
                System.Threading.Tasks.Parallel.For(0, workspace.Dockerfiles.Count,
                    new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = request.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
                    i =>
                    {
                        var document = workspace.Dockerfiles[i];
                        if (!document.IsReported) return;
                        var found = new List<Diagnostic>();
                        foreach (var rule in _dockerfileRules)
                            Run(rule, () => rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, found)), document.Syntax.Source, found);
                        foundByDocument[i] = found;
                    });
                for (int i = 0; i < foundByDocument.Length; i++)
                    if (foundByDocument[i] != null) Keep(foundByDocument[i], workspace.Dockerfiles[i].Purpose, suppressions, diagnostics, suppressed);
            }
            else
            foreach (var document in workspace.Dockerfiles)
            {
                if (!document.IsReported) continue;
                cancellationToken.ThrowIfCancellationRequested();
                var found = new List<Diagnostic>();
                foreach (var rule in _dockerfileRules)
                    Run(rule, () => rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, found)), document.Syntax.Source, found);
                Keep(found, document.Purpose, suppressions, diagnostics, suppressed);
            }

            foreach (var document in workspace.DockerIgnores)
            {
                if (!document.IsReported) continue;
                cancellationToken.ThrowIfCancellationRequested();
                var found = new List<Diagnostic>();
                foreach (var rule in _dockerIgnoreRules)
                    Run(rule, () => rule.Analyze(new DockerIgnoreContext(rule.Descriptor, document, workspace, found)), document.File.Source, found);
                Keep(found, document.Purpose, suppressions, diagnostics, suppressed);
            }

            if (_composeRules.Count > 0)
            {
                foreach (var document in workspace.ComposeDocuments)
                {
                    if (!document.IsReported) continue;
                    cancellationToken.ThrowIfCancellationRequested();
                    var found = new List<Diagnostic>();
                    foreach (var rule in _composeRules)
                        Run(rule, () => rule.Analyze(new ComposeContext(rule.Descriptor, document, workspace, found)), document.Source, found);
                    Keep(found, document.Purpose, suppressions, diagnostics, suppressed);
                }
            }

            var ordered = diagnostics.Distinct(DiagnosticIdentity.Instance).ToList();
            ordered.Sort(Diagnostic.Comparer);
            var orderedSuppressed = suppressed.Distinct(DiagnosticIdentity.Instance).ToList();
            orderedSuppressed.Sort(Diagnostic.Comparer);
            return new AnalysisResult(ordered, orderedSuppressed);
        }

        /// <summary>Runs one rule; an exception becomes an internal-error finding on the file and the other rules go on.</summary>
        private static void Run(Rule rule, Action analyze, SourceText source, List<Diagnostic> found)
        {
            try
            {
                analyze();
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                found.Add(MakeFileDiagnostic(AnalyzerRules.InternalError, source, new TextSpan(0, 0), rule.Descriptor.Id, ex.GetType().Name + ": " + ex.Message));
            }
        }

        /// <summary>Applies the asset's purpose (production-only rules are suggestions elsewhere) and inline suppressions.</summary>
        private static void Keep(List<Diagnostic> found, AssetPurpose purpose, SuppressionsByFile suppressions, List<Diagnostic> diagnostics, List<Diagnostic> suppressed)
        {
            foreach (var d in found)
            {
                if (d.Severity == DiagnosticSeverity.None) continue;
                var kept = d.WithSeverity(PurposePolicy.Apply(d.Id, d.Severity, purpose));
                // Suppressed findings are set aside, not dropped: a SARIF log records them as suppressed in source.
                if (suppressions.IsSuppressed(d)) suppressed.Add(kept);
                else diagnostics.Add(kept);
            }
        }

        /// <summary>The inline suppressions of each file a finding can land in, read once per file.</summary>
        private sealed class SuppressionsByFile
        {
            private readonly Dictionary<string, InlineSuppressions> _byPath = new Dictionary<string, InlineSuppressions>(PathComparer);
            private readonly Workspace _workspace;

            public SuppressionsByFile(Workspace workspace)
            {
                _workspace = workspace;
            }

            public bool IsSuppressed(Diagnostic d)
            {
                if (!_byPath.TryGetValue(d.FilePath, out var suppressions))
                {
                    suppressions = Create(d.FilePath);
                    _byPath[d.FilePath] = suppressions;
                }
                return suppressions != null && suppressions.IsSuppressed(d);
            }

            private InlineSuppressions Create(string path)
            {
                foreach (var doc in _workspace.Dockerfiles)
                    if (PathComparer.Equals(doc.Path, path)) return InlineSuppressions.Create(doc.Syntax);
                foreach (var doc in _workspace.DockerIgnores)
                    if (PathComparer.Equals(doc.Path, path)) return InlineSuppressions.FromLineComments(doc.File.Source);
                foreach (var source in _workspace.ComposeSources)
                    if (PathComparer.Equals(source.Path, path)) return InlineSuppressions.FromLineComments(source);
                return InlineSuppressions.FromLineComments(SourceText.From("", path));
            }
        }

        internal static Diagnostic MakeFileDiagnostic(RuleDescriptor descriptor, SourceText text, TextSpan span, params string[] args) =>
            new Diagnostic(descriptor, descriptor.DefaultSeverity, text.Path, span, text.GetLinePositionSpan(span), args);

        internal static readonly StringComparer PathComparer =
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private sealed class DiagnosticIdentity : IEqualityComparer<Diagnostic>
        {
            public static readonly DiagnosticIdentity Instance = new DiagnosticIdentity();

            public bool Equals(Diagnostic? x, Diagnostic? y) =>
                x != null && y != null && x.Id == y.Id && x.Span == y.Span && x.FilePath == y.FilePath && x.Message == y.Message;

            public int GetHashCode(Diagnostic obj) => (obj.Id.GetHashCode() * 397) ^ obj.Span.GetHashCode();
        }
    }
}
