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

        /// <summary>The keywords as an array, scanned without a dictionary enumerator for every instruction.</summary>
        private static readonly KeyValuePair<string, InstructionKind>[] KeywordList = new List<KeyValuePair<string, InstructionKind>>(Keywords).ToArray();

        private static readonly HashSet<string> KnownDirectives = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "syntax", "escape", "check" };

        public static DockerfileSyntax Parse(string text, string path = "") => Parse(SourceText.From(text, path));

        public static DockerfileSyntax Parse(SourceText source)
        {
            var state = new ParserState(source);
            state.Run();
            return new DockerfileSyntax(source, state.Escape, state.Elements, state.Errors);
        }

        internal static bool TryGetKind(string keyword, out InstructionKind kind) => Keywords.TryGetValue(keyword, out kind);

        /// <summary>
        /// The keyword word of an instruction and its kind. Keywords are nearly always written in capitals: the
        /// word's value is then the canonical string, otherwise it is cut from the source when first asked for.
        /// </summary>
        internal static Word MakeKeyword(MappedText container, int start, int length, out InstructionKind kind)
        {
            string s = container.UnderlyingString;
            int at = container.UnderlyingStart + start;
            foreach (var pair in KeywordList)
            {
                string name = pair.Key;
                if (name.Length != length) continue;
                if (string.CompareOrdinal(s, at, name, 0, length) == 0)
                {
                    kind = pair.Value;
                    return new Word(container, start, length, name);
                }
                if (string.Compare(s, at, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    kind = pair.Value;
                    return new Word(container, start, length, null);
                }
            }
            kind = InstructionKind.Unknown;
            return new Word(container, start, length, null);
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

            // The physical lines are those of the source's line map (a text that ends with a line break has no
            // empty last line here), read from it on demand rather than copied.
            private readonly int[] _lineStarts;
            private readonly int _lineCount;

            // The logical line of the instruction being parsed, reused for every instruction of the file.
            private readonly MappedText.PieceCollector _logical;
            private InstructionContext _context = null!;

            public ParserState(SourceText source)
            {
                _source = source;
                _text = source.Text;
                _lineStarts = source.LineStarts;
                _lineCount = _lineStarts[_lineStarts.Length - 1] == _text.Length ? _lineStarts.Length - 1 : _lineStarts.Length;
                _logical = new MappedText.PieceCollector(_text);
                // Every element takes at least one line: the list never grows.
                Elements = new List<DockerfileElement>(_lineCount);
            }

            public char Escape { get; private set; } = '\\';
            public List<DockerfileElement> Elements { get; }
            public List<ParseError> Errors { get; } = new List<ParseError>();

            public void Run()
            {
                int i = ParseDirectives();
                _context = new InstructionContext(Escape, Errors);
                bool seenFrom = false;
                while (i < _lineCount)
                {
                    var line = Line(i);
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

            /// <summary>The physical line <paramref name="i"/> (0-based), its line break told apart.</summary>
            private PhysicalLine Line(int i)
            {
                int start = _lineStarts[i];
                int fullEnd = i + 1 < _lineStarts.Length ? _lineStarts[i + 1] : _text.Length;
                int contentEnd = fullEnd;
                if (contentEnd > start && _text[contentEnd - 1] == '\n') contentEnd--;
                if (contentEnd > start && _text[contentEnd - 1] == '\r') contentEnd--;
                return new PhysicalLine(start, contentEnd, fullEnd);
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
                return new Comment(TextSpan.FromBounds(line.Start, line.FullEnd), TextSpan.FromBounds(hash, end), _source);
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
                HashSet<string>? seen = null;
                int i = 0;
                for (; i < _lineCount; i++)
                {
                    var line = Line(i);
                    if (!IsComment(line, out int hash)) break;
                    int p = SkipSpaces(hash + 1, line.ContentEnd);
                    int nameStart = p;
                    while (p < line.ContentEnd && (char.IsLetterOrDigit(_text[p]) || _text[p] == '_')) p++;
                    int nameEnd = p;
                    if (nameEnd == nameStart) break;
                    p = SkipSpaces(p, line.ContentEnd);
                    if (p >= line.ContentEnd || _text[p] != '=') break;
                    string name = _text.Substring(nameStart, nameEnd - nameStart);
                    seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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
                var logical = _logical;
                logical.Clear();
                List<Comment>? innerComments = null;
                List<TextSpan>? emptyContinuations = null;
                var firstLine = Line(i);
                int segStart = SkipSpaces(firstLine.Start, firstLine.ContentEnd);
                int keywordStart = segStart;
                int contentEnd = segStart;
                int last = i;
                while (true)
                {
                    var line = Line(last);
                    int segEnd = line.ContentEnd;
                    int escapeAt = FindContinuation(segStart, segEnd);
                    if (escapeAt < 0)
                    {
                        logical.Append(segStart, segEnd - segStart);
                        contentEnd = TrimEnd(segStart, segEnd);
                        break;
                    }
                    logical.Append(segStart, escapeAt - segStart);
                    contentEnd = escapeAt + 1;
                    int next = last + 1;
                    while (next < _lineCount)
                    {
                        var l = Line(next);
                        if (IsComment(l, out int hash)) { (innerComments ??= new List<Comment>()).Add(MakeComment(l, hash)); next++; continue; }
                        if (IsBlank(l)) { (emptyContinuations ??= new List<TextSpan>()).Add(TextSpan.FromBounds(l.Start, l.ContentEnd)); next++; continue; }
                        break;
                    }
                    if (next >= _lineCount)
                    {
                        last = next - 1;
                        break;
                    }
                    last = next;
                    segStart = _lineStarts[last];
                }

                logical.Complete(firstLine.Start);
                int k = 0;
                while (k < logical.Length && !Lexing.IsWhiteSpace(logical[k])) k++;
                var keyword = MakeKeyword(logical.Container, logical.ContainerStart, k, out var kind);
                int a = k;
                while (a < logical.Length && Lexing.IsWhiteSpace(logical[a])) a++;
                int end = logical.Length;
                while (end > a && char.IsWhiteSpace(logical[end - 1])) end--;
                var arguments = logical.Slice(a, end - a);

                var parts = new InstructionParts(keyword, arguments)
                {
                    Kind = kind,
                    InnerComments = (IReadOnlyList<Comment>?)innerComments ?? Array.Empty<Comment>(),
                    EmptyContinuationLines = (IReadOnlyList<TextSpan>?)emptyContinuations ?? Array.Empty<TextSpan>(),
                };

                int spanEnd = contentEnd;
                if (kind == InstructionKind.Run || kind == InstructionKind.Copy || kind == InstructionKind.Add
                    || (kind == InstructionKind.Onbuild && StartsWithHeredocCapable(arguments)))
                {
                    var heredocs = ReadHeredocs(arguments, ref last, ref spanEnd);
                    if (heredocs != null) parts.Heredocs = heredocs;
                }
                parts.Span = TextSpan.FromBounds(keywordStart, Math.Max(keywordStart, spanEnd));
                parts.FullSpan = TextSpan.FromBounds(_lineStarts[first], Line(last).FullEnd);
                i = last + 1;
                return InstructionBuilder.Build(ref parts, _context, nested: false);
            }

            private static bool StartsWithHeredocCapable(MappedText args)
            {
                int k = 0;
                while (k < args.Length && !Lexing.IsWhiteSpace(args[k])) k++;
                return IsWord(args, k, "RUN") || IsWord(args, k, "COPY") || IsWord(args, k, "ADD");
            }

            /// <summary>Whether the first <paramref name="length"/> characters of <paramref name="text"/> are <paramref name="word"/>, ignoring case.</summary>
            private static bool IsWord(MappedText text, int length, string word) =>
                length == word.Length
                && string.Compare(text.UnderlyingString, text.UnderlyingStart, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0;

            /// <summary>The index of the escape character that continues this line, or -1: the escape, then only spaces or tabs.</summary>
            private int FindContinuation(int start, int end)
            {
                int p = end;
                while (p > start && (_text[p - 1] == ' ' || _text[p - 1] == '\t')) p--;
                if (p > start && _text[p - 1] == Escape) return p - 1;
                return -1;
            }

            /// <summary>The heredocs whose markers the arguments hold, their bodies read from the lines after <paramref name="last"/>; null when there are none.</summary>
            private Heredoc[]? ReadHeredocs(MappedText arguments, ref int last, ref int spanEnd)
            {
                var markers = HeredocMarkers.Find(arguments, _context);
                if (markers == null) return null;
                var result = new List<Heredoc>(markers.Count);
                foreach (var marker in markers)
                {
                    int bodyFirst = last + 1;
                    int terminator = -1;
                    for (int j = bodyFirst; j < _lineCount; j++)
                    {
                        var l = Line(j);
                        int s = l.Start;
                        if (marker.StripsTabs) while (s < l.ContentEnd && _text[s] == '\t') s++;
                        if (l.ContentEnd - s == marker.Delimiter.Length && string.CompareOrdinal(_text, s, marker.Delimiter, 0, marker.Delimiter.Length) == 0)
                        {
                            terminator = j;
                            break;
                        }
                    }
                    int bodyStart = bodyFirst < _lineCount ? _lineStarts[bodyFirst] : _text.Length;
                    if (terminator < 0)
                    {
                        Errors.Add(new ParseError($"the heredoc {marker.Word.Raw} is never terminated by a line '{marker.Delimiter}'", marker.Word.Span));
                        var body = MappedText.FromSource(_text, bodyStart, _text.Length - bodyStart);
                        result.Add(new Heredoc(marker.Word, marker.Delimiter, marker.StripsTabs, marker.IsQuoted, body, new TextSpan(_text.Length, 0)));
                        if (_lineCount > 0) last = _lineCount - 1;
                        spanEnd = _text.Length;
                        break;
                    }
                    var term = Line(terminator);
                    result.Add(new Heredoc(marker.Word, marker.Delimiter, marker.StripsTabs, marker.IsQuoted,
                        MappedText.FromSource(_text, bodyStart, term.Start - bodyStart), TextSpan.FromBounds(term.Start, term.ContentEnd)));
                    last = terminator;
                    spanEnd = term.ContentEnd;
                }
                return result.Count > 0 ? result.ToArray() : null;
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

        /// <summary>The markers among the words of <paramref name="arguments"/>, or null when there are none.</summary>
        public static List<Marker>? Find(MappedText arguments, InstructionContext context)
        {
            if (arguments.IndexOf("<<") < 0) return null;
            List<Marker>? result = null;
            char escape = context.Escape;
            foreach (var word in context.SplitWords(arguments))
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
                (result ??= new List<Marker>()).Add(new Marker { Word = word, Delimiter = delimiter, StripsTabs = strip, IsQuoted = quoted });
            }
            return result;
        }
    }
}
