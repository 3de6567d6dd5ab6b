using System;

namespace Docker.Build.Analyzers.Text
{
    /// <summary>A range of characters in a <see cref="SourceText"/>: start offset and length (0-based, UTF-16 units).</summary>
    public readonly struct TextSpan : IEquatable<TextSpan>
    {
        public TextSpan(int start, int length)
        {
            if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            Start = start;
            Length = length;
        }

        public int Start { get; }
        public int Length { get; }
        public int End => Start + Length;
        public bool IsEmpty => Length == 0;

        public static TextSpan FromBounds(int start, int end) => new TextSpan(start, end - start);

        public bool Contains(int offset) => offset >= Start && offset < End;
        public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

        public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;
        public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);
        public override int GetHashCode() => (Start * 397) ^ Length;
        public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);
        public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);
        public override string ToString() => $"[{Start}..{End})";
    }

    /// <summary>A position as editors show it: 1-based line and 1-based column.</summary>
    public readonly struct LinePosition : IEquatable<LinePosition>
    {
        public LinePosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }
        public int Column { get; }

        public bool Equals(LinePosition other) => Line == other.Line && Column == other.Column;
        public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);
        public override int GetHashCode() => (Line * 397) ^ Column;
        public override string ToString() => $"({Line},{Column})";
    }

    /// <summary>Start and end of a span in 1-based line/column; the end column is the column just after the last character.</summary>
    public readonly struct LinePositionSpan : IEquatable<LinePositionSpan>
    {
        public LinePositionSpan(LinePosition start, LinePosition end)
        {
            Start = start;
            End = end;
        }

        public LinePosition Start { get; }
        public LinePosition End { get; }

        public bool Equals(LinePositionSpan other) => Start.Equals(other.Start) && End.Equals(other.End);
        public override bool Equals(object? obj) => obj is LinePositionSpan other && Equals(other);
        public override int GetHashCode() => (Start.GetHashCode() * 397) ^ End.GetHashCode();
        public override string ToString() => $"({Start.Line},{Start.Column},{End.Line},{End.Column})";
    }
}
