using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Cli.Folders;
using Docker.Build.Analyzers.Cli.Output;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Fixes;

namespace Docker.Build.Analyzers.Cli
{
    /// <summary>
    /// <c>--fix</c>: analyses, applies the engine's safe fixes to every finding that has one (whatever the
    /// threshold: it only decides what is reported and what fails), and writes each changed file once. With
    /// <c>--dry-run</c> it prints a unified diff instead and exits 1 when there is something to fix, 0 when not.
    /// </summary>
    internal static class FixCommand
    {
        public static int Run(AnalysisTarget target, bool dryRun, TextWriter output, Terminal terminal)
        {
            var result = AnalyzeCommand.Analyze(target);
            var byFile = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
            foreach (var d in result.Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.None || !SafeFixes.IsFixable(d.Id)) continue;
                if (!byFile.TryGetValue(d.FilePath, out var list)) byFile[d.FilePath] = list = new List<Diagnostic>();
                list.Add(d);
            }

            var baseDirectory = Directory.GetCurrentDirectory();
            int changed = 0;
            foreach (var asset in target.Assets)
            {
                if (!byFile.TryGetValue(asset.Path, out var findings)) continue;
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(asset.Path);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"warning: {asset.Path} could not be read to fix it ({ex.Message}).");
                    continue;
                }
                var fixedFile = SafeFixes.Fix(asset.Path, asset.Kind, bytes, findings);
                if (fixedFile == null) continue;
                changed++;
                string display = Relative(baseDirectory, asset.Path);
                if (dryRun)
                {
                    terminal.ClearProgress();
                    output.Write(UnifiedDiff.Create(fixedFile.OriginalText, fixedFile.FixedText, "a/" + display, "b/" + display));
                    continue;
                }
                File.WriteAllBytes(asset.Path, fixedFile.FixedBytes);
                terminal.ClearProgress();
                Console.Error.WriteLine($"Fixed {display} ({string.Join(", ", fixedFile.RuleIds)}).");
            }
            output.Flush();
            if (dryRun) return changed > 0 ? Program.FindingsFound : Program.Clean;
            return Program.Clean;
        }

        private static string Relative(string baseDirectory, string path)
        {
            string relative = Path.GetRelativePath(baseDirectory, path);
            return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
        }
    }
}
