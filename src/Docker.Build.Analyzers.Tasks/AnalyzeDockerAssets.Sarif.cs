using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Reporting;
using Docker.Build.Analyzers.Rules.Analyzer;
using Microsoft.Build.Framework;

namespace Docker.Build.Analyzers.Tasks
{
    /// <summary>The SARIF log of the project's findings (<c>-p:DockerAnalyzersSarifFile=path</c>).</summary>
    public sealed partial class AnalyzeDockerAssets
    {
        /// <summary>Where to write a SARIF 2.1.0 log of the findings (full path, or relative to the project directory); empty writes none.</summary>
        public string? SarifFile { get; set; }

        /// <summary>
        /// The folder the log's paths are relative to (<c>%SRCROOT%</c>). Empty: the repository root (the nearest
        /// folder above the project holding <c>.git</c>), else the solution folder, else the project folder.
        /// </summary>
        public string? SarifSourceRoot { get; set; }

        private void WriteSarifLogIfRequested(IReadOnlyList<Diagnostic> reported, IReadOnlyList<Diagnostic> suppressedInSource, string? failure)
        {
            if (string.IsNullOrWhiteSpace(SarifFile)) return;
            string projectDirectory = string.IsNullOrWhiteSpace(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
            string path = SarifFile!.Trim();
            try
            {
                path = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(projectDirectory, path));
                var run = new SarifRun(SarifTool.Product, reported, suppressedInSource, sourceRoot: SourceRoot(projectDirectory), executionError: failure);
                SarifLogWriter.WriteFile(path, run);
                Log.LogMessage(MessageImportance.Low, "Docker.Build.Analyzers: wrote the SARIF log {0} ({1} results, {2} suppressed in source).", path, reported.Count, suppressedInSource.Count);
            }
            catch (Exception ex)
            {
                // Any failure, expected (I/O, permissions, a malformed path) or not, is one clear warning, never MSB4018.
                var rule = AnalyzerRules.ReportUnwritable;
                if (ParseCodes(NoWarn).Contains(rule.Id)) return;
                string file = string.IsNullOrWhiteSpace(ProjectPath) ? "" : ProjectPath!;
                Log.LogWarning(null, rule.Id, rule.Id, rule.HelpLink, file, 0, 0, 0, 0, rule.FormatMessage(new object[] { path, ex.Message }));
            }
        }

        private string SourceRoot(string projectDirectory)
        {
            if (!string.IsNullOrWhiteSpace(SarifSourceRoot)) return Path.GetFullPath(Path.Combine(projectDirectory, SarifSourceRoot!.Trim()));
            string? repository = RepositoryLayout.FindRepositoryRoot(PhysicalFileSystem.Instance, Path.GetFullPath(projectDirectory));
            if (repository != null) return repository;
            if (!string.IsNullOrWhiteSpace(SolutionPath) && SolutionPath != "*Undefined*")
            {
                string? solutionDirectory = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(projectDirectory, SolutionPath!)));
                if (!string.IsNullOrEmpty(solutionDirectory)) return solutionDirectory!;
            }
            return Path.GetFullPath(projectDirectory);
        }
    }
}
