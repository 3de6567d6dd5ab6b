using System;
using System.Collections.Generic;
using System.Globalization;

namespace Docker.Build.Analyzers.DotNetPlatform
{
    /// <summary>
    /// What an <c>appsettings.json</c> says about the addresses Kestrel listens on: the <c>urls</c>, <c>http_ports</c> and
    /// <c>https_ports</c> keys and the URLs of <c>Kestrel:Endpoints</c>. Read with a tolerant JSON reader (comments and
    /// trailing commas, as the configuration provider accepts them). A file that cannot be read leaves the answer open:
    /// <see cref="IsUnderstood"/> false, and the port rules stay silent.
    /// </summary>
    public sealed class AppSettings
    {
        public static readonly AppSettings Absent = new AppSettings(true, null, null, Array.Empty<int>(), Array.Empty<int>());

        private AppSettings(bool isUnderstood, string? urls, string? httpPorts, IReadOnlyList<int> endpointPorts, IReadOnlyList<int> httpsPorts)
        {
            IsUnderstood = isUnderstood;
            Urls = urls;
            HttpPorts = httpPorts;
            EndpointPorts = endpointPorts;
            HttpsPorts = httpsPorts;
        }

        /// <summary>False when the file exists but is not JSON this reader understands, or an endpoint URL is not literal.</summary>
        public bool IsUnderstood { get; }

        /// <summary>The <c>urls</c> key (the same setting as <c>ASPNETCORE_URLS</c>), or null.</summary>
        public string? Urls { get; }

        /// <summary>The <c>http_ports</c> key, or null.</summary>
        public string? HttpPorts { get; }

        /// <summary>Ports of the <c>Kestrel:Endpoints:*:Url</c> values: when there are any, Kestrel listens there only.</summary>
        public IReadOnlyList<int> EndpointPorts { get; }

        /// <summary>Ports of the <c>https_ports</c> key.</summary>
        public IReadOnlyList<int> HttpsPorts { get; }

        /// <summary>The file says something about where Kestrel listens.</summary>
        public bool SetsAddresses => Urls != null || HttpPorts != null || EndpointPorts.Count > 0 || HttpsPorts.Count > 0;

        public static AppSettings NotUnderstood { get; } = new AppSettings(false, null, null, Array.Empty<int>(), Array.Empty<int>());

        /// <summary>Reads the file's text; never throws.</summary>
        public static AppSettings Parse(string text)
        {
            object? root;
            try
            {
                var reader = new TolerantJsonReader(text);
                root = reader.ReadDocument();
            }
            catch (FormatException)
            {
                return NotUnderstood;
            }
            if (!(root is Dictionary<string, object?> settings)) return NotUnderstood;

            string? urls = null, httpPorts = null, httpsPorts = null;
            var endpoints = new List<int>();
            foreach (var pair in settings)
            {
                string key = pair.Key;
                if (Is(key, "urls")) { if (!AsScalar(pair.Value, out urls)) return NotUnderstood; }
                else if (Is(key, "http_ports")) { if (!AsScalar(pair.Value, out httpPorts)) return NotUnderstood; }
                else if (Is(key, "https_ports")) { if (!AsScalar(pair.Value, out httpsPorts)) return NotUnderstood; }
                else if (Is(key, "Kestrel") && pair.Value is Dictionary<string, object?> kestrel)
                {
                    foreach (var section in kestrel)
                    {
                        if (!Is(section.Key, "Endpoints")) continue;
                        if (!(section.Value is Dictionary<string, object?> named)) return NotUnderstood;
                        foreach (var endpoint in named.Values)
                        {
                            if (!(endpoint is Dictionary<string, object?> settingsOfEndpoint)) return NotUnderstood;
                            string? url = null;
                            foreach (var e in settingsOfEndpoint)
                                if (Is(e.Key, "Url") && !AsScalar(e.Value, out url)) return NotUnderstood;
                            // An endpoint without a URL is not one Kestrel can bind: the file is not what we expect.
                            if (url == null) return NotUnderstood;
                            var ports = ListenAddresses.PortsOfUrls(url);
                            if (ports == null) return NotUnderstood;
                            endpoints.AddRange(ports);
                        }
                    }
                }
            }
            IReadOnlyList<int> https = Array.Empty<int>();
            if (httpsPorts != null)
            {
                var parsed = ListenAddresses.PortsOfList(httpsPorts);
                if (parsed == null) return NotUnderstood;
                https = parsed;
            }
            if (httpPorts != null && ListenAddresses.PortsOfList(httpPorts) == null) return NotUnderstood;
            if (urls != null && ListenAddresses.PortsOfUrls(urls) == null) return NotUnderstood;
            return new AppSettings(true, urls, httpPorts, endpoints, https);
        }

        private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);

        private static bool AsScalar(object? value, out string? text)
        {
            switch (value)
            {
                case string s: text = s; return true;
                case double d: text = d.ToString(CultureInfo.InvariantCulture); return true;
                default: text = null; return false;
            }
        }

        /// <summary>
        /// JSON with the leniency of the .NET configuration JSON provider: <c>//</c> and <c>/* */</c> comments, trailing
        /// commas. Objects become ordered dictionaries (last duplicate key wins), numbers doubles, strings strings.
        /// </summary>
        private sealed class TolerantJsonReader
        {
            private readonly string _text;
            private int _at;
            private int _depth;

            public TolerantJsonReader(string text)
            {
                _text = text ?? "";
                // A byte-order mark left in the decoded text.
                if (_text.Length > 0 && _text[0] == '\uFEFF') _at = 1;
            }

            public object? ReadDocument()
            {
                var value = ReadValue();
                SkipTrivia();
                if (_at < _text.Length) throw new FormatException("text after the document");
                return value;
            }

            private object? ReadValue()
            {
                SkipTrivia();
                if (_at >= _text.Length) throw new FormatException("unexpected end");
                char c = _text[_at];
                switch (c)
                {
                    case '{': return ReadObject();
                    case '[': return ReadArray();
                    case '"': return ReadString();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                        throw new FormatException("unexpected character");
                }
            }

            private Dictionary<string, object?> ReadObject()
            {
                if (++_depth > 64) throw new FormatException("too deep");
                _at++;
                var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    SkipTrivia();
                    if (_at >= _text.Length) throw new FormatException("unterminated object");
                    if (_text[_at] == '}') { _at++; _depth--; return map; }
                    if (_text[_at] != '"') throw new FormatException("property name expected");
                    string key = ReadString();
                    SkipTrivia();
                    if (_at >= _text.Length || _text[_at] != ':') throw new FormatException("':' expected");
                    _at++;
                    map[key] = ReadValue();
                    SkipTrivia();
                    if (_at < _text.Length && _text[_at] == ',') { _at++; continue; }
                    if (_at < _text.Length && _text[_at] == '}') continue;
                    throw new FormatException("',' or '}' expected");
                }
            }

            private List<object?> ReadArray()
            {
                if (++_depth > 64) throw new FormatException("too deep");
                _at++;
                var list = new List<object?>();
                while (true)
                {
                    SkipTrivia();
                    if (_at >= _text.Length) throw new FormatException("unterminated array");
                    if (_text[_at] == ']') { _at++; _depth--; return list; }
                    list.Add(ReadValue());
                    SkipTrivia();
                    if (_at < _text.Length && _text[_at] == ',') { _at++; continue; }
                    if (_at < _text.Length && _text[_at] == ']') continue;
                    throw new FormatException("',' or ']' expected");
                }
            }

            private string ReadString()
            {
                _at++;
                var builder = new System.Text.StringBuilder();
                while (_at < _text.Length)
                {
                    char c = _text[_at++];
                    if (c == '"') return builder.ToString();
                    if (c != '\\') { builder.Append(c); continue; }
                    if (_at >= _text.Length) break;
                    char e = _text[_at++];
                    switch (e)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                                throw new FormatException("bad escape");
                            builder.Append((char)code);
                            _at += 4;
                            break;
                        default: throw new FormatException("bad escape");
                    }
                }
                throw new FormatException("unterminated string");
            }

            private double ReadNumber()
            {
                int start = _at;
                while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0) _at++;
                if (!double.TryParse(_text.Substring(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new FormatException("bad number");
                return value;
            }

            private void Expect(string word)
            {
                if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) throw new FormatException("unexpected word");
                _at += word.Length;
            }

            private void SkipTrivia()
            {
                while (_at < _text.Length)
                {
                    char c = _text[_at];
                    if (char.IsWhiteSpace(c)) { _at++; continue; }
                    if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
                    {
                        while (_at < _text.Length && _text[_at] != '\n') _at++;
                        continue;
                    }
                    if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
                    {
                        int end = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                        if (end < 0) throw new FormatException("unterminated comment");
                        _at = end + 2;
                        continue;
                    }
                    break;
                }
            }
        }
    }

    /// <summary>Ports from the ways ASP.NET Core is told where to listen (URL lists, port lists).</summary>
    public static class ListenAddresses
    {
        /// <summary>
        /// The ports of a ';'-separated URL list (<c>http://+:5000;https://*:5001</c>); a URL without a port uses its
        /// scheme's (80, 443). Null when a part is not a URL with a literal port (a variable, a Unix socket, a named pipe).
        /// </summary>
        public static List<int>? PortsOfUrls(string urls)
        {
            var ports = new List<int>();
            foreach (var part in urls.Split(';'))
            {
                string url = part.Trim();
                if (url.Length == 0) continue;
                int? port = PortOfUrl(url);
                if (port == null) return null;
                ports.Add(port.Value);
            }
            return ports;
        }

        /// <summary>The port of one listen URL, or null when it has none we can read.</summary>
        public static int? PortOfUrl(string url)
        {
            if (url.IndexOf('$') >= 0 || url.IndexOf('{') >= 0 || url.IndexOf('%') >= 0) return null;
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0) return null;
            string name = url.Substring(0, scheme).ToLowerInvariant();
            if (name != "http" && name != "https") return null;
            string rest = url.Substring(scheme + 3);
            if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase)) return null;
            int slash = rest.IndexOf('/');
            string authority = slash < 0 ? rest : rest.Substring(0, slash);
            // [::]:5000 — the port follows the closing bracket.
            int bracket = authority.LastIndexOf(']');
            int colon = authority.LastIndexOf(':');
            if (colon > bracket)
            {
                string digits = authority.Substring(colon + 1);
                return ParsePort(digits);
            }
            return name == "https" ? 443 : 80;
        }

        /// <summary>The ports of a ';'- or ','-separated port list (<c>ASPNETCORE_HTTP_PORTS=8080;8081</c>), or null.</summary>
        public static List<int>? PortsOfList(string list)
        {
            var ports = new List<int>();
            foreach (var part in list.Split(';', ','))
            {
                string text = part.Trim();
                if (text.Length == 0) continue;
                int? port = ParsePort(text);
                if (port == null) return null;
                ports.Add(port.Value);
            }
            return ports;
        }

        public static int? ParsePort(string text)
        {
            if (text.Length == 0 || text.Length > 5) return null;
            foreach (char c in text) if (c < '0' || c > '9') return null;
            int port = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return port >= 1 && port <= 65535 ? port : (int?)null;
        }
    }
}
