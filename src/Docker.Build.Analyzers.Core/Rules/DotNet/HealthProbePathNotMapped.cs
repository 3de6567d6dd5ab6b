using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR605: the app maps health checks (<c>MapHealthChecks("/healthz")</c>) but the Dockerfile's HEALTHCHECK, or the
    /// health check of a compose service that builds it, probes another path: the probe gets a 404 and the container
    /// never becomes healthy. Silent when the app's code was not read or a mapped path is not known.
    /// </summary>
    public sealed class HealthProbePathNotMapped : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR605", "Health probe asks for a path the app does not map", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "{0} probes {1}, but the app maps its health checks at {2}: the probe gets 404 and the container never becomes healthy. Probe {3}",
            "MapHealthChecks answers on the paths the code gives it; a health probe of any other path fails, so Docker and compose mark a working container unhealthy (and restart or never route to it).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var code = context.Project.DotNet.Code;
            if (!code.HasKnownHealthCheckPaths) return;
            var final = context.Model.FinalStage;
            if (final == null || final.IsExportOnly) return;
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;

            foreach (var probe in AppPortFacts.DockerfileProbes(context, final))
                if (!IsMapped(code, probe.Path))
                    context.Report(probe.Span, "The HEALTHCHECK", probe.Path, Paths(code), code.HealthCheckPaths[0]);

            foreach (var build in context.Workspace.ComposeBuildsOf(context.Document.Path))
            {
                if (build.Service == null) continue;
                foreach (var probe in AppPortFacts.ComposeProbes(build.Service))
                    if (!IsMapped(code, probe.Path))
                        context.ReportIn(probe.Source, probe.Span, Rule.DefaultSeverity,
                            "The health check of compose service '" + build.Service.Name + "'", probe.Path, Paths(code), code.HealthCheckPaths[0]);
            }
        }

        private static bool IsMapped(AppCodeFacts code, string path) => code.HealthCheckPaths.Any(p => HealthProbeUrl.SamePath(p, path));

        private static string Paths(AppCodeFacts code) => string.Join(", ", code.HealthCheckPaths.Distinct(System.StringComparer.OrdinalIgnoreCase));
    }
}
