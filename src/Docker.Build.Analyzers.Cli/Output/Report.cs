using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Cli.Output
{
    /// <summary>What one run found, ready for any output format.</summary>
    internal sealed class Report
    {
        public Report(IReadOnlyList<Diagnostic> findings, int filesAnalysed, DiagnosticSeverity threshold, string baseDirectory,
            IReadOnlyList<Diagnostic>? suppressed = null)
        {
            Findings = findings;
            Suppressed = suppressed ?? Array.Empty<Diagnostic>();
            FilesAnalysed = filesAnalysed;
            Threshold = threshold;
            BaseDirectory = baseDirectory;
        }

        /// <summary>The findings at or above the threshold, in the engine's order (file, position, id).</summary>
        public IReadOnlyList<Diagnostic> Findings { get; }
        /// <summary>Findings at or above the threshold that a <c>dkr-disable</c> comment silenced (SARIF lists them as suppressed).</summary>
        public IReadOnlyList<Diagnostic> Suppressed { get; }

        public int FilesAnalysed { get; }
        public DiagnosticSeverity Threshold { get; }

        /// <summary>Paths are written relative to this folder (the current directory).</summary>
        public string BaseDirectory { get; }

        /// <summary>A finding's file relative to <see cref="BaseDirectory"/>, with '/' separators; absolute when it lies on another drive.</summary>
        public string DisplayPath(string path)
        {
            if (string.IsNullOrEmpty(path)) return path;
            string relative = Path.GetRelativePath(BaseDirectory, path);
            return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
        }

        public int Count(DiagnosticSeverity severity)
        {
            int n = 0;
            foreach (var d in Findings) if (d.Severity == severity) n++;
            return n;
        }

        public static string SeverityName(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Suggestion => "suggestion",
            _ => "none",
        };

        /// <summary>The word the canonical build-output form uses (<c>dotnet build</c> prints suggestions as messages).</summary>
        public static string CanonicalKind(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "message",
        };
    }

    /// <summary>One way of writing a report.</summary>
    internal interface IReportFormat
    {
        string Name { get; }
        void Write(Report report, TextWriter output, Terminal terminal);
    }

    internal static class ReportFormats
    {
        public static readonly string[] Names = { "text", "json", "sarif" };

        /// <summary>The format of a name, or null with the reason it cannot be used.</summary>
        public static IReportFormat? Find(string name, out string? problem)
        {
            problem = null;
            switch (name.ToLowerInvariant())
            {
                case "text": return new TextReportFormat();
                case "json": return new JsonReportFormat();
                case "sarif": return new SarifReportFormat();
                default:
                    problem = $"Unknown format '{name}'. Use one of: {string.Join(", ", Names)}.";
                    return null;
            }
        }
    }

    /// <summary><c>file(line,col): warning DKR201: message</c>, one line per finding, then a summary on standard error.</summary>
    internal sealed class TextReportFormat : IReportFormat
    {
        public string Name => "text";

        public void Write(Report report, TextWriter output, Terminal terminal)
        {
            foreach (var d in report.Findings)
            {
                string kind = Report.CanonicalKind(d.Severity);
                string color = d.Severity == DiagnosticSeverity.Error ? Terminal.Red : d.Severity == DiagnosticSeverity.Warning ? Terminal.Yellow : Terminal.Cyan;
                output.Write(report.DisplayPath(d.FilePath));
                output.Write('(');
                output.Write(d.Line);
                output.Write(',');
                output.Write(d.Column);
                output.Write("): ");
                output.Write(terminal.Paint(kind + " " + d.Id, color));
                output.Write(": ");
                output.Write(d.Message);
                output.Write('\n');
            }
            output.Flush();
            int errors = report.Count(DiagnosticSeverity.Error), warnings = report.Count(DiagnosticSeverity.Warning), suggestions = report.Count(DiagnosticSeverity.Suggestion);
            string summary = report.Findings.Count == 0
                ? $"No findings in {Plural(report.FilesAnalysed, "file")}."
                : $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(suggestions, "suggestion")} in {Plural(report.FilesAnalysed, "file")}.";
            Console.Error.WriteLine(summary);
        }

        internal static string Plural(int n, string word) => n + " " + word + (n == 1 ? "" : "s");
    }
}

namespace Docker.Build.Analyzers.Cli.Output
{
    /// <summary>
    /// SARIF 2.1.0 from the engine's writer, the same log the build writes with <c>DockerAnalyzersSarifFile</c>:
    /// locations relative to the current folder (<c>%SRCROOT%</c>), as code scanning expects when the tool runs at the
    /// repository root.
    /// </summary>
    internal sealed class SarifReportFormat : IReportFormat
    {
        public string Name => "sarif";

        public void Write(Report report, TextWriter output, Terminal terminal)
        {
            var tool = new Reporting.SarifTool(ToolInfo.CommandName, ToolInfo.Version, Reporting.SarifTool.ProductInformationUri);
            Reporting.SarifLogWriter.Write(output, new Reporting.SarifRun(tool, report.Findings, report.Suppressed, sourceRoot: report.BaseDirectory));
            output.Flush();
        }
    }
}
