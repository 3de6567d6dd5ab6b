using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR510: <c>network_mode: host</c>.</summary>
    public sealed class NetworkModeHost : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR510", "Service uses the host network", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' uses 'network_mode: host': every port it opens is open on the host, and it sees the host's interfaces. Use a compose network and publish only the ports it serves",
            "With the host network the container has no network isolation: it can bind any host port and reach services that listen only on the host's loopback.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                var mode = service.NetworkMode;
                if (mode == null || mode.HasVariables) continue;
                if (mode.Value.Trim().Equals("host", System.StringComparison.OrdinalIgnoreCase))
                    context.Report(mode, service.Name);
            }
        }
    }
}
