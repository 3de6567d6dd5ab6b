using System.IO;
using System.Text.Json;
using Docker.Build.Analyzers.Cli.Output;
using Docker.Build.Analyzers.Rules;

namespace Docker.Build.Analyzers.Cli
{
    /// <summary><c>docker-analyzers rules</c>: the catalog, as a table or as JSON.</summary>
    internal static class RulesCommand
    {
        public static int Run(string format, TextWriter output, Terminal terminal)
        {
            var descriptors = RuleCatalog.Descriptors;
            if (format == "json")
            {
                using var stream = new MemoryStream();
                using (var json = new Utf8JsonWriter(stream, JsonReportFormat.Options))
                {
                    json.WriteStartObject();
                    json.WriteNumber("schemaVersion", JsonReportFormat.SchemaVersion);
                    json.WriteStartArray("rules");
                    foreach (var d in descriptors)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", d.Id);
                        json.WriteString("severity", Report.SeverityName(d.DefaultSeverity));
                        json.WriteString("category", d.Category);
                        json.WriteString("title", d.Title);
                        json.WriteString("helpLink", d.HelpLink);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                output.Write('\n');
                output.Flush();
                return Program.Clean;
            }

            int titleWidth = 0;
            foreach (var d in descriptors) titleWidth = System.Math.Max(titleWidth, d.Title.Length);
            foreach (var d in descriptors)
            {
                string severity = Report.SeverityName(d.DefaultSeverity).PadRight(10);
                output.Write(terminal.Paint(d.Id, Terminal.Bold));
                output.Write("  ");
                output.Write(severity);
                output.Write("  ");
                output.Write(d.Title.PadRight(titleWidth));
                output.Write("  ");
                output.Write(terminal.Paint(d.HelpLink, Terminal.Dim));
                output.Write('\n');
            }
            output.Flush();
            return Program.Clean;
        }
    }
}
