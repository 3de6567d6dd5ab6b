using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR501: a service pulls an image with no tag or a floating one (<c>latest</c>, <c>lts</c>, <c>stable</c>...).
    /// Only services that pull: with <c>build</c>, <c>image</c> names what is built (<c>${DOCKER_REGISTRY-}api</c>).
    /// </summary>
    public sealed class ServiceImageNotPinned : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR501", "Service image is not pinned to a version", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' pulls '{1}', which {2}: every pull may bring a different release. Pin a version tag such as ':16.4' (or a digest)",
            "An image without a tag means ':latest'; 'latest', 'lts', 'stable' and other named tags move, so the same compose file runs different software from one deployment to the next.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            if (!ComposeServiceFacts.JudgesMissingSettings(context)) return;
            foreach (var service in context.Services)
            {
                if (!ComposeServiceFacts.Pulls(service) || ComposeServiceFacts.IsScaledToZero(service)) continue;
                var node = service.Image!;
                string? value = node.ValueWithDefaults;
                // A variable without default: the tag is decided at deployment, not here.
                if (value == null || value.Trim().Length == 0) continue;
                var image = ImageReference.Parse(value);
                if (image == null || image.Digest != null || image.IsScratch) continue;
                // A variable that leaves the tag empty ("app:${TAG}" without default) is unknown, handled above;
                // "app${SUFFIX:-}" reads as written.
                string shown = node.HasVariables ? $"{node.Value}' (by default '{value}" : value;
                if (image.Tag == null)
                    context.Report(node, service.Name, shown, "has no tag, so Compose pulls ':latest'");
                else if (ImageFacts.IsFloatingTag(image.Tag, out _))
                    context.Report(node, service.Name, shown, $"uses the floating tag '{image.Tag}'");
            }
        }
    }
}
