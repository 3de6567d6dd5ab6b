using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules
{
    /// <summary>
    /// A rule: one descriptor, one check. Rules are stateless, never read files, never depend on each other; the
    /// runner turns an exception into an internal-error diagnostic and goes on.
    /// </summary>
    public abstract class Rule
    {
        public abstract RuleDescriptor Descriptor { get; }
    }

    /// <summary>A rule that checks one Dockerfile at a time (it may still look at the rest of the workspace).</summary>
    public abstract class DockerfileRule : Rule
    {
        public abstract void Analyze(DockerfileContext context);
    }

    /// <summary>What a Dockerfile rule sees: the parsed document, the workspace around it, and a way to report.</summary>
    public sealed class DockerfileContext
    {
        private readonly RuleDescriptor _descriptor;
        private readonly List<Diagnostic> _sink;

        internal DockerfileContext(RuleDescriptor descriptor, DockerfileDocument document, Workspace workspace, List<Diagnostic> sink)
        {
            _descriptor = descriptor;
            Document = document;
            Workspace = workspace;
            _sink = sink;
        }

        public DockerfileDocument Document { get; }
        public DockerfileSyntax Syntax => Document.Syntax;
        public DockerfileModel Model => Document.Model;
        public Workspace Workspace { get; }
        public ProjectFacts Project => Workspace.Project;

        /// <summary>The Dockerfile's build context and .dockerignore, inspected lazily and shared by all rules of the analysis.</summary>
        public BuildContext BuildContext => Workspace.GetBuildContext(Document);

        public void Report(TextSpan span, params object?[] arguments) =>
            Report(span, _descriptor.DefaultSeverity, arguments);

        // Most findings carry one to three strings: these overloads store them as the argument array directly,
        // without a params object[] and a converted copy of it per finding.

        public void Report(TextSpan span, string? argument) =>
            Add(span, _descriptor.DefaultSeverity, new[] { argument ?? "" });

        public void Report(TextSpan span, string? first, string? second) =>
            Add(span, _descriptor.DefaultSeverity, new[] { first ?? "", second ?? "" });

        public void Report(TextSpan span, string? first, string? second, string? third) =>
            Add(span, _descriptor.DefaultSeverity, new[] { first ?? "", second ?? "", third ?? "" });

        /// <summary>Reports with a severity other than the rule's default (a rule whose milder variant is only a suggestion).</summary>
        public void Report(TextSpan span, DiagnosticSeverity severity, params object?[] arguments)
        {
            var args = new string[arguments?.Length ?? 0];
            for (int i = 0; i < args.Length; i++) args[i] = System.Convert.ToString(arguments![i], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Add(span, severity, args);
        }

        private void Add(TextSpan span, DiagnosticSeverity severity, string[] arguments)
        {
            var text = Document.Syntax.Source;
            _sink.Add(new Diagnostic(_descriptor, severity, text.Path, span, text.GetLinePositionSpan(span), arguments));
        }
    }
}
