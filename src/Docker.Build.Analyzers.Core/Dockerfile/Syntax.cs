using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    public enum InstructionKind
    {
        Unknown = 0,
        From,
        Run,
        Cmd,
        Label,
        Maintainer,
        Expose,
        Env,
        Add,
        Copy,
        Entrypoint,
        Volume,
        User,
        Workdir,
        Arg,
        Onbuild,
        Stopsignal,
        Healthcheck,
        Shell,
    }

    /// <summary>
    /// A top-level piece of a Dockerfile. The elements of a file tile it without gap or overlap, line breaks
    /// included, so concatenating their text gives back the input exactly.
    /// </summary>
    public abstract class DockerfileElement
    {
        protected DockerfileElement(TextSpan fullSpan)
        {
            FullSpan = fullSpan;
        }

        /// <summary>All the text of the element, including continuation lines, heredoc bodies and its final line break.</summary>
        public TextSpan FullSpan { get; }
    }

    /// <summary>A line with nothing but white space.</summary>
    public sealed class BlankLine : DockerfileElement
    {
        public BlankLine(TextSpan fullSpan) : base(fullSpan) { }
    }

    /// <summary>A <c>#</c> comment line: at the top level, or between the continuation lines of an instruction.</summary>
    public sealed class Comment : DockerfileElement
    {
        // The parser's comments keep the source text and trim their Text only when it is asked for.
        private readonly string? _source;
        private string? _text;

        public Comment(TextSpan fullSpan, TextSpan span, string text) : base(fullSpan)
        {
            Span = span;
            _text = text;
        }

        /// <summary>A comment whose <see cref="Text"/> is cut from <paramref name="source"/> (after the <c>#</c> at the start of <paramref name="span"/>) on first use.</summary>
        internal Comment(TextSpan fullSpan, TextSpan span, SourceText source) : base(fullSpan)
        {
            Span = span;
            _source = source.Text;
        }

        /// <summary>From the <c>#</c> to the end of the line, without the line break.</summary>
        public TextSpan Span { get; }

        /// <summary>The text after <c>#</c>, trimmed.</summary>
        public string Text => _text ??= TrimmedText(_source!, Span.Start + 1, Span.End);

        /// <summary><c>source.Substring(start, end - start).Trim()</c>, cut once.</summary>
        private static string TrimmedText(string source, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(source[start])) start++;
            while (end > start && char.IsWhiteSpace(source[end - 1])) end--;
            return source.Substring(start, end - start);
        }
    }

    /// <summary>A parser directive (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>) at the top of the file.</summary>
    public sealed class ParserDirective : DockerfileElement
    {
        public ParserDirective(TextSpan fullSpan, TextSpan span, string name, TextSpan nameSpan, string value, TextSpan valueSpan) : base(fullSpan)
        {
            Span = span;
            Name = name;
            NameSpan = nameSpan;
            Value = value;
            ValueSpan = valueSpan;
        }

        public TextSpan Span { get; }

        /// <summary>Lower-case name.</summary>
        public string Name { get; }

        public TextSpan NameSpan { get; }
        public string Value { get; }
        public TextSpan ValueSpan { get; }
    }

    /// <summary>
    /// A token of an instruction's arguments. <see cref="Raw"/> is the text as written (quotes and escapes kept);
    /// <see cref="Value"/> is what Docker's word processing makes of it (quotes removed, escapes resolved, variables
    /// not expanded).
    /// </summary>
    public sealed class Word
    {
        // The word is characters [_start, _start + _length) of _container (often a view of the whole source, or the
        // instruction's arguments). Its own RawText view and its Raw string are made only when asked for; _raw holds
        // whichever exists (the view keeps the string once both do).
        private readonly MappedText _container;
        private readonly int _start;
        private readonly int _length;
        private object? _raw;

        // Null when the value is the raw text itself (no quotes or escapes).
        private string? _value;

        public Word(MappedText raw, string value)
        {
            _container = raw;
            _length = raw.Length;
            _raw = raw;
            _value = value;
        }

        /// <summary>A word whose value is its raw text (it has nothing to unquote or unescape).</summary>
        internal Word(MappedText raw) : this(raw, 0, raw.Length, null)
        {
        }

        /// <summary>The word made of <paramref name="length"/> characters of <paramref name="container"/> from <paramref name="start"/>; a null value means the raw text.</summary>
        internal Word(MappedText container, int start, int length, string? value)
        {
            _container = container;
            _start = start;
            _length = length;
            _value = value;
        }

        public MappedText RawText
        {
            get
            {
                if (_raw is MappedText view) return view;
                view = _container.Slice(_start, _length);
                if (_raw is string raw) view.SetValue(raw);
                _raw = view;
                return view;
            }
        }

        public string Raw
        {
            get
            {
                switch (_raw)
                {
                    case string raw: return raw;
                    case MappedText view: return view.Value;
                    default:
                        string cut = _container.Substring(_start, _length);
                        _raw = cut;
                        return cut;
                }
            }
        }

        public string Value => _value ??= Raw;
        public TextSpan Span => _container.ToSourceSpan(_start, _length);
        public bool IsQuoted => _length > 0 && (_container[_start] == '"' || _container[_start] == '\'');

        public override string ToString() => Raw;

        /// <summary>The text this word is part of; the word starts at <see cref="ContainerStart"/> in it.</summary>
        internal MappedText Container => _container;

        internal int ContainerStart => _start;

        /// <summary>The length of <see cref="Raw"/>, without cutting it.</summary>
        internal int RawLength => _length;

        /// <summary>A character of <see cref="Raw"/>, without cutting it.</summary>
        internal char RawAt(int index) => _container[_start + index];

        /// <summary>Whether <see cref="Value"/> equals <paramref name="expected"/> ignoring case (ordinal), without cutting the value of a plain word.</summary>
        internal bool ValueEqualsIgnoreCase(string expected)
        {
            if (_value != null) return string.Equals(_value, expected, StringComparison.OrdinalIgnoreCase);
            return _length == expected.Length
                && string.Compare(_container.UnderlyingString, _container.UnderlyingStart + _start, expected, 0, _length, StringComparison.OrdinalIgnoreCase) == 0;
        }
    }

    /// <summary>A <c>--name=value</c> flag before an instruction's arguments.</summary>
    public sealed class InstructionFlag
    {
        public InstructionFlag(Word word, string name, Word? value)
        {
            Word = word;
            Name = name;
            ValueWord = value;
        }

        /// <summary>The whole flag as written.</summary>
        public Word Word { get; }

        /// <summary>The name without the leading dashes, lower case.</summary>
        public string Name { get; }

        /// <summary>The part after <c>=</c>, or null for a bare <c>--link</c>.</summary>
        public Word? ValueWord { get; }

        public string? Value => ValueWord?.Value;
        public TextSpan Span => Word.Span;
    }

    /// <summary>A <c>key=value</c> (or legacy <c>key value</c>) pair of <c>ENV</c>, <c>LABEL</c> or <c>ARG</c>.</summary>
    public sealed class KeyValue
    {
        public KeyValue(Word key, Word? value, TextSpan span)
        {
            Key = key;
            ValueWord = value;
            Span = span;
        }

        public Word Key { get; }
        public string Name => Key.Value;

        /// <summary>Null for an <c>ARG name</c> without a default.</summary>
        public Word? ValueWord { get; }

        public string? Value => ValueWord?.Value;
        public TextSpan Span { get; }
    }

    /// <summary>A heredoc of a <c>RUN</c>, <c>COPY</c> or <c>ADD</c>: its marker on the instruction line and the body lines after it.</summary>
    public sealed class Heredoc
    {
        public Heredoc(Word marker, string delimiter, bool stripsTabs, bool isQuoted, MappedText body, TextSpan terminatorSpan)
        {
            Marker = marker;
            Delimiter = delimiter;
            StripsLeadingTabs = stripsTabs;
            IsQuoted = isQuoted;
            Body = body;
            TerminatorSpan = terminatorSpan;
        }

        /// <summary>The <c>&lt;&lt;EOF</c> word.</summary>
        public Word Marker { get; }

        public string Delimiter { get; }

        /// <summary><c>&lt;&lt;-EOF</c>: leading tabs of body lines are removed.</summary>
        public bool StripsLeadingTabs { get; }

        /// <summary>A quoted delimiter (<c>&lt;&lt;"EOF"</c>): no variable expansion in the body.</summary>
        public bool IsQuoted { get; }

        /// <summary>The body lines, line breaks included, without the terminator line.</summary>
        public MappedText Body { get; }

        public TextSpan TerminatorSpan { get; }
    }

    /// <summary>How a <c>RUN</c>, <c>CMD</c>, <c>ENTRYPOINT</c> or <c>HEALTHCHECK CMD</c> gives its command.</summary>
    public abstract class CommandForm
    {
        public abstract bool IsExecForm { get; }
        public abstract TextSpan Span { get; }
    }

    /// <summary>JSON array form: run directly, without a shell.</summary>
    public sealed class ExecForm : CommandForm
    {
        public ExecForm(IReadOnlyList<Word> arguments, TextSpan span)
        {
            Arguments = arguments;
            Span = span;
        }

        public IReadOnlyList<Word> Arguments { get; }
        public override bool IsExecForm => true;
        public override TextSpan Span { get; }
    }

    /// <summary>Shell form: the text is handed to the stage's <c>SHELL</c> (<c>/bin/sh -c</c> by default).</summary>
    public sealed class ShellForm : CommandForm
    {
        public ShellForm(MappedText script, bool looksLikeJson)
        {
            Script = script;
            LooksLikeJson = looksLikeJson;
        }

        public MappedText Script { get; }

        /// <summary>Starts with <c>[</c> but is not a valid JSON array of strings, so Docker runs it through a shell.</summary>
        public bool LooksLikeJson { get; }

        public override bool IsExecForm => false;
        public override TextSpan Span => Script.SourceSpan;
    }

    /// <summary>A syntax error, at the narrowest span that shows it.</summary>
    public sealed class ParseError
    {
        public ParseError(string message, TextSpan span)
        {
            Message = message;
            Span = span;
        }

        public string Message { get; }
        public TextSpan Span { get; }
        public override string ToString() => Message + " " + Span;
    }
}
