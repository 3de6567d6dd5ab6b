using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules
{
    /// <summary>
    /// A rule that checks the project itself once per analysis, from the evaluated facts its host passed (the SDK
    /// container's <c>Container*</c> properties): no Docker asset is involved, findings go to the MSBuild file that sets
    /// the value, or to the project file's first line.
    /// </summary>
    public abstract class ProjectRule : Rule
    {
        public abstract void Analyze(ProjectContext context);
    }

    /// <summary>What a project rule sees: the project facts, the workspace, and a way to report at a spot in an MSBuild file.</summary>
    public sealed class ProjectContext : RuleContext
    {
        private readonly List<Diagnostic> _found;
        private readonly SourceText _projectFile;

        internal ProjectContext(RuleDescriptor descriptor, Workspace workspace, List<Diagnostic> sink)
            : base(descriptor, workspace, sink)
        {
            _found = sink;
            _projectFile = SourceText.From("", workspace.Project.ProjectPath ?? "");
        }

        /// <summary>The project file; there is no parsed text behind it (findings carry their own positions).</summary>
        protected override SourceText Source => _projectFile;

        /// <summary>The project's SDK container, or null when it does not publish one.</summary>
        public SdkContainerFacts? Container => Project.DotNet.Container;

        /// <summary>Reports at a spot; a setting whose place is unknown is reported at the project file's first line.</summary>
        public void Report(ProjectFileSpot? spot, DiagnosticSeverity severity, params string[] arguments)
        {
            var at = spot ?? ProjectFileSpot.StartOf(Container?.ProjectFilePath ?? Project.ProjectPath ?? "");
            var start = new LinePosition(at.Line, at.Column);
            var end = new LinePosition(at.Line, at.Column + at.Length);
            _found.Add(new Diagnostic(Descriptor, severity, at.Path, new TextSpan(at.Offset, at.Length), new LinePositionSpan(start, end), arguments));
        }

        public void Report(ProjectFileSpot? spot, params string[] arguments) => Report(spot, Descriptor.DefaultSeverity, arguments);
    }
}
