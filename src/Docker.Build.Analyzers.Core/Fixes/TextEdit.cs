using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Fixes
{
    /// <summary>Replace one span of a file's text (character offsets, as the engine's spans) with new text.</summary>
    public readonly struct TextEdit : IEquatable<TextEdit>
    {
        public TextEdit(TextSpan span, string newText)
        {
            Span = span;
            NewText = newText ?? "";
        }

        public TextSpan Span { get; }
        public string NewText { get; }

        public static TextEdit Insert(int position, string text) => new TextEdit(new TextSpan(position, 0), text);

        public bool Equals(TextEdit other) => Span == other.Span && string.Equals(NewText, other.NewText, StringComparison.Ordinal);
        public override bool Equals(object? obj) => obj is TextEdit other && Equals(other);
        public override int GetHashCode() => (Span.GetHashCode() * 397) ^ NewText.GetHashCode();

        /// <summary>
        /// Applies edits that do not overlap (duplicates count once). Returns null when two different edits overlap or
        /// touch the same insertion point: a fix that cannot be applied unambiguously is not applied at all.
        /// </summary>
        public static string? Apply(string text, IEnumerable<TextEdit> edits)
        {
            var ordered = Normalize(edits);
            if (ordered == null) return null;
            var builder = new System.Text.StringBuilder(text.Length + 64);
            int position = 0;
            foreach (var edit in ordered)
            {
                builder.Append(text, position, edit.Span.Start - position);
                builder.Append(edit.NewText);
                position = edit.Span.End;
            }
            builder.Append(text, position, text.Length - position);
            return builder.ToString();
        }

        /// <summary>The edits sorted by position without duplicates; null when they conflict.</summary>
        public static List<TextEdit>? Normalize(IEnumerable<TextEdit> edits)
        {
            var list = new List<TextEdit>();
            foreach (var e in edits) if (!list.Contains(e)) list.Add(e);
            list.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            for (int i = 1; i < list.Count; i++)
            {
                var previous = list[i - 1];
                var current = list[i];
                if (current.Span.Start < previous.Span.End) return null;
                if (current.Span.Start == previous.Span.Start && previous.Span.Length == 0 && current.Span.Length == 0) return null;
            }
            return list;
        }
    }
}
