using System;
using System.Text.RegularExpressions;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR507: a literal secret in <c>environment</c>: a secret-named variable (<c>DB_PASSWORD</c>, <c>API_KEY</c>,
    /// <c>JWT_SECRET</c>...) with a literal value, or any variable whose value is a connection string with a literal
    /// <c>Password=</c>/<c>Pwd=</c>. Values from variables, empty values and obvious placeholders are not secrets.
    /// </summary>
    public sealed class SecretInEnvironment : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR507", "Plaintext secret in compose environment", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' sets {1} in plain text in the compose file. Take it from a variable ('${{{2}}}' set in the deployment environment or an untracked .env file) or a compose secret",
            "Compose files are committed and shared: a password written in one is readable by everyone with the repository, its history and every image inspection of the running container.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly Regex ConnectionStringPassword = new Regex(
            @"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<v>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                foreach (var variable in service.Environment)
                {
                    string? raw = variable.RawValue;
                    if (raw == null) continue;
                    if (variable.Node.ReportSource.Path != context.Document.Path) continue;
                    if (!variable.HasVariables && SecretNames.IsSecretName(variable.Name) && IsSecretValue(variable.ValueWithDefaults ?? ""))
                        ComposeServiceFacts.ReportAtValue(context, variable, service.Name, $"the secret '{variable.Name}'", Suggested(variable.Name));
                    else if (HasLiteralPassword(raw))
                        ComposeServiceFacts.ReportAtValue(context, variable, service.Name, $"a password inside '{variable.Name}'", Suggested(variable.Name));
                }
            }
        }

        private static string Suggested(string name)
        {
            var chars = name.ToUpperInvariant().ToCharArray();
            for (int i = 0; i < chars.Length; i++)
                if (!char.IsLetterOrDigit(chars[i])) chars[i] = '_';
            return new string(chars);
        }

        /// <summary>A connection string whose <c>Password=</c>/<c>Pwd=</c> part is a literal (not <c>${DB_PASSWORD}</c>, not a placeholder).</summary>
        private static bool HasLiteralPassword(string value)
        {
            if (value.IndexOf('=') < 0) return false;
            if (value.IndexOf("password", StringComparison.OrdinalIgnoreCase) < 0 && value.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) < 0) return false;
            foreach (Match m in ConnectionStringPassword.Matches(value))
            {
                string v = m.Groups["v"].Value.Trim().Trim('"', '\'');
                // '$$' is a literal '$'; any other '$' starts a variable.
                if (v.Replace("$$", "").IndexOf('$') >= 0) continue;
                if (IsSecretValue(v.Replace("$$", "$"))) return true;
            }
            return false;
        }

        /// <summary>Not empty, not a flag, not a path to a secret file, not an obvious placeholder.</summary>
        internal static bool IsSecretValue(string value)
        {
            string v = value.Trim();
            if (v.Length == 0) return false;
            switch (v.ToLowerInvariant())
            {
                case "true": case "false": case "yes": case "no": case "on": case "off": case "null": case "none":
                case "changeme": case "change-me": case "change_me": case "changeit": case "replaceme": case "replace-me": case "replace_me":
                case "secret": case "password": case "placeholder": case "todo": case "tbd": case "redacted": case "dummy":
                    return false;
            }
            if (v.StartsWith("/run/secrets/", StringComparison.Ordinal) || v.StartsWith("/var/run/secrets/", StringComparison.Ordinal)) return false;
            // <your-password>, {{ secret }}, [TOKEN], ***, xxxx
            if (v.StartsWith("<", StringComparison.Ordinal) && v.EndsWith(">", StringComparison.Ordinal)) return false;
            if (v.StartsWith("{{", StringComparison.Ordinal) || v.StartsWith("[", StringComparison.Ordinal) && v.EndsWith("]", StringComparison.Ordinal)) return false;
            if (AllSame(v)) return false;
            string lower = v.ToLowerInvariant();
            if (lower.StartsWith("your", StringComparison.Ordinal) || lower.StartsWith("insert", StringComparison.Ordinal)
                || lower.StartsWith("replace", StringComparison.Ordinal) || lower.StartsWith("change", StringComparison.Ordinal)
                || lower.StartsWith("enter", StringComparison.Ordinal) || lower.StartsWith("set-", StringComparison.Ordinal)) return false;
            return true;
        }

        private static bool AllSame(string v)
        {
            for (int i = 1; i < v.Length; i++)
                if (char.ToLowerInvariant(v[i]) != char.ToLowerInvariant(v[0])) return false;
            return v[0] == '*' || v[0] == 'x' || v[0] == 'X' || v[0] == '.' || v[0] == '-';
        }
    }
}
