using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR123: <c>ENV key value</c> or <c>LABEL key value</c>, the legacy whitespace form.</summary>
    public sealed class LegacyKeyValueForm : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR123", "ENV or LABEL in the legacy 'key value' form", RuleCategory.ImageAndBuild, DiagnosticSeverity.Suggestion,
            "{0} {1} uses the legacy 'key value' form: write {0} {2}",
            "In the whitespace form the whole rest of the line becomes the value, quotes and all, and only one pair fits per line; Docker's documentation marks it as legacy.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var instruction in context.Syntax.Instructions)
            {
                var target = instruction.SelfOrTrigger;
                if (!(target is KeyValueInstruction kv) || !kv.IsLegacyForm) continue;
                if (kv.Kind != InstructionKind.Env && kv.Kind != InstructionKind.Label) continue;
                if (kv.Pairs.Count == 0 || kv.Pairs[0].ValueWord == null) continue;
                var pair = kv.Pairs[0];
                context.Report(pair.Span, kv.Name, pair.Key.Raw, pair.Key.Raw + "=" + Suggested(pair.ValueWord!, context.Syntax.EscapeCharacter));
            }
        }

        /// <summary>The value as it should follow '=': unchanged when it is one word, else in double quotes.</summary>
        private static string Suggested(Word value, char escape)
        {
            string raw = value.Raw;
            if (raw.IndexOf(' ') < 0 && raw.IndexOf('\t') < 0) return raw;
            return "\"" + value.Value.Replace("\"", escape + "\"") + "\"";
        }
    }
}
