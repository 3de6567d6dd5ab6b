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
        {
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }

    /// <summary>
    /// The engine's entry point: loads the request's assets into a workspace, runs every rule of the catalog over it,
    /// applies inline suppressions and returns the findings. Holds no mutable state, so one instance can serve many
    /// threads.
    /// </summary>
    public sealed class DockerAnalyzer
    {
        private readonly IReadOnlyList<DockerfileRule> _dockerfileRules;

        public DockerAnalyzer() : this(RuleCatalog.Rules) { }

        public DockerAnalyzer(IEnumerable<Rule> rules)
        {
            _dockerfileRules = rules.OfType<DockerfileRule>().ToList();
        }

        public AnalysisResult Analyze(AnalysisRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var diagnostics = new List<Diagnostic>();
            var workspace = Load(request, diagnostics);

            foreach (var document in workspace.Dockerfiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var found = new List<Diagnostic>();
                foreach (var rule in _dockerfileRules)
                {
                    var context = new DockerfileContext(rule.Descriptor, document, workspace, found);
                    try
                    {
                        rule.Analyze(context);
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException))
                    {
                        found.Add(MakeFileDiagnostic(AnalyzerRules.InternalError, document.Syntax.Source, new TextSpan(0, 0), rule.Descriptor.Id, ex.GetType().Name + ": " + ex.Message));
                    }
                }
                var suppressions = InlineSuppressions.Create(document.Syntax);
                foreach (var d in found)
                {
                    if (d.Severity == DiagnosticSeverity.None) continue;
                    if (suppressions.IsSuppressed(d)) continue;
                    diagnostics.Add(d);
                }
            }

            var ordered = diagnostics.Distinct(DiagnosticIdentity.Instance).ToList();
            ordered.Sort(Diagnostic.Comparer);
            return new AnalysisResult(ordered);
        }

        private static Workspace Load(AnalysisRequest request, List<Diagnostic> diagnostics)
        {
            var dockerfiles = new List<DockerfileDocument>();
            var seen = new HashSet<string>(PathComparer);
            foreach (var asset in request.Assets)
            {
                string path = Normalize(asset.Path, request.ProjectDirectory);
                if (!seen.Add(path)) continue;
                if (asset.Kind != AssetKind.Dockerfile) continue; // .dockerignore and compose files arrive with their rules

                var text = AssetReader.TryRead(request.FileSystem, path, out var problem);
                if (text == null)
                {
                    var empty = SourceText.From("", path);
                    diagnostics.Add(MakeFileDiagnostic(AnalyzerRules.AssetUnreadable, empty, new TextSpan(0, 0), path, problem ?? "unknown problem"));
                    continue;
                }
                var syntax = DockerfileParser.Parse(text);
                if (syntax.HasErrors)
                {
                    // Docker rejects the file; rules over a broken tree would only add noise, so one finding says it all.
                    var error = syntax.Errors.OrderBy(e => e.Span.Start).First();
                    diagnostics.Add(MakeFileDiagnostic(AnalyzerRules.DockerfileUnparsable, text, error.Span, error.Message));
                    continue;
                }
                string context = asset.ContextDirectory != null
                    ? Normalize(asset.ContextDirectory, request.ProjectDirectory)
                    : Normalize(request.ProjectDirectory, request.ProjectDirectory);
                dockerfiles.Add(new DockerfileDocument(syntax, context, asset.ContextDirectory != null));
            }
            return new Workspace(request.ProjectDirectory, request.Project, request.FileSystem, dockerfiles);
        }

        private static Diagnostic MakeFileDiagnostic(RuleDescriptor descriptor, SourceText text, TextSpan span, params string[] args) =>
            new Diagnostic(descriptor, descriptor.DefaultSeverity, text.Path, span, text.GetLinePositionSpan(span), args);

        internal static readonly StringComparer PathComparer =
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private static string Normalize(string path, string baseDirectory)
        {
            try
            {
                string full = Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? "", path);
                return Path.GetFullPath(full);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return path;
            }
        }

        private sealed class DiagnosticIdentity : IEqualityComparer<Diagnostic>
        {
            public static readonly DiagnosticIdentity Instance = new DiagnosticIdentity();

            public bool Equals(Diagnostic? x, Diagnostic? y) =>
                x != null && y != null && x.Id == y.Id && x.Span == y.Span && x.FilePath == y.FilePath && x.Message == y.Message;

            public int GetHashCode(Diagnostic obj) => (obj.Id.GetHashCode() * 397) ^ obj.Span.GetHashCode();
        }
    }
}
