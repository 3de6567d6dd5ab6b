using System.IO;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR613: the final stage runs on a .NET runtime image (which defines no <c>CMD</c> or <c>ENTRYPOINT</c>), copies an
    /// app into it, and never says how to start it: the container exits at once.
    /// </summary>
    public sealed class RuntimeImageWithoutStartupCommand : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR613", "No startup command on a .NET runtime image", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The final stage runs on '{0}', which defines no CMD or ENTRYPOINT, and neither does this Dockerfile: the container exits as soon as it starts. Add ENTRYPOINT [\"dotnet\", \"{1}.dll\"] (or the apphost, ENTRYPOINT [\"./{1}\"])",
            "The .NET aspnet, runtime and runtime-deps images start nothing by themselves: an image built on them needs its own CMD or ENTRYPOINT.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var image = DotNetDockerfileFacts.FinalImage(context, out var final);
            if (image == null || final == null || image.Kind == DotNetImageKind.Sdk) return;
            bool copiesApp = false;
            foreach (var stage in final.SelfAndAncestors)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Kind == InstructionKind.Cmd || instruction.Kind == InstructionKind.Entrypoint) return;
                    // A COPY --from of a build stage brings the app in; images without one are base images for others.
                    if (instruction is CopyInstruction copy && copy.From?.Value is string from && context.Model.FindEarlierStage(from, stage) != null)
                        copiesApp = true;
                }
            }
            if (!copiesApp) return;
            // A compose service that builds this Dockerfile can give the command itself.
            foreach (var build in context.Workspace.ComposeBuilds)
                if (string.Equals(Path.GetFullPath(build.DockerfilePath), Path.GetFullPath(context.Document.Path), System.StringComparison.OrdinalIgnoreCase)) return;
            string name = context.Project.AssemblyName ?? "App";
            context.Report(final.From.Span, image.Image.Raw, name);
        }
    }
}
