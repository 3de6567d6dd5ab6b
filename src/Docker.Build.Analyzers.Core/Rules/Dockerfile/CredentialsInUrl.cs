using System;
using System.Text.RegularExpressions;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR209: a URL with a literal password in it (<c>https://user:token@host/...</c>) in any instruction.</summary>
    public sealed class CredentialsInUrl : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR209", "Credentials embedded in a URL", RuleCategory.Security, DiagnosticSeverity.Warning,
            "The URL '{0}' carries the password of '{1}': it is stored in the image or its history. Pass it as a build secret (RUN --mount=type=secret) or a variable, never in the Dockerfile",
            "A password or token written into a URL is readable by anyone with the Dockerfile, the image history or the image configuration.");

        // scheme://user:password@host — no '/' before the '@', so '@' in a path or query does not count.
        private static readonly Regex UrlWithPassword = new Regex(
            @"(?<![A-Za-z0-9+.\-])(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?<user>[^\s/@:'""]+):(?<password>[^\s/@'""]+)@(?=[A-Za-z0-9\[])",
            RegexOptions.CultureInvariant);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var instruction in context.Syntax.Instructions)
            {
                Scan(context, instruction.Arguments);
                foreach (var heredoc in instruction.Heredocs) Scan(context, heredoc.Body);
            }
        }

        private static void Scan(DockerfileContext context, MappedText text)
        {
            string s = text.Value;
            if (s.IndexOf("://", StringComparison.Ordinal) < 0) return;
            foreach (Match m in UrlWithPassword.Matches(s))
            {
                var password = m.Groups["password"].Value;
                if (!IsLiteral(password)) continue;
                var user = m.Groups["user"];
                int start = user.Index;
                int length = m.Index + m.Length - start; // user:password@
                string shown = m.Groups["scheme"].Value + "://" + user.Value + ":***@";
                context.Report(text.ToSourceSpan(start, length), shown, user.Value);
            }
        }

        /// <summary>Not a variable (<c>$TOKEN</c>, <c>${TOKEN}</c>, <c>$(cat /run/secrets/x)</c>, <c>%TOKEN%</c>) and not an obvious placeholder.</summary>
        private static bool IsLiteral(string password)
        {
            if (password.IndexOf('$') >= 0) return false;
            if (password.StartsWith("%", StringComparison.Ordinal) && password.EndsWith("%", StringComparison.Ordinal) && password.Length > 2) return false;
            if (password.StartsWith("<", StringComparison.Ordinal) || password.StartsWith("{{", StringComparison.Ordinal)) return false;
            bool allMask = true;
            foreach (char c in password)
                if (c != '*' && c != 'x' && c != 'X' && c != '.') { allMask = false; break; }
            return !allMask;
        }
    }
}
