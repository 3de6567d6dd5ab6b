using System;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR516: <c>user: root</c>, <c>0</c>, <c>0:0</c>, <c>root:root</c> (the user part is root, whatever the group).</summary>
    public sealed class ServiceRunsAsRoot : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR516", "Service runs as root", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' sets 'user: {1}', so its process runs as root and undoes the image's non-root user. Remove it, or name an unprivileged user ('user: \"1000:1000\"', 'app')",
            "A process that runs as root in the container is one kernel or runtime flaw away from root on the host, and can change everything in the image.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                var user = service.User;
                if (user == null || user.IsNull) continue;
                string? value = user.ValueWithDefaults;
                if (value == null) continue;
                string name = value.Trim();
                int colon = name.IndexOf(':');
                if (colon >= 0) name = name.Substring(0, colon);
                if (name == "0" || name.Equals("root", StringComparison.Ordinal))
                    context.Report(user, service.Name, value.Trim());
            }
        }
    }
}
