using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR107: <c>apt-get update</c> in a RUN that installs nothing, so the cached layer's lists go stale.</summary>
    public sealed class AptUpdateWithoutInstall : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR107", "apt-get update in a RUN that installs nothing", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'{0} update' runs in a RUN that installs nothing: Docker caches this layer, so a later 'apt-get install' can use package lists that are months old and fail or install outdated versions. Run 'apt-get update && apt-get install -y ...' in one RUN",
            "The build cache reuses a RUN whose text has not changed. An 'apt-get update' alone is therefore not re-run when a later RUN changes its package list.");

        /// <summary>Commands that neither install packages nor run unknown code after the update.</summary>
        private static readonly HashSet<string> Harmless = new HashSet<string>(StringComparer.Ordinal)
        {
            "", "rm", "echo", "printf", "true", "false", ":", "set", "export", "unset", "mkdir", "ln", "chmod", "chown", "touch", "sleep", "ls", "cd", "exit",
        };

        private static readonly string[] HarmlessApt = { "update", "clean", "autoclean", "autoremove", "distclean", "dist-clean", "check" };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                var commands = RunCommandFacts.CommandsInOrder(run);
                int first = -1, last = -1;
                for (int i = 0; i < commands.Count; i++)
                {
                    if (RunCommandFacts.AptSubcommand(commands[i].EffectiveCommand, "update") == null) continue;
                    if (first < 0) first = i;
                    last = i;
                }
                if (first < 0) continue;
                bool usesLists = false;
                for (int i = 0; i < commands.Count && !usesLists; i++)
                {
                    var effective = commands[i].EffectiveCommand;
                    if (RunCommandFacts.IsApt(effective))
                        usesLists = RunCommandFacts.AptSubcommand(effective, HarmlessApt) == null && effective.Subcommand != null;
                    else if (i > last)
                        usesLists = !Harmless.Contains(effective.CommandName);
                }
                if (usesLists) continue;
                var update = commands[first].EffectiveCommand;
                context.Report(update.Subcommand!.Span, update.CommandName);
            }
        }
    }
}
