using System;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR302: the ENTRYPOINT or CMD that starts the final image is in shell form, so <c>/bin/sh -c</c> is PID 1 and the
    /// app never receives SIGTERM; or a shell-form CMD is handed to an exec-form ENTRYPOINT as <c>/bin/sh -c ...</c> arguments.
    /// </summary>
    public sealed class StartupCommandInShellForm : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR302", "Startup command in shell form", RuleCategory.Runtime, DiagnosticSeverity.Warning,
            "{0} in shell form {1}",
            "A shell-form CMD or ENTRYPOINT runs as '/bin/sh -c \"...\"': the shell becomes PID 1 and does not forward SIGTERM, so 'docker stop' and orchestrators cannot shut the app down gracefully and kill it after the timeout.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null || StagePlatform.IsWindowsOrNonPosix(final, context.Syntax)) return;
            // Without any shell the shell form cannot start at all: DKR306's finding, not a signal problem.
            var root = final.RootImage;
            if (root != null && ImageFacts.HasNoShell(root, out _) && final.FindLastInherited(i => i.Kind == InstructionKind.Shell) == null) return;

            // Replay the chain the way Docker builds the image config: an ENTRYPOINT clears a CMD the stage inherited
            // (from its base stage), but keeps one set earlier in the same stage.
            CommandInstruction? entrypoint = null, cmd = null;
            foreach (var stage in final.SelfAndAncestors.Reverse())
            {
                bool cmdSetInStage = false;
                foreach (var instruction in stage.Instructions)
                {
                    if (!(instruction is CommandInstruction command)) continue;
                    if (command.Kind == InstructionKind.Entrypoint)
                    {
                        entrypoint = command;
                        if (!cmdSetInStage) cmd = null;
                    }
                    else if (command.Kind == InstructionKind.Cmd)
                    {
                        cmd = command;
                        cmdSetInStage = true;
                    }
                }
            }

            if (entrypoint != null && entrypoint.Command is ShellForm entryShell)
            {
                if (StartsWithExec(entryShell)) return;
                string ignored = cmd != null ? " It also makes Docker ignore the CMD and any arguments given to 'docker run'." : "";
                context.Report(entryShell.Script.SourceSpan, "ENTRYPOINT",
                    Pid1Problem(entryShell) + ignored + " " + Fix("ENTRYPOINT", entryShell));
                return;
            }
            if (cmd != null && cmd.Command is ShellForm cmdShell && !StartsWithExec(cmdShell))
            {
                if (entrypoint != null)
                {
                    int line = context.Syntax.Source.GetLinePosition(entrypoint.Span.Start).Line;
                    context.Report(cmdShell.Script.SourceSpan, "CMD",
                        $"is passed to the exec-form ENTRYPOINT (line {line}) as the arguments '/bin/sh' '-c' '{Shorten(cmdShell.Script.Value)}', which the app does not expect. " +
                        "Write the CMD as a JSON array of arguments, for example CMD [" + JsonArguments(cmdShell) + "]");
                    return;
                }
                context.Report(cmdShell.Script.SourceSpan, "CMD", Pid1Problem(cmdShell) + " " + Fix("CMD", cmdShell));
            }
        }

        private static string Pid1Problem(ShellForm shell)
        {
            string looks = shell.LooksLikeJson ? " (it starts with '[' but is not valid JSON, so Docker treats it as a shell command)" : "";
            return "starts the container as '/bin/sh -c', so the shell is PID 1" + looks + ": SIGTERM from 'docker stop' or an orchestrator never reaches the app, which gets no graceful shutdown and is killed after the timeout.";
        }

        private static string Fix(string keyword, ShellForm shell) =>
            $"Use the exec form, for example {keyword} [{JsonArguments(shell)}], or start the command with 'exec '";

        /// <summary>True for <c>exec app ...</c>: the shell replaces itself with the app, which becomes PID 1.</summary>
        private static bool StartsWithExec(ShellForm shell)
        {
            string s = shell.Script.Value.TrimStart();
            return s.StartsWith("exec ", StringComparison.Ordinal) || s.StartsWith("exec\t", StringComparison.Ordinal);
        }

        /// <summary>The JSON array for a plain command line, or a placeholder when the line needs a shell.</summary>
        private static string JsonArguments(ShellForm shell)
        {
            string script = shell.Script.Value.Trim();
            if (shell.LooksLikeJson || script.Length == 0 || script.IndexOfAny(ShellSyntax) >= 0) return "\"executable\", \"argument\"";
            var words = script.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            var sb = new StringBuilder();
            foreach (var w in words)
            {
                if (sb.Length > 0) sb.Append(", ");
                sb.Append('"').Append(w.Replace("\\", "\\\\")).Append('"');
            }
            return sb.ToString();
        }

        private static readonly char[] ShellSyntax = { '$', '&', '|', ';', '<', '>', '*', '?', '"', '\'', '`', '(', ')', '\\', '~', '=', '#', '\n' };

        private static string Shorten(string script)
        {
            script = script.Trim();
            return script.Length <= 40 ? script : script.Substring(0, 37) + "...";
        }
    }
}
