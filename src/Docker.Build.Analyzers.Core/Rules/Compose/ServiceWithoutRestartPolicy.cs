using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR503: a long-running service sets neither <c>restart</c> nor <c>deploy.restart_policy</c>.</summary>
    public sealed class ServiceWithoutRestartPolicy : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR503", "Service has no restart policy", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' has no restart policy, so it stays down after a crash or a host reboot. Add 'restart: unless-stopped' (or 'always', 'on-failure')",
            "Compose's default is restart: \"no\": a service that crashes, or whose host restarts, stays stopped until someone notices.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            if (!ComposeServiceFacts.JudgesMissingSettings(context)) return;
            var project = context.ComposeProject;
            foreach (var service in context.Services)
            {
                if (service.Get("restart") != null || service.DeployRestartPolicy != null) continue;
                if (ComposeServiceFacts.IsOutOfScope(context, service) || ComposeServiceFacts.IsOneShot(service, project)) continue;
                context.Report(service.NameNode.ReportSpan, service.Name);
            }
        }
    }
}
