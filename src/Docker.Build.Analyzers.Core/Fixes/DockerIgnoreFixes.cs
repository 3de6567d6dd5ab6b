using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Fixes
{
    /// <summary>
    /// .dockerignore fixes: the entries a finding names are appended at the end of the file, one per line, in the
    /// file's line breaks. An entry the file re-includes on purpose (a '!' line naming it) is left to the user.
    /// </summary>
    internal static class DockerIgnoreFixes
    {
        public const string GitNotIgnored = "DKR402";
        public const string BuildOutputNotIgnored = "DKR403";
        public const string SecretsNotIgnored = "DKR404";

        /// <summary>DKR401: no .dockerignore at all: the file the finding recommends, created at the context root.</summary>
        public const string NoDockerIgnore = "DKR401";

        /// <summary>The entries DKR401's message asks for.</summary>
        public static readonly IReadOnlyList<string> NewFileEntries = new[] { "**/bin/", "**/obj/", ".git", "**/.env" };

        private static readonly Regex Quoted = new Regex("'([^']+)'", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        public static IReadOnlyList<TextEdit> EditsFor(SourceText text, IReadOnlyList<Diagnostic> findings)
        {
            var entries = new List<string>();
            foreach (var d in findings)
            {
                switch (d.Id)
                {
                    case GitNotIgnored:
                        entries.Add(".git");
                        break;
                    case BuildOutputNotIgnored when d.Arguments.Count > 2:
                        foreach (Match m in Quoted.Matches(d.Arguments[2])) entries.Add(m.Groups[1].Value);
                        break;
                    case SecretsNotIgnored when d.Arguments.Count > 3:
                        foreach (Match m in Quoted.Matches(d.Arguments[3])) entries.Add(m.Groups[1].Value);
                        break;
                }
            }
            var lines = ExistingLines(text.Text);
            var added = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Length == 0 || entry.IndexOfAny(new[] { '\r', '\n' }) >= 0 || added.Contains(entry) || lines.Contains(entry)) continue;
                if (ReincludedOnPurpose(lines, entry)) continue;
                added.Add(entry);
            }
            if (added.Count == 0) return Array.Empty<TextEdit>();
            string lineBreak = SafeFixes.LineBreakOf(text.Text);
            var insertion = new System.Text.StringBuilder();
            if (text.Length > 0 && text[text.Length - 1] != '\n' && text[text.Length - 1] != '\r') insertion.Append(lineBreak);
            foreach (var entry in added) insertion.Append(entry).Append(lineBreak);
            return new[] { TextEdit.Insert(text.Length, insertion.ToString()) };
        }

        /// <summary>The text of a new .dockerignore for DKR401, in the given line break.</summary>
        public static string NewFileText(string lineBreak) => string.Join(lineBreak, NewFileEntries) + lineBreak;

        private static HashSet<string> ExistingLines(string text)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n')) set.Add(line.Trim());
            return set;
        }

        /// <summary>A '!' line that names the entry's last segment ('!.env', '!**/bin/keep'): the user wants some of it in.</summary>
        private static bool ReincludedOnPurpose(HashSet<string> lines, string entry)
        {
            string name = entry.TrimEnd('/');
            int slash = name.LastIndexOf('/');
            if (slash >= 0) name = name.Substring(slash + 1);
            name = name.Replace("*", "");
            if (name.Length == 0) return false;
            foreach (var line in lines)
                if (line.StartsWith("!", StringComparison.Ordinal) && line.IndexOf(name, StringComparison.Ordinal) >= 0) return true;
            return false;
        }
    }
}
