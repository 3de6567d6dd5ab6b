using System;

namespace Docker.Build.Analyzers.Text
{
    /// <summary>
    /// The decoded text of one file with its line map. Offsets are UTF-16 indexes into <see cref="Text"/>; a UTF-8
    /// byte order mark is not part of the text but remembered, so the original bytes can be rebuilt exactly.
    /// </summary>
    public sealed class SourceText
    {
        private readonly int[] _lineStarts;

        private SourceText(string path, string text, bool hasByteOrderMark)
        {
            Path = path;
            Text = text;
            HasByteOrderMark = hasByteOrderMark;
            _lineStarts = ComputeLineStarts(text);
        }

        public string Path { get; }
        public string Text { get; }
        public bool HasByteOrderMark { get; }
        public int Length => Text.Length;
        public int LineCount => _lineStarts.Length;

        public char this[int index] => Text[index];

        public static SourceText From(string text, string path = "", bool hasByteOrderMark = false)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            return new SourceText(path ?? "", text, hasByteOrderMark);
        }

        public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

        /// <summary>1-based line and column of an offset; an offset at the end of the text maps past its last character.</summary>
        public LinePosition GetLinePosition(int offset)
        {
            if (offset < 0) offset = 0;
            if (offset > Text.Length) offset = Text.Length;
            int line = Array.BinarySearch(_lineStarts, offset);
            if (line < 0) line = ~line - 1;
            return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
        }

        public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
            new LinePositionSpan(GetLinePosition(span.Start), GetLinePosition(span.End));

        /// <summary>Offset of the first character of a 1-based line.</summary>
        public int GetLineStart(int line) => _lineStarts[line - 1];

        /// <summary>Span of a 1-based line without its line break.</summary>
        public TextSpan GetLineSpan(int line)
        {
            int start = _lineStarts[line - 1];
            int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
            while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
            return TextSpan.FromBounds(start, end);
        }

        /// <summary>Offsets of the first character of every line (the line map itself, not a copy: do not modify).</summary>
        internal int[] LineStarts => _lineStarts;

        private static int[] ComputeLineStarts(string text)
        {
            // Count first, then fill an array of the exact size: no list growth, no copy.
            int count = 1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n') count++;
                else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) count++;
            }
            var starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts[n++] = i + 1;
                }
                else if (c == '\n')
                {
                    starts[n++] = i + 1;
                }
            }
            return starts;
        }
    }
}
