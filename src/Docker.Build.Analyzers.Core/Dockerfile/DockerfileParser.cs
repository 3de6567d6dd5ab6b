using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>
    /// Parses Dockerfile text the way Docker's frontend reads it: parser directives only at the top, comment lines
    /// (also between continuation lines), continuations with the active escape character, heredocs, exec and shell
    /// forms, flags and key/value pairs. Never throws for bad input: errors are collected with their spans.
    /// </summary>
    public static class DockerfileParser
    {
        private static readonly Dictionary<string, InstructionKind> Keywords = new Dictionary<string, InstructionKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["FROM"] = InstructionKind.From,
            ["RUN"] = InstructionKind.Run,
            ["CMD"] = InstructionKind.Cmd,
            ["LABEL"] = InstructionKind.Label,
            ["MAINTAINER"] = InstructionKind.Maintainer,
            ["EXPOSE"] = InstructionKind.Expose,
            ["ENV"] = InstructionKind.Env,
            ["ADD"] = InstructionKind.Add,
            ["COPY"] = InstructionKind.Copy,
            ["ENTRYPOINT"] = InstructionKind.Entrypoint,
            ["VOLUME"] = InstructionKind.Volume,
            ["USER"] = InstructionKind.User,
            ["WORKDIR"] = InstructionKind.Workdir,
            ["ARG"] = InstructionKind.Arg,
            ["ONBUILD"] = InstructionKind.Onbuild,
            ["STOPSIGNAL"] = InstructionKind.Stopsignal,
            ["HEALTHCHECK"] = InstructionKind.Healthcheck,
            ["SHELL"] = InstructionKind.Shell,
        };

        private static readonly HashSet<string> KnownDirectives = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "syntax", "escape", "check" };

        public static DockerfileSyntax Parse(string text, string path = "") => Parse(SourceText.From(text, path));

        public static DockerfileSyntax Parse(SourceText source)
        {
            var state = new ParserState(source);
            state.Run();
            return new DockerfileSyntax(source, state.Escape, state.Elements, state.Errors);
        }

        internal static bool TryGetKind(string keyword, out InstructionKind kind) => Keywords.TryGetValue(keyword, out kind);

        private static bool TryGetCanonical(string text, int length, out string canonical)
        {
            foreach (var name in Keywords.Keys)
            {
                if (name.Length == length && string.CompareOrdinal(text, 0, name, 0, length) == 0)
                {
                    canonical = name;
                    return true;
                }
            }
            canonical = "";
            return false;
        }

        private readonly struct PhysicalLine
        {
            public PhysicalLine(int start, int contentEnd, int fullEnd)
            {
                Start = start;
                ContentEnd = contentEnd;
                FullEnd = fullEnd;
            }

            public int Start { get; }

            /// <summary>End of the line without its line break.</summary>
            public int ContentEnd { get; }

            /// <summary>End of the line with its line break.</summary>
            public int FullEnd { get; }
        }

        private sealed class ParserState
        {
            private readonly SourceText _source;
            private readonly string _text;
            private readonly List<PhysicalLine> _lines;

            public ParserState(SourceText source)
            {
                _source = source;
                _text = source.Text;
                _lines = SplitLines(_text);
            }

            public char Escape { get; private set; } = '\\';
            public List<DockerfileElement> Elements { get; } = new List<DockerfileElement>();
            public List<ParseError> Errors { get; } = new List<ParseError>();

            public void Run()
            {
                int i = ParseDirectives();
                bool seenFrom = false;
                while (i < _lines.Count)
                {
                    var line = _lines[i];
                    if (IsBlank(line))
                    {
                        Elements.Add(new BlankLine(TextSpan.FromBounds(line.Start, line.FullEnd)));
                        i++;
                        continue;
                    }
                    if (IsComment(line, out int hash))
                    {
                        Elements.Add(MakeComment(line, hash));
                        i++;
                        continue;
                    }
                    var instruction = ParseInstructionAt(ref i);
                    if (instruction.Kind == InstructionKind.From) seenFrom = true;
                    else if (!seenFrom && instruction.Kind != InstructionKind.Arg && instruction.Kind != InstructionKind.Unknown)
                        Errors.Add(new ParseError($"{instruction.Name} comes before the first FROM; only ARG may precede FROM (no build stage in context)", instruction.Keyword.Span));
                    Elements.Add(instruction);
                }
                if (!seenFrom && Errors.Count == 0)
                {
                    var at = Elements.Count > 0 ? new TextSpan(0, 0) : new TextSpan(0, 0);
                    Errors.Add(new ParseError("the Dockerfile has no FROM instruction", at));
                }
            }

            private static List<PhysicalLine> SplitLines(string text)
            {
                var lines = new List<PhysicalLine>();
                int start = 0;
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c == '\n' || c == '\r')
                    {
                        int contentEnd = i;
                        if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                        lines.Add(new PhysicalLine(start, contentEnd, i + 1));
                        start = i + 1;
                    }
                }
                if (start < text.Length) lines.Add(new PhysicalLine(start, text.Length, text.Length));
                return lines;
            }

            private bool IsBlank(PhysicalLine line)
            {
                for (int i = line.Start; i < line.ContentEnd; i++)
                    if (!Lexing.IsWhiteSpace(_text[i])) return false;
                return true;
            }

            private bool IsComment(PhysicalLine line, out int hash)
            {
                hash = line.Start;
                while (hash < line.ContentEnd && Lexing.IsWhiteSpace(_text[hash])) hash++;
                return hash < line.ContentEnd && _text[hash] == '#';
            }

            private Comment MakeComment(PhysicalLine line, int hash)
            {
                int end = TrimEnd(hash, line.ContentEnd);
                string text = _text.Substring(hash + 1, end - hash - 1).Trim();
                return new Comment(TextSpan.FromBounds(line.Start, line.FullEnd), TextSpan.FromBounds(hash, end), text);
            }

            private int TrimEnd(int start, int end)
            {
                while (end > start && Lexing.IsWhiteSpace(_text[end - 1])) end--;
                return end;
            }

            private int SkipSpaces(int i, int end)
            {
                while (i < end && Lexing.IsWhiteSpace(_text[i])) i++;
                return i;
            }

            /// <summary>Directives are read only from the first lines, until the first line that is not a known directive.</summary>
            private int ParseDirectives()
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                int i = 0;
                for (; i < _lines.Count; i++)
                {
                    var line = _lines[i];
                    if (!IsComment(line, out int hash)) break;
                    int p = SkipSpaces(hash + 1, line.ContentEnd);
                    int nameStart = p;
                    while (p < line.ContentEnd && (char.IsLetterOrDigit(_text[p]) || _text[p] == '_')) p++;
                    int nameEnd = p;
                    if (nameEnd == nameStart) break;
                    p = SkipSpaces(p, line.ContentEnd);
                    if (p >= line.ContentEnd || _text[p] != '=') break;
                    string name = _text.Substring(nameStart, nameEnd - nameStart);
                    if (!KnownDirectives.Contains(name) || seen.Contains(name)) break;
                    seen.Add(name);
                    int valueStart = SkipSpaces(p + 1, line.ContentEnd);
                    int valueEnd = TrimEnd(valueStart, line.ContentEnd);
                    string value = _text.Substring(valueStart, valueEnd - valueStart);
                    var directive = new ParserDirective(
                        TextSpan.FromBounds(line.Start, line.FullEnd),
                        TextSpan.FromBounds(hash, valueEnd),
                        name.ToLowerInvariant(),
                        TextSpan.FromBounds(nameStart, nameEnd),
                        value,
                        TextSpan.FromBounds(valueStart, valueEnd));
                    if (directive.Name == "escape")
                    {
                        if (value == "\\" || value == "`") Escape = value[0];
                        else Errors.Add(new ParseError($"invalid escape character '{value}': it must be \\ or `", directive.ValueSpan));
                    }
                    Elements.Add(directive);
                }
                return i;
            }

            /// <summary>Reads one instruction: its first line, continuation lines (skipping comments and blank lines), then heredoc bodies.</summary>
            private Instruction ParseInstructionAt(ref int i)
            {
                int first = i;
                var builder = new MappedText.Builder(_lines[i].Start);
                List<Comment>? innerComments = null;
                List<TextSpan>? emptyContinuations = null;
                int segStart = SkipSpaces(_lines[i].Start, _lines[i].ContentEnd);
                int keywordStart = segStart;
                int contentEnd = segStart;
                int last = i;
                while (true)
                {
                    var line = _lines[last];
                    int segEnd = line.ContentEnd;
                    int escapeAt = FindContinuation(segStart, segEnd);
                    if (escapeAt < 0)
                    {
                        builder.Append(_source, segStart, segEnd - segStart);
                        contentEnd = TrimEnd(segStart, segEnd);
                        break;
                    }
                    builder.Append(_source, segStart, escapeAt - segStart);
                    contentEnd = escapeAt + 1;
                    int next = last + 1;
                    while (next < _lines.Count)
                    {
                        var l = _lines[next];
                        if (IsComment(l, out int hash)) { (innerComments ??= new List<Comment>()).Add(MakeComment(l, hash)); next++; continue; }
                        if (IsBlank(l)) { (emptyContinuations ??= new List<TextSpan>()).Add(TextSpan.FromBounds(l.Start, l.ContentEnd)); next++; continue; }
                        break;
                    }
                    if (next >= _lines.Count)
                    {
                        last = next - 1;
                        break;
                    }
                    last = next;
                    segStart = _lines[last].Start;
                }

                var logical = builder.ToMappedText();
                string value = logical.Value;
                int k = 0;
                while (k < value.Length && !Lexing.IsWhiteSpace(value[k])) k++;
                var keywordText = logical.Slice(0, k);
                // Keywords are nearly always written in capitals: reuse the canonical string then.
                string keywordValue = TryGetCanonical(value, k, out var canonical) ? canonical : keywordText.Value;
                var keyword = new Word(keywordText, keywordValue);
                int a = k;
                while (a < value.Length && Lexing.IsWhiteSpace(value[a])) a++;
                var arguments = logical.Slice(a).TrimEnd();

                var parts = new InstructionParts
                {
                    Keyword = keyword,
                    Arguments = arguments,
                    InnerComments = (IReadOnlyList<Comment>?)innerComments ?? Array.Empty<Comment>(),
                    EmptyContinuationLines = (IReadOnlyList<TextSpan>?)emptyContinuations ?? Array.Empty<TextSpan>(),
                };
                TryGetKind(keyword.Value, out parts.Kind);

                int spanEnd = contentEnd;
                if (parts.Kind == InstructionKind.Run || parts.Kind == InstructionKind.Copy || parts.Kind == InstructionKind.Add
                    || (parts.Kind == InstructionKind.Onbuild && StartsWithHeredocCapable(arguments.Value)))
                {
                    var heredocs = ReadHeredocs(arguments, ref last, ref spanEnd);
                    if (heredocs.Count > 0) parts.Heredocs = heredocs;
                }
                parts.Span = TextSpan.FromBounds(keywordStart, Math.Max(keywordStart, spanEnd));
                parts.FullSpan = TextSpan.FromBounds(_lines[first].Start, _lines[last].FullEnd);
                i = last + 1;
                return InstructionBuilder.Build(parts, Escape, Errors, nested: false);
            }

            private static bool StartsWithHeredocCapable(string args)
            {
                int k = 0;
                while (k < args.Length && !Lexing.IsWhiteSpace(args[k])) k++;
                string inner = args.Substring(0, k);
                return inner.Equals("RUN", StringComparison.OrdinalIgnoreCase)
                    || inner.Equals("COPY", StringComparison.OrdinalIgnoreCase)
                    || inner.Equals("ADD", StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>The index of the escape character that continues this line, or -1: the escape, then only spaces or tabs.</summary>
            private int FindContinuation(int start, int end)
            {
                int p = end;
                while (p > start && (_text[p - 1] == ' ' || _text[p - 1] == '\t')) p--;
                if (p > start && _text[p - 1] == Escape) return p - 1;
                return -1;
            }

            private List<Heredoc> ReadHeredocs(MappedText arguments, ref int last, ref int spanEnd)
            {
                var result = new List<Heredoc>();
                var markers = HeredocMarkers.Find(arguments, Escape);
                foreach (var marker in markers)
                {
                    int bodyFirst = last + 1;
                    int terminator = -1;
                    for (int j = bodyFirst; j < _lines.Count; j++)
                    {
                        var l = _lines[j];
                        int s = l.Start;
                        if (marker.StripsTabs) while (s < l.ContentEnd && _text[s] == '\t') s++;
                        if (l.ContentEnd - s == marker.Delimiter.Length && string.CompareOrdinal(_text, s, marker.Delimiter, 0, marker.Delimiter.Length) == 0)
                        {
                            terminator = j;
                            break;
                        }
                    }
                    int bodyStart = bodyFirst < _lines.Count ? _lines[bodyFirst].Start : _text.Length;
                    if (terminator < 0)
                    {
                        Errors.Add(new ParseError($"the heredoc {marker.Word.Raw} is never terminated by a line '{marker.Delimiter}'", marker.Word.Span));
                        var body = MappedText.FromSource(_source, TextSpan.FromBounds(bodyStart, _text.Length));
                        result.Add(new Heredoc(marker.Word, marker.Delimiter, marker.StripsTabs, marker.IsQuoted, body, new TextSpan(_text.Length, 0)));
                        if (_lines.Count > 0) last = _lines.Count - 1;
                        spanEnd = _text.Length;
                        break;
                    }
                    var term = _lines[terminator];
                    var bodySpan = TextSpan.FromBounds(bodyStart, term.Start);
                    result.Add(new Heredoc(marker.Word, marker.Delimiter, marker.StripsTabs, marker.IsQuoted,
                        MappedText.FromSource(_source, bodySpan), TextSpan.FromBounds(term.Start, term.ContentEnd)));
                    last = terminator;
                    spanEnd = term.ContentEnd;
                }
                return result;
            }
        }
    }

    /// <summary>Finds heredoc markers (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;"EOF"</c>, <c>3&lt;&lt;EOF</c>) among an instruction's words.</summary>
    internal static class HeredocMarkers
    {
        internal sealed class Marker
        {
            public Word Word = null!;
            public string Delimiter = "";
            public bool StripsTabs;
            public bool IsQuoted;
        }

        public static List<Marker> Find(MappedText arguments, char escape)
        {
            var result = new List<Marker>();
            if (arguments.Value.IndexOf("<<", StringComparison.Ordinal) < 0) return result;
            foreach (var word in Lexing.SplitWords(arguments, escape))
            {
                string raw = word.Raw;
                int p = 0;
                while (p < raw.Length && char.IsDigit(raw[p])) p++;
                if (p + 2 > raw.Length || raw[p] != '<' || raw[p + 1] != '<') continue;
                p += 2;
                bool strip = false;
                if (p < raw.Length && raw[p] == '-') { strip = true; p++; }
                string rest = raw.Substring(p);
                if (rest.Length == 0 || rest.IndexOf('<') >= 0) continue;
                bool quoted = rest.IndexOf('"') >= 0 || rest.IndexOf('\'') >= 0;
                string delimiter = Lexing.Unquote(rest, escape);
                if (delimiter.Length == 0) continue;
                result.Add(new Marker { Word = word, Delimiter = delimiter, StripsTabs = strip, IsQuoted = quoted });
            }
            return result;
        }
    }
}
