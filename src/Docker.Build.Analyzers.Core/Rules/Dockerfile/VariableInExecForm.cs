using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR128: a <c>$VARIABLE</c> in the exec (JSON) form of <c>RUN</c>, <c>CMD</c>, <c>ENTRYPOINT</c> or
    /// <c>HEALTHCHECK CMD</c>, where no shell expands it.
    /// </summary>
    public sealed class VariableInExecForm : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR128", "Variable in exec form is not expanded", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'{0}' in the exec form of {1} is not expanded: no shell runs, so the program receives the text '{0}' literally. Use the shell form, or [\"sh\", \"-c\", \"...\"]",
            "The JSON form runs the program directly; variable references are only replaced by a shell, so they reach the program as literal text.");

        /// <summary>Programs that interpret their arguments as shell code (or run a shell), so references in them are expanded.</summary>
        private static readonly HashSet<string> Shells = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash", "fish", "busybox", "pwsh", "powershell", "cmd",
        };

        /// <summary>Programs that expand <c>$NAME</c> themselves from the environment.</summary>
        private static readonly HashSet<string> SelfExpanding = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "envsubst",
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var stage in context.Model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    var target = instruction.SelfOrTrigger;
                    ExecForm? exec;
                    string name;
                    if (target is CommandInstruction command) { exec = command.Command as ExecForm; name = target.Name; }
                    else if (target is HealthcheckInstruction health) { exec = health.Command as ExecForm; name = "HEALTHCHECK CMD"; }
                    else continue;
                    if (exec == null || exec.Arguments.Count == 0) continue;
                    // CMD's words are appended to the ENTRYPOINT: a shell entrypoint expands them.
                    if (target!.Kind == InstructionKind.Cmd && instruction == target && EntrypointRunsShell(stage, instruction)) continue;

                    for (int i = 0; i < exec.Arguments.Count; i++)
                    {
                        var argument = exec.Arguments[i];
                        if (IsShellOrExpander(argument.Value)) break;
                        foreach (var (start, length) in References(argument.Raw))
                        {
                            string text = argument.Raw.Substring(start, length);
                            context.Report(argument.RawText.ToSourceSpan(start, length), text, name);
                        }
                    }
                }
            }
        }

        private static bool EntrypointRunsShell(Stage stage, Instruction cmd)
        {
            Instruction? entrypoint = null;
            foreach (var i in stage.Instructions)
            {
                if (i.Kind == InstructionKind.Entrypoint) entrypoint = i;
            }
            entrypoint ??= stage.BaseStage?.FindLastInherited(i => i.Kind == InstructionKind.Entrypoint);
            if (!(entrypoint is CommandInstruction ci)) return false;
            if (!(ci.Command is ExecForm exec)) return true; // a shell-form ENTRYPOINT ignores CMD anyway
            foreach (var a in exec.Arguments)
                if (IsShellOrExpander(a.Value)) return true;
            return false;
        }

        /// <summary><c>sh</c>, <c>/bin/bash</c>, <c>C:\Windows\System32\cmd.exe</c>, <c>pwsh</c>...</summary>
        internal static bool IsShellOrExpander(string argument)
        {
            string name = argument;
            int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
            if (slash >= 0) name = name.Substring(slash + 1);
            if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - 4);
            return Shells.Contains(name) || SelfExpanding.Contains(name);
        }

        /// <summary>
        /// Positions of <c>$NAME</c> and <c>${NAME...}</c> in a raw JSON string (quotes included in the raw text, so
        /// positions map to the file). <c>$1</c>, <c>$$</c>, <c>\$</c> and Caddy-style <c>{$NAME}</c> are left alone.
        /// </summary>
        internal static IEnumerable<(int Start, int Length)> References(string raw)
        {
            for (int i = 0; i < raw.Length - 1; i++)
            {
                if (raw[i] != '$') continue;
                if (i > 0 && (raw[i - 1] == '\\' || raw[i - 1] == '$' || raw[i - 1] == '{')) continue;
                char next = raw[i + 1];
                if (next == '{')
                {
                    int close = raw.IndexOf('}', i + 2);
                    if (close < 0 || close == i + 2 || !Variables.IsNameStart(raw[i + 2])) continue;
                    yield return (i, close - i + 1);
                    i = close;
                }
                else if (Variables.IsNameStart(next))
                {
                    int end = i + 1;
                    while (end < raw.Length && Variables.IsNameChar(raw[end])) end++;
                    yield return (i, end - i);
                    i = end - 1;
                }
            }
        }
    }
}
