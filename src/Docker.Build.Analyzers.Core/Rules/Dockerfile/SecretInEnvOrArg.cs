using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR202: a secret-named ENV/ARG with a literal value, or a value carrying a credential.</summary>
    public sealed class SecretInEnvOrArg : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR202", "Secret in ENV or ARG", RuleCategory.Security, DiagnosticSeverity.Warning,
            "{0} '{1}' {2}: it is stored in the image and shown by 'docker history'. Use 'RUN --mount=type=secret' at build time, or pass it to the container at run time",
            "ENV values are part of the image configuration and ARG values are recorded in the image history: anyone who can pull the image can read them.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var instructions = context.Syntax.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (!(instructions[i] is KeyValueInstruction kv)) continue;
                if (kv.Kind != InstructionKind.Env && kv.Kind != InstructionKind.Arg) continue;
                var pairs = kv.Pairs;
                for (int p = 0; p < pairs.Count; p++)
                {
                    var pair = pairs[p];
                    var value = pair.ValueWord;
                    if (value == null || IsBlank(value.Value)) continue;
                    if (SecretNames.IsSecretName(pair.Name) && IsLiteral(value, context.Syntax.EscapeCharacter))
                        context.Report(value.Span, kv.Name, pair.Name, "is given a literal secret value");
                    else if (SecretNames.ContainsCredential(value.Value))
                        context.Report(value.Span, kv.Name, pair.Name, "contains a literal password");
                }
            }
        }

        private static bool IsBlank(string value)
        {
            foreach (char c in value)
                if (!char.IsWhiteSpace(c)) return false;
            return true;
        }

        /// <summary>A value with no variable reference that does not look like a path.</summary>
        private static bool IsLiteral(Word value, char escape)
        {
            if (Variables.Find(value.RawText, escape).Count > 0) return false;
            string v = value.Value.Trim();
            if (v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)) return false;
            if (v.Length > 2 && char.IsLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/')) return false;
            return true;
        }
    }
}
