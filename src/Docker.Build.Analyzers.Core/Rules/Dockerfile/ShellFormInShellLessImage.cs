using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR306: a stage built on an image without a shell (<c>scratch</c>, distroless, .NET chiseled) uses an instruction
    /// that needs <c>/bin/sh</c>: shell-form RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD.
    /// </summary>
    public sealed class ShellFormInShellLessImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR306", "Shell form in an image without a shell", RuleCategory.Runtime, DiagnosticSeverity.Warning,
            "{0} in shell form runs '/bin/sh -c', but this stage is built on {1} ('{2}'), which has no shell: {3}. {4}",
            "Shell-form RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD are run by /bin/sh. Scratch, distroless and .NET chiseled images ship no shell, so those instructions fail.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var stage in context.Model.Stages)
            {
                var root = stage.RootImage;
                if (root == null || !ImageFacts.HasNoShell(root, out var what)) continue;
                // A SHELL line means the author brought an interpreter of their own (copied in from another stage).
                if (stage.FindLastInherited(i => i.Kind == InstructionKind.Shell) != null) continue;

                foreach (var instruction in stage.Instructions)
                {
                    switch (instruction)
                    {
                        case CommandInstruction run when run.Kind == InstructionKind.Run && run.Command is ShellForm script:
                            context.Report(script.Span, "RUN", what, root.Raw,
                                "the build fails at this step",
                                "Do this work in an earlier stage (the SDK or a full image) and COPY the result in, or run a binary the image has in exec form, RUN [\"/path/to/tool\", \"arg\"]");
                            break;
                        case CommandInstruction start when (start.Kind == InstructionKind.Cmd || start.Kind == InstructionKind.Entrypoint) && start.Command is ShellForm script:
                            // After an exec-form ENTRYPOINT a shell-form CMD is only a list of arguments (DKR302's case), not a shell start.
                            if (start.Kind == InstructionKind.Cmd && stage.FindLastInherited(i => i.Kind == InstructionKind.Entrypoint) is CommandInstruction entry && entry.Command.IsExecForm) break;
                            context.Report(script.Span, start.Name, what, root.Raw,
                                "the container cannot start",
                                $"Use the exec form, for example {start.Name} [\"dotnet\", \"App.dll\"]");
                            break;
                        case HealthcheckInstruction health when health.Command is ShellForm script:
                            context.Report(script.Span, "HEALTHCHECK CMD", what, root.Raw,
                                "the check can never pass, so the container is reported unhealthy",
                                "Use the exec form with a binary the image has (for example a small health-check tool copied in from the build stage), or check health from the orchestrator");
                            break;
                    }
                }
            }
        }
    }
}
