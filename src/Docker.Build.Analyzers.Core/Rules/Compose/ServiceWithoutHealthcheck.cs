using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR502: a long-running service that serves has no health check: none in compose, none in the Dockerfile it
    /// builds, and an image known to declare none. Images that may declare one are not judged. A check turned off
    /// needs a comment that says why.
    /// </summary>
    public sealed class ServiceWithoutHealthcheck : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR502", "Service has no health check", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "{0}. Add a 'healthcheck:' with a 'test' that fails when the service cannot serve (or a HEALTHCHECK in its Dockerfile)",
            "Without a health check Compose calls a container healthy as long as its process runs: dependants cannot wait for it with 'service_healthy', and a hung server is never noticed.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            if (!ComposeServiceFacts.JudgesMissingSettings(context)) return;
            // An orchestrator probes the containers (DockerAnalyzersHealthCheckedBy): compose health checks are not needed.
            if (context.Project.HealthCheckedBy != null) return;
            var project = context.ComposeProject;
            foreach (var service in context.Services)
            {
                if (ComposeServiceFacts.IsOutOfScope(context, service) || ComposeServiceFacts.IsOneShot(service, project)) continue;
                var state = ComposeServiceFacts.Healthcheck(service, context.Workspace);
                if (state == HealthcheckState.Disabled)
                {
                    ReportDisabledWithoutReason(context, service);
                    continue;
                }
                if (state != HealthcheckState.Missing || !Serves(service, context)) continue;
                string what = service.Build != null
                    ? $"The service '{service.Name}' has no health check: neither compose nor the Dockerfile it builds defines one"
                    : $"The service '{service.Name}' has no health check: compose defines none and the image '{service.Image!.Value}' declares none";
                context.Report(service.NameNode.ReportSpan, what);
            }
        }

        /// <summary>Listens for others: ports, an EXPOSE, a dependant, or a well-known server image.</summary>
        private static bool Serves(ComposeService service, ComposeContext context)
        {
            if (service.GetItems("ports").Count > 0 || service.Expose.Count > 0) return true;
            if (ComposeServiceFacts.IsDependedOn(service, context.ComposeProject)) return true;
            if (service.Build != null) return ComposeServiceFacts.BuiltImageExposesPort(service, context.Workspace);
            var image = ComposeServiceFacts.PulledImage(service);
            return image != null && ComposeServiceFacts.IsKnownServerImage(image);
        }

        /// <summary>Turning the check off is fine when a comment right above (or after) the setting says why.</summary>
        private static void ReportDisabledWithoutReason(ComposeContext context, ComposeService service)
        {
            var entry = service.GetEntry("healthcheck");
            if (entry == null) return; // HEALTHCHECK NONE in the Dockerfile: an explicit choice there
            var healthcheck = entry.Value as YamlMapping;
            YamlNode at = (YamlNode?)(healthcheck?.Find("disable")?.Value) ?? healthcheck?.Find("test")?.Value ?? entry.Key;
            if (!ReferenceEquals(at.ReportSource, context.Document.Source) && at.ReportSource.Path != context.Document.Path) return;
            var source = context.Document.Source;
            int keyLine = source.GetLinePosition(entry.Key.ReportSpan.Start).Line;
            int valueLine = source.GetLinePosition(at.ReportSpan.Start).Line;
            if (ComposeServiceFacts.HasExplainingComment(source, keyLine) || ComposeServiceFacts.HasExplainingComment(source, valueLine)) return;
            context.Report(at, $"The service '{service.Name}' turns its health check off without saying why; add a comment above 'healthcheck:' explaining what watches it instead, or define a check");
        }
    }
}
