using System;
using System.Collections.Generic;
using System.Globalization;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// An .editorconfig section name (<c>*.yml</c>, <c>**/Dockerfile</c>, <c>src/Api/**</c>, <c>*.{yml,yaml}</c>,
    /// <c>file{1..3}</c>, <c>[abc]</c>, <c>?</c>) compiled the way the .NET compiler reads it, and matched against a path
    /// relative to the configuration file's folder (starting with '/').
    /// </summary>
    /// <remarks>
    /// The compiler turns a section name into a regular expression and, for numeric ranges, checks the numbers its
    /// (leftmost, greedy) match captured. This class compiles the same expression into a small automaton and runs it as
    /// a Pike machine: every position of the path is visited once per automaton state, threads keep the priority order
    /// a backtracking engine would try, so the match found (and the numbers it captured) are the ones the compiler
    /// checks, without its exponential worst case. Cost: O(path length × pattern length × numeric ranges).
    /// </remarks>
    public sealed class SectionGlob
    {
        /// <summary>Choices nested deeper than this make the section invalid (keeps the recursive parser off the stack limit).</summary>
        internal const int MaxNesting = 64;

        private readonly Node[] _nodes;
        private readonly int _start;
        private readonly (int Min, int Max)[] _ranges;

        private SectionGlob(Node[] nodes, int start, (int, int)[] ranges)
        {
            _nodes = nodes;
            _start = start;
            _ranges = ranges;
        }

        /// <summary>Compiles a section name; null when the compiler would reject it (such a section applies to nothing).</summary>
        public static SectionGlob? TryCreate(string sectionName)
        {
            if (string.IsNullOrEmpty(sectionName)) return null;
            var builder = new Builder(sectionName);
            return builder.Build();
        }

        /// <summary>Matches a path relative to the configuration folder, with '/' separators and a leading '/'.</summary>
        public bool IsMatch(string relativePath)
        {
            if (relativePath == null) return false;
            var captures = Run(relativePath);
            if (captures == null) return false;
            for (int i = 0; i < _ranges.Length; i++)
            {
                int start = captures[2 * i], end = captures[2 * i + 1];
                if (start < 0 || end < start) return false;
                if (!int.TryParse(relativePath.Substring(start, end - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)) return false;
                if (number < _ranges[i].Min || number > _ranges[i].Max) return false;
            }
            return true;
        }

        // ---- Pike machine -------------------------------------------------------------------------------------

        private int[]? Run(string input)
        {
            int slotCount = _ranges.Length * 2;
            var current = new List<Thread>();
            var next = new List<Thread>();
            var seen = new int[_nodes.Length];
            int generation = 1;
            var initial = new int[slotCount];
            for (int i = 0; i < slotCount; i++) initial[i] = -1;
            AddThread(current, seen, generation, _start, initial, 0, input);

            for (int pos = 0; pos <= input.Length; pos++)
            {
                generation++;
                next.Clear();
                foreach (var thread in current)
                {
                    var node = _nodes[thread.Node];
                    if (node.Kind == NodeKind.Match)
                    {
                        // The highest-priority thread that has consumed the whole path is the match; lower ones never run.
                        if (pos == input.Length) return thread.Captures;
                        continue;
                    }
                    if (pos == input.Length) continue;
                    if (Accepts(node, input[pos]))
                        AddThread(next, seen, generation, node.Next, thread.Captures, pos + 1, input);
                }
                if (next.Count == 0) return null;
                var swap = current;
                current = next;
                next = swap;
            }
            return null;
        }

        /// <summary>Follows empty transitions in priority order; the first thread to reach a state at a position owns it.</summary>
        private void AddThread(List<Thread> list, int[] seen, int generation, int index, int[] captures, int pos, string input)
        {
            var stack = new Stack<(int Index, int[] Captures)>();
            stack.Push((index, captures));
            while (stack.Count > 0)
            {
                var (at, caps) = stack.Pop();
                if (seen[at] == generation) continue;
                seen[at] = generation;
                var node = _nodes[at];
                switch (node.Kind)
                {
                    case NodeKind.Split:
                        // Pushed in reverse so the preferred branch is explored first.
                        stack.Push((node.Alternative, caps));
                        stack.Push((node.Next, caps));
                        break;
                    case NodeKind.Epsilon:
                        stack.Push((node.Next, caps));
                        break;
                    case NodeKind.Save:
                        var copy = (int[])caps.Clone();
                        copy[node.Slot] = pos;
                        stack.Push((node.Next, copy));
                        break;
                    default:
                        list.Add(new Thread(at, caps));
                        break;
                }
            }
        }

        private static bool Accepts(Node node, char c)
        {
            switch (node.Kind)
            {
                case NodeKind.Char: return c == node.Char;
                case NodeKind.AnyButNewline: return c != '\n';
                case NodeKind.AnyButSlash: return c != '/';
                case NodeKind.Digit: return c >= '0' && c <= '9';
                case NodeKind.Class: return node.Class!.Contains(c);
                default: return false;
            }
        }

        private readonly struct Thread
        {
            public Thread(int node, int[] captures)
            {
                Node = node;
                Captures = captures;
            }

            public int Node { get; }
            public int[] Captures { get; }
        }

        private enum NodeKind { Char, AnyButNewline, AnyButSlash, Digit, Class, Split, Save, Epsilon, Match }

        private sealed class Node
        {
            public NodeKind Kind;
            public char Char;
            public CharClass? Class;
            public int Next = -1;
            public int Alternative = -1;
            public int Slot;
        }

        /// <summary>A bracket expression as the regular expression engine reads it: single characters, ranges, shorthand classes, optional negation.</summary>
        private sealed class CharClass
        {
            public bool Negated;
            public readonly List<(char From, char To)> Ranges = new List<(char, char)>();
            public readonly List<char> Shorthands = new List<char>();

            public bool Contains(char c)
            {
                bool found = false;
                foreach (var (from, to) in Ranges)
                    if (c >= from && c <= to) { found = true; break; }
                if (!found)
                {
                    foreach (char s in Shorthands)
                        if (MatchesShorthand(s, c)) { found = true; break; }
                }
                return found != Negated;
            }

            private static bool MatchesShorthand(char shorthand, char c)
            {
                switch (shorthand)
                {
                    case 'd': return char.IsDigit(c);
                    case 'D': return !char.IsDigit(c);
                    case 'w': return char.IsLetterOrDigit(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ConnectorPunctuation;
                    case 'W': return !MatchesShorthand('w', c);
                    case 's': return char.IsWhiteSpace(c);
                    case 'S': return !char.IsWhiteSpace(c);
                    default: return false;
                }
            }
        }

        // ---- Compiler: section name -> automaton ---------------------------------------------------------------

        /// <summary>
        /// Thompson's construction: each fragment has one entry and a list of dangling exits that the next fragment
        /// patches (a split's dangling exit is its alternative, any other node's is its next node).
        /// </summary>
        private sealed class Builder
        {
            private readonly string _pattern;
            private readonly List<Node> _nodes = new List<Node>();
            private readonly List<(int, int)> _ranges = new List<(int, int)>();
            private int _pos;
            private bool _invalid;

            public Builder(string pattern)
            {
                _pattern = pattern;
            }

            public SectionGlob? Build()
            {
                // A name without '/' matches the file name in any folder below the configuration; one with a '/' is
                // anchored at the configuration folder.
                var fragment = Empty();
                if (_pattern.IndexOf('/') < 0)
                {
                    fragment = Concat(fragment, Star(Single(NodeKind.AnyButNewline)));
                    fragment = Concat(fragment, Literal('/'));
                }
                else if (_pattern[0] != '/')
                {
                    fragment = Concat(fragment, Literal('/'));
                }
                var body = ParsePathList(parsingChoice: false, depth: 0, out var stop);
                if (body == null || _invalid || stop != Stop.End) return null;
                fragment = Concat(fragment, body);
                int match = Add(new Node { Kind = NodeKind.Match });
                Patch(fragment.Exits, match);
                return new SectionGlob(_nodes.ToArray(), fragment.Start, _ranges.ToArray());
            }

            private enum Stop { End, Comma, CloseCurly }

            private Fragment? ParsePathList(bool parsingChoice, int depth, out Stop stop)
            {
                stop = Stop.End;
                var fragment = Empty();
                while (_pos < _pattern.Length)
                {
                    char c = _pattern[_pos];
                    switch (c)
                    {
                        case '*':
                            if (_pos + 1 < _pattern.Length && _pattern[_pos + 1] == '*')
                            {
                                _pos += 2;
                                fragment = Concat(fragment, Star(Single(NodeKind.AnyButNewline)));
                            }
                            else
                            {
                                _pos++;
                                fragment = Concat(fragment, Star(Single(NodeKind.AnyButSlash)));
                            }
                            break;
                        case '?':
                            _pos++;
                            fragment = Concat(fragment, Single(NodeKind.AnyButNewline));
                            break;
                        case ',':
                            _pos++;
                            stop = Stop.Comma;
                            return parsingChoice ? fragment : null;
                        case '}':
                            _pos++;
                            stop = Stop.CloseCurly;
                            return parsingChoice ? fragment : null;
                        case '[':
                            _pos++;
                            var cls = ParseCharClass();
                            if (cls == null) return null;
                            fragment = Concat(fragment, cls);
                            break;
                        case '{':
                            var range = TryParseNumberRange();
                            if (_invalid) return null;
                            if (range != null)
                            {
                                fragment = Concat(fragment, range);
                                break;
                            }
                            if (depth + 1 > MaxNesting) return null;
                            var choice = ParseChoice(depth + 1);
                            if (choice == null) return null;
                            fragment = Concat(fragment, choice);
                            break;
                        case '\\':
                            _pos++;
                            if (_pos >= _pattern.Length) return null;
                            fragment = Concat(fragment, Literal(_pattern[_pos]));
                            _pos++;
                            break;
                        default:
                            fragment = Concat(fragment, Literal(c));
                            _pos++;
                            break;
                    }
                }
                // A choice must end with '}'.
                return parsingChoice ? null : fragment;
            }

            /// <summary><c>{a,b,c}</c>: alternatives tried left to right.</summary>
            private Fragment? ParseChoice(int depth)
            {
                _pos++; // '{'
                var branches = new List<Fragment>();
                while (true)
                {
                    var branch = ParsePathList(parsingChoice: true, depth, out var stop);
                    if (branch == null) return null;
                    branches.Add(branch);
                    if (stop == Stop.CloseCurly) break;
                    if (stop != Stop.Comma) return null;
                }
                // A chain of splits: branch 1 preferred, else the next split, and so on; the last branch needs none.
                var exits = new List<int>();
                foreach (var branch in branches) exits.AddRange(branch.Exits);
                int entry = branches[branches.Count - 1].Start;
                for (int i = branches.Count - 2; i >= 0; i--)
                    entry = Add(new Node { Kind = NodeKind.Split, Next = branches[i].Start, Alternative = entry });
                return new Fragment(entry, exits);
            }

            /// <summary><c>{n1..n2}</c>: any integer (captured), checked against the range after the match.</summary>
            private Fragment? TryParseNumberRange()
            {
                int saved = _pos;
                _pos++; // '{'
                string? first = LexNumber();
                if (first == null || !Eat('.') || !Eat('.'))
                {
                    _pos = saved;
                    return null;
                }
                string? second = LexNumber();
                if (second == null || _pos >= _pattern.Length || _pattern[_pos] != '}')
                {
                    _pos = saved;
                    return null;
                }
                _pos++;
                if (!int.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int a)
                    || !int.TryParse(second, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int b))
                {
                    // The compiler rejects the whole section then.
                    _invalid = true;
                    return null;
                }
                int group = _ranges.Count;
                _ranges.Add(a < b ? (a, b) : (b, a));
                // (-?[0-9]+) between two capture marks, both greedy.
                var open = Single(NodeKind.Save, 2 * group);
                var sign = Optional(Literal('-'));
                var digits = Plus(Single(NodeKind.Digit));
                var close = Single(NodeKind.Save, 2 * group + 1);
                return Concat(Concat(Concat(open, sign), digits), close);
            }

            private string? LexNumber()
            {
                int start = _pos;
                if (_pos < _pattern.Length && _pattern[_pos] == '-') _pos++;
                int digitsStart = _pos;
                while (_pos < _pattern.Length && char.IsDigit(_pattern[_pos])) _pos++;
                if (_pos == digitsStart) return null;
                return _pattern.Substring(start, _pos - start);
            }

            private bool Eat(char c)
            {
                if (_pos < _pattern.Length && _pattern[_pos] == c)
                {
                    _pos++;
                    return true;
                }
                return false;
            }

            /// <summary>After '[': up to the closing ']'. A leading '!' negates; '-' between two characters is a range.</summary>
            private Fragment? ParseCharClass()
            {
                var cls = new CharClass();
                if (_pos < _pattern.Length && _pattern[_pos] == '!')
                {
                    cls.Negated = true;
                    _pos++;
                }
                // Items as the regular expression sees them: a character, a verbatim '-', or a shorthand (\d, \w, \s).
                var items = new List<(char Value, bool IsDash, bool IsShorthand)>();
                bool closed = false;
                while (_pos < _pattern.Length)
                {
                    char c = _pattern[_pos++];
                    if (c == ']')
                    {
                        closed = true;
                        break;
                    }
                    if (c == '-')
                    {
                        items.Add(('-', true, false));
                    }
                    else if (c == '\\')
                    {
                        if (_pos >= _pattern.Length) return null;
                        char escaped = _pattern[_pos++];
                        items.Add((escaped, false, "dDwWsS".IndexOf(escaped) >= 0));
                    }
                    else
                    {
                        items.Add((c, false, false));
                    }
                }
                // An empty class ("[]", "[!]") is not a valid expression.
                if (!closed || items.Count == 0) return null;
                for (int i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (item.IsShorthand)
                    {
                        cls.Shorthands.Add(item.Value);
                        continue;
                    }
                    bool isRange = !item.IsDash && i + 2 < items.Count && items[i + 1].IsDash && !items[i + 2].IsShorthand;
                    if (isRange)
                    {
                        char to = items[i + 2].Value;
                        if (to < item.Value) return null; // a reversed range is an invalid expression
                        cls.Ranges.Add((item.Value, to));
                        i += 2;
                    }
                    else
                    {
                        cls.Ranges.Add((item.Value, item.Value));
                    }
                }
                int index = Add(new Node { Kind = NodeKind.Class, Class = cls });
                return new Fragment(index, new List<int> { index });
            }

            // ---- fragments ----

            private int Add(Node node)
            {
                _nodes.Add(node);
                return _nodes.Count - 1;
            }

            /// <summary>Matches the empty string (an empty choice branch, the start of a list).</summary>
            private Fragment Empty()
            {
                int index = Add(new Node { Kind = NodeKind.Epsilon });
                return new Fragment(index, new List<int> { index });
            }

            private Fragment Literal(char c)
            {
                int index = Add(new Node { Kind = NodeKind.Char, Char = c });
                return new Fragment(index, new List<int> { index });
            }

            private Fragment Single(NodeKind kind, int slot = 0)
            {
                int index = Add(new Node { Kind = kind, Slot = slot });
                return new Fragment(index, new List<int> { index });
            }

            /// <summary>Greedy x*: try one more x before leaving.</summary>
            private Fragment Star(Fragment inner)
            {
                int split = Add(new Node { Kind = NodeKind.Split, Next = inner.Start });
                Patch(inner.Exits, split);
                return new Fragment(split, new List<int> { split });
            }

            /// <summary>Greedy x+.</summary>
            private Fragment Plus(Fragment inner)
            {
                int split = Add(new Node { Kind = NodeKind.Split, Next = inner.Start });
                Patch(inner.Exits, split);
                return new Fragment(inner.Start, new List<int> { split });
            }

            /// <summary>Greedy x?.</summary>
            private Fragment Optional(Fragment inner)
            {
                int split = Add(new Node { Kind = NodeKind.Split, Next = inner.Start });
                var exits = new List<int>(inner.Exits) { split };
                return new Fragment(split, exits);
            }

            private Fragment Concat(Fragment first, Fragment second)
            {
                Patch(first.Exits, second.Start);
                return new Fragment(first.Start, second.Exits);
            }

            private void Patch(List<int> exits, int target)
            {
                foreach (int exit in exits)
                {
                    var node = _nodes[exit];
                    if (node.Kind == NodeKind.Split) node.Alternative = target;
                    else node.Next = target;
                }
            }
        }

        private sealed class Fragment
        {
            public Fragment(int start, List<int> exits)
            {
                Start = start;
                Exits = exits;
            }

            public int Start { get; }
            public List<int> Exits { get; }
        }
    }
}
