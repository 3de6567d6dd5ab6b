using System;
using System.Collections.Generic;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Fixes
{
    /// <summary>The fixed bytes of one file and the rules whose findings the fix resolves.</summary>
    public sealed class FixedFile
    {
        public FixedFile(string path, byte[] originalBytes, byte[] fixedBytes, string originalText, string fixedText, IReadOnlyList<string> ruleIds)
        {
            Path = path;
            OriginalBytes = originalBytes;
            FixedBytes = fixedBytes;
            OriginalText = originalText;
            FixedText = fixedText;
            RuleIds = ruleIds;
        }

        public string Path { get; }
        public byte[] OriginalBytes { get; }
        public byte[] FixedBytes { get; }

        /// <summary>The decoded texts (no byte order mark), for diffs.</summary>
        public string OriginalText { get; }
        public string FixedText { get; }

        public IReadOnlyList<string> RuleIds { get; }
    }

    /// <summary>
    /// Safe, mechanical fixes for findings: each changes only the characters that resolve the finding, keeps line
    /// endings, byte order mark and indentation, and a second run finds nothing left to change. Host-free: the
    /// command-line tool writes the result, an IDE could offer the same edits as code fixes.
    /// <para>A file that does not decode exactly (not strict UTF-8, or bytes that would not round-trip) or does not
    /// parse gets no fix.</para>
    /// </summary>
    public static class SafeFixes
    {
        /// <summary>The rules that have a fix.</summary>
        public static IReadOnlyList<string> FixableRuleIds { get; } = new[]
        {
            DockerfileFixes.NoInstallRecommends, DockerfileFixes.ApkNoCache, DockerfileFixes.PipNoCacheDir, DockerfileFixes.Maintainer,
            DockerfileFixes.RunsAsRoot, DockerfileFixes.ShellFormStartup, ComposeFixes.ObsoleteVersion,
            DockerIgnoreFixes.GitNotIgnored, DockerIgnoreFixes.BuildOutputNotIgnored, DockerIgnoreFixes.SecretsNotIgnored,
            DockerIgnoreFixes.NoDockerIgnore,
        };

        public static bool IsFixable(string ruleId)
        {
            foreach (var id in FixableRuleIds) if (string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The edits that fix the given findings of one file (findings of other files or rules are ignored).</summary>
        public static IReadOnlyList<TextEdit> EditsFor(SourceText text, AssetKind kind, IEnumerable<Diagnostic> findings)
        {
            var mine = new List<Diagnostic>();
            foreach (var d in findings)
                if (string.Equals(d.FilePath, text.Path, StringComparison.Ordinal) && IsFixable(d.Id)) mine.Add(d);
            if (mine.Count == 0) return Array.Empty<TextEdit>();
            return kind switch
            {
                AssetKind.Dockerfile => DockerfileFixes.EditsFor(text, mine),
                AssetKind.Compose => ComposeFixes.EditsFor(text, mine),
                AssetKind.DockerIgnore => DockerIgnoreFixes.EditsFor(text, mine),
                _ => Array.Empty<TextEdit>(),
            };
        }

        /// <summary>
        /// Fixes one file's bytes: null when there is nothing to fix or the file cannot be fixed safely. Only the
        /// edited characters change; every other byte is kept as it was.
        /// </summary>
        public static FixedFile? Fix(string path, AssetKind kind, byte[] bytes, IEnumerable<Diagnostic> findings)
        {
            var text = AssetReader.Decode(bytes, path, out _);
            if (text == null) return null;
            if (!SameBytes(Encode(text.Text, text.HasByteOrderMark), bytes)) return null;
            var edits = EditsFor(text, kind, findings);
            if (edits.Count == 0) return null;
            string? fixedText = TextEdit.Apply(text.Text, edits);
            if (fixedText == null || fixedText == text.Text) return null;
            var ids = new List<string>();
            foreach (var d in findings)
                if (string.Equals(d.FilePath, path, StringComparison.Ordinal) && IsFixable(d.Id) && !ids.Contains(d.Id)) ids.Add(d.Id);
            return new FixedFile(path, bytes, Encode(fixedText, text.HasByteOrderMark), text.Text, fixedText, ids);
        }

        /// <summary>
        /// The .dockerignore files to create: for each build context a DKR401 finding names (a directory copied from
        /// a context without one), the file the finding recommends. Never one that exists already.
        /// </summary>
        public static IReadOnlyList<FixedFile> NewFiles(IEnumerable<Diagnostic> findings, IFileSystem fileSystem)
        {
            var created = new List<FixedFile>();
            foreach (var d in findings)
            {
                if (d.Id != DockerIgnoreFixes.NoDockerIgnore || d.Arguments.Count < 3 || string.IsNullOrWhiteSpace(d.Arguments[2])) continue;
                string path;
                try
                {
                    path = System.IO.Path.Combine(System.IO.Path.GetFullPath(d.Arguments[2]), ".dockerignore");
                    if (fileSystem.FileExists(path) || fileSystem.DirectoryExists(path) || !fileSystem.DirectoryExists(d.Arguments[2])) continue;
                }
                catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }
                bool known = false;
                foreach (var f in created) if (string.Equals(f.Path, path, StringComparison.Ordinal)) known = true;
                if (known) continue;
                // The line breaks of the Dockerfile whose COPY asked for it.
                string lineBreak = "\n";
                try
                {
                    var dockerfile = AssetReader.TryRead(fileSystem, d.FilePath, out _);
                    if (dockerfile != null) lineBreak = LineBreakOf(dockerfile.Text);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                }
                string text = DockerIgnoreFixes.NewFileText(lineBreak);
                created.Add(new FixedFile(path, Array.Empty<byte>(), Utf8NoBom.GetBytes(text), "", text, new[] { d.Id }));
            }
            return created;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false, true);

        private static byte[] Encode(string text, bool byteOrderMark)
        {
            byte[] body = Utf8NoBom.GetBytes(text);
            if (!byteOrderMark) return body;
            var withBom = new byte[body.Length + 3];
            withBom[0] = 0xEF;
            withBom[1] = 0xBB;
            withBom[2] = 0xBF;
            Buffer.BlockCopy(body, 0, withBom, 3, body.Length);
            return withBom;
        }

        /// <summary>The line break the file uses (its first one), "\n" when it has none.</summary>
        internal static string LineBreakOf(string text)
        {
            int n = text.IndexOf('\n');
            if (n > 0 && text[n - 1] == '\r') return "\r\n";
            if (n >= 0) return "\n";
            return text.IndexOf('\r') >= 0 ? "\r" : "\n";
        }
    }
}
