using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
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

    /// <summary>A rule that checks one .dockerignore file at a time (it may look at the Dockerfiles that use it).</summary>
    public abstract class DockerIgnoreRule : Rule
    {
        public abstract void Analyze(DockerIgnoreContext context);
    }

    /// <summary>A rule that checks one compose file at a time (with its override pair, extends and includes at hand).</summary>
    public abstract class ComposeRule : Rule
    {
        public abstract void Analyze(ComposeContext context);
    }

    /// <summary>
    /// What every rule context shares: the rule's descriptor, the file findings are reported in, and the sink.
    /// Findings may also be reported in another file of the workspace (a .dockerignore pattern found while checking a
    /// Dockerfile) with <see cref="ReportIn"/>.
    /// </summary>
    public abstract class RuleContext
    {
        private readonly RuleDescriptor _descriptor;
        private readonly List<Diagnostic> _sink;

        internal RuleContext(RuleDescriptor descriptor, Workspace workspace, List<Diagnostic> sink)
        {
            _descriptor = descriptor;
            Workspace = workspace;
            _sink = sink;
        }

        public Workspace Workspace { get; }
        public ProjectFacts Project => Workspace.Project;
        public RuleDescriptor Descriptor => _descriptor;

        /// <summary>The file findings are reported in.</summary>
        protected abstract SourceText Source { get; }

        public void Report(TextSpan span, params object?[] arguments) =>
            Report(span, _descriptor.DefaultSeverity, arguments);

        // Most findings carry one to three strings: these overloads store them as the argument array directly,
        // without a params object[] and a converted copy of it per finding.

        public void Report(TextSpan span, string? argument) =>
            Add(Source, span, _descriptor.DefaultSeverity, new[] { argument ?? "" });

        public void Report(TextSpan span, string? first, string? second) =>
            Add(Source, span, _descriptor.DefaultSeverity, new[] { first ?? "", second ?? "" });

        public void Report(TextSpan span, string? first, string? second, string? third) =>
            Add(Source, span, _descriptor.DefaultSeverity, new[] { first ?? "", second ?? "", third ?? "" });

        /// <summary>Reports with a severity other than the rule's default (a rule whose milder variant is only a suggestion).</summary>
        public void Report(TextSpan span, DiagnosticSeverity severity, params object?[] arguments) =>
            Add(Source, span, severity, ToStrings(arguments));

        /// <summary>Reports in another file (the .dockerignore line that excludes what this Dockerfile needs).</summary>
        public void ReportIn(SourceText source, TextSpan span, DiagnosticSeverity severity, params object?[] arguments) =>
            Add(source, span, severity, ToStrings(arguments));

        private static string[] ToStrings(object?[]? arguments)
        {
            var args = new string[arguments?.Length ?? 0];
            for (int i = 0; i < args.Length; i++) args[i] = System.Convert.ToString(arguments![i], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return args;
        }

        private void Add(SourceText text, TextSpan span, DiagnosticSeverity severity, string[] arguments) =>
            _sink.Add(new Diagnostic(_descriptor, severity, text.Path, span, text.GetLinePositionSpan(span), arguments));
    }

    /// <summary>What a Dockerfile rule sees: the parsed document, the workspace around it, and a way to report.</summary>
    public sealed class DockerfileContext : RuleContext
    {
        internal DockerfileContext(RuleDescriptor descriptor, DockerfileDocument document, Workspace workspace, List<Diagnostic> sink)
            : base(descriptor, workspace, sink)
        {
            Document = document;
        }

        public DockerfileDocument Document { get; }
        public DockerfileSyntax Syntax => Document.Syntax;
        public DockerfileModel Model => Document.Model;
        protected override SourceText Source => Document.Syntax.Source;

        /// <summary>The Dockerfile's build context and .dockerignore, inspected lazily and shared by all rules of the analysis.</summary>
        public BuildContext BuildContext => Workspace.GetBuildContext(Document);
    }

    /// <summary>What a .dockerignore rule sees: the parsed file, the workspace (and the Dockerfiles built with it).</summary>
    public sealed class DockerIgnoreContext : RuleContext
    {
        internal DockerIgnoreContext(RuleDescriptor descriptor, DockerIgnoreDocument document, Workspace workspace, List<Diagnostic> sink)
            : base(descriptor, workspace, sink)
        {
            Document = document;
        }

        public DockerIgnoreDocument Document { get; }
        public DockerIgnore.DockerIgnoreFile File => Document.File;
        protected override SourceText Source => Document.File.Source;
    }
}

namespace Docker.Build.Analyzers.Rules
{
    /// <summary>
    /// What a compose rule sees: the compose file, its services (with <c>extends</c> applied), the project Compose
    /// would run (override file merged, included services known), the workspace, and a way to report at a node.
    /// </summary>
    public sealed class ComposeContext : RuleContext
    {
        internal ComposeContext(RuleDescriptor descriptor, ComposeDocument document, Workspace workspace, List<Diagnostic> sink)
            : base(descriptor, workspace, sink)
        {
            Document = document;
        }

        public ComposeDocument Document { get; }
        public ComposeFile File => Document.File;
        protected override SourceText Source => Document.Source;

        /// <summary>The merged project: base and override file, extends, includes. Built once per analysis.</summary>
        public ComposeProject ComposeProject => Workspace.GetComposeProject(Document);

        /// <summary>This file's services, each with its <c>extends</c> chain merged (not the override file).</summary>
        public IReadOnlyList<ComposeService> Services => ComposeProject.ServicesOf(File);

        /// <summary>A standard override file: rules about something missing stay silent on it (the base file has it).</summary>
        public bool IsOverrideFile => Document.IsOverrideFile;

        /// <summary>
        /// Reports at a node: its own span, or the alias, <c>&lt;&lt;</c> or <c>extends</c> key that brought it into
        /// this file. A node that lives only in another file is reported there.
        /// </summary>
        public void Report(YamlNode node, params object?[] arguments)
        {
            if (ReferenceEquals(node.ReportSource, Document.Source) || node.ReportSource.Path == Document.Source.Path)
                Report(node.ReportSpan, Descriptor.DefaultSeverity, arguments);
            else
                ReportIn(node.ReportSource, node.ReportSpan, Descriptor.DefaultSeverity, arguments);
        }
    }
}
