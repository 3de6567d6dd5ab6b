using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Cli.Output;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Cli.Projects
{
    /// <summary>
    /// <c>docker-analyzers App.csproj</c> / <c>X.sln</c> / <c>X.slnx</c>: the findings the build reports for the
    /// project (or for each project of the solution, shared files once). Uses no Microsoft.Build type itself, so a
    /// folder or single-file run, which never gets here, never loads MSBuild.
    /// </summary>
    internal static class ProjectMode
    {
        public static bool IsProjectOrSolution(string path)
        {
            string extension = Path.GetExtension(path).ToLowerInvariant();
            return IsProjectExtension(extension) || IsSolutionExtension(extension);
        }

        private static bool IsProjectExtension(string extension) => extension == ".csproj" || extension == ".fsproj" || extension == ".vbproj";
        private static bool IsSolutionExtension(string extension) => extension == ".sln" || extension == ".slnx";

        public static int Run(AnalyzeOptions options, IReportFormat format, TextWriter output, Terminal terminal)
        {
            if (options.Fix)
                return AnalyzeCommand.Usage($"--fix works on folders and files; run it on the project's folder ('{Path.GetDirectoryName(options.Path)}').");
            string full;
            try
            {
                full = Path.GetFullPath(options.Path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return AnalyzeCommand.Usage($"'{options.Path}' is not a valid path ({ex.Message}).");
            }
            bool isSolution = IsSolutionExtension(Path.GetExtension(full).ToLowerInvariant());
            if (!File.Exists(full))
                return AnalyzeCommand.Usage($"the {(isSolution ? "solution" : "project")} '{options.Path}' does not exist.");

            terminal.Progress("Loading MSBuild...");
            if (!MSBuildRegistration.TryRegister(Path.GetDirectoryName(full)!, out _, out string? problem))
            {
                terminal.ClearProgress();
                return AnalyzeCommand.Usage(problem!);
            }
            terminal.Progress(isSolution ? "Evaluating the solution's projects..." : "Evaluating the project...");
            var result = Evaluate(full, isSolution, options.Properties);
            terminal.ClearProgress();
            if (result.Problem != null) return AnalyzeCommand.Usage(result.Problem);

            var shown = new List<Diagnostic>();
            foreach (var d in result.Diagnostics)
                if (d.Severity >= options.Threshold && d.Severity != DiagnosticSeverity.None) shown.Add(d);
            var suppressed = new List<Diagnostic>();
            foreach (var d in result.Suppressed)
                if (d.Severity >= options.Threshold && d.Severity != DiagnosticSeverity.None) suppressed.Add(d);
            var report = new Report(shown, result.FileCount, options.Threshold, Directory.GetCurrentDirectory(), suppressed);
            format.Write(report, output, terminal);
            return shown.Count > 0 ? Program.FindingsFound : Program.Clean;
        }

        /// <summary>A method of its own: the JIT compiles it (and loads Microsoft.Build) only once the locator has run.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static ProjectRunResult Evaluate(string path, bool isSolution, IReadOnlyDictionary<string, string> properties) =>
            ProjectEvaluator.Analyze(path, isSolution, properties, new CSharpAppCode());
    }
}
