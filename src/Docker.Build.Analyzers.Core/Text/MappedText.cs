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
    public sealed class MappedText
    {
        // A root owns its text and the segment map. A slice is a view (root, offset, length): one small object,
        // its text cut from the root only when asked for, positions mapped through the root.
        private readonly Segment[]? _segments;
        private readonly MappedText? _root;
        private readonly int _offset;
        private string? _value;

        private MappedText(string value, Segment[] segments)
        {
            _value = value;
            _segments = segments;
            Length = value.Length;
        }

        private MappedText(MappedText root, int offset, int length)
        {
            _root = root;
            _offset = offset;
            Length = length;
        }

        public string Value => _value ??= _root!.Value.Substring(_offset, Length);
        public int Length { get; }

        /// <summary>The character at a logical index, without cutting the text of a slice.</summary>
        public char this[int index] => _value != null ? _value[index] : _root!.Value[_offset + index];

        public static MappedText Empty(int sourceOffset) =>
            new MappedText("", new[] { new Segment(0, sourceOffset, 0) });

        /// <summary>A logical string that is one contiguous piece of the source.</summary>
        public static MappedText FromSource(SourceText source, TextSpan span) =>
            new MappedText(source.ToString(span), new[] { new Segment(0, span.Start, span.Length) });

        /// <summary>The source offset of a logical index; the index equal to <see cref="Length"/> maps just past the last character.</summary>
        public int ToSourceOffset(int index)
        {
            if (_root != null)
            {
                if (index < 0) index = 0;
                if (index < Length) return _root.ToSourceOffset(_offset + index);
                int end = Length == 0 ? _root.ToSourceOffset(_offset) : _root.ToSourceOffset(_offset + Length - 1) + 1;
                return end + (index - Length);
            }
            var segments = _segments!;
            if (segments.Length == 0) return 0;
            if (index >= Length)
            {
                var last = segments[segments.Length - 1];
                return last.SourceStart + last.Length + (index - Length);
            }
            if (index < 0) index = 0;
            var s = segments[FindSegment(segments, index)];
            return s.SourceStart + (index - s.LogicalStart);
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
            return _root != null ? new MappedText(_root, _offset + start, length) : new MappedText(this, start, length);
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

        public override string ToString() => Value;

        /// <summary>Builds a mapped text piece by piece.</summary>
        public sealed class Builder
        {
            // Most instructions are one line: one segment, whose text is cut from the source at the end, with no
            // StringBuilder and no list. Both appear only when a second, separate piece arrives.
            private readonly int _emptyOffset;
            private string? _source;
            private Segment _first;
            private int _count;
            private System.Text.StringBuilder? _value;
            private List<Segment>? _segments;

            public Builder(int emptyOffset) { _emptyOffset = emptyOffset; }

            public int Length { get; private set; }

            public void Append(SourceText source, int sourceStart, int length)
            {
                if (length <= 0) return;
                if (_count == 0)
                {
                    _source = source.Text;
                    _first = new Segment(0, sourceStart, length);
                    _count = 1;
                    Length = length;
                    return;
                }
                if (_segments == null && _first.SourceStart + _first.Length == sourceStart && ReferenceEquals(_source, source.Text))
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
                _value!.Append(source.Text, sourceStart, length);
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
                    return _segments.Count == 0 ? Empty(_emptyOffset) : new MappedText(_value!.ToString(), _segments.ToArray());
                if (_count == 0) return Empty(_emptyOffset);
                return new MappedText(_source!.Substring(_first.SourceStart, _first.Length), new[] { _first });
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
