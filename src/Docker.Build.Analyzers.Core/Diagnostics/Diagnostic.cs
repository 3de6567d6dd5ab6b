using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>One finding: a rule, a severity, a place in a file (span and 1-based line/column) and a message.</summary>
    public sealed class Diagnostic
    {
        public Diagnostic(RuleDescriptor descriptor, DiagnosticSeverity severity, string filePath, TextSpan span, LinePositionSpan location, IReadOnlyList<string> arguments)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            Severity = severity;
            FilePath = filePath ?? "";
            Span = span;
            Location = location;
            Arguments = arguments ?? Array.Empty<string>();
            // A string[] reads as an object[] for formatting without a copy.
            Message = descriptor.FormatMessage(Arguments as string[] ?? Arguments.ToArray());
        }

        public RuleDescriptor Descriptor { get; }
        public string Id => Descriptor.Id;
        public DiagnosticSeverity Severity { get; }
        public string FilePath { get; }

        /// <summary>Character offsets in the decoded file text, for fixes.</summary>
        public TextSpan Span { get; }

        public LinePositionSpan Location { get; }
        public int Line => Location.Start.Line;
        public int Column => Location.Start.Column;
        public int EndLine => Location.End.Line;
        public int EndColumn => Location.End.Column;
        public string Message { get; }
        public IReadOnlyList<string> Arguments { get; }
        public string HelpLink => Descriptor.HelpLink;

        public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
            severity == Severity ? this : new Diagnostic(Descriptor, severity, FilePath, Span, Location, Arguments);

        /// <summary>The canonical MSBuild form, as <c>dotnet build</c> prints it.</summary>
        public override string ToString()
        {
            string kind = Severity == DiagnosticSeverity.Error ? "error" : Severity == DiagnosticSeverity.Warning ? "warning" : "message";
            return $"{FilePath}({Line},{Column},{EndLine},{EndColumn}): {kind} {Id}: {Message}";
        }

        /// <summary>Orders findings by file, position and id, so output never depends on rule order or threads.</summary>
        public static readonly IComparer<Diagnostic> Comparer = Comparer<Diagnostic>.Create((a, b) =>
        {
            int c = string.CompareOrdinal(a.FilePath, b.FilePath);
            if (c != 0) return c;
            c = a.Span.Start.CompareTo(b.Span.Start);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Id, b.Id);
            if (c != 0) return c;
            c = a.Span.Length.CompareTo(b.Span.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
        });
    }
}
