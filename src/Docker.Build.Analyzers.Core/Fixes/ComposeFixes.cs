using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Fixes
{
    /// <summary>Compose file fixes: line-level, and only on a file the compose parser reads without problems.</summary>
    internal static class ComposeFixes
    {
        public const string ObsoleteVersion = "DKR509";

        /// <summary>A top-level <c>version: "3.8"</c> line, alone (a trailing comment may follow).</summary>
        private static readonly Regex VersionLine = new Regex(
            "^version[ \\t]*:[ \\t]*(\"[^\"\\r\\n]*\"|'[^'\\r\\n]*'|[^\\s#'\"]+)[ \\t]*(#[^\\r\\n]*)?$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        public static IReadOnlyList<TextEdit> EditsFor(SourceText text, IReadOnlyList<Diagnostic> findings)
        {
            var file = Compose.ComposeFile.Parse(text);
            if (file.Problems.Count > 0) return Array.Empty<TextEdit>();
            var edits = new List<TextEdit>();
            foreach (var d in findings)
            {
                if (d.Id != ObsoleteVersion) continue;
                var edit = RemoveVersionLine(text, d.Span);
                if (edit.HasValue) edits.Add(edit.Value);
            }
            return edits;
        }

        /// <summary>Removes the whole line, with its line break, so nothing else moves but the lines below it.</summary>
        private static TextEdit? RemoveVersionLine(SourceText text, TextSpan keySpan)
        {
            var position = text.GetLinePosition(keySpan.Start);
            if (position.Column != 1) return null;
            var line = text.GetLineSpan(position.Line);
            if (!VersionLine.IsMatch(text.ToString(line))) return null;
            int end = position.Line < text.LineCount ? text.GetLineStart(position.Line + 1) : line.End;
            return new TextEdit(TextSpan.FromBounds(line.Start, end), "");
        }
    }
}
