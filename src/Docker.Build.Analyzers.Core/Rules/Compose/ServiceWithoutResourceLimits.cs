using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR504: a service without a memory limit (<c>deploy.resources.limits.memory</c> or <c>mem_limit</c>) is a
    /// warning; without a CPU limit (<c>deploy.resources.limits.cpus</c> or <c>cpus</c>) a suggestion.
    /// </summary>
    public sealed class ServiceWithoutResourceLimits : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR504", "Service has no resource limits", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' has no {1} limit: {2}. Set {3}",
            "A container without a memory limit can take all of the host's memory and get other services killed; one without a CPU limit can starve its neighbours.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            if (!ComposeServiceFacts.JudgesMissingSettings(context)) return;
            foreach (var service in context.Services)
            {
                if (ComposeServiceFacts.IsOutOfScope(context, service)) continue;
                var at = service.NameNode.ReportSpan;
                if (service.DeployMemoryLimit == null && service.Get("mem_limit") == null)
                    context.Report(at, service.Name, "memory", "a leak or a spike can exhaust the host's memory and get other containers killed", "'deploy: resources: limits: memory: 512M' (or 'mem_limit')");
                if (service.DeployCpusLimit == null && service.Get("cpus") == null)
                    context.Report(at, DiagnosticSeverity.Suggestion, service.Name, "CPU", "a busy loop can starve the other services on the host", "'deploy: resources: limits: cpus: \"1.0\"' (or 'cpus')");
            }
        }
    }
}
