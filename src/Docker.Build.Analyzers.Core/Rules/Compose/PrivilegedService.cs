using System;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR505: <c>privileged: true</c>, or <c>cap_add</c> of <c>ALL</c> or <c>SYS_ADMIN</c>.</summary>
    public sealed class PrivilegedService : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR505", "Service runs privileged", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' {1}, which gives the container near-root control of the host. Add only the capabilities it needs (cap_add: [NET_BIND_SERVICE]...) or devices it uses",
            "A privileged container, or one with every capability or SYS_ADMIN, can mount host file systems and load kernel modules: escaping it is trivial.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                if (service.Privileged is YamlScalar p && !p.HasVariables && p.AsBoolean == true)
                    context.Report(p, service.Name, "runs with 'privileged: true'");
                foreach (var item in service.CapAdd)
                {
                    if (!(item is YamlScalar cap) || cap.HasVariables) continue;
                    string name = cap.Value.Trim();
                    if (name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase)) name = name.Substring(4);
                    if (name.Equals("ALL", StringComparison.OrdinalIgnoreCase) || name.Equals("SYS_ADMIN", StringComparison.OrdinalIgnoreCase))
                        context.Report(cap, service.Name, $"adds the capability '{cap.Value.Trim()}'");
                }
            }
        }
    }
}
