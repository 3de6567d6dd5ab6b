using System.Collections.Generic;
using System.Text;

namespace Docker.Build.Analyzers.Cli.Output
{
    /// <summary>
    /// A unified diff (<c>--- a/x</c>, <c>+++ b/x</c>, <c>@@ -l,n +l,n @@</c> hunks with three lines of context) of two
    /// texts, line by line, as <c>git apply</c> and <c>patch</c> read it. Lines keep their bytes (a CRLF file shows its
    /// carriage returns); a last line without a line break gets the usual marker.
    /// </summary>
    internal static class UnifiedDiff
    {
        private const int Context = 3;

        /// <summary>Above this many lines on either side the middle is shown as one change (files are Docker assets, short).</summary>
        private const int MaxLinesForFullDiff = 4000;

        public static string Create(string oldText, string newText, string oldLabel, string newLabel)
        {
            var a = SplitLines(oldText);
            var b = SplitLines(newText);
            var ops = Compare(a, b);
            var output = new StringBuilder();
            output.Append("--- ").Append(oldLabel).Append('\n');
            output.Append("+++ ").Append(newLabel).Append('\n');

            int i = 0;
            while (i < ops.Count)
            {
                if (ops[i].Kind == ' ') { i++; continue; }
                // A hunk: from this change, taking in the next changes while their gap is at most 2*Context.
                int start = i;
                int end = i;
                while (true)
                {
                    int next = end + 1;
                    while (next < ops.Count && ops[next].Kind == ' ') next++;
                    if (next < ops.Count && next - end - 1 <= 2 * Context) { end = next; continue; }
                    break;
                }
                int from = System.Math.Max(0, start - Context);
                int to = System.Math.Min(ops.Count - 1, end + Context);
                int oldStart = -1, newStart = -1, oldCount = 0, newCount = 0;
                for (int k = from; k <= to; k++)
                {
                    var op = ops[k];
                    if (op.Kind != '+') { if (oldStart < 0) oldStart = op.OldIndex; oldCount++; }
                    if (op.Kind != '-') { if (newStart < 0) newStart = op.NewIndex; newCount++; }
                }
                output.Append("@@ -").Append(Range(oldStart, oldCount, ops, from, true)).Append(" +").Append(Range(newStart, newCount, ops, from, false)).Append(" @@\n");
                for (int k = from; k <= to; k++)
                {
                    var op = ops[k];
                    string line = op.Kind == '+' ? b[op.NewIndex] : a[op.OldIndex];
                    output.Append(op.Kind);
                    if (line.EndsWith("\n", System.StringComparison.Ordinal)) output.Append(line);
                    else output.Append(line).Append("\n\\ No newline at end of file\n");
                }
                i = to + 1;
            }
            return output.ToString();
        }

        private static string Range(int start, int count, List<Op> ops, int from, bool old)
        {
            if (count == 0)
            {
                // An empty range names the line before it.
                int before = 0;
                for (int k = from - 1; k >= 0; k--)
                    if (old ? ops[k].Kind != '+' : ops[k].Kind != '-') { before = (old ? ops[k].OldIndex : ops[k].NewIndex) + 1; break; }
                return before + ",0";
            }
            return (start + 1) + (count == 1 ? "" : "," + count);
        }

        private readonly struct Op
        {
            public Op(char kind, int oldIndex, int newIndex)
            {
                Kind = kind;
                OldIndex = oldIndex;
                NewIndex = newIndex;
            }

            public char Kind { get; }
            public int OldIndex { get; }
            public int NewIndex { get; }
        }

        /// <summary>The edit script: common prefix and suffix, and a longest-common-subsequence walk of the middle.</summary>
        private static List<Op> Compare(List<string> a, List<string> b)
        {
            int prefix = 0;
            while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
            int suffix = 0;
            while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

            var ops = new List<Op>();
            for (int k = 0; k < prefix; k++) ops.Add(new Op(' ', k, k));
            int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
            if (n > MaxLinesForFullDiff || m > MaxLinesForFullDiff)
            {
                for (int k = 0; k < n; k++) ops.Add(new Op('-', prefix + k, prefix));
                for (int k = 0; k < m; k++) ops.Add(new Op('+', prefix + n, prefix + k));
            }
            else
            {
                var lcs = new int[n + 1, m + 1];
                for (int x = n - 1; x >= 0; x--)
                    for (int y = m - 1; y >= 0; y--)
                        lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : System.Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                int i = 0, j = 0;
                while (i < n || j < m)
                {
                    if (i < n && j < m && a[prefix + i] == b[prefix + j]) { ops.Add(new Op(' ', prefix + i, prefix + j)); i++; j++; }
                    // Removals before additions, as diff and git print a changed line.
                    else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1])) { ops.Add(new Op('-', prefix + i, prefix + j)); i++; }
                    else { ops.Add(new Op('+', prefix + i, prefix + j)); j++; }
                }
            }
            for (int k = 0; k < suffix; k++) ops.Add(new Op(' ', a.Count - suffix + k, b.Count - suffix + k));
            return ops;
        }

        /// <summary>Lines with their line breaks ("\n", or "\r\n" ending in '\n').</summary>
        private static List<string> SplitLines(string text)
        {
            var lines = new List<string>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != '\n') continue;
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
            if (start < text.Length) lines.Add(text.Substring(start));
            return lines;
        }
    }
}
