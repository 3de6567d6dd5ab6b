using System;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Containers
{
    /// <summary>DKR618: <c>ContainerUser</c> makes the SDK-published container run as root (<c>root</c>, <c>0</c>, <c>root:root</c>, <c>0:0</c>...).</summary>
    public sealed class SdkContainerRunsAsRoot : ProjectRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR618", "SDK container runs as root", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "ContainerUser '{0}' runs the app as root: whoever takes over the app owns the container. Remove it (the .NET 8+ images run as the non-root 'app' user) or name a non-root user",
            "The .NET 8 and later images run apps as the non-root user 'app' (uid 1654); ContainerUser=root throws that away, so any flaw in the app is a flaw with root rights in the container.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ProjectContext context)
        {
            var user = context.Container?.User;
            if (user == null || !IsRoot(user.Value)) return;
            context.Report(user.Spot, user.Value);
        }

        /// <summary>The user part (before an optional ':group') is root by name or by uid 0.</summary>
        internal static bool IsRoot(string value)
        {
            string user = value.Trim();
            int colon = user.IndexOf(':');
            if (colon >= 0) user = user.Substring(0, colon).Trim();
            if (user.Equals("root", StringComparison.Ordinal)) return true;
            if (user.Length == 0) return false;
            foreach (char c in user)
                if (c != '0') return false;
            return true;
        }
    }
}
