using System;
using System.Collections.Generic;
using System.Text;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>
    /// One <c>RUN --mount=...</c> flag: <c>type=cache,target=/var/cache/apt,sharing=locked</c>,
    /// <c>type=secret,id=nuget,env=NUGET_PAT</c>, <c>type=bind,from=build,source=/out,target=/app</c>...
    /// </summary>
    public sealed class RunMount
    {
        private RunMount(InstructionFlag flag, IReadOnlyDictionary<string, string> options)
        {
            Flag = flag;
            Options = options;
            Type = Get("type")?.ToLowerInvariant() ?? "bind";
            Target = NormalizePath(Get("target") ?? Get("dst") ?? Get("destination"));
            Source = Get("source") ?? Get("src");
            Id = Get("id");
            From = Get("from");
            Env = Get("env");
        }

        public InstructionFlag Flag { get; }
        public TextSpan Span => Flag.Span;

        /// <summary>Every <c>key=value</c> option, keys in lower case (a bare key such as <c>readonly</c> has an empty value).</summary>
        public IReadOnlyDictionary<string, string> Options { get; }

        /// <summary><c>bind</c> (the default), <c>cache</c>, <c>tmpfs</c>, <c>secret</c> or <c>ssh</c>.</summary>
        public string Type { get; }

        /// <summary>The mount point without a trailing slash, or null (a secret's default is <c>/run/secrets/&lt;id&gt;</c>).</summary>
        public string? Target { get; }

        public string? Source { get; }
        public string? Id { get; }
        public string? From { get; }

        /// <summary>For secrets: the environment variable that receives the secret.</summary>
        public string? Env { get; }

        public bool IsCache => Type == "cache";
        public bool IsSecret => Type == "secret";
        public bool IsTmpfs => Type == "tmpfs";
        public bool IsBind => Type == "bind";
        public bool IsSsh => Type == "ssh";

        /// <summary>True when this cache or tmpfs mount keeps <paramref name="path"/> out of the layer (the mount point is the path or a directory above it).</summary>
        public bool KeepsOutOfLayer(string path)
        {
            if (!IsCache && !IsTmpfs) return false;
            return Covers(path);
        }

        /// <summary>The mount point is <paramref name="path"/> or a directory above it.</summary>
        public bool Covers(string path)
        {
            if (Target == null) return false;
            string p = NormalizePath(path) ?? "";
            if (Target == "/") return true;
            return string.Equals(p, Target, StringComparison.Ordinal)
                || (p.StartsWith(Target, StringComparison.Ordinal) && p.Length > Target.Length && p[Target.Length] == '/');
        }

        public string? Get(string key) => Options.TryGetValue(key, out var v) ? v : null;

        public static RunMount Parse(InstructionFlag flag)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in SplitCsv(flag.Value ?? ""))
            {
                int eq = field.IndexOf('=');
                string key = (eq < 0 ? field : field.Substring(0, eq)).Trim().ToLowerInvariant();
                if (key.Length == 0) continue;
                options[key] = eq < 0 ? "" : field.Substring(eq + 1).Trim();
            }
            return new RunMount(flag, options);
        }

        private static string? NormalizePath(string? path)
        {
            if (path == null) return null;
            string p = path.Trim();
            while (p.Length > 1 && p.EndsWith("/", StringComparison.Ordinal)) p = p.Substring(0, p.Length - 1);
            return p;
        }

        /// <summary>Docker reads mount options as one CSV record: commas separate fields, double quotes group them.</summary>
        private static List<string> SplitCsv(string value)
        {
            var fields = new List<string>();
            var sb = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"')
                {
                    if (quoted && i + 1 < value.Length && value[i + 1] == '"') { sb.Append('"'); i++; continue; }
                    quoted = !quoted;
                    continue;
                }
                if (c == ',' && !quoted)
                {
                    fields.Add(sb.ToString());
                    sb.Clear();
                    continue;
                }
                sb.Append(c);
            }
            fields.Add(sb.ToString());
            return fields;
        }

        public override string ToString() => Flag.Word.Raw;
    }
}
