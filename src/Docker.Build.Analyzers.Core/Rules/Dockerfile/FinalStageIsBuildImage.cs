using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR103: the image that ships is a toolchain image (.NET SDK, golang, maven, full node...).</summary>
    public sealed class FinalStageIsBuildImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR103", "Final stage is a build image", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "The final stage is based on {0} ('{1}'): the shipped image carries the whole toolchain. Build in an earlier stage and copy the output into a runtime image (for .NET: mcr.microsoft.com/dotnet/aspnet or runtime)",
            "The last stage of a Dockerfile is the image that runs in production. Toolchain images are several times larger than runtime images and give an attacker compilers and package managers.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            var image = final?.RootImage;
            if (final == null || image == null) return;
            if (final.IsExportOnly) return; // files carried out with 'docker build --output' ship no image
            if (ImageFacts.IsBuildToolchain(image, out var what))
                context.Report(final.From.Span, what, image.Raw);
        }
    }
}
