using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Cli.Output
{
    /// <summary>
    /// The stable JSON form (schema version 1, documented in the tool's README): one object with the tool, the
    /// threshold, the number of files analysed, the findings in the text form's order, and counts by severity.
    /// Fields are only ever added, never renamed or removed, within a schema version.
    /// </summary>
    internal sealed class JsonReportFormat : IReportFormat
    {
        public const int SchemaVersion = 1;

        public string Name => "json";

        public void Write(Report report, TextWriter output, Terminal terminal)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, Options))
            {
                json.WriteStartObject();
                json.WriteNumber("schemaVersion", SchemaVersion);
                json.WriteStartObject("tool");
                json.WriteString("name", ToolInfo.CommandName);
                json.WriteString("version", ToolInfo.Version);
                json.WriteEndObject();
                json.WriteString("threshold", Report.SeverityName(report.Threshold));
                json.WriteNumber("filesAnalysed", report.FilesAnalysed);
                json.WriteStartArray("findings");
                foreach (var d in report.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", d.Id);
                    json.WriteString("severity", Report.SeverityName(d.Severity));
                    json.WriteString("message", d.Message);
                    json.WriteString("file", report.DisplayPath(d.FilePath));
                    json.WriteNumber("line", d.Line);
                    json.WriteNumber("column", d.Column);
                    json.WriteNumber("endLine", d.EndLine);
                    json.WriteNumber("endColumn", d.EndColumn);
                    json.WriteString("title", d.Descriptor.Title);
                    json.WriteString("helpLink", d.HelpLink);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartObject("summary");
                json.WriteNumber("errors", report.Count(DiagnosticSeverity.Error));
                json.WriteNumber("warnings", report.Count(DiagnosticSeverity.Warning));
                json.WriteNumber("suggestions", report.Count(DiagnosticSeverity.Suggestion));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            output.Write('\n');
            output.Flush();
        }

        internal static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            // Messages quote Dockerfile text ('<', '&', '+'): keep them readable rather than \u-escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
