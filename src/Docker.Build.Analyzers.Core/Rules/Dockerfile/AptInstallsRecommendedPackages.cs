using System;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR105: <c>apt-get install</c> without <c>--no-install-recommends</c>.</summary>
    public sealed class AptInstallsRecommendedPackages : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR105", "apt-get install without --no-install-recommends", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'{0} install' also installs every package the requested ones recommend, often tens of megabytes of tools the image never uses: add --no-install-recommends and list what you really need{1}",
            "By default apt installs the recommended packages of everything it installs. In an image they add size, build time and attack surface without being asked for.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var configuration = new RunCommandFacts.AptSettingLookup("APT::Install-Recommends", value: false);
            var shipped = RunCommandFacts.ShippedStages(context.Model);
            foreach (var run in context.Document.RunScripts.All)
            {
                bool ships = shipped.Contains(run.Stage);
                bool? configured = null;
                foreach (var command in run.Commands)
                {
                    var apt = command.EffectiveCommand;
                    var install = RunCommandFacts.AptSubcommand(apt, "install");
                    if (install == null || apt.OperandsAfterSubcommand.Count == 0) continue;
                    if (apt.HasOption("--no-install-recommends")) continue;
                    if (SetsNoRecommends(apt)) continue;
                    configured ??= configuration.IsConfigured(run);
                    if (configured.Value) continue;
                    if (ships) context.Report(install.Span, apt.CommandName, "");
                    // A build stage the final image does not build on: the extra packages cost build time, not image size.
                    else context.Report(install.Span, RunCommandFacts.AtMostSuggestion(Rule.DefaultSeverity), apt.CommandName,
                        " (only a suggestion: this build stage's packages do not ship in the final image, they only slow the build)");
                }
            }
        }

        private static bool SetsNoRecommends(Shell.CommandInvocation apt)
        {
            foreach (var value in apt.OptionValues("-o", "--option"))
            {
                int eq = value.IndexOf('=');
                if (eq < 0) continue;
                if (value.Substring(0, eq).Trim().Equals("APT::Install-Recommends", StringComparison.OrdinalIgnoreCase)
                    && RunCommandFacts.IsFalse(value.Substring(eq + 1))) return true;
            }
            return false;
        }
    }
}
