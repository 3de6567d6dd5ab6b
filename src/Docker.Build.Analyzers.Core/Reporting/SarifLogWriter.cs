using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Reporting
{
    /// <summary>
    /// Writes a SARIF 2.1.0 log (OASIS standard, errata 01) of one run, the same for every host: the MSBuild task,
    /// the command-line tool. Output is deterministic: rules ordered by id, results in the engine's order (file,
    /// position, id), invariant numbers, fixed formatting, no time stamps and no machine-specific data except the
    /// paths.
    /// </summary>
    /// <remarks>
    /// Locations: a file below <see cref="SarifRun.SourceRoot"/> is written as a relative URI with
    /// <c>uriBaseId</c> <c>%SRCROOT%</c>, and <c>run.originalUriBaseIds</c> says where that root was, so code
    /// scanning services (which read paths relative to the repository) and local viewers (which resolve the base)
    /// both find it. A file outside the root gets an absolute <c>file:</c> URI. Regions are 1-based; end columns
    /// are exclusive, counted in UTF-16 code units (<c>columnKind</c>), as the build prints them.
    /// </remarks>
    public static class SarifLogWriter
    {
        public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
        public const string SourceRootBaseId = "%SRCROOT%";

        public static void Write(TextWriter output, SarifRun run)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (run == null) throw new ArgumentNullException(nameof(run));
            var json = new JsonWriter(output);
            json.StartObject();
            json.Property("$schema", SchemaUri);
            json.Property("version", "2.1.0");
            json.PropertyName("runs");
            json.StartArray();
            WriteRun(json, run);
            json.EndArray();
            json.EndObject();
            json.Finish();
        }

        public static string ToJson(SarifRun run)
        {
            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Write(text, run);
            return text.ToString();
        }

        /// <summary>Writes the log to <paramref name="path"/> atomically (see <see cref="ReportFile.WriteAtomically"/>).</summary>
        public static void WriteFile(string path, SarifRun run) => ReportFile.WriteAtomically(path, writer => Write(writer, run));

        private static void WriteRun(JsonWriter json, SarifRun run)
        {
            json.StartObject();
            WriteTool(json, run);

            json.PropertyName("invocations");
            json.StartArray();
            json.StartObject();
            json.Property("executionSuccessful", run.ExecutionError == null);
            if (run.ExecutionError != null)
            {
                json.PropertyName("toolExecutionNotifications");
                json.StartArray();
                json.StartObject();
                json.Property("level", "error");
                WriteMessage(json, run.ExecutionError);
                json.EndObject();
                json.EndArray();
            }
            json.EndObject();
            json.EndArray();

            if (run.SourceRoot != null)
            {
                json.PropertyName("originalUriBaseIds");
                json.StartObject();
                json.PropertyName(SourceRootBaseId);
                json.StartObject();
                json.Property("uri", ArtifactUri.AbsoluteFileUri(run.SourceRoot, isDirectory: true));
                json.EndObject();
                json.EndObject();
            }

            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < run.Rules.Count; i++) ruleIndex[run.Rules[i].Id] = i;

            json.PropertyName("results");
            json.StartArray();
            foreach (var entry in OrderedResults(run))
                WriteResult(json, entry.Diagnostic, entry.Suppressed, ruleIndex[entry.Diagnostic.Id], run.SourceRoot);
            json.EndArray();

            json.Property("columnKind", "utf16CodeUnits");
            json.EndObject();
        }

        /// <summary>One result to write; a class, not a tuple, so sorting shares the runtime's code for reference types (less JIT in a build).</summary>
        private sealed class ResultEntry
        {
            public ResultEntry(Diagnostic diagnostic, bool suppressed, int order)
            {
                Diagnostic = diagnostic;
                Suppressed = suppressed;
                Order = order;
            }

            public Diagnostic Diagnostic { get; }
            public bool Suppressed { get; }
            public int Order { get; }
        }

        private static List<ResultEntry> OrderedResults(SarifRun run)
        {
            var all = new List<ResultEntry>(run.Diagnostics.Count + run.SuppressedDiagnostics.Count);
            foreach (var d in run.Diagnostics) all.Add(new ResultEntry(d, false, all.Count));
            foreach (var d in run.SuppressedDiagnostics) all.Add(new ResultEntry(d, true, all.Count));
            // The engine's order; on a tie reported before suppressed, then input order: the result never depends on an unstable sort.
            all.Sort((a, b) =>
            {
                int c = Diagnostic.Comparer.Compare(a.Diagnostic, b.Diagnostic);
                if (c != 0) return c;
                c = a.Suppressed.CompareTo(b.Suppressed);
                return c != 0 ? c : a.Order.CompareTo(b.Order);
            });
            return all;
        }

        private static void WriteTool(JsonWriter json, SarifRun run)
        {
            json.PropertyName("tool");
            json.StartObject();
            json.PropertyName("driver");
            json.StartObject();
            json.Property("name", run.Tool.Name);
            if (run.Tool.Version.Length > 0) json.Property("version", run.Tool.Version);
            if (run.Tool.InformationUri.Length > 0) json.Property("informationUri", run.Tool.InformationUri);
            json.PropertyName("rules");
            json.StartArray();
            foreach (var rule in run.Rules) WriteRule(json, rule);
            json.EndArray();
            json.EndObject();
            json.EndObject();
        }

        private static void WriteRule(JsonWriter json, RuleDescriptor rule)
        {
            json.StartObject();
            json.Property("id", rule.Id);
            json.Property("name", RuleName(rule.Title));
            json.PropertyName("shortDescription");
            WriteText(json, rule.Title);
            json.PropertyName("fullDescription");
            WriteText(json, rule.Description);
            json.Property("helpUri", rule.HelpLink);
            json.PropertyName("defaultConfiguration");
            json.StartObject();
            json.Property("level", Level(rule.DefaultSeverity));
            json.EndObject();
            json.PropertyName("properties");
            json.StartObject();
            json.Property("category", rule.Category);
            json.PropertyName("tags");
            json.StartArray();
            json.String(rule.Category);
            json.EndArray();
            json.EndObject();
            json.EndObject();
        }

        private static void WriteResult(JsonWriter json, Diagnostic d, bool suppressed, int ruleIndex, string? sourceRoot)
        {
            json.StartObject();
            json.Property("ruleId", d.Id);
            json.Property("ruleIndex", ruleIndex);
            json.Property("level", Level(d.Severity));
            WriteMessage(json, d.Message);

            if (d.FilePath.Length > 0)
            {
                json.PropertyName("locations");
                json.StartArray();
                json.StartObject();
                json.PropertyName("physicalLocation");
                json.StartObject();
                json.PropertyName("artifactLocation");
                json.StartObject();
                string? relative = ArtifactUri.RelativeTo(d.FilePath, sourceRoot);
                if (relative != null)
                {
                    json.Property("uri", relative);
                    json.Property("uriBaseId", SourceRootBaseId);
                }
                else
                {
                    json.Property("uri", ArtifactUri.AbsoluteFileUri(d.FilePath));
                }
                json.EndObject();
                // SARIF lines and columns start at 1; a finding without a position (line 0) is about the whole file.
                if (d.Line >= 1)
                {
                    json.PropertyName("region");
                    json.StartObject();
                    json.Property("startLine", d.Line);
                    if (d.Column >= 1) json.Property("startColumn", d.Column);
                    if (d.EndLine >= d.Line)
                    {
                        json.Property("endLine", d.EndLine);
                        if (d.Column >= 1 && d.EndColumn >= 1 && (d.EndLine > d.Line || d.EndColumn >= d.Column))
                            json.Property("endColumn", d.EndColumn);
                    }
                    json.EndObject();
                }
                json.EndObject();
                json.EndObject();
                json.EndArray();
            }

            // An empty array states "not suppressed"; an absent one would mean "unknown" (SARIF 3.27.23).
            json.PropertyName("suppressions");
            json.StartArray();
            if (suppressed)
            {
                json.StartObject();
                json.Property("kind", "inSource");
                json.EndObject();
            }
            json.EndArray();
            json.EndObject();
        }

        private static void WriteMessage(JsonWriter json, string text)
        {
            json.PropertyName("message");
            WriteText(json, text);
        }

        private static void WriteText(JsonWriter json, string text)
        {
            json.StartObject();
            json.Property("text", text);
            json.EndObject();
        }

        /// <summary>SARIF's levels for the severities; a suggestion is a "note".</summary>
        public static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Suggestion => "note",
            _ => "none",
        };

        /// <summary>
        /// A rule's SARIF <c>name</c>: its title in Pascal case ("Final stage runs as root" → "FinalStageRunsAsRoot"),
        /// the identifier-like form SARIF asks for, readable where a viewer shows names instead of ids.
        /// </summary>
        internal static string RuleName(string title)
        {
            var sb = new StringBuilder(title.Length);
            bool startOfWord = true;
            foreach (char c in title)
            {
                if (char.IsLetterOrDigit(c))
                {
                    sb.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                    startOfWord = false;
                }
                else if (c != '\'')
                {
                    startOfWord = true;
                }
            }
            return sb.ToString();
        }
    }
}
