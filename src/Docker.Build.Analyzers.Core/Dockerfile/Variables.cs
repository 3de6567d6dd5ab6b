using System;
using System.Collections.Generic;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>A <c>$NAME</c> or <c>${NAME...}</c> reference in an instruction's text.</summary>
    public sealed class VariableReference
    {
        public VariableReference(string name, TextSpan span, string? modifier, string? word)
        {
            Name = name;
            Span = span;
            Modifier = modifier;
            Word = word;
        }

        public string Name { get; }

        /// <summary>The whole reference in the source, <c>$</c> to closing brace.</summary>
        public TextSpan Span { get; }

        /// <summary><c>:-</c>, <c>-</c>, <c>:+</c>, <c>+</c>, <c>:?</c>, <c>?</c>, <c>#</c>, <c>%</c>, <c>/</c>...; null for a plain reference.</summary>
        public string? Modifier { get; }

        public string? Word { get; }

        /// <summary>True when the reference supplies its own fallback (<c>${X:-default}</c>, <c>${X:+alt}</c>...), so an unset variable is intended.</summary>
        public bool HandlesUnset => Modifier != null && (Modifier.EndsWith("-", StringComparison.Ordinal) || Modifier.EndsWith("+", StringComparison.Ordinal) || Modifier.EndsWith("?", StringComparison.Ordinal));
    }

    /// <summary>Finds and expands variable references the way Docker's word processing does (not inside single quotes, <c>\$</c> escapes).</summary>
    public static class Variables
    {
        public static bool IsNameStart(char c) => c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        public static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

        public static List<VariableReference> Find(MappedText text, char escape)
        {
            var result = new List<VariableReference>();
            string s = text.Value;
            if (s.IndexOf('$') < 0) return result;
            bool inDouble = false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == escape) { i++; continue; }
                if (c == '"') { inDouble = !inDouble; continue; }
                if (c == '\'' && !inDouble)
                {
                    int close = s.IndexOf('\'', i + 1);
                    if (close < 0) break;
                    i = close;
                    continue;
                }
                if (c != '$' || i + 1 >= s.Length) continue;
                if (TryRead(s, i, out var name, out var modifier, out var word, out int end))
                {
                    result.Add(new VariableReference(name, text.ToSourceSpan(i, end - i), modifier, word));
                    i = end - 1;
                }
            }
            return result;
        }

        private static bool TryRead(string s, int dollar, out string name, out string? modifier, out string? word, out int end)
        {
            name = "";
            modifier = null;
            word = null;
            end = dollar + 1;
            int i = dollar + 1;
            if (s[i] == '{')
            {
                int j = i + 1;
                while (j < s.Length && IsNameChar(s[j])) j++;
                if (j == i + 1 || j >= s.Length) return false;
                name = s.Substring(i + 1, j - i - 1);
                if (s[j] == '}')
                {
                    end = j + 1;
                    return true;
                }
                int m = j;
                while (m < s.Length && m - j < 2 && (s[m] == ':' || s[m] == '-' || s[m] == '+' || s[m] == '?' || s[m] == '#' || s[m] == '%' || s[m] == '/')) m++;
                if (m == j) return false;
                modifier = s.Substring(j, m - j);
                int depth = 1;
                int k = m;
                for (; k < s.Length; k++)
                {
                    if (s[k] == '{') depth++;
                    else if (s[k] == '}' && --depth == 0) break;
                }
                if (k >= s.Length) return false;
                word = s.Substring(m, k - m);
                end = k + 1;
                return true;
            }
            if (!IsNameStart(s[i])) return false;
            int e = i;
            while (e < s.Length && IsNameChar(s[e])) e++;
            name = s.Substring(i, e - i);
            end = e;
            return true;
        }

        /// <summary>
        /// True when <see cref="Expand"/> would return the text unchanged: no reference, escape or quote in it
        /// (the common <c>/app</c>), so callers can skip the expansion and its buffer.
        /// </summary>
        public static bool IsLiteral(string raw, char escape)
        {
            foreach (char c in raw)
                if (c == '$' || c == escape || c == '"' || c == '\'') return false;
            return true;
        }

        /// <summary>
        /// Expands references with <paramref name="lookup"/> (null = undefined) and removes quotes. <paramref name="complete"/>
        /// is false when a value was unknown, so the result is only partly known.
        /// </summary>
        public static string Expand(string raw, char escape, Func<string, string?> lookup, out bool complete)
        {
            if (IsLiteral(raw, escape))
            {
                complete = true;
                return raw;
            }
            bool ok = true;
            string result = ExpandCore(raw, escape, lookup, ref ok, unquote: true);
            complete = ok;
            return result;
        }

        private static string ExpandCore(string s, char escape, Func<string, string?> lookup, ref bool ok, bool unquote)
        {
            var sb = new StringBuilder(s.Length);
            bool inDouble = false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == escape && i + 1 < s.Length)
                {
                    sb.Append(s[i + 1]);
                    i++;
                    continue;
                }
                if (unquote && c == '"') { inDouble = !inDouble; continue; }
                if (unquote && c == '\'' && !inDouble)
                {
                    int close = s.IndexOf('\'', i + 1);
                    if (close < 0) close = s.Length;
                    sb.Append(s, i + 1, close - i - 1);
                    i = close;
                    continue;
                }
                if (c == '$' && i + 1 < s.Length && TryRead(s, i, out var name, out var modifier, out var word, out int end))
                {
                    string? value = lookup(name);
                    switch (modifier)
                    {
                        case null:
                            if (value == null) ok = false;
                            sb.Append(value);
                            break;
                        case ":-":
                            sb.Append(string.IsNullOrEmpty(value) ? ExpandCore(word ?? "", escape, lookup, ref ok, false) : value);
                            break;
                        case "-":
                            sb.Append(value ?? ExpandCore(word ?? "", escape, lookup, ref ok, false));
                            break;
                        case ":+":
                            if (!string.IsNullOrEmpty(value)) sb.Append(ExpandCore(word ?? "", escape, lookup, ref ok, false));
                            break;
                        case "+":
                            if (value != null) sb.Append(ExpandCore(word ?? "", escape, lookup, ref ok, false));
                            break;
                        case ":?":
                        case "?":
                            if (value == null) ok = false;
                            sb.Append(value);
                            break;
                        default:
                            // Pattern removal and replacement (#, %, /) are not evaluated: the result is only partly known.
                            ok = false;
                            sb.Append(value);
                            break;
                    }
                    i = end - 1;
                    continue;
                }
                sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
