using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR519: two services publish the same host port (same protocol and host address; ranges compared as ranges).
    /// Only literal ports count; services whose profiles never run together are not compared.
    /// </summary>
    public sealed class DuplicateHostPort : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR519", "Host port published twice", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' publishes host port {1}, which '{2}' already publishes: the second fails to start. Use another host port",
            "Only one container can bind a host port per address and protocol: the second service fails with 'port is already allocated'.");

        public override RuleDescriptor Descriptor => Rule;

        private sealed class Claim
        {
            public Claim(ComposeService service, string protocol, string ip, PortRange range)
            {
                Service = service;
                Protocol = protocol;
                Ip = ip;
                Range = range;
            }

            public ComposeService Service { get; }
            public string Protocol { get; }
            public string Ip { get; }
            public PortRange Range { get; }
        }

        public override void Analyze(ComposeContext context)
        {
            var claims = new List<Claim>();
            var profiles = new Dictionary<ComposeService, HashSet<string>>();
            foreach (var service in context.ComposeProject.Services)
            {
                var own = ProfilesOf(service);
                profiles[service] = own;
                foreach (var port in service.Ports)
                {
                    if (port.HasVariables || !(port.Published is PortRange published) || published.Start == 0) continue;
                    string ip = port.HostIp == null || port.HostIp == "0.0.0.0" ? "" : port.HostIp.Trim('[', ']').ToLowerInvariant();
                    Claim? clash = null;
                    foreach (var claim in claims)
                    {
                        if (ReferenceEquals(claim.Service, service) || claim.Protocol != port.Protocol || claim.Ip != ip || !claim.Range.Overlaps(published)) continue;
                        if (!RunTogether(own, profiles[claim.Service])) continue;
                        clash = claim;
                        break;
                    }
                    if (clash != null)
                    {
                        int shared = Math.Max(published.Start, clash.Range.Start);
                        if (port.Node.ReportSource.Path == context.Document.Path)
                            context.Report(port.Node, service.Name, shared.ToString(System.Globalization.CultureInfo.InvariantCulture) + (port.Protocol == "tcp" ? "" : "/" + port.Protocol), clash.Service.Name);
                        continue;
                    }
                    claims.Add(new Claim(service, port.Protocol, ip, published));
                }
            }
        }

        private static HashSet<string> ProfilesOf(ComposeService service)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in service.Profiles)
                if (p is YamlScalar s && !s.IsNull) set.Add(s.Value);
            return set;
        }

        /// <summary>A service without profiles always runs; two with profiles run together only when they share one.</summary>
        private static bool RunTogether(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 || a.Overlaps(b);
    }
}
