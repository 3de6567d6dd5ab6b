using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>
    /// Suppressions written in the Dockerfile itself:
    /// <c># dkr-disable-next-line DKR201 DKR301</c> (the next instruction), <c># dkr-disable DKR102</c> (from there to
    /// the end of the file), <c># hadolint ignore=DL3008</c> and <c># hadolint global ignore=...</c>, and BuildKit's
    /// <c># check=skip=...</c> (as a directive: the whole file; above an instruction: that instruction).
    /// Without ids, a dkr comment silences every rule.
    /// </summary>
    public sealed class InlineSuppressions
    {
        private const string All = "*";
        private readonly List<(int Start, int End, HashSet<string> Ids)> _ranges;
        private readonly List<SuppressionComment> _comments;

        private InlineSuppressions(List<(int, int, HashSet<string>)> ranges, List<SuppressionComment>? comments = null)
        {
            _ranges = ranges;
            _comments = comments ?? new List<SuppressionComment>();
        }

        /// <summary>The <c>dkr-disable</c> comments of the file, with the range each one covers (for the unnecessary-suppression report).</summary>
        internal IReadOnlyList<SuppressionComment> Comments => _comments;

        /// <summary>The ranges (by index) that cover a finding.</summary>
        internal IEnumerable<int> MatchingRanges(Diagnostic diagnostic)
        {
            int at = diagnostic.Span.Start;
            for (int i = 0; i < _ranges.Count; i++)
            {
                var (start, end, ids) = _ranges[i];
                if (at < start || at >= end) continue;
                if (ids.Contains(All) || ids.Contains(diagnostic.Id)) yield return i;
            }
        }

        public static InlineSuppressions Create(DockerfileSyntax syntax)
        {
            var ranges = new List<(int, int, HashSet<string>)>();
            var comments = new List<SuppressionComment>();
            int fileEnd = syntax.Source.Length + 1;
            var instructions = syntax.Instructions;

            foreach (var directive in syntax.Directives)
            {
                if (directive.Name != "check") continue;
                var ids = BuildKitSkips(directive.Value);
                if (ids.Count > 0) ranges.Add((0, fileEnd, ids));
            }

            foreach (var element in syntax.Elements)
            {
                if (!(element is Comment comment)) continue;
                string text = comment.Text;
                if (TryParseDkr(text, out bool nextLine, out var dkrIds))
                {
                    int before = ranges.Count;
                    if (nextLine) AddNextInstruction(ranges, instructions, comment, dkrIds);
                    else ranges.Add((comment.Span.Start, fileEnd, dkrIds));
                    comments.Add(new SuppressionComment(comment.Span, nextLine, dkrIds, ranges.Count > before ? before : -1));
                    continue;
                }
                if (TryParseHadolint(text, out bool global, out var hadolintIds))
                {
                    if (global) ranges.Add((0, fileEnd, hadolintIds));
                    else AddNextInstruction(ranges, instructions, comment, hadolintIds);
                    continue;
                }
                if (text.StartsWith("check=", StringComparison.OrdinalIgnoreCase) || text.StartsWith("check =", StringComparison.OrdinalIgnoreCase))
                {
                    int eq = text.IndexOf('=');
                    var ids = BuildKitSkips(text.Substring(eq + 1).Trim());
                    if (ids.Count > 0) AddNextInstruction(ranges, instructions, comment, ids);
                }
            }
            return new InlineSuppressions(ranges, comments);
        }

        /// <summary>
        /// Suppressions in a file whose comments are whole lines starting with <c>#</c> (.dockerignore, compose YAML):
        /// <c># dkr-disable-next-line DKR503</c> silences the next line that is not blank or a comment (for YAML, with
        /// everything nested below it), <c># dkr-disable DKR509</c> the rest of the file.
        /// </summary>
        public static InlineSuppressions FromLineComments(Text.SourceText source)
        {
            var ranges = new List<(int, int, HashSet<string>)>();
            var comments = new List<SuppressionComment>();
            int fileEnd = source.Length + 1;
            string text = source.Text;
            for (int line = 1; line <= source.LineCount; line++)
            {
                var span = source.GetLineSpan(line);
                int start = span.Start;
                while (start < span.End && (text[start] == ' ' || text[start] == '\t')) start++;
                if (start >= span.End || text[start] != '#') continue;
                string comment = text.Substring(start + 1, span.End - start - 1).Trim();
                if (!TryParseDkr(comment, out bool nextLine, out var ids)) continue;
                var commentSpan = new Text.TextSpan(start, span.End - start);
                if (!nextLine)
                {
                    comments.Add(new SuppressionComment(commentSpan, false, ids, ranges.Count));
                    ranges.Add((span.Start, fileEnd, ids));
                    continue;
                }
                comments.Add(new SuppressionComment(commentSpan, true, ids, -1));
                // The next line with content, and (YAML) the lines indented deeper than it.
                for (int next = line + 1; next <= source.LineCount; next++)
                {
                    var target = source.GetLineSpan(next);
                    int indent = Indentation(text, target);
                    if (indent < 0 || text[target.Start + indent] == '#') continue;
                    int end = target.End;
                    for (int below = next + 1; below <= source.LineCount; below++)
                    {
                        var child = source.GetLineSpan(below);
                        int childIndent = Indentation(text, child);
                        if (childIndent < 0) continue;
                        if (childIndent <= indent && !(childIndent == indent && text[child.Start + childIndent] == '-' && text[target.Start + indent] != '-')) break;
                        end = child.End;
                    }
                    comments[comments.Count - 1] = new SuppressionComment(commentSpan, true, ids, ranges.Count);
                    ranges.Add((target.Start, end + 1, ids));
                    break;
                }
            }
            return new InlineSuppressions(ranges, comments);
        }

        /// <summary>The indentation of a line, or -1 for a blank line.</summary>
        private static int Indentation(string text, Text.TextSpan line)
        {
            int i = line.Start;
            while (i < line.End && (text[i] == ' ' || text[i] == '\t')) i++;
            return i >= line.End ? -1 : i - line.Start;
        }

        /// <summary>Whether a comment names every rule (no ids).</summary>
        internal static bool IsAll(IReadOnlyCollection<string> ids) => ids.Contains(All);

        public bool IsSuppressed(Diagnostic diagnostic)
        {
            int at = diagnostic.Span.Start;
            foreach (var (start, end, ids) in _ranges)
            {
                if (at < start || at >= end) continue;
                if (ids.Contains(All) || ids.Contains(diagnostic.Id)) return true;
            }
            return false;
        }

        private static void AddNextInstruction(List<(int, int, HashSet<string>)> ranges, IReadOnlyList<Instruction> instructions, Comment comment, HashSet<string> ids)
        {
            foreach (var ins in instructions)
            {
                if (ins.Span.Start <= comment.Span.Start) continue;
                ranges.Add((ins.FullSpan.Start, ins.FullSpan.End, ids));
                return;
            }
        }

        private static readonly char[] Separators = { ' ', '\t', ',', ';' };

        private static bool TryParseDkr(string text, out bool nextLine, out HashSet<string> ids)
        {
            nextLine = false;
            ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string rest;
            if (StartsWithWord(text, "dkr-disable-next-line", out rest)) nextLine = true;
            else if (!StartsWithWord(text, "dkr-disable", out rest)) return false;
            // Anything after " -- " or " # " is a reason, not an id.
            int reason = rest.IndexOf("--", StringComparison.Ordinal);
            if (reason >= 0) rest = rest.Substring(0, reason);
            foreach (var part in rest.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("#", StringComparison.Ordinal)) break;
                if (part.StartsWith("DKR", StringComparison.OrdinalIgnoreCase)) ids.Add(part.ToUpperInvariant());
            }
            if (ids.Count == 0) ids.Add(All);
            return true;
        }

        private static bool TryParseHadolint(string text, out bool global, out HashSet<string> ids)
        {
            global = false;
            ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!StartsWithWord(text, "hadolint", out var rest)) return false;
            rest = rest.TrimStart();
            if (StartsWithWord(rest, "global", out var afterGlobal))
            {
                global = true;
                rest = afterGlobal.TrimStart();
            }
            if (!rest.StartsWith("ignore=", StringComparison.OrdinalIgnoreCase)) return false;
            string list = rest.Substring("ignore=".Length);
            int space = list.IndexOfAny(new[] { ' ', '\t' });
            if (space >= 0) list = list.Substring(0, space);
            foreach (var code in list.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                if (SuppressionMappings.Hadolint.TryGetValue(code.Trim(), out var mapped))
                    foreach (var id in mapped) ids.Add(id);
            return ids.Count > 0;
        }

        /// <summary>The DKR ids behind <c>skip=A,B</c> (or <c>skip=all</c>) in a BuildKit check directive.</summary>
        private static HashSet<string> BuildKitSkips(string value)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in value.Split(';'))
            {
                var kv = setting.Split(new[] { '=' }, 2);
                if (kv.Length != 2 || !kv[0].Trim().Equals("skip", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var name in kv[1].Split(','))
                {
                    string check = name.Trim();
                    if (check.Equals("all", StringComparison.OrdinalIgnoreCase))
                    {
                        foreach (var mapped in SuppressionMappings.BuildKit.Values)
                            foreach (var id in mapped) ids.Add(id);
                    }
                    else if (SuppressionMappings.BuildKit.TryGetValue(check, out var mapped))
                    {
                        foreach (var id in mapped) ids.Add(id);
                    }
                }
            }
            return ids;
        }

        private static bool StartsWithWord(string text, string word, out string rest)
        {
            rest = "";
            if (!text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return false;
            if (text.Length > word.Length && !char.IsWhiteSpace(text[word.Length]) && text[word.Length] != ':') return false;
            rest = text.Substring(word.Length).TrimStart(':', ' ', '\t');
            return true;
        }
    }

    /// <summary>One <c>dkr-disable</c> or <c>dkr-disable-next-line</c> comment: where it is, what it names, which range it made (-1: none).</summary>
    internal sealed class SuppressionComment
    {
        public SuppressionComment(Text.TextSpan span, bool isNextLine, HashSet<string> ids, int rangeIndex)
        {
            Span = span;
            IsNextLine = isNextLine;
            Ids = ids;
            RangeIndex = rangeIndex;
        }

        public Text.TextSpan Span { get; }
        public bool IsNextLine { get; }
        public HashSet<string> Ids { get; }
        public int RangeIndex { get; }
        public string Keyword => IsNextLine ? "dkr-disable-next-line" : "dkr-disable";
    }
}
