using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Cli.Folders;
using Docker.Build.Analyzers.Cli.Output;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Fixes;

namespace Docker.Build.Analyzers.Cli
{
    /// <summary>
    /// <c>--fix</c>: applies the engine's safe fixes to every finding that has one (whatever the threshold: it only
    /// decides what is reported and what fails). Fixes are applied in memory and the folder analysed again until
    /// nothing is left to fix (a new .dockerignore can show what it still lets in), so that a second <c>--fix</c>
    /// changes nothing; then each changed file is written once. With <c>--dry-run</c> the changes are printed as a
    /// unified diff instead, and the exit code is 1 when there is something to fix, 0 when not.
    /// </summary>
    internal static class FixCommand
    {
        private const int MaxRounds = 4;

        public static int Run(AnalysisTarget target, bool dryRun, TextWriter output, Terminal terminal)
        {
            var fileSystem = new OverlayFileSystem();
            var assets = new List<FoundAsset>(target.Assets);
            var originals = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
            var rulesByFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);

            for (int round = 0; round < MaxRounds; round++)
            {
                var result = AnalyzeCommand.Analyze(target.RootDirectory, assets, fileSystem);
                var byFile = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
                var fixable = new List<Diagnostic>();
                foreach (var d in result.Diagnostics)
                {
                    if (d.Severity == DiagnosticSeverity.None || !SafeFixes.IsFixable(d.Id)) continue;
                    fixable.Add(d);
                    if (!byFile.TryGetValue(d.FilePath, out var list)) byFile[d.FilePath] = list = new List<Diagnostic>();
                    list.Add(d);
                }

                bool changed = false;
                foreach (var asset in assets)
                {
                    if (!byFile.TryGetValue(asset.Path, out var findings)) continue;
                    byte[] bytes;
                    try
                    {
                        bytes = fileSystem.ReadAllBytes(asset.Path);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        Console.Error.WriteLine($"warning: {asset.Path} could not be read to fix it ({ex.Message}).");
                        continue;
                    }
                    var fixedFile = SafeFixes.Fix(asset.Path, asset.Kind, bytes, findings);
                    if (fixedFile == null) continue;
                    if (!originals.ContainsKey(asset.Path)) originals[asset.Path] = bytes;
                    fileSystem.Set(asset.Path, fixedFile.FixedBytes);
                    Record(rulesByFile, asset.Path, fixedFile.RuleIds);
                    changed = true;
                }
                foreach (var created in SafeFixes.NewFiles(fixable, fileSystem))
                {
                    if (!originals.ContainsKey(created.Path)) originals[created.Path] = null;
                    fileSystem.Set(created.Path, created.FixedBytes);
                    assets.Add(new FoundAsset(created.Path, AssetKind.DockerIgnore));
                    Record(rulesByFile, created.Path, created.RuleIds);
                    changed = true;
                }
                if (!changed) break;
            }

            string baseDirectory = Directory.GetCurrentDirectory();
            var paths = new List<string>(originals.Keys);
            paths.Sort(StringComparer.Ordinal);
            int written = 0;
            terminal.ClearProgress();
            foreach (var path in paths)
            {
                byte[]? before = originals[path];
                byte[] after = fileSystem.ReadAllBytes(path);
                if (before != null && Same(before, after)) continue;
                written++;
                string display = Relative(baseDirectory, path);
                if (dryRun)
                {
                    output.Write(UnifiedDiff.Create(before == null ? "" : Decode(before), Decode(after), before == null ? "/dev/null" : "a/" + display, "b/" + display));
                    continue;
                }
                File.WriteAllBytes(path, after);
                Console.Error.WriteLine($"{(before == null ? "Created" : "Fixed")} {display} ({string.Join(", ", rulesByFile[path])}).");
            }
            output.Flush();
            if (dryRun) return written > 0 ? Program.FindingsFound : Program.Clean;
            return Program.Clean;
        }

        private static void Record(Dictionary<string, List<string>> rulesByFile, string path, IReadOnlyList<string> ids)
        {
            if (!rulesByFile.TryGetValue(path, out var list)) rulesByFile[path] = list = new List<string>();
            foreach (var id in ids) if (!list.Contains(id)) list.Add(id);
        }

        private static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

        /// <summary>The text for the diff: UTF-8 without its byte order mark (the fixes keep the mark as it was).</summary>
        private static string Decode(byte[] bytes)
        {
            int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip);
        }

        private static string Relative(string baseDirectory, string path)
        {
            string relative = Path.GetRelativePath(baseDirectory, path);
            return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
        }
    }

    /// <summary>The disk, with the files the fixes changed or created so far held in memory (the engine only reads).</summary>
    internal sealed class OverlayFileSystem : IFileSystem
    {
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        private readonly IFileSystem _disk = PhysicalFileSystem.Instance;

        public void Set(string path, byte[] bytes) => _files[path] = bytes;

        public bool FileExists(string path) => _files.ContainsKey(path) || _disk.FileExists(path);
        public bool DirectoryExists(string path) => _disk.DirectoryExists(path);
        public long GetFileLength(string path) => _files.TryGetValue(path, out var bytes) ? bytes.Length : _disk.GetFileLength(path);
        public byte[] ReadAllBytes(string path) => _files.TryGetValue(path, out var bytes) ? bytes : _disk.ReadAllBytes(path);

        public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
        {
            var entries = new List<DirectoryEntry>(_disk.EnumerateEntries(directory));
            foreach (var path in _files.Keys)
            {
                if (!string.Equals(Path.GetDirectoryName(path), directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) continue;
                string name = Path.GetFileName(path);
                if (!entries.Exists(e => e.Name == name)) entries.Add(new DirectoryEntry(name, false));
            }
            return entries;
        }
    }
}
