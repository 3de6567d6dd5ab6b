namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>
    /// Go's <c>filepath.Match</c> for one path segment: <c>*</c> (any run of characters), <c>?</c> (one character),
    /// <c>[...]</c> classes with ranges and <c>^</c> negation, and <c>\</c> escaping the next character. Docker uses this
    /// syntax for COPY/ADD sources and, segment by segment, inside .dockerignore patterns.
    /// </summary>
    public static class NameGlob
    {
        /// <summary>True when <paramref name="name"/> (one segment, no '/') matches <paramref name="pattern"/>. A malformed pattern matches nothing.</summary>
        public static bool IsMatch(string pattern, string name)
        {
            if (!IsValid(pattern)) return false;
            int p = 0, s = 0, starP = -1, starS = 0;
            while (s < name.Length)
            {
                if (p < pattern.Length)
                {
                    char c = pattern[p];
                    if (c == '*')
                    {
                        while (p < pattern.Length && pattern[p] == '*') p++;
                        starP = p;
                        starS = s;
                        continue;
                    }
                    if (c == '?' && name[s] != '/')
                    {
                        p++;
                        s++;
                        continue;
                    }
                    if (c == '[')
                    {
                        if (MatchClass(pattern, p, name[s], out int end) && name[s] != '/')
                        {
                            p = end;
                            s++;
                            continue;
                        }
                    }
                    else if (c != '?')
                    {
                        char literal = c;
                        int width = 1;
                        if (c == '\\' && p + 1 < pattern.Length)
                        {
                            literal = pattern[p + 1];
                            width = 2;
                        }
                        if (literal == name[s])
                        {
                            p += width;
                            s++;
                            continue;
                        }
                    }
                }
                // Backtrack: let the last star swallow one more character (never a separator).
                if (starP >= 0 && name[starS] != '/')
                {
                    p = starP;
                    s = ++starS;
                    continue;
                }
                return false;
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        /// <summary>
        /// False for what Go rejects as <c>ErrBadPattern</c>: an unclosed or empty class, a class item starting with
        /// <c>-</c> or <c>]</c>, a reversed range, or a trailing lone <c>\</c>.
        /// </summary>
        public static bool IsValid(string pattern)
        {
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\')
                {
                    if (i + 1 >= pattern.Length) return false;
                    i++;
                    continue;
                }
                if (c == '[')
                {
                    if (!ScanClass(pattern, i, out int end)) return false;
                    i = end - 1;
                }
            }
            return true;
        }

        /// <summary>Reads a class starting at <paramref name="start"/> (the '['); <paramref name="end"/> is the index after ']'.</summary>
        private static bool ScanClass(string pattern, int start, out int end)
        {
            end = start;
            int i = start + 1;
            if (i < pattern.Length && pattern[i] == '^') i++;
            int items = 0;
            while (true)
            {
                if (i >= pattern.Length) return false;
                if (pattern[i] == ']' && items > 0)
                {
                    end = i + 1;
                    return true;
                }
                if (!ReadClassChar(pattern, ref i, out char lo)) return false;
                if (i < pattern.Length && pattern[i] == '-')
                {
                    i++;
                    if (!ReadClassChar(pattern, ref i, out char hi)) return false;
                    if (hi < lo) return false;
                }
                items++;
            }
        }

        private static bool ReadClassChar(string pattern, ref int i, out char c)
        {
            c = '\0';
            if (i >= pattern.Length) return false;
            char ch = pattern[i];
            if (ch == '-' || ch == ']') return false;
            if (ch == '\\')
            {
                if (i + 1 >= pattern.Length) return false;
                c = pattern[i + 1];
                i += 2;
                return true;
            }
            c = ch;
            i++;
            return true;
        }

        private static bool MatchClass(string pattern, int start, char ch, out int end)
        {
            end = start;
            int i = start + 1;
            bool negated = false;
            if (i < pattern.Length && pattern[i] == '^')
            {
                negated = true;
                i++;
            }
            bool matched = false;
            int items = 0;
            while (true)
            {
                if (i >= pattern.Length) return false;
                if (pattern[i] == ']' && items > 0)
                {
                    end = i + 1;
                    break;
                }
                if (!ReadClassChar(pattern, ref i, out char lo)) return false;
                char hi = lo;
                if (i < pattern.Length && pattern[i] == '-')
                {
                    i++;
                    if (!ReadClassChar(pattern, ref i, out hi)) return false;
                }
                if (lo <= ch && ch <= hi) matched = true;
                items++;
            }
            return matched != negated;
        }
    }
}
