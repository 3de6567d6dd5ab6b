using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR110: <c>npm install</c> with no package names, where <c>npm ci</c> installs exactly the lockfile.</summary>
    public sealed class NpmInstallWithoutLockfile : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR110", "npm install instead of npm ci", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'npm {0}' without package names resolves the dependency ranges again and may update package-lock.json, so two builds of the same commit can differ: use 'npm ci' (with '--omit=dev' for a production image), which installs exactly what the lockfile says and fails if it is out of date",
            "npm ci is made for automated builds: it needs package-lock.json (or npm-shrinkwrap.json), removes node_modules first, never writes the lockfile, and fails when package.json and the lockfile disagree.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly HashSet<string> InstallAliases = new HashSet<string>(StringComparer.Ordinal)
        {
            "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall",
        };

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    var npm = command.EffectiveCommand;
                    if (npm.CommandName != "npm") continue;
                    var install = npm.Subcommand;
                    if (install == null || !InstallAliases.Contains(install.Value)) continue;
                    // Packages named, a global install, or names arriving through xargs: not a lockfile install.
                    if (npm.OperandsAfterSubcommand.Count > 0 || npm.HasOption("-g", "--global") || npm.HasWrapper("xargs")) continue;
                    context.Report(install.Span, install.Value);
                }
            }
        }
    }
}
