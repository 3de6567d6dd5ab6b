using System;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR206: <c>sudo</c> (or <c>doas</c>) in a RUN.</summary>
    public sealed class SudoInRun : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR206", "sudo in RUN", RuleCategory.Security, DiagnosticSeverity.Warning,
            "'{0}' in a RUN: build steps already run as the stage's USER, and {0} needs a setuid binary and a sudoers rule that stay in the image for anyone to use. Switch with 'USER root' before the commands that need it and back to the application user after",
            "sudo is made for interactive logins. In an image it keeps a privilege-escalation path open at run time and behaves unpredictably without a terminal (password prompts, environment resets).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    var effective = command.EffectiveCommand;
                    foreach (var wrapper in effective.Wrappers)
                    {
                        string name = Shell.SimpleCommand.BaseName(wrapper.Value);
                        if (IsSudo(name)) context.Report(wrapper.Span, name);
                    }
                    if (effective.Name != null && IsSudo(effective.CommandName)) context.Report(effective.Name.Span, effective.CommandName);
                }
            }
        }

        private static bool IsSudo(string name) => string.Equals(name, "sudo", StringComparison.Ordinal) || string.Equals(name, "doas", StringComparison.Ordinal);
    }
}
