using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR301: the final stage serves (EXPOSE, or an ASP.NET Core project) but declares no HEALTHCHECK.</summary>
    public sealed class ServingImageWithoutHealthcheck : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR301", "Serving image has no health check", RuleCategory.Runtime, DiagnosticSeverity.Warning,
            "The final stage {0} but declares no HEALTHCHECK: orchestrators cannot tell a hung server from a healthy one. Add HEALTHCHECK CMD ... (or HEALTHCHECK NONE to opt out), or set <DockerAnalyzersHealthCheckedBy>Kubernetes</DockerAnalyzersHealthCheckedBy> in the project when an orchestrator probes it{1}",
            "Without a health check Docker and compose report a container as healthy as long as its process exists, even when it no longer answers requests.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null) return;
            if (final.IsExportOnly) return; // FROM scratch without a command: files for 'docker build --output', not a server
            // The project says an orchestrator (Kubernetes probes, a load balancer) checks the container instead of Docker.
            if (context.Project.HealthCheckedBy != null) return;
            // The compose service that builds this Dockerfile checks the container's health itself.
            foreach (var compose in context.Workspace.ComposeBuildsOf(context.Document.Path))
                if (compose.HasHealthcheck) return;
            if (final.FindLastInherited(i => i.Kind == InstructionKind.Healthcheck) != null) return;

            var expose = final.FindLastInherited(i => i.Kind == InstructionKind.Expose);
            string why;
            if (expose != null) why = "exposes a port";
            else if (context.Project.IsWebProject) why = "runs an ASP.NET Core web project";
            else return; // workers that serve nothing need no HTTP health check
            context.Report(final.From.Span, why, HealthPathHint(context));
        }

        /// <summary>
        /// When the app's code maps health checks (read by the compiler host), which path the HEALTHCHECK should probe;
        /// empty otherwise.
        /// </summary>
        private static string HealthPathHint(DockerfileContext context)
        {
            var code = context.Project.DotNet.Code;
            if (!code.HasKnownHealthCheckPaths || !DotNet.DotNetDockerfileFacts.DescribesProject(context)) return "";
            return ". The app maps its health checks at " + string.Join(", ", code.HealthCheckPaths) + ": probe " + code.HealthCheckPaths[0];
        }
    }
}
