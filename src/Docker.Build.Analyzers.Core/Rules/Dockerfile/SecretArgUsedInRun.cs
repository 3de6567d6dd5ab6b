using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR208: a build argument whose name says it holds a secret is used by a RUN (<c>$NUGET_PAT</c> in the script,
    /// or a variable the tool reads from the environment, such as <c>VSS_NUGET_EXTERNAL_FEED_ENDPOINTS</c> for
    /// <c>dotnet restore</c>). Silent when the RUN mounts a secret.
    /// </summary>
    public sealed class SecretArgUsedInRun : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR208", "Secret build argument used in RUN", RuleCategory.Security, DiagnosticSeverity.Warning,
            "Build argument '{0}' looks like a secret and this RUN uses it: build arguments are kept in the image history and the build cache, where anyone with the image or cache can read them. Pass it as a build secret instead: 'RUN --mount=type=secret,id={1},env={0} ...' and 'docker build --secret id={1},env={0}'",
            "ARG values are not secret: 'docker history' and the provenance attached to an image show the build arguments that steps used. BuildKit secrets are mounted only for the duration of one RUN and never stored.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>Credentials that tools read from the environment without the script naming them.</summary>
        private static readonly Dictionary<string, string[]> ReadByTools = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["VSS_NUGET_EXTERNAL_FEED_ENDPOINTS"] = new[] { "dotnet", "nuget", "msbuild" },
            ["VSS_NUGET_ACCESSTOKEN"] = new[] { "dotnet", "nuget", "msbuild" },
            ["NPM_TOKEN"] = new[] { "npm", "npx", "yarn", "pnpm" },
            ["NODE_AUTH_TOKEN"] = new[] { "npm", "npx", "yarn", "pnpm" },
            ["GITHUB_TOKEN"] = new[] { "gh" },
            ["GH_TOKEN"] = new[] { "gh" },
        };

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                if (run.HasSecretMount) continue;
                var scope = run.Scope;
                var reported = new HashSet<string>(StringComparer.Ordinal);
                bool IsSecret(string name) => scope.Lookup(name) is VariableDefinition v && v.Kind == VariableKind.Arg && IsSecretArg(name);

                foreach (var script in run.Scripts)
                {
                    // An exec-form command gets no expansion: "$TOKEN" stays literal text.
                    if (script.Origin == RunScriptOrigin.ExecFormCommand || !script.Script.IsParsed) continue;
                    foreach (var (name, span) in References(script.Script.Text))
                        if (!reported.Contains(name) && IsSecret(name) && reported.Add(name)) context.Report(span, name, SecretId(name));
                }
                // A heredoc with an unquoted delimiter is expanded by the shell, so '${NPM_TOKEN}' in a data heredoc is used too.
                if (run.Shell.IsPosix)
                {
                    foreach (var heredoc in run.Instruction.Heredocs)
                    {
                        if (heredoc.IsQuoted) continue;
                        foreach (var (name, span) in References(heredoc.Body))
                            if (!reported.Contains(name) && IsSecret(name) && reported.Add(name)) context.Report(span, name, SecretId(name));
                    }
                }
                foreach (var command in run.Commands)
                {
                    var e = command.EffectiveCommand;
                    if (e.Name == null) continue;
                    foreach (var pair in ReadByTools)
                    {
                        if (reported.Contains(pair.Key) || Array.IndexOf(pair.Value, e.CommandName) < 0) continue;
                        if (!IsSecret(pair.Key)) continue;
                        reported.Add(pair.Key);
                        context.Report(e.Name.Span, pair.Key, SecretId(pair.Key));
                    }
                }
            }
        }

        internal static bool IsSecretArg(string name)
        {
            if (SecretNames.IsSecretName(name) || ReadByTools.ContainsKey(name)) return true;
            // Compound words the name list does not split: FEED_ACCESSTOKEN, NUGETPASSWORD, MyApiToken.
            var words = SecretNames.SplitWords(name);
            foreach (var w in words)
                if (w == "file" || w == "path" || w == "url" || w == "uri" || w == "dir" || w == "name" || w == "id" || w == "type") return false;
            foreach (var w in words)
                if (w.Length > 5 && (w.EndsWith("token", StringComparison.Ordinal) || w.EndsWith("password", StringComparison.Ordinal) || w.EndsWith("secret", StringComparison.Ordinal)))
                    return true;
            return false;
        }

        private static string SecretId(string name) => name.ToLowerInvariant().Replace('_', '-');

        /// <summary>Every <c>$NAME</c> and <c>${NAME...}</c> in a script, quoted or not: the shell or a tool it starts reads them from the environment.</summary>
        private static IEnumerable<(string Name, TextSpan Span)> References(MappedText text)
        {
            string s = text.Value;
            int i = s.IndexOf('$');
            while (i >= 0 && i + 1 < s.Length)
            {
                int start = i;
                int p = i + 1;
                bool braced = s[p] == '{';
                if (braced) p++;
                int nameStart = p;
                while (p < s.Length && ShellNameChar(s[p], p == nameStart)) p++;
                if (p > nameStart)
                {
                    string name = s.Substring(nameStart, p - nameStart);
                    int end = p;
                    if (braced)
                    {
                        int close = s.IndexOf('}', p);
                        if (close > 0) end = close + 1;
                    }
                    yield return (name, text.ToSourceSpan(start, end - start));
                }
                i = s.IndexOf('$', Math.Max(p, i + 1));
            }
        }

        private static bool ShellNameChar(char c, bool first) =>
            c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
    }
}
