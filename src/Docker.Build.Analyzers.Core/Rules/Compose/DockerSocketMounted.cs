using System;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR506: a service mounts the Docker daemon's socket or named pipe (short or long volume syntax).</summary>
    public sealed class DockerSocketMounted : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR506", "Docker socket mounted into a service", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' mounts the Docker socket '{1}': whoever controls the container controls the host (':ro' does not help, the API still answers). Remove the mount, or put a filtering socket proxy in between",
            "The Docker API can start a privileged container that mounts the host's root file system: a mounted socket is root on the host.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                foreach (var mount in service.Volumes)
                {
                    string? source = SourceWithDefaults(mount);
                    if (source == null) continue;
                    if (source == null || !IsDockerSocket(source)) continue;
                    context.Report(mount.Node, service.Name, source);
                }
            }
        }

        /// <summary>
        /// The mount's source with variable defaults applied. A short item is interpolated as a whole before it is
        /// split, since a default may itself hold ':' (<c>${SOCK:-/var/run/docker.sock}:/var/run/docker.sock</c>).
        /// </summary>
        private static string? SourceWithDefaults(ComposeVolumeMount mount)
        {
            if (mount.Node is YamlScalar item && item.HasVariables)
            {
                string? value = item.ValueWithDefaults;
                if (value == null) return null;
                int colon = value.IndexOf(':', value.StartsWith("//", StringComparison.Ordinal) ? 2 : 0);
                return colon > 0 ? value.Substring(0, colon) : null;
            }
            return mount.Source == null ? null : ComposeInterpolation.Analyze(mount.Source).ValueWithDefaults;
        }

        /// <summary><c>/var/run/docker.sock</c>, <c>/run/docker.sock</c> or the Windows pipe <c>//./pipe/docker_engine</c>.</summary>
        internal static bool IsDockerSocket(string source)
        {
            string s = source.Trim().Replace('\\', '/').TrimEnd('/');
            return s.Equals("/var/run/docker.sock", StringComparison.OrdinalIgnoreCase)
                || s.Equals("/run/docker.sock", StringComparison.OrdinalIgnoreCase)
                || s.Equals("//./pipe/docker_engine", StringComparison.OrdinalIgnoreCase);
        }
    }
}
