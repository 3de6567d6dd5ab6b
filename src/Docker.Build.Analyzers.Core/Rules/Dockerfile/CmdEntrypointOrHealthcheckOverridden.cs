using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR113: a <c>CMD</c>, <c>ENTRYPOINT</c> or <c>HEALTHCHECK</c> that a later one in the same stage replaces.</summary>
    public sealed class CmdEntrypointOrHealthcheckOverridden : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR113", "CMD, ENTRYPOINT or HEALTHCHECK overridden in the same stage", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "This {0} has no effect: the {0} on line {1} of the same stage replaces it. Remove one of them",
            "Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage end up in the image; an earlier one is dead code that readers take for the real command.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var source = context.Syntax.Source;
            foreach (var stage in context.Model.Stages)
            {
                // The instruction that wins for each of the three kinds: the last one of the stage.
                Instruction? lastCmd = null, lastEntrypoint = null, lastHealthcheck = null;
                foreach (var instruction in stage.Instructions)
                {
                    switch (instruction.Kind)
                    {
                        case InstructionKind.Cmd: lastCmd = instruction; break;
                        case InstructionKind.Entrypoint: lastEntrypoint = instruction; break;
                        case InstructionKind.Healthcheck: lastHealthcheck = instruction; break;
                    }
                }
                foreach (var instruction in stage.Instructions)
                {
                    var winner = instruction.Kind == InstructionKind.Cmd ? lastCmd
                        : instruction.Kind == InstructionKind.Entrypoint ? lastEntrypoint
                        : instruction.Kind == InstructionKind.Healthcheck ? lastHealthcheck
                        : null;
                    if (winner == null || ReferenceEquals(winner, instruction)) continue;
                    int line = source.GetLinePosition(winner.Keyword.Span.Start).Line;
                    context.Report(instruction.Keyword.Span, instruction.Name, line);
                }
            }
        }
    }
}
