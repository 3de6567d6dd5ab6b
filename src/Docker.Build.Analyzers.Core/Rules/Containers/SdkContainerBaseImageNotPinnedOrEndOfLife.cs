using System;
using System.Globalization;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using NuGet.Versioning;

namespace Docker.Build.Analyzers.Rules.Containers
{
    /// <summary>
    /// DKR617: the base image of the container the SDK publishes is not pinned (<c>ContainerBaseImage</c> without a tag or
    /// with a floating one, as DKR101 judges a <c>FROM</c>) or is an end-of-life .NET image (as DKR612 judges it). Without
    /// <c>ContainerBaseImage</c> the SDK picks the official .NET image of the project's target framework: that image is
    /// judged too, at the <c>TargetFramework</c> line.
    /// </summary>
    public sealed class SdkContainerBaseImageNotPinnedOrEndOfLife : ProjectRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR617", "SDK container base image not pinned or end-of-life", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "{0} '{1}' {2}",
            "The container 'dotnet publish -t:PublishContainer' builds is only as reproducible and as patched as its base image: a floating tag changes the image whenever it moves, and an end-of-life .NET image gets no more security fixes.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ProjectContext context)
        {
            var container = context.Container;
            if (container == null) return;
            DateTime today = (context.Project.DotNet.Today ?? DateTime.UtcNow).Date;

            if (container.BaseImage != null)
            {
                var image = ImageReference.Parse(container.BaseImage.Value);
                // A value still holding a placeholder cannot be judged.
                if (image == null || container.BaseImage.Value.IndexOf('$') >= 0) return;
                if (image.Digest == null)
                {
                    if (image.Tag == null)
                    {
                        context.Report(container.BaseImage.Spot, "ContainerBaseImage", image.Raw,
                            "has no tag, so the SDK pulls ':latest': the published image changes whenever that tag moves. Pin a version tag such as ':10.0'");
                        return;
                    }
                    if (ImageFacts.IsFloatingTag(image.Tag, out var floating))
                    {
                        context.Report(container.BaseImage.Spot, "ContainerBaseImage", image.Raw,
                            $"uses the floating tag '{image.Tag}'" + (floating == image.Tag.ToLowerInvariant() ? "" : $" ('{floating}' moves)")
                            + ": the published image changes whenever the tag moves. Pin a version tag such as ':10.0'");
                        return;
                    }
                }
                var dotNet = DotNetImage.From(image);
                if (dotNet?.Version != null && DotNetLifecycle.IsEndOfLife(dotNet.Version, today, out var release) && release != null)
                    context.Report(container.BaseImage.Spot, "ContainerBaseImage", image.Raw, EndOfLife(release, today));
                return;
            }

            // The SDK's own choice: mcr.microsoft.com/dotnet/<aspnet|runtime|runtime-deps>:<major.minor>[-<ContainerFamily>].
            // Judged only when every target framework is out of support (a multi-targeted project may publish a supported one).
            NuGetVersion? newest = null;
            DotNetLifecycle.Release? newestRelease = null;
            string? newestFramework = null;
            foreach (var framework in context.Project.TargetFrameworks)
            {
                var version = DotNetVersions.ParseTargetFramework(framework);
                if (version == null || !DotNetLifecycle.IsEndOfLife(version, today, out var release) || release == null) return;
                if (newest == null || DotNetVersions.CompareMajorMinor(version, newest) > 0)
                {
                    newest = version;
                    newestRelease = release;
                    newestFramework = framework;
                }
            }
            if (newest == null || newestRelease == null) return;
            string kind = context.Project.DotNet.IsSelfContained ? "runtime-deps" : context.Project.IsWebProject ? "aspnet" : "runtime";
            string tag = DotNetVersions.MajorMinor(newest) + (container.Family == null ? "" : "-" + container.Family.Value);
            context.Report(container.TargetFrameworkSpot, $"The base image the SDK picks for {newestFramework}",
                "mcr.microsoft.com/dotnet/" + kind + ":" + tag, EndOfLife(newestRelease, today));
        }

        private static string EndOfLife(DotNetLifecycle.Release release, DateTime today)
        {
            var recommended = DotNetLifecycle.Recommended(today);
            return $"is .NET {release.Name}, out of support since {release.EndOfSupport.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: it gets no more security fixes. Move to .NET "
                + (recommended == null ? "a supported version" : recommended.Name + " (supported until " + recommended.EndOfSupport.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")");
        }
    }
}
