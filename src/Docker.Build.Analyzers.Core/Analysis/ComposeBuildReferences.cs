using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Compose;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>Finds, in the workspace's compose files, the services that build a Dockerfile and where from.</summary>
    internal static class ComposeBuildReferences
    {
        public static IReadOnlyList<ComposeBuildReference> Collect(Workspace workspace)
        {
            var list = new List<ComposeBuildReference>();
            foreach (var document in workspace.ComposeDocuments)
            {
                var file = document.File;
                if (!file.IsParsed) continue;
                var project = workspace.GetComposeProject(document);
                foreach (var service in project.ServicesOf(file))
                {
                    var reference = Create(file, service, !document.IsOverrideFile);
                    if (reference != null) list.Add(reference);
                }
            }
            return list;
        }

        /// <summary>The build of one service: context relative to the compose file, dockerfile relative to the context.</summary>
        internal static ComposeBuildReference? Create(ComposeFile file, ComposeService service, bool productionFile = true)
        {
            var build = service.Build;
            if (build == null) return null;
            var context = build.Context;
            string? contextValue = context == null ? "." : context.ValueWithDefaults;
            if (contextValue == null || ComposeBuild.IsRemoteContext(contextValue)) return null;
            // Relative to the file that writes the value: an extended service of another file keeps its own base.
            string composeDirectory = Path.GetDirectoryName((context ?? build.Node).Source.Path) ?? "";
            string contextDirectory = WorkspaceLoader.Normalize(contextValue.Length == 0 ? "." : contextValue, composeDirectory);
            string? dockerfileValue = build.Dockerfile == null ? "Dockerfile" : build.Dockerfile.ValueWithDefaults;
            if (dockerfileValue == null) return null;
            string dockerfile = WorkspaceLoader.Normalize(dockerfileValue, contextDirectory);
            var at = (YamlNode?)context ?? build.Node;
            // The span must be in this file's text: a context inherited through extends reports at the extends key.
            var source = ReferenceEquals(at.ReportSource, file.Source) ? file.Source : at.ReportSource;
            // A health check set only in an override file is a development setting: it does not stand in for HEALTHCHECK.
            bool healthchecked = productionFile && service.HealthcheckTest != null && !service.HealthcheckDisabled;
            return new ComposeBuildReference(file.Path, service.Name, contextDirectory, dockerfile, source, at.ReportSpan, healthchecked, service);
        }
    }
}
