using System;
using System.IO;
using System.Text;

namespace Docker.Build.Analyzers.Reporting
{
    /// <summary>
    /// Turns file paths into the URIs a SARIF artifact location holds: a path under the source root becomes a
    /// relative reference (resolved against <c>%SRCROOT%</c>), any other path an absolute <c>file:</c> URI.
    /// Percent-encodes what a URI cannot hold literally (space, '%', '#', '?', non-ASCII as UTF-8 bytes ...), so the
    /// result is a valid URI reference whatever the file is called.
    /// </summary>
    public static class ArtifactUri
    {
        /// <summary>The path with the separators of this OS turned into '/'. (On Unix a '\' is part of a name and is kept, then encoded.)</summary>
        private static string Slashes(string path)
        {
            string result = path.Replace(Path.DirectorySeparatorChar, '/');
            return Path.AltDirectorySeparatorChar == Path.DirectorySeparatorChar ? result : result.Replace(Path.AltDirectorySeparatorChar, '/');
        }

        /// <summary>Windows paths compare without case, as the engine compares them.</summary>
        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>
        /// The relative reference of <paramref name="path"/> below <paramref name="rootDirectory"/> ('/'-separated,
        /// encoded), or null when the path is not below the root (or either is empty).
        /// </summary>
        public static string? RelativeTo(string path, string? rootDirectory)
        {
            if (string.IsNullOrEmpty(path) || string.IsNullOrEmpty(rootDirectory)) return null;
            string file = Slashes(path);
            string root = Slashes(rootDirectory!);
            if (!root.EndsWith("/", StringComparison.Ordinal)) root += "/";
            if (file.Length <= root.Length || !file.StartsWith(root, PathComparison)) return null;
            string relative = file.Substring(root.Length);
            // "a/../b" or "./x" would leave the root or be ambiguous: only plain descendants are relative.
            foreach (string segment in relative.Split('/'))
                if (segment.Length == 0 || segment == "." || segment == "..") return null;
            return Encode(relative, keepColons: false);
        }

        /// <summary>
        /// The absolute <c>file:</c> URI of a full path: <c>/home/a b/x</c> → <c>file:///home/a%20b/x</c>,
        /// <c>C:\src\x</c> → <c>file:///C:/src/x</c>, <c>\\server\share\x</c> → <c>file://server/share/x</c>.
        /// <paramref name="isDirectory"/> adds the trailing '/' a base URI needs.
        /// </summary>
        public static string AbsoluteFileUri(string fullPath, bool isDirectory = false)
        {
            if (fullPath == null) throw new ArgumentNullException(nameof(fullPath));
            string path = Slashes(fullPath);
            if (isDirectory && !path.EndsWith("/", StringComparison.Ordinal)) path += "/";
            if (path.StartsWith("//", StringComparison.Ordinal)) return "file:" + Encode(path, keepColons: true);
            if (path.StartsWith("/", StringComparison.Ordinal)) return "file://" + Encode(path, keepColons: true);
            return "file:///" + Encode(path, keepColons: true);
        }

        /// <summary>
        /// Percent-encodes everything but unreserved characters, sub-delimiters, '@' and '/' (RFC 3986). Colons are
        /// kept in absolute paths (a drive letter) and encoded in relative ones, where a colon in the first segment
        /// would read as a URI scheme.
        /// </summary>
        private static string Encode(string path, bool keepColons)
        {
            StringBuilder? sb = null;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (IsKept(c, keepColons))
                {
                    sb?.Append(c);
                    continue;
                }
                sb ??= new StringBuilder(path, 0, i, path.Length + 16);
                int length = char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]) ? 2 : 1;
                foreach (byte b in Encoding.UTF8.GetBytes(path.Substring(i, length)))
                {
                    sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
                }
                i += length - 1;
            }
            return sb?.ToString() ?? path;
        }

        private static bool IsKept(char c, bool keepColons)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
            switch (c)
            {
                case '-': case '.': case '_': case '~': // unreserved
                case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=': // sub-delims
                case '@': case '/':
                    return true;
                case ':':
                    return keepColons;
                default:
                    return false;
            }
        }
    }
}
