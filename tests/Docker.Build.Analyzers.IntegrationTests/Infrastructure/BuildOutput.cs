using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Docker.Build.Analyzers.IntegrationTests.Infrastructure
{
    /// <summary>One diagnostic line in MSBuild's canonical form: <c>path(line,col[,endLine,endCol]): kind CODE: message [project]</c>.</summary>
    public sealed record BuildDiagnostic(string Kind, string Code, string File, int Line, int Column, int EndLine, int EndColumn, string Message, string Project)
    {
        /// <summary>"DKR101 Dockerfile(6,6,6,37)" with the file relative to <paramref name="baseDirectory"/>, for exact comparisons.</summary>
        public string Describe(string baseDirectory) =>
            $"{Kind} {Code} {System.IO.Path.GetRelativePath(baseDirectory, File).Replace('\\', '/')}({Line},{Column},{EndLine},{EndColumn})";
    }

    /// <summary>
    /// The DKR lines of a <c>dotnet build</c> run. Only the part before the "Build succeeded."/"Build FAILED." line is
    /// read: the summary after it repeats every warning and error. (The SDK appends -consoleloggerparameters:Summary
    /// after the user's arguments, so -clp:NoSummary cannot turn that summary off.)
    /// </summary>
    public sealed class BuildOutput
    {
        private static readonly Regex Canonical = new Regex(
            @"^\s*(?:\d+>)?(?<file>.+?)\((?<line>\d+),(?<col>\d+)(?:,(?<endLine>\d+),(?<endCol>\d+))?\)\s*:\s*(?<kind>warning|error|message)\s+(?<code>DKR\d+)\s*:\s*(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?\s*$",
            RegexOptions.CultureInvariant);

        private static readonly Regex SummaryStart = new Regex(@"^\s*Build (succeeded|FAILED)\.", RegexOptions.CultureInvariant);

        private BuildOutput(IReadOnlyList<BuildDiagnostic> diagnostics, IReadOnlyList<string> unparsedDkrLines)
        {
            Diagnostics = diagnostics;
            UnparsedDkrLines = unparsedDkrLines;
        }

        public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

        /// <summary>Lines before the summary that mention a DKR code but are not in canonical form (should be none).</summary>
        public IReadOnlyList<string> UnparsedDkrLines { get; }

        public static BuildOutput Parse(string output)
        {
            var diagnostics = new List<BuildDiagnostic>();
            var unparsed = new List<string>();
            foreach (string line in output.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                if (SummaryStart.IsMatch(line)) break;
                var m = Canonical.Match(line);
                if (m.Success)
                {
                    int lineNumber = int.Parse(m.Groups["line"].Value);
                    int column = int.Parse(m.Groups["col"].Value);
                    diagnostics.Add(new BuildDiagnostic(
                        m.Groups["kind"].Value,
                        m.Groups["code"].Value,
                        m.Groups["file"].Value.Trim(),
                        lineNumber,
                        column,
                        m.Groups["endLine"].Success ? int.Parse(m.Groups["endLine"].Value) : lineNumber,
                        m.Groups["endCol"].Success ? int.Parse(m.Groups["endCol"].Value) : column,
                        m.Groups["message"].Value,
                        m.Groups["project"].Value));
                }
                else if (Regex.IsMatch(line, @"\bDKR\d{3}\b"))
                {
                    unparsed.Add(line);
                }
            }
            return new BuildOutput(diagnostics, unparsed);
        }

        /// <summary>Every diagnostic described relative to <paramref name="baseDirectory"/>, sorted, duplicates kept.</summary>
        public string[] Describe(string baseDirectory) =>
            Diagnostics.Select(d => d.Describe(baseDirectory)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }
}
