using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR126: <c>apt-get install</c> (and other changing subcommands) without <c>-y</c>, which stops at the
    /// confirmation prompt; as a suggestion, <c>apt</c> used in a script instead of <c>apt-get</c>.
    /// </summary>
    public sealed class AptInstallWithoutYes : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR126", "apt-get without -y, or apt in a script", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "{0}",
            "A build has no terminal: apt-get asks 'Do you want to continue? [Y/n]', reads end of input and aborts, failing the build. 'apt' is the interactive front end; its output and behaviour are not promised to stay stable for scripts.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly string[] Prompting = { "install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep", "reinstall", "satisfy" };

        private static readonly string[] AssumeYesOptions = { "-y", "--yes", "--assume-yes", "-qq", "--force-yes" };

        public override void Analyze(DockerfileContext context)
        {
            var configuration = new RunCommandFacts.AptSettingLookup("APT::Get::Assume-Yes", value: true);
            foreach (var run in context.Document.RunScripts.All)
            {
                bool? configured = null;
                foreach (var command in run.Commands)
                {
                    var apt = command.EffectiveCommand;
                    if (!RunCommandFacts.IsApt(apt)) continue;
                    if (apt.CommandName == "apt")
                        context.Report(apt.Name!.Span, DiagnosticSeverity.Suggestion,
                            "'apt' is the interactive front end and warns that its command line is not stable for scripts: use 'apt-get' (or 'apt-cache' for queries) in a Dockerfile");
                    var sub = RunCommandFacts.AptSubcommand(apt, Prompting);
                    if (sub == null) continue;
                    if (apt.HasOption(AssumeYesOptions) || AssumesYes(apt)) continue;
                    // Answers piped in ('yes | apt-get install ...') or given on standard input.
                    if (command.PipelineIndex > 0 || HasInputRedirection(command)) continue;
                    configured ??= configuration.IsConfigured(run);
                    if (configured.Value) continue;
                    context.Report(sub.Span,
                        $"'{apt.CommandName} {sub.Value}' without -y waits for a 'Do you want to continue?' answer that a build cannot give, so the build fails: add -y (or --yes)");
                }
            }
        }

        private static bool AssumesYes(CommandInvocation apt)
        {
            foreach (var value in apt.OptionValues("-o", "--option"))
            {
                int eq = value.IndexOf('=');
                if (eq > 0 && value.Substring(0, eq).Trim().Equals("APT::Get::Assume-Yes", StringComparison.OrdinalIgnoreCase)
                    && RunCommandFacts.IsTrue(value.Substring(eq + 1))) return true;
            }
            return false;
        }

        private static bool HasInputRedirection(SimpleCommand command)
        {
            foreach (var r in command.Redirections)
                if (r.RedirectsInput) return true;
            return false;
        }
    }
}
