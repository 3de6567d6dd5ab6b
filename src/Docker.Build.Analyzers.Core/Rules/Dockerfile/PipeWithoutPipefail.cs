using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR119: a pipe in a RUN whose shell does not have <c>pipefail</c>, so a failure on the left is hidden.</summary>
    public sealed class PipeWithoutPipefail : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR119", "Pipe in RUN without pipefail", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "If {0} fails, this RUN still succeeds as long as {1} succeeds: without pipefail only the last command of a pipe sets the exit status. {2}",
            "A shell pipe reports the exit status of its last command. 'curl ... | tar x' with a failed download can leave an incomplete image that builds green.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>Left sides that cannot fail in a way worth catching (and 'yes' is killed by SIGPIPE by design).</summary>
        private static readonly HashSet<string> HarmlessProducers = new HashSet<string>(StringComparer.Ordinal) { "echo", "printf", "yes", "true", ":" };

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                for (int s = 0; s < run.Scripts.Count; s++)
                {
                    var script = run.Scripts[s];
                    if (!script.Script.IsParsed || script.Origin == RunScriptOrigin.ExecFormCommand) continue;
                    var shell = script.Shell ?? run.Shell;
                    if (shell.SetsPipefail) continue;
                    var pipeline = FirstUnguardedPipe(script.Script);
                    if (pipeline == null) continue;
                    var left = pipeline.Commands[0];
                    var right = pipeline.Commands[pipeline.Commands.Count - 1];
                    context.Report(PipeSpan(script.Script, pipeline), Describe(left), Describe(right), Advice(shell, run.Stage));
                }
            }
        }

        private static ShellPipeline? FirstUnguardedPipe(ShellScript script)
        {
            // Where 'set -o pipefail' (or +o) appears; made only for the scripts that have one.
            List<(int Start, bool On)>? pipefailOnAt = null;
            var commands = script.Commands;
            for (int i = 0; i < commands.Count; i++)
            {
                var c = commands[i];
                bool? on = SetsPipefail(c);
                if (on != null) (pipefailOnAt ??= new List<(int Start, bool On)>()).Add((c.Start, on.Value));
            }
            var pipelines = script.Pipelines;
            for (int i = 0; i < pipelines.Count; i++)
            {
                var p = pipelines[i];
                if (!p.IsPiped) continue;
                // A pipe in a condition, or one whose failure is handled with '||', is checked on purpose.
                if ((p.Commands[0].Context & ShellContext.Condition) != 0 || p.FollowingOperator == ShellOperator.Or) continue;
                if (AllHarmlessProducers(p)) continue;
                bool on = false;
                if (pipefailOnAt != null)
                    foreach (var (start, value) in pipefailOnAt)
                        if (start < p.Start) on = value;
                if (!on) return p;
            }
            return null;
        }

        private static bool AllHarmlessProducers(ShellPipeline p)
        {
            for (int i = 0; i < p.Commands.Count - 1; i++)
                if (!(p.Commands[i] is SimpleCommand s) || !HarmlessProducers.Contains(s.EffectiveCommand.CommandName)) return false;
            return true;
        }

        /// <summary><c>set -o pipefail</c>, <c>set -euo pipefail</c> (true), <c>set +o pipefail</c> (false), <c>shopt -so pipefail</c>; null for anything else.</summary>
        private static bool? SetsPipefail(SimpleCommand command)
        {
            string name = command.CommandName;
            var args = command.Arguments;
            if (name == "set")
            {
                bool? result = null;
                for (int i = 0; i < args.Count; i++)
                {
                    string a = args[i].Value;
                    if (a.Length < 2 || (a[0] != '-' && a[0] != '+')) break;
                    if (a[a.Length - 1] == 'o' && i + 1 < args.Count)
                    {
                        if (args[i + 1].Value == "pipefail") result = a[0] == '-';
                        i++;
                    }
                }
                return result;
            }
            if (name == "shopt")
            {
                bool set = false, unset = false, o = false, pipefail = false;
                foreach (var a in args)
                {
                    string v = a.Value;
                    if (v.StartsWith("-", StringComparison.Ordinal))
                    {
                        set |= v.IndexOf('s') > 0;
                        unset |= v.IndexOf('u') > 0;
                        o |= v.IndexOf('o') > 0;
                    }
                    else if (v == "pipefail") pipefail = true;
                }
                if (o && pipefail && (set || unset)) return set;
            }
            return null;
        }

        private static TextSpan PipeSpan(ShellScript script, ShellPipeline pipeline)
        {
            int from = pipeline.Commands[0].End, to = pipeline.Commands[1].Start;
            int bar = to > from ? script.Text.Value.IndexOf('|', from, to - from) : -1;
            return bar >= 0 ? script.Text.ToSourceSpan(bar, 1) : pipeline.Span;
        }

        private static string Describe(ShellCommand command) =>
            command is SimpleCommand s && s.EffectiveCommand.CommandName.Length > 0 ? $"'{s.EffectiveCommand.CommandName}'" : "the left side";

        private static string Advice(ShellInfo shell, Stage stage)
        {
            const string bashShell = "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
            bool? supported = shell.SupportsPipefail;
            if (supported == null && IsAlpine(stage)) supported = true; // /bin/sh is busybox ash there
            if (supported == true)
                return $"Start the script with 'set -o pipefail' (for example 'RUN set -o pipefail && ...'), or add {bashShell} before this RUN";
            if (shell.Name == "dash")
                return $"dash has no pipefail option: add {bashShell} before this RUN";
            return $"The default /bin/sh is dash on Debian and Ubuntu, which rejects 'set -o pipefail': add {bashShell} before this RUN (bash must be in the image)";
        }

        private static bool IsAlpine(Stage stage)
        {
            var image = stage.RootImage;
            if (image == null) return false;
            return image.Path.EndsWith("alpine", StringComparison.OrdinalIgnoreCase)
                || (image.Tag != null && image.Tag.IndexOf("alpine", StringComparison.OrdinalIgnoreCase) >= 0);
        }
    }
}
