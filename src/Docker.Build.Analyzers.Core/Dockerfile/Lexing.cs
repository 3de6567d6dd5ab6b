using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Docker's word rules: whitespace splits words, quotes group them, the escape character escapes.</summary>
    public static class Lexing
    {
        public static bool IsWhiteSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';

        /// <summary>Splits arguments into words the way Docker's word processing does (quotes kept in <see cref="Word.Raw"/>).</summary>
        public static List<Word> SplitWords(MappedText text, char escape)
        {
            var words = new List<Word>();
            string s = text.Value;
            int i = 0, n = s.Length;
            StringBuilder? sb = null;
            while (i < n)
            {
                while (i < n && IsWhiteSpace(s[i])) i++;
                if (i >= n) break;
                words.Add(ReadWordAt(text, s, i, escape, ref sb, out i));
            }
            return words;
        }

        /// <summary>Reads the single word that starts at <paramref name="start"/> (no leading white space).</summary>
        public static Word ReadWord(MappedText text, int start, char escape, out int end)
        {
            StringBuilder? sb = null;
            return ReadWordAt(text, text.Value, start, escape, ref sb, out end);
        }

        private static Word ReadWordAt(MappedText text, string s, int start, char escape, ref StringBuilder? sb, out int end)
        {
            // Most words have no quotes or escapes: their value is their raw text, found without a builder.
            int i = start;
            while (i < s.Length && !IsWhiteSpace(s[i]))
            {
                char c = s[i];
                if (c == escape || c == '\'' || c == '"') break;
                i++;
            }
            if (i == s.Length || IsWhiteSpace(s[i]))
            {
                end = i;
                var plain = text.Slice(start, i - start);
                return new Word(plain, plain.Value);
            }
            sb ??= new StringBuilder();
            sb.Clear();
            end = ScanWord(s, start, escape, sb, stopAtWhiteSpace: true);
            return new Word(text.Slice(start, end - start), sb.ToString());
        }

        /// <summary>The value of one word: quotes removed, escapes resolved, variables left as they are.</summary>
        public static string Unquote(string raw, char escape)
        {
            // Nothing to remove: the value is the raw text itself.
            if (raw.IndexOf(escape) < 0 && raw.IndexOf('"') < 0 && raw.IndexOf('\'') < 0) return raw;
            var sb = new StringBuilder(raw.Length);
            ScanWord(raw, 0, escape, sb, stopAtWhiteSpace: false);
            return sb.ToString();
        }

        /// <summary>Makes a single word of a whole text (for <c>WORKDIR</c>, <c>MAINTAINER</c>, legacy <c>ENV</c> values).</summary>
        public static Word WholeWord(MappedText text, char escape)
        {
            var trimmed = text.Trim();
            return new Word(trimmed, Unquote(trimmed.Value, escape));
        }

        private static int ScanWord(string s, int i, char escape, StringBuilder sb, bool stopAtWhiteSpace)
        {
            int n = s.Length;
            while (i < n)
            {
                char c = s[i];
                if (stopAtWhiteSpace && IsWhiteSpace(c)) break;
                if (c == escape)
                {
                    if (i + 1 < n) { sb.Append(s[i + 1]); i += 2; }
                    else { sb.Append(c); i++; }
                    continue;
                }
                if (c == '\'')
                {
                    i++;
                    while (i < n && s[i] != '\'') sb.Append(s[i++]);
                    if (i < n) i++;
                    continue;
                }
                if (c == '"')
                {
                    i++;
                    while (i < n && s[i] != '"')
                    {
                        if (s[i] == escape && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == escape || s[i + 1] == '$'))
                        {
                            sb.Append(s[i + 1]);
                            i += 2;
                            continue;
                        }
                        sb.Append(s[i++]);
                    }
                    if (i < n) i++;
                    continue;
                }
                sb.Append(c);
                i++;
            }
            return i;
        }

        /// <summary>
        /// Parses a JSON array of strings (the exec form). Returns false for anything else, which Docker then treats
        /// as shell form.
        /// </summary>
        public static bool TryParseJsonArray(MappedText text, out List<Word> elements)
        {
            elements = new List<Word>();
            string s = text.Value;
            int i = 0, n = s.Length;
            SkipWs(s, ref i);
            if (i >= n || s[i] != '[') return false;
            i++;
            SkipWs(s, ref i);
            if (i < n && s[i] == ']')
            {
                i++;
                SkipWs(s, ref i);
                return i == n;
            }
            var sb = new StringBuilder();
            while (true)
            {
                SkipWs(s, ref i);
                if (i >= n || s[i] != '"') return false;
                int start = i;
                i++;
                sb.Clear();
                bool closed = false;
                while (i < n)
                {
                    char c = s[i];
                    if (c == '"') { closed = true; i++; break; }
                    if (c < 0x20) return false;
                    if (c == '\\')
                    {
                        if (i + 1 >= n) return false;
                        char e = s[i + 1];
                        switch (e)
                        {
                            case '"': sb.Append('"'); break;
                            case '\\': sb.Append('\\'); break;
                            case '/': sb.Append('/'); break;
                            case 'b': sb.Append('\b'); break;
                            case 'f': sb.Append('\f'); break;
                            case 'n': sb.Append('\n'); break;
                            case 'r': sb.Append('\r'); break;
                            case 't': sb.Append('\t'); break;
                            case 'u':
                                if (i + 6 > n) return false;
                                if (!int.TryParse(s.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code)) return false;
                                sb.Append((char)code);
                                i += 6;
                                continue;
                            default: return false;
                        }
                        i += 2;
                        continue;
                    }
                    sb.Append(c);
                    i++;
                }
                if (!closed) return false;
                elements.Add(new Word(text.Slice(start, i - start), sb.ToString()));
                SkipWs(s, ref i);
                if (i >= n) return false;
                if (s[i] == ',') { i++; continue; }
                if (s[i] == ']')
                {
                    i++;
                    SkipWs(s, ref i);
                    return i == n;
                }
                return false;
            }
        }

        private static void SkipWs(string s, ref int i)
        {
            while (i < s.Length && IsWhiteSpace(s[i])) i++;
        }
    }
}
