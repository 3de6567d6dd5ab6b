using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR124: a <c>RUN</c>, <c>CMD</c>, <c>ENTRYPOINT</c> or <c>HEALTHCHECK CMD</c> written like the exec form that is not a
    /// valid JSON array of strings, so Docker silently runs it as a shell command.
    /// </summary>
    public sealed class ExecFormNotValidJson : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR124", "Exec form is not valid JSON", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "{0} looks like the exec form but is not a JSON array of strings ({1}), so Docker runs the text through a shell. {2}",
            "When the brackets do not hold valid JSON, Docker falls back to the shell form without a word: the command then runs under /bin/sh -c with the brackets and quotes as part of it, which fails at run time or runs something else.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var instruction in context.Syntax.Instructions)
            {
                var target = instruction.SelfOrTrigger;
                ShellForm? shell = null;
                string name;
                if (target is CommandInstruction command) { shell = command.Command as ShellForm; name = target.Name; }
                else if (target is HealthcheckInstruction health) { shell = health.Command as ShellForm; name = "HEALTHCHECK CMD"; }
                else continue;
                if (shell == null || !shell.LooksLikeJson) continue;
                string text = shell.Script.Value;
                if (!MeantAsExecForm(text)) continue;
                string problem = Diagnose(text, out string fix);
                context.Report(shell.Script.SourceSpan, name, problem, fix);
            }
        }

        /// <summary>
        /// True unless the text reads as a shell command that starts with the <c>[</c> test command
        /// (<c>RUN [ -f /x ] &amp;&amp; ...</c>), which is a legitimate shell form.
        /// </summary>
        internal static bool MeantAsExecForm(string text)
        {
            string t = text.Trim();
            if (t.Length < 2 || t[0] != '[') return false;
            // bash's '[[ ... ]]' test is a shell command; any other '[' glued to the next character cannot be one.
            if (t[1] == '[') return false;
            if (!char.IsWhiteSpace(t[1])) return true;
            if (t[t.Length - 1] != ']') return false;
            // '[ "a", "b" ]': commas between items are JSON; the test command has none, and is followed by operators.
            string outside = OutsideQuotes(t);
            if (outside.IndexOf("&&", StringComparison.Ordinal) >= 0 || outside.IndexOf("||", StringComparison.Ordinal) >= 0
                || outside.IndexOf(';') >= 0 || outside.IndexOf('|') >= 0) return false;
            return outside.IndexOf(',') >= 0;
        }

        /// <summary>The text with the content of quoted strings removed.</summary>
        private static string OutsideQuotes(string t)
        {
            var sb = new System.Text.StringBuilder(t.Length);
            char quote = '\0';
            for (int i = 0; i < t.Length; i++)
            {
                char c = t[i];
                if (quote != '\0')
                {
                    if (c == '\\') { i++; continue; }
                    if (c == quote) quote = '\0';
                    continue;
                }
                if (c == '"' || c == '\'') quote = c;
                else sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>What makes the text invalid JSON, and how to fix it.</summary>
        internal static string Diagnose(string text, out string fix)
        {
            string t = text.Trim();
            int i = 1;
            bool expectValue = true;
            bool afterComma = false;
            while (true)
            {
                while (i < t.Length && char.IsWhiteSpace(t[i])) i++;
                if (i >= t.Length)
                {
                    fix = "Close the array with ']'.";
                    return "the closing ']' is missing";
                }
                char c = t[i];
                if (expectValue)
                {
                    if (c == ']')
                    {
                        if (afterComma)
                        {
                            fix = "Remove the comma before ']'.";
                            return "a comma comes before the closing ']'";
                        }
                        break;
                    }
                    if (c == '\'')
                    {
                        fix = "Use double quotes: [\"executable\", \"argument\"].";
                        return "it uses single quotes; JSON strings need double quotes";
                    }
                    if (c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019')
                    {
                        fix = "Replace the typographic quotes with plain double quotes (\").";
                        return "it uses typographic quotes";
                    }
                    if (c != '"')
                    {
                        fix = "Put every item in double quotes: [\"executable\", \"argument\"].";
                        return "an item is not a double-quoted string";
                    }
                    i++;
                    bool closed = false;
                    while (i < t.Length)
                    {
                        char s = t[i];
                        if (s == '"') { closed = true; i++; break; }
                        if (s == '\\')
                        {
                            char next = i + 1 < t.Length ? t[i + 1] : '\0';
                            if ("\"\\/bfnrtu".IndexOf(next) < 0 || next == '\0')
                            {
                                fix = "Write each backslash twice (\"C:\\\\app\\\\app.exe\") or use forward slashes.";
                                return $"a backslash before '{next}' is not a JSON escape";
                            }
                            i += 2;
                            continue;
                        }
                        if (s < ' ')
                        {
                            fix = "Keep each string on one line, or write \\t and \\n.";
                            return "a string contains a control character";
                        }
                        i++;
                    }
                    if (!closed)
                    {
                        fix = "Close the string with '\"'.";
                        return "a string is not closed";
                    }
                    expectValue = false;
                    afterComma = false;
                    continue;
                }
                if (c == ',') { expectValue = true; afterComma = true; i++; continue; }
                if (c == ']') break;
                if (c == '"')
                {
                    fix = "Separate the items with commas.";
                    return "a comma is missing between two strings";
                }
                fix = "Keep only double-quoted strings separated by commas.";
                return $"unexpected '{c}' after a string";
            }
            i++;
            while (i < t.Length && char.IsWhiteSpace(t[i])) i++;
            if (i < t.Length)
            {
                fix = "Move the text inside the array or remove it.";
                return "text follows the closing ']'";
            }
            fix = "Write it as [\"executable\", \"argument\"].";
            return "it is not valid JSON";
        }
    }
}
