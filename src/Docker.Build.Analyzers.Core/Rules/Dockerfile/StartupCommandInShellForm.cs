using System;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

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

            var shell = ShellOf(final, root);
            if (entrypoint != null && entrypoint.Command is ShellForm entryShell)
            {
                if (StartsWithExec(entryShell) || IsReportedAsInvalidJson(entryShell)) return;
                string ignored = cmd != null ? " It also makes Docker ignore the CMD and any arguments given to 'docker run'." : "";
                var (severity, problem) = Pid1Problem(entryShell, shell);
                context.Report(entryShell.Script.SourceSpan, severity, "ENTRYPOINT", problem + ignored + " " + Fix("ENTRYPOINT", entryShell));
                return;
            }
            if (cmd != null && cmd.Command is ShellForm cmdShell && !StartsWithExec(cmdShell) && !IsReportedAsInvalidJson(cmdShell))
            {
                if (entrypoint != null)
                {
                    int line = context.Syntax.Source.GetLinePosition(entrypoint.Span.Start).Line;
                    context.Report(cmdShell.Script.SourceSpan, "CMD",
                        $"is passed to the exec-form ENTRYPOINT (line {line}) as the arguments '/bin/sh' '-c' '{Shorten(cmdShell.Script.Value)}', which the app does not expect. " +
                        "Write the CMD as a JSON array of arguments, for example CMD [" + JsonArguments(cmdShell) + "]");
                    return;
                }
                var (severity, problem) = Pid1Problem(cmdShell, shell);
                context.Report(cmdShell.Script.SourceSpan, severity, "CMD", problem + " " + Fix("CMD", cmdShell));
            }
        }

        /// <summary>Text in brackets that DKR124 reports as broken exec form (single quotes...): one finding per span is enough.</summary>
        private static bool IsReportedAsInvalidJson(ShellForm shell) =>
            shell.LooksLikeJson && ExecFormNotValidJson.MeantAsExecForm(shell.Script.Value);

        /// <summary>The shell that runs the shell form: the final chain's POSIX SHELL, else the image's /bin/sh.</summary>
        private static (string Description, bool? Execs) ShellOf(Stage final, ImageReference? root)
        {
            if (final.FindLastInherited(i => i.Kind == InstructionKind.Shell) is ShellInstruction shellInstruction)
            {
                var info = ShellInfo.FromShellInstruction(shellInstruction);
                if (info.Name == "bash" || info.Name == "ash") return (info.Name == "bash" ? "bash (the stage's SHELL)" : "BusyBox ash (the stage's SHELL)", true);
                if (info.Name == "sh" && root != null && ImageFacts.BinShOf(root, out bool shExecs) is string sh) return (sh, shExecs);
                return ("'" + info.Executable + "' (the stage's SHELL)", null);
            }
            if (root != null && ImageFacts.BinShOf(root, out bool execs) is string description) return (description, execs);
            return ("the image's /bin/sh", null);
        }

        /// <summary>
        /// What happens to PID 1, true to the shell: a lone simple command is exec'd by bash (without redirections), BusyBox
        /// ash and dash 0.5.11+, so there the finding is only a suggestion; anything more (pipes, lists, background jobs,
        /// subshells) keeps the shell as PID 1 at least for a while, and a shell that forks keeps it for good.
        /// </summary>
        private static (DiagnosticSeverity Severity, string Problem) Pid1Problem(ShellForm form, (string Description, bool? Execs) shell)
        {
            string looks = form.LooksLikeJson ? " (it starts with '[' but is not valid JSON, so Docker treats it as a shell command)" : "";
            const string Consequence = "SIGTERM from 'docker stop' or an orchestrator goes to the shell, which does not pass it on: the app gets no graceful shutdown and is killed after the timeout.";
            string? compound = CompoundShape(form, out bool redirectedOrGrouped);
            if (compound != null)
                return (DiagnosticSeverity.Warning, $"starts the container as '/bin/sh -c' with {compound}, so the shell is PID 1 and runs the app as its child{looks}: " + Consequence);
            bool bash = shell.Description.StartsWith("bash", StringComparison.Ordinal);
            if (redirectedOrGrouped && bash)
                return (DiagnosticSeverity.Warning, $"starts the container as '/bin/sh -c', and {shell.Description} forks a command that has a redirection: the shell stays PID 1{looks}. " + Consequence);
            if (shell.Execs == true)
                return (DiagnosticSeverity.Suggestion, $"runs as '/bin/sh -c'{looks}: the app is PID 1 only because {shell.Description} replaces itself with a lone simple command. Adding '&&', a pipe or a second command later would leave the shell as PID 1, where SIGTERM never reaches the app; the exec form does not depend on the shell.");
            if (shell.Execs == false)
                return (DiagnosticSeverity.Warning, $"starts the container as '/bin/sh -c', and {shell.Description} runs the command as its child instead of replacing itself with it, so the shell is PID 1{looks}: " + Consequence);
            return (DiagnosticSeverity.Warning, $"starts the container as '/bin/sh -c'{looks}: unless {shell.Description} replaces itself with the command (bash, BusyBox ash and dash 0.5.11+ do; dash 0.5.10 as in Debian 10 and Ubuntu 20.04 does not), the shell is PID 1 and SIGTERM from 'docker stop' or an orchestrator may never reach the app.");
        }

        /// <summary>
        /// Why the line is more than one simple command ("a pipe ('|')", "several commands ('&amp;&amp;')"...), or null for
        /// a lone simple command; <paramref name="redirectedOrGrouped"/> tells a lone command that has a redirection.
        /// </summary>
        private static string? CompoundShape(ShellForm form, out bool redirectedOrGrouped)
        {
            redirectedOrGrouped = false;
            var script = ShellScript.Parse(form.Script, heredocBodiesFollow: false);
            if (!script.IsParsed || script.Errors.Count > 0) return "a command line that is not a plain command";
            var pipelines = script.Pipelines;
            if (pipelines.Count == 0) return null;
            foreach (var p in pipelines)
                if (p.IsPiped && p.Commands[0].Parent == null && !p.Commands[0].IsInCommandSubstitution && !p.Commands[0].IsInProcessSubstitution)
                    return "a pipe ('|')";
            int top = 0;
            ShellPipeline? only = null;
            foreach (var p in pipelines)
            {
                var first = p.Commands[0];
                if (first.Parent != null || first.IsInCommandSubstitution || first.IsInProcessSubstitution) continue;
                top++;
                only = p;
                if (p.FollowingOperator == ShellOperator.Background) return "a background job ('&')";
            }
            if (top > 1)
            {
                foreach (var p in pipelines)
                {
                    switch (p.FollowingOperator)
                    {
                        case ShellOperator.And: return "several commands ('&&')";
                        case ShellOperator.Or: return "several commands ('||')";
                        case ShellOperator.Semicolon: return "several commands (';')";
                    }
                }
                return "several commands";
            }
            if (only == null) return null;
            var command = only.Commands[0];
            if (command is CompoundCommand compound)
                return compound.Kind == CompoundKind.Subshell ? "a subshell ('( )')" : "a compound command";
            if (only.IsNegated) return "a negated command ('!')";
            redirectedOrGrouped = command.Redirections.Count > 0;
            return null;
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
