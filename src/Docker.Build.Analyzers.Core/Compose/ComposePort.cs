using System;
using System.Globalization;

namespace Docker.Build.Analyzers.Compose
{
    /// <summary>
    /// One <c>ports</c> entry. Short form <c>[HOST:]CONTAINER[/PROTOCOL]</c> where HOST is <c>[IP:](port or range)</c>
    /// (an IPv6 address in brackets or as leading colon-separated parts); long form <c>target</c>, <c>published</c>,
    /// <c>host_ip</c>, <c>protocol</c>.
    /// </summary>
    public sealed class ComposePort
    {
        private ComposePort(YamlNode node, string? hostIp, PortRange? published, PortRange? target, string protocol, bool hasVariables)
        {
            Node = node;
            HostIp = hostIp;
            Published = published;
            Target = target;
            Protocol = protocol;
            HasVariables = hasVariables;
        }

        /// <summary>The list item.</summary>
        public YamlNode Node { get; }

        /// <summary>The host address it binds; null means every interface.</summary>
        public string? HostIp { get; }

        /// <summary>The host port or range; null when the port is not published on a fixed host port.</summary>
        public PortRange? Published { get; }

        /// <summary>The container port or range; null when it could not be read.</summary>
        public PortRange? Target { get; }

        /// <summary><c>tcp</c> (default) or <c>udp</c>..., lower case.</summary>
        public string Protocol { get; }

        /// <summary>Some part comes from a variable: the numbers are those of the defaults, or missing.</summary>
        public bool HasVariables { get; }

        /// <summary>Reads a <c>ports</c> item; null when it is neither a scalar nor a mapping.</summary>
        public static ComposePort? Parse(YamlNode item)
        {
            if (item is YamlScalar s)
            {
                if (s.IsNull) return null;
                string? value = s.ValueWithDefaults;
                if (value == null) return new ComposePort(item, null, null, null, "tcp", true);
                return ParseShort(item, value.Trim(), s.HasVariables);
            }
            if (item is YamlMapping m)
            {
                bool variables = false;
                string? Read(string key)
                {
                    if (!(m[key] is YamlScalar v) || v.IsNull) return null;
                    if (v.HasVariables) variables = true;
                    return v.ValueWithDefaults;
                }
                string? ip = Read("host_ip");
                string? published = Read("published");
                string? target = Read("target");
                string protocol = (Read("protocol") ?? "tcp").ToLowerInvariant();
                return new ComposePort(item, string.IsNullOrEmpty(ip) ? null : ip,
                    PortRange.TryParse(published, out var p) ? p : (PortRange?)null,
                    PortRange.TryParse(target, out var t) ? t : (PortRange?)null, protocol, variables);
            }
            return null;
        }

        private static ComposePort ParseShort(YamlNode item, string value, bool variables)
        {
            string protocol = "tcp";
            int slash = value.LastIndexOf('/');
            if (slash >= 0)
            {
                protocol = value.Substring(slash + 1).ToLowerInvariant();
                value = value.Substring(0, slash);
            }
            string? ip = null;
            string rest = value;
            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                int close = rest.IndexOf(']');
                if (close > 0)
                {
                    ip = rest.Substring(1, close - 1);
                    rest = close + 1 < rest.Length && rest[close + 1] == ':' ? rest.Substring(close + 2) : rest.Substring(close + 1);
                }
            }
            var parts = rest.Split(':');
            string container = parts[parts.Length - 1];
            string? host = null;
            if (parts.Length >= 2) host = parts[parts.Length - 2];
            if (parts.Length >= 3 && ip == null) ip = string.Join(":", parts, 0, parts.Length - 2);
            return new ComposePort(item, string.IsNullOrEmpty(ip) ? null : ip,
                PortRange.TryParse(host, out var h) ? h : (PortRange?)null,
                PortRange.TryParse(container, out var c) ? c : (PortRange?)null, protocol, variables);
        }
    }

    /// <summary>A port or an inclusive range of ports (<c>8000-8010</c>).</summary>
    public readonly struct PortRange : IEquatable<PortRange>
    {
        public PortRange(int start, int end)
        {
            Start = start;
            End = end;
        }

        public int Start { get; }
        public int End { get; }
        public int Count => End - Start + 1;
        public bool Contains(int port) => port >= Start && port <= End;
        public bool Overlaps(PortRange other) => Start <= other.End && other.Start <= End;

        public static bool TryParse(string? text, out PortRange range)
        {
            range = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            text = text!.Trim();
            int dash = text.IndexOf('-');
            if (dash < 0)
            {
                if (!TryPort(text, out int p)) return false;
                range = new PortRange(p, p);
                return true;
            }
            if (!TryPort(text.Substring(0, dash), out int a) || !TryPort(text.Substring(dash + 1), out int b) || b < a) return false;
            range = new PortRange(a, b);
            return true;
        }

        private static bool TryPort(string text, out int port) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port >= 0 && port <= 65535;

        public bool Equals(PortRange other) => Start == other.Start && End == other.End;
        public override bool Equals(object? obj) => obj is PortRange other && Equals(other);
        public override int GetHashCode() => Start * 65537 + End;
        public override string ToString() => Start == End ? Start.ToString(CultureInfo.InvariantCulture) : Start + "-" + End;
    }
}
