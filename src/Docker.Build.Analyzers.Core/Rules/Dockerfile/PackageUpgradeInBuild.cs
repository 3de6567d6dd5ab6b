using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR125 (suggestion): a whole-system package upgrade during the build.</summary>
    public sealed class PackageUpgradeInBuild : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR125", "Whole-system package upgrade in the build", RuleCategory.ImageAndBuild, DiagnosticSeverity.Suggestion,
            "'{0}' upgrades every package of the base image inside the build: the result no longer matches the base tag, rebuilds differ from day to day, and the layer duplicates much of the base. Move to a newer or patched base image tag instead, and upgrade single packages only when you must",
            "Base images are rebuilt regularly with security fixes. Upgrading everything in your own layer hides which base you really run and adds a large layer on top of it.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    var e = command.EffectiveCommand;
                    var sub = e.Subcommand;
                    if (sub == null) continue;
                    if (IsWholeSystemUpgrade(e, sub.Value))
                        context.Report(sub.Span, e.CommandName + " " + sub.Value);
                }
            }
        }

        private static bool IsWholeSystemUpgrade(CommandInvocation e, string sub)
        {
            switch (e.CommandName)
            {
                case "apt-get":
                case "apt":
                case "aptitude":
                    return sub == "upgrade" || sub == "dist-upgrade" || sub == "full-upgrade" || sub == "safe-upgrade";
                case "apk":
                    return sub == "upgrade" && e.OperandsAfterSubcommand.Count == 0;
                case "yum":
                case "dnf":
                case "microdnf":
                case "tdnf":
                    return (sub == "update" || sub == "upgrade" || sub == "distro-sync" || sub == "upgrade-minimal") && e.OperandsAfterSubcommand.Count == 0;
                case "zypper":
                    return (sub == "update" || sub == "up" || sub == "dist-upgrade" || sub == "dup") && e.OperandsAfterSubcommand.Count == 0;
                default:
                    return false;
            }
        }
    }
}
