using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Cli.Folders
{
    /// <summary>
    /// One <c>.gitignore</c> file: its patterns, in order, relative to the folder it sits in. Git's rules, kept to
    /// what decides which files a repository tracks:
    /// <list type="bullet">
    /// <item>blank lines and <c>#</c> comments are skipped; <c>\#</c> and <c>\!</c> start a literal pattern; trailing
    /// blanks are dropped unless escaped;</item>
    /// <item><c>!</c> re-includes; the last matching pattern wins;</item>
    /// <item>a trailing <c>/</c> matches directories only;</item>
    /// <item>a pattern with a <c>/</c> at the start or in the middle is anchored to the file's folder; one without
    /// matches the name at any depth below it;</item>
    /// <item><c>*</c>, <c>?</c>, <c>[...]</c> within one path segment, <c>**</c> across segments.</item>
    /// </list>
    /// Matching is linear in practice and never exponential: a segment glob and the segment list are each matched
    /// with a single restart point per star (the classic greedy wildcard walk), so a pattern cannot make it hang.
    /// </summary>
    internal sealed class GitIgnoreFile
    {
        private readonly IReadOnlyList<GitIgnorePattern> _patterns;

        private GitIgnoreFile(IReadOnlyList<GitIgnorePattern> patterns)
        {
            _patterns = patterns;
        }

        public bool IsEmpty => _patterns.Count == 0;

        public static GitIgnoreFile Parse(string text)
        {
            var patterns = new List<GitIgnorePattern>();
            foreach (var rawLine in text.Split('\n'))
            {
                var pattern = GitIgnorePattern.TryParse(rawLine.TrimEnd('\r'));
                if (pattern != null) patterns.Add(pattern);
            }
            return new GitIgnoreFile(patterns);
        }

        /// <summary>
        /// The verdict of this file for a path relative to its folder ('/'-separated): true excluded, false
        /// re-included, null when no pattern matches (the parent folder's file decides).
        /// </summary>
        public bool? Decide(string relativePath, bool isDirectory)
        {
            string[]? segments = null;
            for (int i = _patterns.Count - 1; i >= 0; i--)
            {
                var pattern = _patterns[i];
                if (pattern.DirectoryOnly && !isDirectory) continue;
                segments ??= relativePath.Split('/');
                if (pattern.Matches(segments)) return !pattern.Negated;
            }
            return null;
        }
    }

    internal sealed class GitIgnorePattern
    {
        private readonly string[] _segments;

        private GitIgnorePattern(string[] segments, bool negated, bool directoryOnly)
        {
            _segments = segments;
            Negated = negated;
            DirectoryOnly = directoryOnly;
        }

        public bool Negated { get; }
        public bool DirectoryOnly { get; }

        public static GitIgnorePattern? TryParse(string line)
        {
            if (line.Length == 0 || line[0] == '#') return null;
            line = TrimTrailingBlanks(line);
            if (line.Length == 0) return null;
            bool negated = false;
            if (line[0] == '!') { negated = true; line = line.Substring(1); }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal)) line = line.Substring(1);
            bool directoryOnly = false;
            if (line.EndsWith("/", StringComparison.Ordinal)) { directoryOnly = true; line = line.TrimEnd('/'); }
            if (line.Length == 0) return null;
            bool anchored = line.IndexOf('/') >= 0;
            line = line.TrimStart('/');
            if (line.Length == 0) return null;
            var parts = new List<string>();
            // A name with no slash matches at any depth: the same as "**/name".
            if (!anchored) parts.Add("**");
            foreach (var part in line.Split('/'))
            {
                if (part.Length == 0) continue;
                // "a/**/**/b" is "a/**/b".
                if (part == "**" && parts.Count > 0 && parts[parts.Count - 1] == "**") continue;
                parts.Add(part);
            }
            // A trailing "/**" is everything inside the folder, not the folder itself: one segment, then any.
            if (parts.Count > 1 && parts[parts.Count - 1] == "**" && parts[parts.Count - 2] != "**") parts.Insert(parts.Count - 1, "*");
            return new GitIgnorePattern(parts.ToArray(), negated, directoryOnly);
        }

        private static string TrimTrailingBlanks(string line)
        {
            int end = line.Length;
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
            {
                // "foo\ " keeps its escaped blank.
                if (end >= 2 && line[end - 2] == '\\') break;
                end--;
            }
            return line.Substring(0, end);
        }

        /// <summary>Segment list against the pattern's segments; <c>**</c> matches zero or more segments.</summary>
        public bool Matches(string[] path)
        {
            var pattern = _segments;
            int p = 0, s = 0, starP = -1, starS = 0;
            while (s < path.Length)
            {
                if (p < pattern.Length && pattern[p] == "**")
                {
                    starP = p++;
                    starS = s;
                }
                else if (p < pattern.Length && SegmentMatches(pattern[p], path[s]))
                {
                    p++;
                    s++;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    s = ++starS;
                }
                else return false;
            }
            while (p < pattern.Length && pattern[p] == "**") p++;
            return p == pattern.Length;
        }

        /// <summary>One segment against a glob of <c>*</c>, <c>?</c>, <c>[...]</c> and <c>\</c> escapes.</summary>
        internal static bool SegmentMatches(string glob, string name)
        {
            int g = 0, n = 0, starG = -1, starN = 0;
            while (n < name.Length)
            {
                if (g < glob.Length && glob[g] == '*')
                {
                    starG = g++;
                    starN = n;
                    continue;
                }
                if (g < glob.Length && MatchOne(glob, ref g, name[n], out int next))
                {
                    g = next;
                    n++;
                    continue;
                }
                if (starG >= 0)
                {
                    g = starG + 1;
                    n = ++starN;
                    continue;
                }
                return false;
            }
            while (g < glob.Length && glob[g] == '*') g++;
            return g == glob.Length;
        }

        /// <summary>Does the glob element at <paramref name="g"/> match <paramref name="c"/>? <paramref name="next"/> is the element after it.</summary>
        private static bool MatchOne(string glob, ref int g, char c, out int next)
        {
            char head = glob[g];
            if (head == '?') { next = g + 1; return true; }
            if (head == '\\' && g + 1 < glob.Length) { next = g + 2; return glob[g + 1] == c; }
            if (head == '[')
            {
                int close = ClassEnd(glob, g);
                if (close > 0)
                {
                    next = close + 1;
                    return ClassMatches(glob, g + 1, close, c);
                }
            }
            next = g + 1;
            return head == c;
        }

        private static int ClassEnd(string glob, int open)
        {
            int i = open + 1;
            if (i < glob.Length && (glob[i] == '!' || glob[i] == '^')) i++;
            if (i < glob.Length && glob[i] == ']') i++;
            for (; i < glob.Length; i++)
            {
                if (glob[i] == '\\') { i++; continue; }
                if (glob[i] == ']') return i;
            }
            return -1;
        }

        private static bool ClassMatches(string glob, int start, int end, char c)
        {
            bool negate = glob[start] == '!' || glob[start] == '^';
            if (negate) start++;
            bool match = false;
            for (int i = start; i < end; i++)
            {
                char low = glob[i];
                if (low == '\\' && i + 1 < end) low = glob[++i];
                if (i + 2 < end && glob[i + 1] == '-')
                {
                    char high = glob[i + 2];
                    if (high == '\\' && i + 3 < end) { high = glob[i + 3]; i++; }
                    if (c >= low && c <= high) match = true;
                    i += 2;
                }
                else if (c == low) match = true;
            }
            return match != negate;
        }
    }
}
