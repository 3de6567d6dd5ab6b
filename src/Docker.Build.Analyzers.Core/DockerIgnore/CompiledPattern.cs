using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>
    /// One cleaned .dockerignore pattern turned into the cheapest test that gives Docker's answer: exact comparison,
    /// prefix (<c>dir/**</c>), suffix (<c>**/name</c>) or a regular expression, the same four cases Docker's pattern
    /// matcher distinguishes. Immutable and safe to share between threads.
    /// </summary>
    internal sealed class CompiledPattern
    {
        private enum Kind { Exact, Prefix, Suffix, Regex, Invalid }

        private readonly Kind _kind;
        private readonly string _text;
        private readonly Regex? _regex;

        private CompiledPattern(Kind kind, string text, Regex? regex)
        {
            _kind = kind;
            _text = text;
            _regex = regex;
        }

        public bool IsValid => _kind != Kind.Invalid;

        /// <summary>Compiles a cleaned pattern ('/'-separated, no leading '!'). Returns an invalid pattern (matching nothing) when Docker would reject it.</summary>
        public static CompiledPattern Compile(string pattern, bool backslashEscapes, out string? error)
        {
            error = null;
            // Where '\' separates paths (Windows clients) the parser has already turned it into '/'.
            if (!NameGlob.IsValid(backslashEscapes ? pattern : pattern.Replace("\\", "/")))
            {
                error = "syntax error in pattern";
                return new CompiledPattern(Kind.Invalid, pattern, null);
            }

            var regex = new StringBuilder("^");
            var kind = Kind.Exact;
            int n = pattern.Length;
            for (int i = 0; i < n; i++)
            {
                char c = pattern[i];
                if (c == '*')
                {
                    if (i + 1 < n && pattern[i + 1] == '*')
                    {
                        bool atStart = i == 0;
                        i++;
                        if (i + 1 < n && pattern[i + 1] == '/') i++; // "**/" is read as "**"
                        if (i + 1 >= n)
                        {
                            // A trailing "**" accepts everything below: a plain prefix test when nothing before it needed a regex.
                            if (kind == Kind.Exact) kind = Kind.Prefix;
                            else
                            {
                                regex.Append(".*");
                                kind = Kind.Regex;
                            }
                        }
                        else
                        {
                            // Any number of directories, none included.
                            regex.Append("(.*/)?");
                            kind = Kind.Regex;
                        }
                        if (atStart) kind = Kind.Suffix;
                    }
                    else
                    {
                        regex.Append("[^/]*");
                        kind = Kind.Regex;
                    }
                }
                else if (c == '?')
                {
                    regex.Append("[^/]");
                    kind = Kind.Regex;
                }
                else if (c == '\\' && backslashEscapes)
                {
                    if (i + 1 < n)
                    {
                        regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                        i++;
                        kind = Kind.Regex;
                    }
                    else
                    {
                        regex.Append("\\\\");
                    }
                }
                else if (c == '[')
                {
                    int close = ClassEnd(pattern, i, backslashEscapes);
                    if (close < 0)
                    {
                        error = "syntax error in pattern";
                        return new CompiledPattern(Kind.Invalid, pattern, null);
                    }
                    AppendClass(regex, pattern, i, close, backslashEscapes);
                    i = close;
                    kind = Kind.Regex;
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            if (kind != Kind.Regex) return new CompiledPattern(kind, pattern, null);
            regex.Append("\\z");
            try
            {
                return new CompiledPattern(Kind.Regex, pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant));
            }
            catch (ArgumentException)
            {
                error = "syntax error in pattern";
                return new CompiledPattern(Kind.Invalid, pattern, null);
            }
        }

        /// <summary>Index of the ']' closing the class that starts at <paramref name="start"/>, or -1.</summary>
        private static int ClassEnd(string pattern, int start, bool backslashEscapes)
        {
            int i = start + 1;
            if (i < pattern.Length && pattern[i] == '^') i++;
            bool first = true;
            for (; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && backslashEscapes) { i++; first = false; continue; }
                if (c == ']' && !first) return i;
                first = false;
            }
            return -1;
        }

        private static void AppendClass(StringBuilder regex, string pattern, int start, int close, bool backslashEscapes)
        {
            regex.Append('[');
            int i = start + 1;
            if (pattern[i] == '^')
            {
                regex.Append('^');
                i++;
            }
            for (; i < close; i++)
            {
                char c = pattern[i];
                if (c == '\\' && backslashEscapes && i + 1 < close)
                {
                    i++;
                    c = pattern[i];
                }
                if (c == '-') regex.Append('-');
                else if (c == '\\' || c == '[' || c == ']' || c == '^') regex.Append('\\').Append(c);
                else regex.Append(c);
            }
            regex.Append(']');
        }

        /// <summary>Tests one whole context-relative path (no parent-directory logic here).</summary>
        public bool IsMatch(string path)
        {
            switch (_kind)
            {
                case Kind.Exact:
                    return string.Equals(path, _text, StringComparison.Ordinal);
                case Kind.Prefix:
                    return path.StartsWith(_text.Substring(0, _text.Length - 2), StringComparison.Ordinal);
                case Kind.Suffix:
                    {
                        string suffix = _text.Substring(2);
                        if (path.EndsWith(suffix, StringComparison.Ordinal)) return true;
                        // "**/name" also matches "name" at the root.
                        return suffix.Length > 0 && suffix[0] == '/' && string.Equals(path, suffix.Substring(1), StringComparison.Ordinal);
                    }
                case Kind.Regex:
                    return _regex!.IsMatch(path);
                default:
                    return false;
            }
        }
    }
}
