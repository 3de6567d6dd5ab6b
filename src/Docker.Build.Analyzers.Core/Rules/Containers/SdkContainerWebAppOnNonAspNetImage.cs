using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;

namespace Docker.Build.Analyzers.Rules.Containers
{
    /// <summary>
    /// DKR621: an ASP.NET Core project published framework-dependent as an SDK container whose <c>ContainerBaseImage</c> is
    /// the .NET <c>runtime</c> or <c>runtime-deps</c> image: neither has ASP.NET Core, so the app stops at start-up (what
    /// DKR603 says of a Dockerfile's final image).
    /// </summary>
    public sealed class SdkContainerWebAppOnNonAspNetImage : ProjectRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR621", "Web app published as a container on a non-ASP.NET image", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "ContainerBaseImage '{0}' is the .NET '{1}' image, but the project is an ASP.NET Core app published framework-dependent and {2}: it stops at start-up. Use '{3}', or remove ContainerBaseImage and let the SDK pick it",
            "Left alone, the SDK picks the aspnet image for a web project; a ContainerBaseImage that names the runtime or runtime-deps image leaves the app without the ASP.NET Core shared framework it needs.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ProjectContext context)
        {
            var container = context.Container;
            if (container?.BaseImage == null || !context.Project.IsWebProject || context.Project.DotNet.IsSelfContained) return;
            var image = DotNetImage.From(ImageReference.Parse(container.BaseImage.Value));
            if (image == null) return;
            string missing;
            switch (image.Kind)
            {
                case DotNetImageKind.Runtime: missing = "this image has no ASP.NET Core"; break;
                case DotNetImageKind.RuntimeDeps: missing = "this image has no .NET runtime at all"; break;
                default: return;
            }
            string repository = image.Image.Repository;
            string aspnet = repository.Substring(0, repository.Length - image.KindName.Length) + "aspnet" + (image.Image.Tag == null ? "" : ":" + image.Image.Tag);
            context.Report(container.BaseImage.Spot, image.Image.Raw, image.KindName, missing, aspnet);
        }
    }
}
