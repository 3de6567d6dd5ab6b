using System;
using System.Globalization;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR305: the final image (its stage or the stages it builds on) exposes a remote-administration port.</summary>
    public sealed class AdministrationPortExposed : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR305", "Final image exposes a remote-administration port", RuleCategory.Runtime, DiagnosticSeverity.Warning,
            "EXPOSE {0} announces {1} in the final image: remote shells and desktops do not belong in a container. Use 'docker exec' or your orchestrator for access, and remove this port",
            "A container that serves SSH, Telnet, RDP, VNC, WinRM or the Docker API gives anyone who reaches the port a way in that bypasses the image's entry point, and is a common target of scans.");

        /// <summary>The documented list: port range, protocol it is served on (null = tcp and udp) and what it is.</summary>
        private static readonly (int From, int To, string? Protocol, string Service)[] AdminPorts =
        {
            (22, 22, "tcp", "SSH"),
            (23, 23, "tcp", "Telnet"),
            (2375, 2375, "tcp", "the Docker Engine API without TLS"),
            (2376, 2376, "tcp", "the Docker Engine API"),
            (3389, 3389, null, "Remote Desktop (RDP)"),
            (5800, 5800, "tcp", "VNC over HTTP"),
            (5900, 5901, "tcp", "VNC"),
            (5985, 5985, "tcp", "WinRM over HTTP"),
            (5986, 5986, "tcp", "WinRM"),
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            var final = model.FinalStage;
            if (final == null) return;
            foreach (var stage in final.SelfAndAncestors)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (!(instruction is WordsInstruction expose) || expose.Kind != InstructionKind.Expose) continue;
                    foreach (var word in expose.Words)
                    {
                        string value = word.Value;
                        if (word.Raw.IndexOf('$') >= 0)
                        {
                            value = model.Expand(word.Raw, stage.ScopeBefore(instruction), out bool complete);
                            if (!complete) continue;
                        }
                        if (!TryParse(value, out int from, out int to, out string protocol)) continue;
                        foreach (var admin in AdminPorts)
                        {
                            if (to < admin.From || from > admin.To) continue;
                            if (admin.Protocol != null && protocol != admin.Protocol) continue;
                            context.Report(word.Span, word.Raw, admin.Service);
                            break;
                        }
                    }
                }
            }
        }

        /// <summary><c>22</c>, <c>22/tcp</c>, <c>5900-5910</c>; false for anything DKR303 would call invalid.</summary>
        private static bool TryParse(string value, out int from, out int to, out string protocol)
        {
            from = to = 0;
            protocol = "tcp";
            string ports = value;
            int slash = value.IndexOf('/');
            if (slash >= 0)
            {
                protocol = value.Substring(slash + 1).ToLowerInvariant();
                ports = value.Substring(0, slash);
            }
            int dash = ports.IndexOf('-');
            string a = dash < 0 ? ports : ports.Substring(0, dash);
            string b = dash < 0 ? ports : ports.Substring(dash + 1);
            return int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out from)
                && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out to)
                && from <= to;
        }
    }
}
