using System;
using System.Globalization;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR303: an <c>EXPOSE</c> argument that is not <c>port[/protocol]</c> or <c>start-end[/protocol]</c> with ports
    /// 1–65535 and a protocol of tcp, udp or sctp; host mappings and IP addresses; an upper-case protocol (a suggestion).
    /// </summary>
    public sealed class InvalidExposePort : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR303", "EXPOSE has an invalid port, range or protocol", RuleCategory.Runtime, DiagnosticSeverity.Warning,
            "EXPOSE {0}: {1}",
            "EXPOSE documents the ports the container listens on, as port[/tcp|udp|sctp] or start-end[/protocol]; anything else fails the build, is ignored, or belongs to 'docker run -p'.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            foreach (var stage in model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    var target = instruction.SelfOrTrigger;
                    if (!(target is WordsInstruction expose) || expose.Kind != InstructionKind.Expose) continue;
                    foreach (var word in expose.Words)
                    {
                        string value = word.Value;
                        bool literal = word.Raw == value;
                        if (word.Raw.IndexOf('$') >= 0)
                        {
                            if (target != instruction) continue;
                            value = model.Expand(word.Raw, stage.ScopeBefore(instruction), out bool complete);
                            if (!complete) continue;
                            literal = false;
                        }
                        Check(context, word, value, literal);
                    }
                }
            }
        }

        private static void Check(DockerfileContext context, Word word, string value, bool literal)
        {
            // The part that is wrong when the word is written as it is; the whole word otherwise, or when the part is empty.
            TextSpan Part(int start, int length) => literal && length > 0 ? word.RawText.ToSourceSpan(start, length) : word.Span;
            string shown = literal ? $"'{value}'" : $"'{word.Raw}' (resolves to '{value}')";

            if (value.IndexOf(':') >= 0)
            {
                context.Report(word.Span, shown, "an IP address or a host:container mapping does not belong in a Dockerfile; EXPOSE only the container port, and publish it with 'docker run -p' or compose 'ports:'");
                return;
            }

            string ports = value;
            int slash = value.IndexOf('/');
            if (slash >= 0)
            {
                ports = value.Substring(0, slash);
                string protocol = value.Substring(slash + 1);
                var protocolSpan = Part(slash + 1, protocol.Length);
                if (protocol.Length == 0)
                {
                    context.Report(Part(slash, 1), shown, "the protocol after '/' is missing: write /tcp, /udp or /sctp, or nothing for tcp");
                    return;
                }
                string lower = protocol.ToLowerInvariant();
                if (lower != "tcp" && lower != "udp" && lower != "sctp")
                {
                    context.Report(protocolSpan, shown, $"'{protocol}' is not a protocol Docker knows: use tcp, udp or sctp");
                    return;
                }
                if (protocol != lower)
                    context.Report(protocolSpan, DiagnosticSeverity.Suggestion, shown, $"write the protocol in lower case, '{lower}'");
            }

            int dash = ports.IndexOf('-');
            if (dash < 0)
            {
                CheckPort(context, shown, ports, Part(0, ports.Length));
                return;
            }
            string first = ports.Substring(0, dash), second = ports.Substring(dash + 1);
            bool firstOk = CheckPort(context, shown, first, Part(0, first.Length));
            bool secondOk = CheckPort(context, shown, second, Part(dash + 1, second.Length));
            if (firstOk && secondOk && ParsePort(second) < ParsePort(first))
                context.Report(Part(0, ports.Length), shown, $"the range ends before it starts: write {second}-{first}");
        }

        private static bool CheckPort(DockerfileContext context, string shown, string port, TextSpan span)
        {
            if (port.Length == 0)
            {
                context.Report(span, shown, "a port number is missing");
                return false;
            }
            foreach (char c in port)
            {
                if (c < '0' || c > '9')
                {
                    context.Report(span, shown, $"'{port}' is not a port number");
                    return false;
                }
            }
            long n = ParsePort(port);
            if (n == 0)
            {
                context.Report(span, shown, "port 0 is not a port a service can listen on; ports go from 1 to 65535");
                return false;
            }
            if (n > 65535)
            {
                context.Report(span, shown, $"{port} is out of range: ports go from 1 to 65535");
                return false;
            }
            return true;
        }

        private static long ParsePort(string port) =>
            port.Length > 9 ? long.MaxValue : long.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
