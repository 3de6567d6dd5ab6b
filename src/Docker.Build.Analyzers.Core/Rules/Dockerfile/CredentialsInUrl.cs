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
            var instructions = context.Syntax.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                Scan(context, instruction.Arguments);
                var heredocs = instruction.Heredocs;
                for (int h = 0; h < heredocs.Count; h++) Scan(context, heredocs[h].Body);
            }
        }

        private static void Scan(DockerfileContext context, MappedText text)
        {
            string s = text.Value;
            if (!MayHaveUserInfo(s)) return;
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

        /// <summary>
        /// Cheap pre-filter for the regex: some <c>://</c> followed by an <c>@</c> before any whitespace, slash or quote
        /// (the only shape the pattern can match). Most instructions have no URL, most URLs no user part.
        /// </summary>
        private static bool MayHaveUserInfo(string s)
        {
            int at = s.IndexOf("://", StringComparison.Ordinal);
            while (at >= 0)
            {
                for (int p = at + 3; p < s.Length; p++)
                {
                    char c = s[p];
                    if (c == '@') return true;
                    if (c == '/' || c == '\'' || c == '"' || char.IsWhiteSpace(c)) break;
                }
                at = s.IndexOf("://", at + 3, StringComparison.Ordinal);
            }
            return false;
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
