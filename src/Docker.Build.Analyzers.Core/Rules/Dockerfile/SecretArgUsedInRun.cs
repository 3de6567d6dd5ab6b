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

        /// <summary>Every program of <see cref="ReadByTools"/>: a command that is none of them reads none of the variables.</summary>
        private static readonly HashSet<string> Tools = AllTools();

        private static HashSet<string> AllTools()
        {
            var tools = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in ReadByTools) tools.UnionWith(pair.Value);
            return tools;
        }

        public override void Analyze(DockerfileContext context)
        {
            var runs = context.Document.RunScripts.All;
            for (int r = 0; r < runs.Count; r++)
            {
                var run = runs[r];
                if (run.HasSecretMount) continue;
                var scope = run.Scope;
                HashSet<string>? reported = null;

                var scripts = run.Scripts;
                for (int i = 0; i < scripts.Count; i++)
                {
                    var script = scripts[i];
                    // An exec-form command gets no expansion: "$TOKEN" stays literal text.
                    if (script.Origin == RunScriptOrigin.ExecFormCommand || !script.Script.IsParsed) continue;
                    ReportReferences(context, script.Script.Text, scope, ref reported);
                }
                // A heredoc with an unquoted delimiter is expanded by the shell, so '${NPM_TOKEN}' in a data heredoc is used too.
                if (run.Shell.IsPosix)
                {
                    var heredocs = run.Instruction.Heredocs;
                    for (int i = 0; i < heredocs.Count; i++)
                        if (!heredocs[i].IsQuoted) ReportReferences(context, heredocs[i].Body, scope, ref reported);
                }
                foreach (var command in run.Commands)
                {
                    var e = command.EffectiveCommand;
                    if (e.Name == null || !Tools.Contains(e.CommandName)) continue;
                    foreach (var pair in ReadByTools)
                    {
                        if ((reported != null && reported.Contains(pair.Key)) || Array.IndexOf(pair.Value, e.CommandName) < 0) continue;
                        if (!IsSecret(scope.Lookup(pair.Key))) continue;
                        (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(pair.Key);
                        context.Report(e.Name.Span, pair.Key, SecretId(pair.Key));
                    }
                }
            }
        }

        /// <summary>A build argument (not an ENV) whose name says it holds a secret.</summary>
        private static bool IsSecret(VariableDefinition? definition) =>
            definition != null && definition.Kind == VariableKind.Arg && IsSecretArg(definition.Name);

        internal static bool IsSecretArg(string name)
        {
            if (SecretNames.IsSecretName(name) || ReadByTools.ContainsKey(name)) return true;
            // Compound words the name list does not split: FEED_ACCESSTOKEN, NUGETPASSWORD, MyApiToken.
            var words = new SecretNames.NameWords(name);
            while (words.MoveNext())
                if (IsOneOf(name, words.Start, words.Length, NotSecretWords)) return false;
            words = new SecretNames.NameWords(name);
            while (words.MoveNext())
                if (words.Length > 5 && EndsWithOneOf(name, words.Start, words.Length, SecretSuffixes)) return true;
            return false;
        }

        private static readonly string[] NotSecretWords = { "file", "path", "url", "uri", "dir", "name", "id", "type" };
        private static readonly string[] SecretSuffixes = { "token", "password", "secret" };

        // The words are compared ignoring case, as the lower-cased words of SecretNames.SplitWords were.
        private static bool IsOneOf(string text, int start, int length, string[] words)
        {
            foreach (var w in words)
                if (w.Length == length && string.Compare(text, start, w, 0, length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            return false;
        }

        private static bool EndsWithOneOf(string text, int start, int length, string[] suffixes)
        {
            foreach (var suffix in suffixes)
                if (suffix.Length <= length && string.Compare(text, start + length - suffix.Length, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            return false;
        }

        private static string SecretId(string name) => name.ToLowerInvariant().Replace('_', '-');

        /// <summary>
        /// Reports every <c>$NAME</c> and <c>${NAME...}</c> of a script that names a secret build argument, once per name
        /// and RUN; quoted or not, the shell or a tool it starts reads them from the environment.
        /// </summary>
        private static void ReportReferences(DockerfileContext context, MappedText text, VariableScope scope, ref HashSet<string>? reported)
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
                    // The definition's own name stands for the reference: no substring unless it is reported.
                    var definition = scope.Lookup(s, nameStart, p - nameStart);
                    if (definition != null && (reported == null || !reported.Contains(definition.Name)) && IsSecret(definition))
                    {
                        string name = definition.Name;
                        int end = p;
                        if (braced)
                        {
                            int close = s.IndexOf('}', p);
                            if (close > 0) end = close + 1;
                        }
                        (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                        context.Report(text.ToSourceSpan(start, end - start), name, SecretId(name));
                    }
                }
                i = s.IndexOf('$', Math.Max(p, i + 1));
            }
        }

        private static bool ShellNameChar(char c, bool first) =>
            c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
    }
}
