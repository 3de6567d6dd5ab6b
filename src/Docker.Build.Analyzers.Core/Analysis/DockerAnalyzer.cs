using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Docker.Build.Analyzers.Configuration;
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
        private readonly IReadOnlyList<ProjectRule> _projectRules;

        public DockerAnalyzer() : this(RuleCatalog.Rules) { }

        public DockerAnalyzer(IEnumerable<Rule> rules)
        {
            var list = rules.ToList();
            _dockerfileRules = list.OfType<DockerfileRule>().ToList();
            _dockerIgnoreRules = list.OfType<DockerIgnoreRule>().ToList();
            _composeRules = list.OfType<ComposeRule>().ToList();
            _projectRules = list.OfType<ProjectRule>().ToList();
        }

        public AnalysisResult Analyze(AnalysisRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var suppressed = new List<Diagnostic>();
            var loadFindings = new List<Diagnostic>();
            var workspace = WorkspaceLoader.Load(request, loadFindings);
            var suppressions = new SuppressionsByFile(workspace);
            var severities = new SeverityFilter(request);
            var diagnostics = new List<Diagnostic>();
            foreach (var d in loadFindings)
            {
                // Unreadable or unparsable files: configuration and warning properties apply, inline comments cannot.
                suppressions.NoteAnalyzerFinding(d);
                var severity = severities.Resolve(d.Descriptor, d.Severity, d.FilePath, AssetPurpose.Production);
                if (severities.IsShown(severity)) diagnostics.Add(d.WithSeverity(severity));
            }

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
                    if (foundByDocument[i] != null) Keep(foundByDocument[i], workspace.Dockerfiles[i].Purpose, suppressions, severities, diagnostics, suppressed);
            }
            else
            foreach (var document in workspace.Dockerfiles)
            {
                if (!document.IsReported) continue;
                cancellationToken.ThrowIfCancellationRequested();
                var found = new List<Diagnostic>();
                foreach (var rule in _dockerfileRules)
                    Run(rule, () => rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, found)), document.Syntax.Source, found);
                Keep(found, document.Purpose, suppressions, severities, diagnostics, suppressed);
            }

            foreach (var document in workspace.DockerIgnores)
            {
                if (!document.IsReported) continue;
                cancellationToken.ThrowIfCancellationRequested();
                var found = new List<Diagnostic>();
                foreach (var rule in _dockerIgnoreRules)
                    Run(rule, () => rule.Analyze(new DockerIgnoreContext(rule.Descriptor, document, workspace, found)), document.File.Source, found);
                Keep(found, document.Purpose, suppressions, severities, diagnostics, suppressed);
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
                    Keep(found, document.Purpose, suppressions, severities, diagnostics, suppressed);
                }
            }

            // The project's own settings (the SDK container): checked once, only when the host passed such facts.
            if (_projectRules.Count > 0 && request.Project.DotNet.Container != null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var found = new List<Diagnostic>();
                var projectFile = SourceText.From("", request.Project.DotNet.Container.ProjectFilePath);
                foreach (var rule in _projectRules)
                    Run(rule, () => rule.Analyze(new ProjectContext(rule.Descriptor, workspace, found)), projectFile, found);
                Keep(found, AssetPurpose.Production, suppressions, severities, diagnostics, suppressed);
            }

            ReportUnnecessarySuppressions(workspace, suppressions, severities, diagnostics);

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

        /// <summary>
        /// Applies inline suppressions, then the effective severity (asset purpose, configuration files, warning
        /// properties); drops what ends up off (and hidden findings unless the host asked for them). Findings a comment
        /// suppresses are set aside at their effective severity, not dropped: a SARIF log records them as suppressed.
        /// </summary>
        private static void Keep(List<Diagnostic> found, AssetPurpose purpose, SuppressionsByFile suppressions, SeverityFilter severities, List<Diagnostic> diagnostics, List<Diagnostic> suppressed)
        {
            foreach (var d in found)
            {
                if (d.Severity == DiagnosticSeverity.None) continue;
                bool isSuppressed = suppressions.IsSuppressed(d);
                var severity = severities.Resolve(d.Descriptor, d.Severity, d.FilePath, purpose);
                if (!severities.IsShown(severity)) continue;
                (isSuppressed ? suppressed : diagnostics).Add(d.WithSeverity(severity));
            }
        }

        /// <summary>
        /// DKR904 for a dkr-disable comment (in a file this analysis reports) that suppressed nothing, DKR905 for one that
        /// names an unknown id. Quiet where the answer is uncertain: a file with an analyzer finding (unreadable,
        /// unparsable, a rule failed), a rule turned off for the file (configuration or NoWarn: the comment would
        /// still matter if it were turned on), and rules that report into other files.
        /// </summary>
        private static void ReportUnnecessarySuppressions(Workspace workspace, SuppressionsByFile suppressions, SeverityFilter severities, List<Diagnostic> diagnostics)
        {
            var found = new List<Diagnostic>();
            foreach (var (path, source, purpose) in ReportedSources(workspace))
            {
                var inline = suppressions.Get(path);
                if (inline == null || inline.Comments.Count == 0) continue;
                if (suppressions.HasAnalyzerFinding(path)) continue;
                foreach (var comment in inline.Comments)
                {
                    string written = "# " + comment.Keyword + (InlineSuppressions.IsAll(comment.Ids) ? "" : " " + string.Join(" ", comment.Ids.OrderBy(i => i, StringComparer.Ordinal)));
                    if (InlineSuppressions.IsAll(comment.Ids))
                    {
                        if (!suppressions.WasUsed(path, comment.RangeIndex, null))
                            found.Add(MakeFileDiagnostic(AnalyzerRules.UnnecessarySuppression, source, comment.Span, written, "no rule reports anything here"));
                        continue;
                    }
                    foreach (var id in comment.Ids.OrderBy(i => i, StringComparer.Ordinal))
                    {
                        var descriptor = RuleCatalog.Find(id);
                        if (descriptor == null)
                        {
                            found.Add(MakeFileDiagnostic(AnalyzerRules.UnknownSuppressedRule, source, comment.Span, written, id));
                            continue;
                        }
                        if (descriptor.Category == RuleCategory.Analyzer || CrossFileRuleIds.Contains(descriptor.Id)) continue;
                        // Without the app's code these rules cannot report: whether the comment is needed is unknown.
                        if (!workspace.Project.DotNet.Code.IsKnown && Rules.DotNet.CodeAwareRules.IsCodeOnly(descriptor.Id)) continue;
                        if (suppressions.WasUsed(path, comment.RangeIndex, descriptor.Id)) continue;
                        var severity = severities.Resolve(descriptor, descriptor.DefaultSeverity, path, purpose);
                        if (!severities.IsShown(severity)) continue;
                        found.Add(MakeFileDiagnostic(AnalyzerRules.UnnecessarySuppression, source, comment.Span, written, descriptor.Id + " reports nothing here"));
                    }
                }
            }
            foreach (var d in found)
            {
                // These findings obey the same comments and configuration as any other.
                if (suppressions.IsSuppressed(d)) continue;
                var purpose = AssetPurpose.Production;
                var severity = severities.Resolve(d.Descriptor, d.Severity, d.FilePath, purpose);
                if (!severities.IsShown(severity)) continue;
                diagnostics.Add(d.WithSeverity(severity));
            }
        }

        /// <summary>Rules that report in a file other than the one they check: their findings may come from another project's analysis.</summary>
        private static readonly HashSet<string> CrossFileRuleIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DKR129", "DKR508", "DKR604", "DKR605" };

        private static IEnumerable<(string Path, SourceText Source, AssetPurpose Purpose)> ReportedSources(Workspace workspace)
        {
            foreach (var doc in workspace.Dockerfiles)
                if (doc.IsReported) yield return (doc.Path, doc.Syntax.Source, doc.Purpose);
            foreach (var doc in workspace.DockerIgnores)
                if (doc.IsReported) yield return (doc.Path, doc.File.Source, doc.Purpose);
            foreach (var doc in workspace.ComposeDocuments)
                if (doc.IsReported) yield return (doc.Path, doc.Source, doc.Purpose);
        }

        /// <summary>Effective severities for one analysis: configuration read once per folder, warning properties.</summary>
        private sealed class SeverityFilter
        {
            private readonly ConfigurationResolver _configuration;
            private readonly WarningOptions? _warnings;
            private readonly bool _reportSilent;

            public SeverityFilter(AnalysisRequest request)
            {
                _configuration = new ConfigurationResolver(request);
                _warnings = request.WarningOptions;
                _reportSilent = request.Configuration.ReportSilentDiagnostics;
            }

            public DiagnosticSeverity Resolve(RuleDescriptor descriptor, DiagnosticSeverity reported, string path, AssetPurpose purpose) =>
                EffectiveSeverity.Resolve(descriptor, reported, purpose, _configuration.For(path), _warnings);

            public bool IsShown(DiagnosticSeverity severity) =>
                severity != DiagnosticSeverity.None && (severity != DiagnosticSeverity.Hidden || _reportSilent);
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

            private readonly HashSet<(string Path, int Range, string? Id)> _used = new HashSet<(string, int, string?)>();
            private readonly HashSet<string> _pathsWithAnalyzerFindings = new HashSet<string>(PathComparer);

            /// <summary>Whether a comment covers the finding; records which comments were needed (by range and id).</summary>
            public bool IsSuppressed(Diagnostic d)
            {
                if (d.Descriptor.Category == RuleCategory.Analyzer && d.Id != AnalyzerRules.UnnecessarySuppression.Id && d.Id != AnalyzerRules.UnknownSuppressedRule.Id)
                    _pathsWithAnalyzerFindings.Add(d.FilePath);
                var suppressions = Get(d.FilePath);
                bool suppressed = false;
                foreach (int range in suppressions.MatchingRanges(d))
                {
                    suppressed = true;
                    _used.Add((d.FilePath, range, d.Id.ToUpperInvariant()));
                    _used.Add((d.FilePath, range, null));
                }
                return suppressed;
            }

            public InlineSuppressions Get(string path)
            {
                if (!_byPath.TryGetValue(path, out var suppressions))
                {
                    suppressions = Create(path);
                    _byPath[path] = suppressions;
                }
                return suppressions;
            }

            /// <summary>Whether the range suppressed a finding of the id (null: of any rule).</summary>
            public bool WasUsed(string path, int range, string? id) =>
                range >= 0 && _used.Contains((path, range, id?.ToUpperInvariant()));

            public void NoteAnalyzerFinding(Diagnostic d) => _pathsWithAnalyzerFindings.Add(d.FilePath);

            public bool HasAnalyzerFinding(string path) => _pathsWithAnalyzerFindings.Contains(path);

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
