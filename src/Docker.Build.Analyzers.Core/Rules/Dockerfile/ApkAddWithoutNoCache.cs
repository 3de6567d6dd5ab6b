using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR108: <c>apk add</c> without <c>--no-cache</c> leaves the package index in the layer.</summary>
    public sealed class ApkAddWithoutNoCache : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR108", "apk add without --no-cache", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'apk add' without --no-cache keeps the downloaded package index in /var/cache/apk, inside this layer: use 'apk add --no-cache ...' (no separate 'apk update' needed)",
            "apk stores the repository index it downloads in /var/cache/apk. With --no-cache it fetches the index to a temporary place and nothing is left in the layer.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var shipped = RunCommandFacts.ShippedStages(context.Model);
            foreach (var run in context.Document.RunScripts.All)
            {
                if (!shipped.Contains(run.Stage)) continue;
                if (run.KeepsOutOfLayer("/var/cache/apk", "/etc/apk/cache")) continue;
                var commands = RunCommandFacts.CommandsInOrder(run);
                for (int i = 0; i < commands.Count; i++)
                {
                    var apk = commands[i].EffectiveCommand;
                    if (apk.CommandName != "apk") continue;
                    var add = apk.Subcommand;
                    if (add == null || add.Value != "add" || apk.HasOption("--no-cache")) continue;
                    if (CleanedLater(commands, i)) continue;
                    context.Report(add.Span);
                }
            }
        }

        private static bool CleanedLater(Docker.Build.Analyzers.Dockerfile.ReadOnlyArray<Shell.SimpleCommand> commands, int from)
        {
            for (int i = from + 1; i < commands.Count; i++)
            {
                if (RunCommandFacts.Removes(commands[i], "/var/cache/apk")) return true;
                var e = commands[i].EffectiveCommand;
                if (e.CommandName == "apk" && e.Subcommand?.Value == "cache" && e.OperandsAfterSubcommand.Count > 0
                    && (e.OperandsAfterSubcommand[0].Value == "clean" || e.OperandsAfterSubcommand[0].Value == "purge")) return true;
            }
            return false;
        }
    }
}
