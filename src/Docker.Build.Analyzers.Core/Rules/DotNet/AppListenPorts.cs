using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// The ports an ASP.NET Core app in a container listens on, and where that answer comes from. Null from
    /// <see cref="AppListenPorts.Resolve"/> means "cannot tell": the rules that compare ports stay silent.
    /// </summary>
    internal sealed class ListenPortSet
    {
        public ListenPortSet(IReadOnlyCollection<int> ports, IReadOnlyCollection<int> companions, string source)
        {
            Ports = ports;
            Companions = companions;
            Source = source;
        }

        /// <summary>The HTTP (and configured HTTPS) ports the app listens on.</summary>
        public IReadOnlyCollection<int> Ports { get; }

        /// <summary>
        /// Ports that are fine to expose beside them: configured HTTPS ports, and the conventional HTTPS companion of the
        /// default port (8081 beside 8080, 443 beside 80) that Visual Studio's Dockerfile exposes and its tooling configures.
        /// </summary>
        public IReadOnlyCollection<int> Companions { get; }

        /// <summary>Where the answer comes from, for the message.</summary>
        public string Source { get; }

        public bool Accepts(int port) => Ports.Contains(port) || Companions.Contains(port);

        public string Describe() =>
            (Ports.Count == 1 ? "port " : "ports ") + string.Join(", ", Ports.OrderBy(p => p).Select(p => p.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>One environment a container gets: a name's value, or "set to something we cannot read".</summary>
    internal sealed class ContainerEnvironment
    {
        private readonly Dictionary<string, string?> _values = new Dictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>Something (an env_file, a variable) may set any name: no answer can be trusted.</summary>
        public bool IsOpen { get; set; }

        /// <summary>Sets a value; null records "set, value unknown".</summary>
        public void Set(string name, string? value) => _values[name] = value;

        public bool TryGet(string name, out string? value) => _values.TryGetValue(name, out value);

        public bool Has(string name) => _values.ContainsKey(name);
    }

    internal static class AppListenPorts
    {
        /// <summary>The variables that move Kestrel's addresses (ASP.NET Core reads the unprefixed and DOTNET_ forms too).</summary>
        public static readonly string[] UrlNames = { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS" };
        public static readonly string[] HttpPortNames = { "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS", "HTTP_PORTS" };
        public static readonly string[] HttpsPortNames = { "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTPS_PORTS", "HTTPS_PORTS" };

        public static bool IsPortVariable(string name) =>
            UrlNames.Contains(name, StringComparer.Ordinal) || HttpPortNames.Contains(name, StringComparer.Ordinal) || HttpsPortNames.Contains(name, StringComparer.Ordinal);

        /// <summary>
        /// Where the app listens, in ASP.NET Core's order: addresses set in code (<c>UseUrls</c>, <c>Listen*</c>), then
        /// Kestrel endpoints in appsettings.json, then a URL list (environment or appsettings <c>urls</c>), then HTTP port
        /// lists, then the image's default (8080 from .NET 8 on, 80 before). Null when any of them cannot be read, when
        /// two sources disagree in a way whose winner depends on configuration order, or when the image is not a .NET one
        /// (<paramref name="imageDefaultPort"/> null).
        /// </summary>
        public static ListenPortSet? Resolve(AppCodeFacts code, AppSettings settings, ContainerEnvironment environment, int? imageDefaultPort)
        {
            if (!code.IsKnown || code.SetsListenAddressesDynamically || !settings.IsUnderstood || environment.IsOpen) return null;

            var httpsPorts = new HashSet<int>(settings.HttpsPorts);
            foreach (var name in HttpsPortNames)
            {
                if (!environment.TryGet(name, out var value)) continue;
                var ports = value == null ? null : ListenAddresses.PortsOfList(value);
                if (ports == null) return null;
                httpsPorts.UnionWith(ports);
            }

            if (code.ListenPorts.Count > 0)
                return new ListenPortSet(new HashSet<int>(code.ListenPorts), httpsPorts, "set in the app's code");
            if (settings.EndpointPorts.Count > 0)
                return new ListenPortSet(new HashSet<int>(settings.EndpointPorts), httpsPorts, "Kestrel endpoints in appsettings.json");

            // A URL list replaces the port lists.
            string? urlSource = null;
            List<int>? urlPorts = null;
            foreach (var name in UrlNames)
            {
                if (!environment.TryGet(name, out var value)) continue;
                var ports = value == null ? null : ListenAddresses.PortsOfUrls(value);
                if (ports == null) return null;
                if (urlPorts != null && !SameSet(urlPorts, ports)) return null;
                urlPorts = ports;
                urlSource = name + "=" + value;
            }
            if (settings.Urls != null)
            {
                var ports = ListenAddresses.PortsOfUrls(settings.Urls);
                if (ports == null) return null;
                if (urlPorts != null && !SameSet(urlPorts, ports)) return null;
                urlPorts ??= ports;
                urlSource ??= "urls in appsettings.json";
            }
            if (urlPorts != null && urlPorts.Count > 0) return new ListenPortSet(new HashSet<int>(urlPorts), httpsPorts, urlSource!);

            string? portSource = null;
            List<int>? httpPorts = null;
            foreach (var name in HttpPortNames)
            {
                if (!environment.TryGet(name, out var value)) continue;
                var ports = value == null ? null : ListenAddresses.PortsOfList(value);
                if (ports == null) return null;
                if (httpPorts != null && !SameSet(httpPorts, ports)) return null;
                httpPorts = ports;
                portSource = name + "=" + value;
            }
            if (settings.HttpPorts != null)
            {
                var ports = ListenAddresses.PortsOfList(settings.HttpPorts);
                if (ports == null) return null;
                if (httpPorts != null && !SameSet(httpPorts, ports)) return null;
                httpPorts ??= ports;
                portSource ??= "http_ports in appsettings.json";
            }
            if (httpPorts != null && httpPorts.Count > 0 || httpsPorts.Count > 0)
            {
                // HTTP_PORTS and HTTPS_PORTS exist from .NET 8 on; an older image's ASPNETCORE_URLS still applies, so the
                // answer depends on what the older runtime does with them: do not guess.
                if (imageDefaultPort != 8080) return null;
                var listening = new HashSet<int>(httpPorts ?? new List<int>());
                // Only HTTPS_PORTS set: the image's HTTP port stays.
                if (httpPorts == null) listening.Add(8080);
                return new ListenPortSet(listening, httpsPorts, portSource ?? "the image's default ASPNETCORE_HTTP_PORTS=8080");
            }

            if (imageDefaultPort == null) return null;
            var companions = new HashSet<int> { imageDefaultPort == 8080 ? 8081 : 443 };
            string source = imageDefaultPort == 8080
                ? "the default of .NET 8 and later images, ASPNETCORE_HTTP_PORTS=8080"
                : "the default of images before .NET 8, ASPNETCORE_URLS=http://+:80";
            return new ListenPortSet(new HashSet<int> { imageDefaultPort.Value }, companions, source);
        }

        private static bool SameSet(List<int> a, List<int> b) => new HashSet<int>(a).SetEquals(b);

        /// <summary>The port the official .NET image of a major version listens on by default.</summary>
        public static int DefaultPortFor(int majorVersion) => majorVersion >= 8 ? 8080 : 80;
    }

    /// <summary>An HTTP URL in a health probe command, where it is written, and the parts the rules compare.</summary>
    internal readonly struct HealthProbeUrl
    {
        public HealthProbeUrl(string url, int port, string path, TextSpan span, SourceText source)
        {
            Url = url;
            Port = port;
            Path = path;
            Span = span;
            Source = source;
        }

        public string Url { get; }
        public int Port { get; }

        /// <summary>The path without query or fragment, "/" when empty.</summary>
        public string Path { get; }

        public TextSpan Span { get; }
        public SourceText Source { get; }

        /// <summary>
        /// The local HTTP URLs of a probe command's text (<c>curl -f http://localhost:8080/healthz</c>): a probe of another
        /// host or with a variable in it is not the app's own endpoint, so it is left out. <paramref name="toSpan"/> maps an
        /// offset and length in <paramref name="text"/> to the source.
        /// </summary>
        public static List<HealthProbeUrl> Find(string text, SourceText source, Func<int, int, TextSpan> toSpan)
        {
            var list = new List<HealthProbeUrl>();
            int at = 0;
            while (at < text.Length)
            {
                int http = text.IndexOf("http", at, StringComparison.OrdinalIgnoreCase);
                if (http < 0) break;
                int schemeEnd = text.IndexOf("://", http, StringComparison.Ordinal);
                if (schemeEnd < 0) break;
                string scheme = text.Substring(http, schemeEnd - http).ToLowerInvariant();
                if (scheme != "http" && scheme != "https" || (http > 0 && char.IsLetterOrDigit(text[http - 1])))
                {
                    at = http + 4;
                    continue;
                }
                int end = schemeEnd + 3;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"' && text[end] != '\'' && text[end] != ',' && text[end] != ']' && text[end] != '|' && text[end] != ';' && text[end] != '&' && text[end] != ')') end++;
                string url = text.Substring(http, end - http);
                at = end;
                if (url.IndexOf('$') >= 0 || url.IndexOf('{') >= 0) continue;
                string rest = url.Substring(scheme.Length + 3);
                int slash = rest.IndexOf('/');
                string authority = slash < 0 ? rest : rest.Substring(0, slash);
                string path = slash < 0 ? "/" : rest.Substring(slash);
                int cut = path.IndexOfAny(new[] { '?', '#' });
                if (cut >= 0) path = path.Substring(0, cut);
                if (path.Length == 0) path = "/";
                int bracket = authority.LastIndexOf(']');
                int colon = authority.LastIndexOf(':');
                string host = colon > bracket ? authority.Substring(0, colon) : authority;
                if (!IsLocal(host)) continue;
                int? port = colon > bracket ? ListenAddresses.ParsePort(authority.Substring(colon + 1)) : (scheme == "https" ? 443 : 80);
                if (port == null) continue;
                list.Add(new HealthProbeUrl(url, port.Value, path, toSpan(http, url.Length), source));
            }
            return list;
        }

        private static bool IsLocal(string host)
        {
            string h = host.Trim('[', ']').ToLowerInvariant();
            return h == "localhost" || h == "127.0.0.1" || h == "0.0.0.0" || h == "::1" || h == "::";
        }

        /// <summary>Paths compared as ASP.NET Core routes them: case-insensitive, a trailing '/' ignored.</summary>
        public static bool SamePath(string a, string b)
        {
            string x = a.Length > 1 ? a.TrimEnd('/') : a, y = b.Length > 1 ? b.TrimEnd('/') : b;
            if (!x.StartsWith("/", StringComparison.Ordinal)) x = "/" + x;
            if (!y.StartsWith("/", StringComparison.Ordinal)) y = "/" + y;
            return string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
        }
    }
}
