using System;
using System.Collections.Generic;
using System.Text;

namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>
    /// One cleaned .dockerignore pattern turned into the cheapest test that gives Docker's answer: exact comparison,
    /// prefix (<c>dir/**</c>), suffix (<c>**/name</c>) or a glob, the same four cases Docker's pattern matcher
    /// distinguishes. Docker compiles the glob case to a Go (RE2, linear-time) regular expression; a .NET backtracking
    /// regular expression of the same shape takes exponential time on lines like <c>a*a*a*a*b</c> or
    /// <c>**/**/**/x</c>, so globs run here as a simulation of the equivalent automaton over code points, one pass
    /// over the path: at most (tokens + 1) × (path length) steps. Immutable and safe to share between threads.
    /// </summary>
    internal sealed class CompiledPattern
    {
        private enum Kind { Exact, Prefix, Suffix, Glob, Invalid }

        /// <summary>The glob tokens, each the counterpart of one piece of Docker's generated regular expression.</summary>
        private enum Op : byte
        {
            /// <summary>One code point equal to the token's character.</summary>
            Literal,

            /// <summary><c>?</c>, Docker's <c>[^/]</c>: one code point that is not '/'.</summary>
            AnyButSlash,

            /// <summary><c>[...]</c>: one code point in (or, with <c>^</c>, not in) the set. A negated class matches '/' like Docker's regex does.</summary>
            Class,

            /// <summary><c>*</c>, Docker's <c>[^/]*</c>: any run without '/'.</summary>
            Star,

            /// <summary>
            /// <c>**</c> (or <c>**/</c>) before more pattern, Docker's <c>(.*/)?</c>: reads nothing itself; it leads to
            /// the <see cref="DirectoriesLoop"/> after it or, matching nothing, past that.
            /// </summary>
            Directories,

            /// <summary>The inside of <c>(.*/)?</c>: any run, left only by reading a '/'.</summary>
            DirectoriesLoop,

            /// <summary>A trailing <c>**</c> after a wildcard, Docker's <c>.*</c>: any run.</summary>
            Rest,
        }

        private readonly Kind _kind;
        private readonly string _text;
        private readonly Op[] _ops;
        private readonly int[] _chars;
        private readonly CodePointClass?[] _classes;

        // The longest run of literal tokens inside a glob: every match holds it, so a path without it is rejected by
        // one (vectorised) search instead of a run of the automaton. Leading and trailing runs are tested apart.
        private readonly string _innerLiteral;

        private CompiledPattern(Kind kind, string text, Op[]? ops = null, int[]? chars = null, CodePointClass?[]? classes = null, string leading = "", string trailing = "")
        {
            _kind = kind;
            _text = text;
            _ops = ops ?? Array.Empty<Op>();
            _chars = chars ?? Array.Empty<int>();
            _classes = classes ?? Array.Empty<CodePointClass?>();
            _innerLiteral = kind == Kind.Glob ? LongestInnerLiteral(_ops, _chars) : "";
            switch (kind)
            {
                case Kind.Exact:
                    LeadingLiteral = text;
                    TrailingLiteral = text;
                    break;
                case Kind.Prefix:
                    LeadingLiteral = text.Substring(0, text.Length - 2);
                    TrailingLiteral = "";
                    break;
                case Kind.Suffix:
                    LeadingLiteral = "";
                    // "**/name" also matches "name" at the root: only "name" is certain to end every match.
                    string suffix = text.Substring(2);
                    TrailingLiteral = suffix.Length > 0 && suffix[0] == '/' ? suffix.Substring(1) : suffix;
                    break;
                default:
                    LeadingLiteral = leading;
                    TrailingLiteral = trailing;
                    break;
            }
        }

        public bool IsValid => _kind != Kind.Invalid;

        /// <summary>Compared by string equality with the whole path.</summary>
        internal bool IsExact => _kind == Kind.Exact;

        /// <summary>Text every path this pattern matches starts with ("" when none is certain).</summary>
        internal string LeadingLiteral { get; }

        /// <summary>Text every path this pattern matches ends with ("" when none is certain).</summary>
        internal string TrailingLiteral { get; }

        /// <summary>
        /// Plain names every path this pattern matches holds as whole '/'-separated segments (<c>**/gen/*.g.cs</c>
        /// requires a segment <c>gen</c>): a name counts when only literals spell it and a literal '/' or an end of the
        /// (anchored) pattern bounds it on each side; a leading <c>**/</c> bounds it too, since it either matches
        /// nothing at a bound or ends with '/'. Empty for exact patterns (compared whole).
        /// </summary>
        internal List<string> RequiredSegments()
        {
            var segments = new List<string>();
            switch (_kind)
            {
                case Kind.Prefix:
                    // "a/b/**": every match starts with "a/b/".
                    AddPlainSegments(LeadingLiteral, segments, lastIsWhole: false);
                    break;
                case Kind.Suffix:
                    {
                        // "**/a/b" matches "a/b" or ends with "/a/b"; "**name" only ends with "name".
                        string suffix = _text.Substring(2);
                        if (suffix.Length > 0 && suffix[0] == '/') AddPlainSegments(suffix.Substring(1), segments, lastIsWhole: true);
                        break;
                    }
                case Kind.Glob:
                    {
                        int m = _ops.Length;
                        int start = 0;
                        while (start < m)
                        {
                            if (_ops[start] != Op.Literal || _chars[start] == '/')
                            {
                                start++;
                                continue;
                            }
                            int end = start;
                            while (end < m && _ops[end] == Op.Literal && _chars[end] != '/') end++;
                            bool leftBound = start == 0 || IsSlash(start - 1)
                                || _ops[start - 1] == Op.DirectoriesLoop && (start - 2 == 0 || start - 3 >= 0 && IsSlash(start - 3));
                            bool rightBound = end == m || IsSlash(end);
                            if (leftBound && rightBound)
                            {
                                var sb = new StringBuilder();
                                for (int k = start; k < end; k++) AppendCodePoint(sb, _chars[k]);
                                segments.Add(sb.ToString());
                            }
                            start = end;
                        }
                        break;
                    }
            }
            return segments;
        }

        private bool IsSlash(int op) => _ops[op] == Op.Literal && _chars[op] == '/';

        /// <summary>The '/'-separated names of a plain text a match starts with (all but an unterminated last one) or ends with (the text begins after a '/').</summary>
        private static void AddPlainSegments(string text, List<string> into, bool lastIsWhole)
        {
            var parts = text.Split('/');
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length == 0) continue;
                if (!lastIsWhole && i == parts.Length - 1) continue;
                into.Add(parts[i]);
            }
        }

        /// <summary>Number of glob tokens (0 for the exact, prefix and suffix forms): the automaton has one more state.</summary>
        internal int TokenCount => _ops.Length;

        /// <summary>Compiles a cleaned pattern ('/'-separated, no leading '!'). Returns an invalid pattern (matching nothing) when Docker would reject it.</summary>
        public static CompiledPattern Compile(string pattern, bool backslashEscapes, out string? error)
        {
            error = null;
            // Where '\' separates paths (Windows clients) the parser has already turned it into '/'.
            if (!NameGlob.IsValid(backslashEscapes ? pattern : pattern.Replace("\\", "/")))
            {
                error = "syntax error in pattern";
                return new CompiledPattern(Kind.Invalid, pattern);
            }

            // The same walk over the pattern as Docker's conversion to a regular expression, including which of the
            // four match kinds results, but emitting tokens instead of regex text.
            var ops = new List<Op>();
            var chars = new List<int>();
            var classes = new List<CodePointClass?>();
            var kind = Kind.Exact;
            int n = pattern.Length;
            void Add(Op op, int ch = 0, CodePointClass? cls = null)
            {
                // "(.*/)?(.*/)?" accepts exactly what "(.*/)?" does; folding them keeps "**/**/**/x" small.
                if (op == Op.Directories && ops.Count > 0 && ops[ops.Count - 1] == Op.DirectoriesLoop) return;
                ops.Add(op);
                chars.Add(ch);
                classes.Add(cls);
                if (op == Op.Directories)
                {
                    ops.Add(Op.DirectoriesLoop);
                    chars.Add(0);
                    classes.Add(null);
                }
            }

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
                            // A trailing "**" accepts everything below: a plain prefix test when nothing before it needed a glob.
                            if (kind == Kind.Exact) kind = Kind.Prefix;
                            else
                            {
                                Add(Op.Rest);
                                kind = Kind.Glob;
                                        }
                        }
                        else
                        {
                            Add(Op.Directories);
                            kind = Kind.Glob;
                                }
                        if (atStart) kind = Kind.Suffix;
                    }
                    else
                    {
                        Add(Op.Star);
                        kind = Kind.Glob;
                        }
                }
                else if (c == '?')
                {
                    Add(Op.AnyButSlash);
                    kind = Kind.Glob;
                }
                else if (c == '\\' && backslashEscapes)
                {
                    if (i + 1 < n)
                    {
                        i++;
                        Add(Op.Literal, ReadCodePoint(pattern, ref i));
                        kind = Kind.Glob;
                        }
                    else
                    {
                        Add(Op.Literal, '\\');
                    }
                }
                else if (c == '[')
                {
                    var cls = CodePointClass.Parse(pattern, i, backslashEscapes, out int close);
                    if (cls == null)
                    {
                        error = "syntax error in pattern";
                        return new CompiledPattern(Kind.Invalid, pattern);
                    }
                    Add(Op.Class, 0, cls);
                    i = close;
                    kind = Kind.Glob;
                }
                else
                {
                    Add(Op.Literal, ReadCodePoint(pattern, ref i));
                }
            }

            // Like Docker, the kind is the last one assigned: "**/name" stays a suffix test though "**" began a glob.
            if (kind != Kind.Glob) return new CompiledPattern(kind, pattern);
            return new CompiledPattern(Kind.Glob, pattern, ops.ToArray(), chars.ToArray(), classes.ToArray(),
                LiteralRun(ops, chars, fromStart: true), LiteralRun(ops, chars, fromStart: false));
        }

        /// <summary>Reads the code point at <paramref name="i"/>, leaving <paramref name="i"/> on its last UTF-16 unit.</summary>
        private static int ReadCodePoint(string s, ref int i)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                return char.ConvertToUtf32(c, s[i]);
            }
            return c;
        }

        private static string LiteralRun(List<Op> ops, List<int> chars, bool fromStart)
        {
            var sb = new StringBuilder();
            if (fromStart)
            {
                for (int i = 0; i < ops.Count && ops[i] == Op.Literal; i++) AppendCodePoint(sb, chars[i]);
                return sb.ToString();
            }
            int start = ops.Count;
            while (start > 0 && ops[start - 1] == Op.Literal) start--;
            for (int i = start; i < ops.Count; i++) AppendCodePoint(sb, chars[i]);
            return sb.ToString();
        }

        private static void AppendCodePoint(StringBuilder sb, int cp)
        {
            if (cp > 0xFFFF) sb.Append(char.ConvertFromUtf32(cp));
            else sb.Append((char)cp);
        }

        /// <summary>
        /// Could the pattern match some path strictly below <paramref name="directory"/> (context-relative, no trailing
        /// '/')? Conservative: true whenever the automaton is still alive after reading <c>directory/</c>.
        /// </summary>
        internal bool CanMatchBelow(string directory)
        {
            string prefix = directory + "/";
            switch (_kind)
            {
                case Kind.Exact:
                    return _text.Length > prefix.Length && _text.StartsWith(prefix, StringComparison.Ordinal);
                case Kind.Prefix:
                    return LeadingLiteral.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(LeadingLiteral, StringComparison.Ordinal);
                case Kind.Suffix:
                    return true;
                case Kind.Glob:
                    if (!LeadingLiteral.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(LeadingLiteral, StringComparison.Ordinal)) return false;
                    return AliveAfter(prefix);
                default:
                    return false;
            }
        }

        /// <summary>Does some state of the automaton survive reading <paramref name="prefix"/>?</summary>
        private bool AliveAfter(string prefix)
        {
            long steps = 0;
            var states = Run(prefix, ref steps);
            if (states == null) return false;
            // A live state that is not the end still needs more text, which a path below the directory supplies; the
            // end state alone (the pattern is exactly the prefix) matches nothing below.
            for (int j = 0; j < _ops.Length; j++)
                if (states[j]) return true;
            return false;
        }

        /// <summary>Tests one whole context-relative path (no parent-directory logic here).</summary>
        public bool IsMatch(string path)
        {
            long steps = 0;
            return IsMatch(path, ref steps);
        }

        /// <summary>
        /// <see cref="IsMatch(string)"/>, adding the work done to <paramref name="steps"/>: one per automaton state
        /// alive at each code point of the path (so never more than (tokens + 1) × path length), one for the plain
        /// comparisons.
        /// </summary>
        internal bool IsMatch(string path, ref long steps)
        {
            switch (_kind)
            {
                case Kind.Exact:
                    steps++;
                    return string.Equals(path, _text, StringComparison.Ordinal);
                case Kind.Prefix:
                    steps++;
                    return path.StartsWith(LeadingLiteral, StringComparison.Ordinal);
                case Kind.Suffix:
                    {
                        steps++;
                        string suffix = _text.Substring(2);
                        if (path.EndsWith(suffix, StringComparison.Ordinal)) return true;
                        // "**/name" also matches "name" at the root.
                        return suffix.Length > 0 && suffix[0] == '/' && string.Equals(path, suffix.Substring(1), StringComparison.Ordinal);
                    }
                case Kind.Glob:
                    steps++;
                    if (!path.StartsWith(LeadingLiteral, StringComparison.Ordinal) || !path.EndsWith(TrailingLiteral, StringComparison.Ordinal)) return false;
                    if (_innerLiteral.Length > 0 && path.IndexOf(_innerLiteral, StringComparison.Ordinal) < 0) return false;
                    return _ops.Length < 64 ? SimulateBits(path, ref steps) : Simulate(path, ref steps);
                default:
                    return false;
            }
        }

        private static string LongestInnerLiteral(Op[] ops, int[] chars)
        {
            int bestStart = 0, bestLength = 0;
            int first = 0;
            while (first < ops.Length && ops[first] == Op.Literal) first++;
            int last = ops.Length;
            while (last > first && ops[last - 1] == Op.Literal) last--;
            for (int i = first; i < last; i++)
            {
                if (ops[i] != Op.Literal) continue;
                int start = i;
                while (i < last && ops[i] == Op.Literal) i++;
                if (i - start > bestLength)
                {
                    bestStart = start;
                    bestLength = i - start;
                }
            }
            if (bestLength < 2) return "";
            var sb = new StringBuilder();
            for (int i = bestStart; i < bestStart + bestLength; i++) AppendCodePoint(sb, chars[i]);
            return sb.ToString();
        }

        /// <summary>
        /// <see cref="Simulate"/> with the live states in the bits of one word (fewer than 64 tokens, so every real
        /// pattern): the same transitions and step count, without allocating.
        /// </summary>
        private bool SimulateBits(string path, ref long steps)
        {
            int m = _ops.Length;
            ulong current = CloseBits(1UL);
            for (int i = 0; i < path.Length; i++)
            {
                int c = ReadCodePoint(path, ref i);
                ulong next = 0;
                for (int j = 0; j < m; j++)
                {
                    if ((current & (1UL << j)) == 0) continue;
                    steps++;
                    switch (_ops[j])
                    {
                        case Op.Literal:
                            if (_chars[j] == c) next |= 1UL << (j + 1);
                            break;
                        case Op.AnyButSlash:
                            if (c != '/') next |= 1UL << (j + 1);
                            break;
                        case Op.Class:
                            if (_classes[j]!.Contains(c)) next |= 1UL << (j + 1);
                            break;
                        case Op.Star:
                            if (c != '/') next |= 1UL << j;
                            break;
                        case Op.Rest:
                            if (c != '\n') next |= 1UL << j;
                            break;
                        case Op.DirectoriesLoop:
                            if (c != '\n')
                            {
                                next |= 1UL << j;
                                if (c == '/') next |= 1UL << (j + 1);
                            }
                            break;
                    }
                }
                if (next == 0) return false;
                current = CloseBits(next);
            }
            return (current & (1UL << m)) != 0;
        }

        private ulong CloseBits(ulong states)
        {
            for (int j = 0; j < _ops.Length; j++)
            {
                if ((states & (1UL << j)) == 0) continue;
                var op = _ops[j];
                if (op == Op.Star || op == Op.Rest) states |= 1UL << (j + 1);
                else if (op == Op.Directories) states |= (1UL << (j + 1)) | (1UL << (j + 2));
            }
            return states;
        }

        /// <summary>
        /// Runs the automaton whose state j means "tokens before j matched": every live state reads the next code point
        /// together, so a path is read once whatever the pattern, with no backtracking.
        /// </summary>
        private bool Simulate(string path, ref long steps)
        {
            var states = Run(path, ref steps);
            return states != null && states[_ops.Length];
        }

        /// <summary>The live states after reading all of <paramref name="text"/>, or null when none survived.</summary>
        private bool[]? Run(string text, ref long steps)
        {
            int m = _ops.Length;
            var current = new bool[m + 1];
            var next = new bool[m + 1];
            current[0] = true;
            Close(current);
            for (int i = 0; i < text.Length; i++)
            {
                int c = ReadCodePoint(text, ref i);
                if (!Step(current, next, c, ref steps)) return null;
                var swap = current;
                current = next;
                next = swap;
                Close(current);
            }
            return current;
        }

        /// <summary>Reads one code point: every live state of <paramref name="current"/> moves into <paramref name="next"/>. False when none survives.</summary>
        private bool Step(bool[] current, bool[] next, int c, ref long steps)
        {
            Array.Clear(next, 0, next.Length);
            bool alive = false;
            for (int j = 0; j < _ops.Length; j++)
            {
                if (!current[j]) continue;
                steps++;
                switch (_ops[j])
                {
                    case Op.Literal:
                        if (_chars[j] == c) next[j + 1] = alive = true;
                        break;
                    case Op.AnyButSlash:
                        if (c != '/') next[j + 1] = alive = true;
                        break;
                    case Op.Class:
                        if (_classes[j]!.Contains(c)) next[j + 1] = alive = true;
                        break;
                    case Op.Star:
                        if (c != '/') next[j] = alive = true;
                        break;
                    case Op.Rest:
                        // Go's '.' stops at a newline, and Docker's regex inherits that.
                        if (c != '\n') next[j] = alive = true;
                        break;
                    case Op.DirectoriesLoop:
                        if (c != '\n')
                        {
                            next[j] = alive = true;
                            if (c == '/') next[j + 1] = true;
                        }
                        break;
                }
            }
            return alive;
        }

        /// <summary>Adds the states reachable without reading: past any token that may match nothing.</summary>
        private void Close(bool[] states)
        {
            for (int j = 0; j < _ops.Length; j++)
            {
                if (!states[j]) continue;
                var op = _ops[j];
                if (op == Op.Star || op == Op.Rest) states[j + 1] = true;
                else if (op == Op.Directories)
                {
                    // Into the loop, or past it when "**/" stands for no directory at all.
                    states[j + 1] = true;
                    states[j + 2] = true;
                }
            }
        }

        /// <summary>A <c>[...]</c> class as Go's <c>filepath.Match</c> reads it: single characters and ranges, <c>^</c> negation, <c>\</c> escapes.</summary>
        private sealed class CodePointClass
        {
            private readonly int[] _ranges; // lo, hi pairs
            private readonly bool _negated;

            private CodePointClass(int[] ranges, bool negated)
            {
                _ranges = ranges;
                _negated = negated;
            }

            public bool Contains(int c)
            {
                bool found = false;
                for (int i = 0; i < _ranges.Length; i += 2)
                {
                    if (_ranges[i] <= c && c <= _ranges[i + 1])
                    {
                        found = true;
                        break;
                    }
                }
                return found != _negated;
            }

            /// <summary>Reads the class whose '[' is at <paramref name="start"/>; <paramref name="close"/> is its ']'. Null when malformed.</summary>
            public static CodePointClass? Parse(string pattern, int start, bool backslashEscapes, out int close)
            {
                close = -1;
                int i = start + 1;
                bool negated = false;
                if (i < pattern.Length && pattern[i] == '^')
                {
                    negated = true;
                    i++;
                }
                var ranges = new List<int>();
                while (true)
                {
                    if (i >= pattern.Length) return null;
                    if (pattern[i] == ']' && ranges.Count > 0)
                    {
                        close = i;
                        return new CodePointClass(ranges.ToArray(), negated);
                    }
                    if (!ReadItem(pattern, ref i, backslashEscapes, out int lo)) return null;
                    int hi = lo;
                    if (i < pattern.Length && pattern[i] == '-')
                    {
                        i++;
                        if (!ReadItem(pattern, ref i, backslashEscapes, out hi) || hi < lo) return null;
                    }
                    ranges.Add(lo);
                    ranges.Add(hi);
                }
            }

            private static bool ReadItem(string pattern, ref int i, bool backslashEscapes, out int c)
            {
                c = 0;
                if (i >= pattern.Length) return false;
                char ch = pattern[i];
                if (ch == '-' || ch == ']') return false;
                if (ch == '\\' && backslashEscapes)
                {
                    if (i + 1 >= pattern.Length) return false;
                    i++;
                }
                c = ReadCodePoint(pattern, ref i);
                i++;
                return true;
            }
        }
    }
}
