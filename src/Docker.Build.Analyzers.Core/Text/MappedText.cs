using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Text
{
    /// <summary>
    /// A logical string assembled from pieces of a source text (for example an instruction whose line
    /// continuations, escape characters and interleaved comments have been removed), with a map from every logical
    /// index back to its source offset, so that anything found in the logical string can be reported at its exact
    /// place in the file.
    /// </summary>
    /// <remarks>
    /// Every instance is a view of <see cref="Length"/> characters of an underlying string, starting at an offset in
    /// it. A text that is one contiguous piece of the source (nearly every instruction, word and slice) is a view of
    /// the source string itself: no characters are copied until <see cref="Value"/> is asked for, and a logical
    /// index maps to the source by adding a constant. A text assembled from several pieces is a view of the string
    /// built from them, with a segment map; its slices share both, so slicing never copies.
    /// </remarks>
    public sealed class MappedText
    {
        // _text[_textStart + i] is the character at logical index i.
        private readonly string _text;
        private readonly int _textStart;

        // Null: _text is the source text itself, logical index i is at source offset _textStart + i.
        // Otherwise the map of the joined string _text, whose index _textStart + i is mapped through the segments.
        private readonly Segment[]? _segments;
        private string? _value;

        private MappedText(string text, int textStart, int length, Segment[]? segments)
        {
            _text = text;
            _textStart = textStart;
            Length = length;
            _segments = segments;
        }

        public string Value => _value ??= Length == _text.Length ? _text : _text.Substring(_textStart, Length);
        public int Length { get; }

        /// <summary>The character at a logical index, without cutting the text of a slice.</summary>
        public char this[int index] => _text[_textStart + index];

        /// <summary>The string that holds the characters: logical index i is <c>UnderlyingString[UnderlyingStart + i]</c>. Lets the parser scan without cutting.</summary>
        internal string UnderlyingString => _text;

        /// <summary>The offset of logical index 0 in <see cref="UnderlyingString"/>.</summary>
        internal int UnderlyingStart => _textStart;

        /// <summary>An empty text at a source offset (it maps like a source piece starting there).</summary>
        public static MappedText Empty(int sourceOffset) => new MappedText("", sourceOffset, 0, null);

        /// <summary>A logical string that is one contiguous piece of the source.</summary>
        public static MappedText FromSource(SourceText source, TextSpan span) => FromSource(source.Text, span.Start, span.Length);

        /// <summary>A view of <paramref name="length"/> characters of the source text <paramref name="text"/>, copying nothing.</summary>
        internal static MappedText FromSource(string text, int start, int length)
        {
            if (start < 0 || length < 0 || start + length > text.Length) throw new ArgumentOutOfRangeException(nameof(start));
            return length == 0 ? Empty(start) : new MappedText(text, start, length, null);
        }

        /// <summary>The source offset of a logical index; the index equal to <see cref="Length"/> maps just past the last character.</summary>
        public int ToSourceOffset(int index)
        {
            if (index < 0) index = 0;
            if (_segments == null) return _textStart + index;
            if (index >= Length) return Map(_textStart + Length - 1) + 1 + (index - Length);
            return Map(_textStart + index);
        }

        /// <summary>The source offset of an index of the underlying built string.</summary>
        private int Map(int textIndex)
        {
            var segments = _segments!;
            var s = segments[FindSegment(segments, textIndex)];
            return s.SourceStart + (textIndex - s.LogicalStart);
        }

        private static int FindSegment(Segment[] segments, int index)
        {
            int lo = 0, hi = segments.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (segments[mid].LogicalStart <= index) lo = mid; else hi = mid - 1;
            }
            return lo;
        }

        /// <summary>The narrowest source span that covers a logical span (it may cross line continuations).</summary>
        public TextSpan ToSourceSpan(int start, int length)
        {
            int sourceStart = ToSourceOffset(start);
            if (length <= 0) return new TextSpan(sourceStart, 0);
            int sourceEnd = ToSourceOffset(start + length - 1) + 1;
            return TextSpan.FromBounds(sourceStart, Math.Max(sourceStart, sourceEnd));
        }

        public TextSpan ToSourceSpan(TextSpan logical) => ToSourceSpan(logical.Start, logical.Length);

        /// <summary>The source span of the whole logical text.</summary>
        public TextSpan SourceSpan => ToSourceSpan(0, Length);

        public MappedText Slice(int start) => Slice(start, Length - start);

        public MappedText Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > Length) throw new ArgumentOutOfRangeException(nameof(start));
            if (length == 0) return Empty(ToSourceOffset(start));
            if (start == 0 && length == Length) return this;
            return new MappedText(_text, _textStart + start, length, _segments);
        }

        public MappedText TrimEnd()
        {
            int end = Length;
            while (end > 0 && char.IsWhiteSpace(this[end - 1])) end--;
            return Slice(0, end);
        }

        public MappedText TrimStart()
        {
            int start = 0;
            while (start < Length && char.IsWhiteSpace(this[start])) start++;
            return Slice(start);
        }

        /// <summary>Trims white space at both ends.</summary>
        public MappedText Trim()
        {
            int start = 0, end = Length;
            while (start < end && char.IsWhiteSpace(this[start])) start++;
            while (end > start && char.IsWhiteSpace(this[end - 1])) end--;
            return Slice(start, end - start);
        }

        /// <summary>Whether the text starts with <paramref name="c"/>, without cutting it.</summary>
        internal bool StartsWith(char c) => Length > 0 && _text[_textStart] == c;

        /// <summary>The index of <paramref name="value"/> in the logical text, or -1, without cutting it.</summary>
        internal int IndexOf(string value) =>
            Length < value.Length ? -1 : Relative(_text.IndexOf(value, _textStart, Length, StringComparison.Ordinal));

        /// <summary>The index of <paramref name="c"/> in the logical text, or -1, without cutting it.</summary>
        internal int IndexOf(char c) => Length == 0 ? -1 : Relative(_text.IndexOf(c, _textStart, Length));

        private int Relative(int textIndex) => textIndex < 0 ? -1 : textIndex - _textStart;

        /// <summary>Gives the text its <see cref="Value"/> when the caller already holds that string.</summary>
        internal void SetValue(string value)
        {
            if (value.Length != Length) throw new ArgumentException("the value must be the text itself", nameof(value));
            _value ??= value;
        }

        /// <summary>Cuts a piece of the logical text (the same string <c>Value.Substring</c> would give).</summary>
        internal string Substring(int start, int length) =>
            start == 0 && length == Length ? Value : _text.Substring(_textStart + start, length);

        public override string ToString() => Value;

        /// <summary>Builds a mapped text piece by piece.</summary>
        public sealed class Builder
        {
            // Most texts are one piece: a view of the source, with no StringBuilder and no list. Both appear only
            // when a second, separate piece arrives.
            private readonly int _emptyOffset;
            private string? _source;
            private Segment _first;
            private int _count;
            private System.Text.StringBuilder? _value;
            private List<Segment>? _segments;

            public Builder(int emptyOffset) { _emptyOffset = emptyOffset; }

            public int Length { get; private set; }

            public void Append(SourceText source, int sourceStart, int length) => Append(source.Text, sourceStart, length);

            /// <summary>Appends a piece of the source whose text is <paramref name="source"/>.</summary>
            internal void Append(string source, int sourceStart, int length)
            {
                if (length <= 0) return;
                if (_count == 0)
                {
                    _source = source;
                    _first = new Segment(0, sourceStart, length);
                    _count = 1;
                    Length = length;
                    return;
                }
                if (_segments == null && _first.SourceStart + _first.Length == sourceStart && ReferenceEquals(_source, source))
                {
                    _first = new Segment(0, _first.SourceStart, _first.Length + length);
                    Length += length;
                    return;
                }
                var all = Materialize();
                var last = all[all.Count - 1];
                if (last.SourceStart + last.Length == sourceStart)
                    all[all.Count - 1] = new Segment(last.LogicalStart, last.SourceStart, last.Length + length);
                else
                    all.Add(new Segment(Length, sourceStart, length));
                _value!.Append(source, sourceStart, length);
                Length += length;
            }

            /// <summary>
            /// Appends text that stands for a source piece it does not equal character for character (a JSON escape
            /// such as <c>\"</c> standing for <c>"</c>); its characters map to the piece's first characters.
            /// </summary>
            public void AppendSubstitute(string value, int sourceStart)
            {
                if (string.IsNullOrEmpty(value)) return;
                var all = Materialize();
                all.Add(new Segment(Length, sourceStart, value.Length));
                _value!.Append(value);
                Length += value.Length;
            }

            private List<Segment> Materialize()
            {
                if (_segments != null) return _segments;
                _segments = new List<Segment>(4);
                _value = new System.Text.StringBuilder(Length + 64);
                if (_count > 0)
                {
                    _segments.Add(_first);
                    _value.Append(_source, _first.SourceStart, _first.Length);
                }
                return _segments;
            }

            public MappedText ToMappedText()
            {
                if (_segments != null)
                    return _segments.Count == 0 ? Empty(_emptyOffset) : FromSegments(_value!.ToString(), _segments.ToArray());
                if (_count == 0) return Empty(_emptyOffset);
                return new MappedText(_source!, _first.SourceStart, _first.Length, null);
            }
        }

        /// <summary>A text built from several pieces: <paramref name="text"/> with the map of its segments.</summary>
        private static MappedText FromSegments(string text, Segment[] segments) => new MappedText(text, 0, text.Length, segments);

        /// <summary>
        /// Collects the pieces of one logical text for the parser, which reuses one collector for a whole file, then
        /// cuts views of it. When the text is a single piece of the source (an instruction without line
        /// continuations) the views are views of the source: no joined string, no segment map, no object for the
        /// whole text. Only several pieces cost a string and a map.
        /// </summary>
        internal sealed class PieceCollector
        {
            private readonly string _source;
            private readonly List<Segment> _segments = new List<Segment>();
            private readonly System.Text.StringBuilder _joined = new System.Text.StringBuilder();
            private int _length;

            // Set by Complete: the text is characters [_start, _start + _length) of _container, which is a view
            // of the whole source when the text is one piece of it, else the joined text.
            private readonly MappedText _wholeSource;
            private MappedText _container = null!;
            private int _start;

            public PieceCollector(string source)
            {
                _source = source;
                _wholeSource = FromSource(source, 0, source.Length);
            }

            /// <summary>The length of the text appended so far.</summary>
            public int Length => _length;

            /// <summary>A character of the completed text.</summary>
            public char this[int index] => _container[_start + index];

            /// <summary>
            /// The text the completed text is part of, from <see cref="ContainerStart"/> on: a view of the whole
            /// source for a single piece (words can be made of it without a view of their own).
            /// </summary>
            public MappedText Container => _container;

            public int ContainerStart => _start;

            /// <summary>Starts a new logical text.</summary>
            public void Clear()
            {
                _segments.Clear();
                _length = 0;
            }

            /// <summary>Appends <paramref name="length"/> source characters from <paramref name="sourceStart"/>.</summary>
            public void Append(int sourceStart, int length)
            {
                if (length <= 0) return;
                int count = _segments.Count;
                if (count > 0)
                {
                    var last = _segments[count - 1];
                    if (last.SourceStart + last.Length == sourceStart)
                    {
                        _segments[count - 1] = new Segment(last.LogicalStart, last.SourceStart, last.Length + length);
                        _length += length;
                        return;
                    }
                }
                _segments.Add(new Segment(_length, sourceStart, length));
                _length += length;
            }

            /// <summary>Ends the text; with no pieces it is empty, at source offset <paramref name="emptyOffset"/>.</summary>
            public void Complete(int emptyOffset)
            {
                if (_segments.Count == 0)
                {
                    _container = Empty(emptyOffset);
                    _start = 0;
                }
                else if (_segments.Count == 1)
                {
                    _container = _wholeSource;
                    _start = _segments[0].SourceStart;
                }
                else
                {
                    _joined.Clear();
                    foreach (var s in _segments) _joined.Append(_source, s.SourceStart, s.Length);
                    _container = new MappedText(_joined.ToString(), 0, _length, _segments.ToArray());
                    _start = 0;
                }
            }

            /// <summary>A view of the completed text, as <see cref="MappedText.Slice(int, int)"/> would cut it.</summary>
            public MappedText Slice(int start, int length)
            {
                if (start < 0 || length < 0 || start + length > _length) throw new ArgumentOutOfRangeException(nameof(start));
                return _container.Slice(_start + start, length);
            }
        }

        private readonly struct Segment
        {
            public Segment(int logicalStart, int sourceStart, int length)
            {
                LogicalStart = logicalStart;
                SourceStart = sourceStart;
                Length = length;
            }

            public int LogicalStart { get; }
            public int SourceStart { get; }
            public int Length { get; }
        }
    }
}
