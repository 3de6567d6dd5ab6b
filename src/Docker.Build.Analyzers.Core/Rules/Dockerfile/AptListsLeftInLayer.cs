using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR106: a RUN that runs <c>apt-get update</c> and installs, but leaves <c>/var/lib/apt/lists</c> in the layer.</summary>
    public sealed class AptListsLeftInLayer : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR106", "apt package lists left in the image", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "The package lists downloaded by '{0} update' stay in this layer (tens of megabytes) and go stale: {1}",
            "apt-get update downloads the package index into /var/lib/apt/lists. Unless the same RUN removes it, it is stored in the layer for good; deleting it in a later RUN does not make the image smaller.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var shipped = RunCommandFacts.ShippedStages(context.Model);
            foreach (var run in context.Document.RunScripts.All)
            {
                // The layers of a build stage that the final image does not build on are thrown away.
                if (!shipped.Contains(run.Stage)) continue;
                var commands = RunCommandFacts.CommandsInOrder(run);
                int update = -1;
                bool installs = false, removes = false;
                for (int i = 0; i < commands.Count; i++)
                {
                    var apt = commands[i].EffectiveCommand;
                    if (update < 0 && RunCommandFacts.AptSubcommand(apt, "update") != null) update = i;
                    else if (RunCommandFacts.AptSubcommand(apt, RunCommandFacts.AptInstalling) != null) installs = true;
                    if (update >= 0 && i > update
                        && (RunCommandFacts.Removes(commands[i], "/var/lib/apt/lists") || RunCommandFacts.AptSubcommand(apt, "distclean", "dist-clean") != null))
                        removes = true;
                }
                // Without an install, DKR107 (update alone) is the finding that matters.
                if (update < 0 || !installs || removes) continue;
                if (run.KeepsOutOfLayer("/var/lib/apt/lists")) continue;
                var updateCommand = commands[update].EffectiveCommand;
                string fix = run.KeepsOutOfLayer("/var/cache/apt")
                    ? "/var/cache/apt is a cache mount but the lists are not; add '--mount=type=cache,target=/var/lib/apt,sharing=locked' or end the RUN with 'rm -rf /var/lib/apt/lists/*'"
                    : "end the same RUN with 'rm -rf /var/lib/apt/lists/*' (or mount /var/lib/apt as a cache)";
                context.Report(updateCommand.Subcommand!.Span, updateCommand.CommandName, fix);
            }
        }
    }
}
