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
        private readonly Segment[] _segments;

        private MappedText(string value, Segment[] segments)
        {
            Value = value;
            _segments = segments;
        }

        public string Value { get; }
        public int Length => Value.Length;

        public static MappedText Empty(int sourceOffset) =>
            new MappedText("", new[] { new Segment(0, sourceOffset, 0) });

        /// <summary>A logical string that is one contiguous piece of the source.</summary>
        public static MappedText FromSource(SourceText source, TextSpan span) =>
            new MappedText(source.ToString(span), new[] { new Segment(0, span.Start, span.Length) });

        /// <summary>The source offset of a logical index; the index equal to <see cref="Length"/> maps just past the last character.</summary>
        public int ToSourceOffset(int index)
        {
            if (_segments.Length == 0) return 0;
            if (index >= Value.Length)
            {
                var last = _segments[_segments.Length - 1];
                return last.SourceStart + last.Length + (index - Value.Length);
            }
            if (index < 0) index = 0;
            int lo = 0, hi = _segments.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (_segments[mid].LogicalStart <= index) lo = mid; else hi = mid - 1;
            }
            var s = _segments[lo];
            return s.SourceStart + (index - s.LogicalStart);
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
        public TextSpan SourceSpan => ToSourceSpan(0, Value.Length);

        public MappedText Slice(int start) => Slice(start, Value.Length - start);

        public MappedText Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > Value.Length) throw new ArgumentOutOfRangeException(nameof(start));
            if (length == 0) return Empty(ToSourceOffset(start));
            var result = new List<Segment>();
            int end = start + length;
            foreach (var s in _segments)
            {
                int segEnd = s.LogicalStart + s.Length;
                if (segEnd <= start || s.LogicalStart >= end) continue;
                int from = Math.Max(s.LogicalStart, start);
                int to = Math.Min(segEnd, end);
                result.Add(new Segment(from - start, s.SourceStart + (from - s.LogicalStart), to - from));
            }
            return new MappedText(Value.Substring(start, length), result.ToArray());
        }

        public MappedText TrimEnd()
        {
            int end = Value.Length;
            while (end > 0 && char.IsWhiteSpace(Value[end - 1])) end--;
            return Slice(0, end);
        }

        public MappedText TrimStart()
        {
            int start = 0;
            while (start < Value.Length && char.IsWhiteSpace(Value[start])) start++;
            return Slice(start);
        }

        /// <summary>Trims white space at both ends.</summary>
        public MappedText Trim()
        {
            int start = 0, end = Value.Length;
            while (start < end && char.IsWhiteSpace(Value[start])) start++;
            while (end > start && char.IsWhiteSpace(Value[end - 1])) end--;
            return Slice(start, end - start);
        }

        public override string ToString() => Value;

        /// <summary>Builds a mapped text piece by piece.</summary>
        public sealed class Builder
        {
            private readonly System.Text.StringBuilder _value = new System.Text.StringBuilder();
            private readonly List<Segment> _segments = new List<Segment>();
            private readonly int _emptyOffset;

            public Builder(int emptyOffset) { _emptyOffset = emptyOffset; }

            public int Length => _value.Length;

            public void Append(SourceText source, int sourceStart, int length)
            {
                if (length <= 0) return;
                if (_segments.Count > 0)
                {
                    var last = _segments[_segments.Count - 1];
                    if (last.SourceStart + last.Length == sourceStart)
                    {
                        _segments[_segments.Count - 1] = new Segment(last.LogicalStart, last.SourceStart, last.Length + length);
                        _value.Append(source.Text, sourceStart, length);
                        return;
                    }
                }
                _segments.Add(new Segment(_value.Length, sourceStart, length));
                _value.Append(source.Text, sourceStart, length);
            }

            /// <summary>
            /// Appends text that stands for a source piece it does not equal character for character (a JSON escape
            /// such as <c>\"</c> standing for <c>"</c>); its characters map to the piece's first characters.
            /// </summary>
            public void AppendSubstitute(string value, int sourceStart)
            {
                if (string.IsNullOrEmpty(value)) return;
                _segments.Add(new Segment(_value.Length, sourceStart, value.Length));
                _value.Append(value);
            }

            public MappedText ToMappedText() =>
                _segments.Count == 0 ? Empty(_emptyOffset) : new MappedText(_value.ToString(), _segments.ToArray());
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
