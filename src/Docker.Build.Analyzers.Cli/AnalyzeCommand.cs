using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Cli.Folders;
using Docker.Build.Analyzers.Cli.Output;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Cli
{
    internal sealed class AnalyzeOptions
    {
        public AnalyzeOptions(string path, string format, DiagnosticSeverity threshold, bool fix, bool dryRun,
            IReadOnlyDictionary<string, string>? properties = null)
        {
            Properties = properties ?? new Dictionary<string, string>();
            Path = path;
            Format = format;
            Threshold = threshold;
            Fix = fix;
            DryRun = dryRun;
        }

        public string Path { get; }
        public string Format { get; }
        public DiagnosticSeverity Threshold { get; }
        public bool Fix { get; }
        public bool DryRun { get; }

        /// <summary>MSBuild global properties for project and solution mode (<c>-p:Configuration=Release</c>).</summary>
        public IReadOnlyDictionary<string, string> Properties { get; }

        public static DiagnosticSeverity ParseSeverity(string value) => value.ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Suggestion,
        };
    }

    /// <summary>
    /// <c>docker-analyzers [path]</c>: finds the assets, hands them to the engine as one folder analysis (so each file
    /// is loaded and reported once, and every Dockerfile's context is decided with all compose files in view), and
    /// writes the findings at or above the threshold.
    /// </summary>
    internal static class AnalyzeCommand
    {
        public static int Run(AnalyzeOptions options, TextWriter output, Terminal terminal)
        {
            var format = ReportFormats.Find(options.Format, out var formatProblem);
            if (format == null) return Usage(formatProblem!);
            if (options.DryRun && !options.Fix) return Usage("--dry-run only goes with --fix.");
            if (Projects.ProjectMode.IsProjectOrSolution(options.Path)) return Projects.ProjectMode.Run(options, format, output, terminal);
            if (options.Properties.Count != 0) return Usage("--property only applies to a project or solution.");

            var target = AnalysisTarget.Resolve(options.Path, out var targetProblem);
            if (target == null) return Usage(targetProblem!);

            terminal.Progress($"Analysing {Output.TextReportFormat.Plural(target.Assets.Count, "file")}...");
            if (options.Fix)
            {
                int fixExit = FixCommand.Run(target, options.DryRun, output, terminal);
                if (fixExit != Program.Clean || options.DryRun)
                {
                    terminal.ClearProgress();
                    return fixExit;
                }
            }

            var result = Analyze(target);
            var shown = new List<Diagnostic>();
            foreach (var d in result.Diagnostics)
                if (d.Severity >= options.Threshold && d.Severity != DiagnosticSeverity.None) shown.Add(d);
            terminal.ClearProgress();

            var suppressed = new List<Diagnostic>();
            foreach (var d in result.SuppressedDiagnostics)
                if (d.Severity >= options.Threshold && d.Severity != DiagnosticSeverity.None) suppressed.Add(d);
            var report = new Report(shown, target.Assets.Count, options.Threshold, Directory.GetCurrentDirectory(), suppressed);
            format.Write(report, output, terminal);
            return shown.Count > 0 ? Program.FindingsFound : Program.Clean;
        }

        internal static AnalysisResult Analyze(AnalysisTarget target) => Analyze(target.RootDirectory, target.Assets, null);

        /// <summary>
        /// One folder analysis. Severities come from the .editorconfig files above each asset and the .globalconfig
        /// files above the folder, found and applied by the engine exactly as in the build (no MSBuild warning
        /// properties: a folder has no project).
        /// </summary>
        internal static AnalysisResult Analyze(string rootDirectory, IReadOnlyList<FoundAsset> assets, IFileSystem? fileSystem)
        {
            var inputs = new List<AssetInput>(assets.Count);
            foreach (var asset in assets) inputs.Add(new AssetInput(asset.Path, asset.Kind));
            var configuration = new Docker.Build.Analyzers.Configuration.ConfigurationSources(
                discoverEditorConfigFiles: true, discoverGlobalConfigFiles: true);
            var request = new AnalysisRequest(rootDirectory, inputs, null, fileSystem, false, configuration)
                .AsFolderAnalysis()
                .WithParallelism(assets.Count >= 8 ? Environment.ProcessorCount : 1);
            return new DockerAnalyzer().Analyze(request);
        }

        internal static int Usage(string message)
        {
            Console.Error.WriteLine("error: " + message);
            return Program.UsageOrInternalError;
        }
    }

    /// <summary>What the command line names: a folder and the assets below it, or one asset file.</summary>
    internal sealed class AnalysisTarget
    {
        private AnalysisTarget(string rootDirectory, IReadOnlyList<FoundAsset> assets)
        {
            RootDirectory = rootDirectory;
            Assets = assets;
        }

        public string RootDirectory { get; }
        public IReadOnlyList<FoundAsset> Assets { get; }

        public static AnalysisTarget? Resolve(string path, out string? problem)
        {
            problem = null;
            string full;
            try
            {
                full = System.IO.Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                problem = $"'{path}' is not a valid path ({ex.Message}).";
                return null;
            }
            if (Directory.Exists(full))
            {
                full = full.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
                if (full.Length == 0) full = System.IO.Path.DirectorySeparatorChar.ToString();
                return new AnalysisTarget(full, AssetFinder.Find(full));
            }
            if (File.Exists(full))
            {
                var kind = AssetKinds.Infer(full);
                // A file named on purpose that no name rule places (Containerfile, app.df) is most likely a Dockerfile, as in the build.
                if (kind == AssetKind.Unknown) kind = AssetKind.Dockerfile;
                return new AnalysisTarget(System.IO.Path.GetDirectoryName(full) ?? full, new[] { new FoundAsset(full, kind) });
            }
            problem = $"'{path}' does not exist.";
            return null;
        }
    }
}
