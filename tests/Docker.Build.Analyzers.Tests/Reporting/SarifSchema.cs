using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Docker.Build.Analyzers.Tests.Reporting
{
    /// <summary>
    /// The official SARIF 2.1.0 JSON schema (Fixtures/Sarif, see SOURCE.md there), loaded once, and validation of a
    /// log against it with format checks (uri, uri-reference, date-time) turned on.
    /// </summary>
    public static class SarifSchema
    {
        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(Load);

        public static string SchemaPath { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sarif", "sarif-schema-2.1.0.json");

        /// <summary>Every schema violation of <paramref name="sarifJson"/> as "instance location: message"; empty when valid.</summary>
        public static IReadOnlyList<string> Validate(string sarifJson)
        {
            using var document = JsonDocument.Parse(sarifJson);
            var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions
            {
                OutputFormat = OutputFormat.List,
                RequireFormatValidation = true,
            });
            if (results.IsValid) return Array.Empty<string>();
            var errors = new List<string>();
            foreach (var node in new[] { results }.Concat(results.Details ?? (IEnumerable<EvaluationResults>)Array.Empty<EvaluationResults>()))
            {
                if (node.IsValid || node.Errors == null) continue;
                foreach (var error in node.Errors)
                    errors.Add($"{node.InstanceLocation} ({node.EvaluationPath} {error.Key}): {error.Value}");
            }
            if (errors.Count == 0) errors.Add("invalid (no detail reported)");
            return errors;
        }

        /// <summary>
        /// The draft-04 schema as draft-07: <c>$schema</c> names draft-07 and the root <c>id</c> becomes <c>$id</c>,
        /// in place (JsonSchema.Net reads <c>$id</c> in key order, so it must stay before the subschemas); nothing
        /// else differs for this file (see <see cref="Draft04OnlyKeywords"/>).
        /// </summary>
        private static JsonSchema Load()
        {
            string text = File.ReadAllText(SchemaPath);
            text = ReplaceOnce(text, "\"$schema\": \"http://json-schema.org/draft-04/schema#\"", "\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
            text = ReplaceOnce(text, "\"id\": \"https://docs.oasis-open.org/", "\"$id\": \"https://docs.oasis-open.org/");
            using var document = JsonDocument.Parse(text);
            // A registry of its own: the global one would refuse a second schema with the same $id.
            return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }

        private static string ReplaceOnce(string text, string from, string to)
        {
            int at = text.IndexOf(from, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidOperationException($"The schema file should hold '{from}' exactly once.");
            return text.Substring(0, at) + to + text.Substring(at + from.Length);
        }

        internal static JsonObject ReadSchemaDocument() => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

        /// <summary>Keywords whose draft-04 meaning differs in draft-07, with where they occur in the schema (should be nowhere).</summary>
        internal static IReadOnlyList<string> Draft04OnlyKeywords()
        {
            var found = new List<string>();
            void Walk(JsonNode? node, string path, bool isRoot)
            {
                switch (node)
                {
                    case JsonObject obj:
                        foreach (var pair in obj)
                        {
                            bool schemaKeyword = !path.EndsWith("/properties", StringComparison.Ordinal) && !path.EndsWith("/definitions", StringComparison.Ordinal) && path != "/definitions";
                            if (schemaKeyword && (pair.Key == "exclusiveMinimum" || pair.Key == "exclusiveMaximum" || pair.Key == "dependencies"
                                || (pair.Key == "id" && !isRoot && pair.Value is JsonValue)))
                                found.Add(path + "/" + pair.Key);
                            Walk(pair.Value, path + "/" + pair.Key, false);
                        }
                        break;
                    case JsonArray array:
                        for (int i = 0; i < array.Count; i++) Walk(array[i], path + "/" + i, false);
                        break;
                }
            }
            Walk(ReadSchemaDocument(), "", true);
            return found;
        }
    }
}
