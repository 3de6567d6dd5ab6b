using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Docker's word rules: whitespace splits words, quotes group them, the escape character escapes.</summary>
    /// <remarks>
    /// The scanners work on the string that underlies a <see cref="MappedText"/> (often the whole source) between
    /// two offsets, so that nothing is cut but the values that differ from their raw text.
    /// </remarks>
    public static class Lexing
    {
        public static bool IsWhiteSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';

        /// <summary>Splits arguments into words the way Docker's word processing does (quotes kept in <see cref="Word.Raw"/>).</summary>
        public static List<Word> SplitWords(MappedText text, char escape)
        {
            var words = new List<Word>();
            StringBuilder? sb = null;
            SplitWords(text, escape, words, ref sb);
            return words;
        }

        /// <summary>Adds the words of <paramref name="text"/> to <paramref name="words"/>; <paramref name="sb"/> is scratch space, created when first needed.</summary>
        internal static void SplitWords(MappedText text, char escape, List<Word> words, ref StringBuilder? sb)
        {
            string s = text.UnderlyingString;
            int i = text.UnderlyingStart, n = i + text.Length;
            while (i < n)
            {
                while (i < n && IsWhiteSpace(s[i])) i++;
                if (i >= n) break;
                words.Add(ReadWordAt(text, s, i, n, escape, ref sb, out i));
            }
        }

        /// <summary>Reads the single word that starts at <paramref name="start"/> (no leading white space).</summary>
        public static Word ReadWord(MappedText text, int start, char escape, out int end)
        {
            StringBuilder? sb = null;
            return ReadWord(text, start, escape, ref sb, out end);
        }

        /// <summary><see cref="ReadWord(MappedText, int, char, out int)"/> with scratch space for words with quotes or escapes.</summary>
        internal static Word ReadWord(MappedText text, int start, char escape, ref StringBuilder? sb, out int end)
        {
            int b = text.UnderlyingStart;
            var word = ReadWordAt(text, text.UnderlyingString, b + start, b + text.Length, escape, ref sb, out end);
            end -= b;
            return word;
        }

        /// <summary>
        /// Reads the word at offset <paramref name="start"/> of <paramref name="s"/>, the underlying string of
        /// <paramref name="text"/>, which ends at offset <paramref name="n"/>; <paramref name="end"/> is an offset of <paramref name="s"/> too.
        /// </summary>
        private static Word ReadWordAt(MappedText text, string s, int start, int n, char escape, ref StringBuilder? sb, out int end)
        {
            int b = text.UnderlyingStart;
            // Most words have no quotes or escapes: their value is their raw text, found without a builder.
            int i = start;
            while (i < n && !IsWhiteSpace(s[i]))
            {
                char c = s[i];
                if (c == escape || c == '\'' || c == '"') break;
                i++;
            }
            if (i == n || IsWhiteSpace(s[i]))
            {
                end = i;
                return new Word(text, start - b, i - start, null);
            }
            sb ??= new StringBuilder();
            sb.Clear();
            end = ScanWord(s, start, n, escape, sb, stopAtWhiteSpace: true);
            return new Word(text, start - b, end - start, sb.ToString());
        }

        /// <summary>The value of one word: quotes removed, escapes resolved, variables left as they are.</summary>
        public static string Unquote(string raw, char escape)
        {
            StringBuilder? sb = null;
            return UnquoteOrNull(raw, 0, raw.Length, escape, ref sb) ?? raw;
        }

        /// <summary>
        /// The value of the word <c>s[start..start+length)</c>, or null when it has no quotes or escapes (its value is
        /// its raw text).
        /// </summary>
        internal static string? UnquoteOrNull(string s, int start, int length, char escape, ref StringBuilder? sb)
        {
            int end = start + length;
            int i = start;
            while (i < end)
            {
                char c = s[i];
                if (c == escape || c == '"' || c == '\'') break;
                i++;
            }
            if (i == end) return null;
            sb ??= new StringBuilder(length);
            sb.Clear();
            ScanWord(s, start, end, escape, sb, stopAtWhiteSpace: false);
            return sb.ToString();
        }

        /// <summary>
        /// The word made of <paramref name="length"/> characters of <paramref name="container"/> from
        /// <paramref name="start"/>: its value computed only if quotes or escapes make it differ from the raw text.
        /// </summary>
        internal static Word MakeWord(MappedText container, int start, int length, char escape, ref StringBuilder? sb)
        {
            string? value = UnquoteOrNull(container.UnderlyingString, container.UnderlyingStart + start, length, escape, ref sb);
            return new Word(container, start, length, value);
        }

        /// <summary>Makes a single word of a whole text (for <c>WORKDIR</c>, <c>MAINTAINER</c>, legacy <c>ENV</c> values).</summary>
        public static Word WholeWord(MappedText text, char escape)
        {
            StringBuilder? sb = null;
            return WholeWord(text, escape, ref sb);
        }

        /// <summary><see cref="WholeWord(MappedText, char)"/> with scratch space.</summary>
        internal static Word WholeWord(MappedText text, char escape, ref StringBuilder? sb)
        {
            // The bounds of text.Trim(), without a view of their own.
            int start = 0, end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            return MakeWord(text, start, end - start, escape, ref sb);
        }

        /// <summary>Appends the value of the word at <paramref name="i"/> to <paramref name="sb"/>; returns where it ends (at most <paramref name="n"/>).</summary>
        private static int ScanWord(string s, int i, int n, char escape, StringBuilder sb, bool stopAtWhiteSpace)
        {
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
                    int from = i;
                    while (i < n && s[i] != '\'') i++;
                    sb.Append(s, from, i - from);
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
            StringBuilder? sb = null;
            return TryParseJsonArray(text, elements, ref sb);
        }

        /// <summary>
        /// <see cref="TryParseJsonArray(MappedText, out List{Word})"/> adding the elements to <paramref name="elements"/>
        /// (also those read before a failure).
        /// </summary>
        internal static bool TryParseJsonArray(MappedText text, List<Word> elements, ref StringBuilder? sb)
        {
            string s = text.UnderlyingString;
            int b = text.UnderlyingStart;
            int i = b, n = b + text.Length;
            SkipWs(s, ref i, n);
            if (i >= n || s[i] != '[') return false;
            i++;
            SkipWs(s, ref i, n);
            if (i < n && s[i] == ']')
            {
                i++;
                SkipWs(s, ref i, n);
                return i == n;
            }
            while (true)
            {
                SkipWs(s, ref i, n);
                if (i >= n || s[i] != '"') return false;
                int start = i;
                i++;
                // Characters are copied to the builder only once an escape shows the value differs from the raw text.
                bool escaped = false;
                bool closed = false;
                while (i < n)
                {
                    char c = s[i];
                    if (c == '"') { closed = true; i++; break; }
                    if (c < 0x20) return false;
                    if (c == '\\')
                    {
                        if (!escaped)
                        {
                            sb ??= new StringBuilder();
                            sb.Clear();
                            sb.Append(s, start + 1, i - start - 1);
                            escaped = true;
                        }
                        if (i + 1 >= n) return false;
                        char e = s[i + 1];
                        switch (e)
                        {
                            case '"': sb!.Append('"'); break;
                            case '\\': sb!.Append('\\'); break;
                            case '/': sb!.Append('/'); break;
                            case 'b': sb!.Append('\b'); break;
                            case 'f': sb!.Append('\f'); break;
                            case 'n': sb!.Append('\n'); break;
                            case 'r': sb!.Append('\r'); break;
                            case 't': sb!.Append('\t'); break;
                            case 'u':
                                if (i + 6 > n) return false;
                                if (!int.TryParse(s.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code)) return false;
                                sb!.Append((char)code);
                                i += 6;
                                continue;
                            default: return false;
                        }
                        i += 2;
                        continue;
                    }
                    if (escaped) sb!.Append(c);
                    i++;
                }
                if (!closed) return false;
                string value = escaped ? sb!.ToString() : s.Substring(start + 1, i - start - 2);
                elements.Add(new Word(text, start - b, i - start, value));
                SkipWs(s, ref i, n);
                if (i >= n) return false;
                if (s[i] == ',') { i++; continue; }
                if (s[i] == ']')
                {
                    i++;
                    SkipWs(s, ref i, n);
                    return i == n;
                }
                return false;
            }
        }

        private static void SkipWs(string s, ref int i, int n)
        {
            while (i < n && IsWhiteSpace(s[i])) i++;
        }
    }
}
