using System.Collections.Generic;
using System.Text;

namespace Docker.Build.Analyzers.Compose
{
    /// <summary>What Compose interpolation makes of a value, without knowing the environment.</summary>
    public sealed class InterpolatedValue
    {
        internal static readonly InterpolatedValue Empty = new InterpolatedValue(false, "", System.Array.Empty<string>());

        internal InterpolatedValue(bool hasVariables, string? valueWithDefaults, IReadOnlyList<string> variables)
        {
            HasVariables = hasVariables;
            ValueWithDefaults = valueWithDefaults;
            Variables = variables;
        }

        /// <summary>The value uses at least one variable.</summary>
        public bool HasVariables { get; }

        /// <summary>
        /// The value with every variable replaced by its default (<c>${A:-x}</c>, <c>${A-x}</c>) and <c>$$</c> by
        /// <c>$</c>; null when some variable has no default (<c>$A</c>, <c>${A:?err}</c>, <c>${A:+alt}</c>).
        /// </summary>
        public string? ValueWithDefaults { get; }

        /// <summary>The names of the variables used, in order (nested ones included).</summary>
        public IReadOnlyList<string> Variables { get; }
    }

    /// <summary>
    /// Compose's interpolation syntax: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
    /// <c>${VAR:?error}</c>, <c>${VAR?error}</c>, <c>${VAR:+alt}</c>, <c>${VAR+alt}</c>, nested defaults, <c>$$</c> for
    /// a literal <c>$</c>. Names are <c>[_a-zA-Z][_a-zA-Z0-9]*</c>.
    /// </summary>
    public static class ComposeInterpolation
    {
        /// <summary>Deeper nesting of defaults is read as an unknown value rather than followed.</summary>
        public const int MaxNesting = 16;

        public static InterpolatedValue Analyze(string value)
        {
            if (string.IsNullOrEmpty(value) || value.IndexOf('$') < 0)
                return value.Length == 0 ? InterpolatedValue.Empty : new InterpolatedValue(false, value, System.Array.Empty<string>());
            var variables = new List<string>();
            int i = 0;
            var result = Parse(value, ref i, false, 0, variables, out bool unknown);
            return new InterpolatedValue(variables.Count > 0, unknown ? null : result, variables);
        }

        private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        private static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

        /// <summary>Reads up to the end (or the closing brace of a default when <paramref name="inBraces"/>).</summary>
        private static string Parse(string s, ref int i, bool inBraces, int depth, List<string> variables, out bool unknown)
        {
            unknown = false;
            var sb = new StringBuilder();
            while (i < s.Length)
            {
                char c = s[i];
                if (inBraces && c == '}') return sb.ToString();
                if (c != '$' || i + 1 >= s.Length)
                {
                    sb.Append(c);
                    i++;
                    continue;
                }
                char next = s[i + 1];
                if (next == '$')
                {
                    sb.Append('$');
                    i += 2;
                    continue;
                }
                if (IsNameStart(next))
                {
                    int start = i + 1, end = start;
                    while (end < s.Length && IsNameChar(s[end])) end++;
                    variables.Add(s.Substring(start, end - start));
                    unknown = true;
                    i = end;
                    continue;
                }
                if (next != '{')
                {
                    sb.Append(c);
                    i++;
                    continue;
                }
                // ${NAME[op value]}
                int nameStart = i + 2, nameEnd = nameStart;
                while (nameEnd < s.Length && IsNameChar(s[nameEnd])) nameEnd++;
                if (nameEnd == nameStart || !IsNameStart(s[nameStart]) || nameEnd >= s.Length)
                {
                    // Not a valid reference (Compose rejects it); keep the text as it is.
                    sb.Append(c);
                    i++;
                    continue;
                }
                variables.Add(s.Substring(nameStart, nameEnd - nameStart));
                int p = nameEnd;
                if (s[p] == '}')
                {
                    unknown = true;
                    i = p + 1;
                    continue;
                }
                bool colon = s[p] == ':';
                if (colon) p++;
                if (p >= s.Length || (s[p] != '-' && s[p] != '?' && s[p] != '+'))
                {
                    sb.Append(c);
                    i++;
                    continue;
                }
                char op = s[p];
                p++;
                if (depth >= MaxNesting)
                {
                    unknown = true;
                    i = SkipToClosingBrace(s, p);
                    continue;
                }
                int q = p;
                string inner = Parse(s, ref q, true, depth + 1, variables, out bool innerUnknown);
                i = q < s.Length ? q + 1 : q; // past the closing brace
                if (op == '-')
                {
                    sb.Append(inner);
                    if (innerUnknown) unknown = true;
                }
                else
                {
                    // ?: fails when unset; +: the alternative only when set. Either way the value depends on the environment.
                    unknown = true;
                }
            }
            return sb.ToString();
        }

        private static int SkipToClosingBrace(string s, int p)
        {
            int open = 1;
            while (p < s.Length)
            {
                if (s[p] == '{') open++;
                else if (s[p] == '}' && --open == 0) return p + 1;
                p++;
            }
            return p;
        }
    }
}
