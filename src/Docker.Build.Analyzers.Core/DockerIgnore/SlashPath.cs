using System;
using System.Collections.Generic;
using System.Text;

namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>
    /// Operations on '/'-separated paths with the semantics of Go's <c>path/filepath</c> on Linux, which is what
    /// Docker applies to .dockerignore patterns and COPY sources.
    /// </summary>
    public static class SlashPath
    {
        /// <summary>
        /// Go's <c>filepath.Clean</c>: removes empty and <c>.</c> segments, resolves <c>..</c> against the segment
        /// before it (dropping it at the root of a rooted path), and returns <c>.</c> for an empty result.
        /// </summary>
        public static string Clean(string path)
        {
            if (string.IsNullOrEmpty(path)) return ".";
            bool rooted = path[0] == '/';
            var parts = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                    else if (!rooted) parts.Add("..");
                    continue;
                }
                parts.Add(segment);
            }
            string joined = string.Join("/", parts);
            if (rooted) return "/" + joined;
            return joined.Length == 0 ? "." : joined;
        }

        /// <summary>
        /// A path as seen from the root of a build context: joined to <c>/</c> and cleaned, without the leading
        /// slash, so <c>/src/a</c>, <c>./src/a</c> and <c>../src/a</c> all give <c>src/a</c>. The root itself gives "".
        /// </summary>
        public static string ToContextPath(string path)
        {
            string cleaned = Clean("/" + (path ?? ""));
            return cleaned.Length <= 1 ? "" : cleaned.Substring(1);
        }

        /// <summary>The parent of a context path ("" for a top-level name).</summary>
        public static string Parent(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? "" : path.Substring(0, slash);
        }

        /// <summary>The last segment of a path.</summary>
        public static string FileName(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        public static string Combine(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;

        /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it ("" is the root).</summary>
        public static bool IsUnder(string path, string directory)
        {
            if (directory.Length == 0) return true;
            return path.Length > directory.Length
                ? path.StartsWith(directory, StringComparison.Ordinal) && path[directory.Length] == '/'
                : string.Equals(path, directory, StringComparison.Ordinal);
        }

        /// <summary>True when the text uses any of Go's <c>filepath.Match</c> metacharacters (<c>*</c>, <c>?</c>, <c>[</c>).</summary>
        public static bool HasGlobCharacters(string text, bool backslashEscapes = true)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\\' && backslashEscapes) { i++; continue; }
                if (c == '*' || c == '?' || c == '[') return true;
            }
            return false;
        }

        /// <summary>Removes Go escape backslashes from a pattern segment without metacharacters.</summary>
        public static string Unescape(string text)
        {
            if (text.IndexOf('\\') < 0) return text;
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length) i++;
                sb.Append(text[i]);
            }
            return sb.ToString();
        }
    }
}
