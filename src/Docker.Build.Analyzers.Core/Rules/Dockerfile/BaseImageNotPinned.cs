using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR101: <c>FROM</c> an image with no tag or a floating one (<c>latest</c>, <c>lts</c>, <c>stable</c>...).</summary>
    public sealed class BaseImageNotPinned : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR101", "Base image is not pinned to a version", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "Base image '{0}' {1}: the build changes whenever the tag moves. Pin a version tag such as ':8.0' or ':1.27-alpine'",
            "A FROM without a tag means ':latest'; 'latest', 'lts', 'stable' and other named tags move to new releases, so the same Dockerfile builds different images over time.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            foreach (var stage in model.Stages)
            {
                var word = stage.From.Image;
                if (word == null || stage.BaseStage != null || !stage.BaseNameIsComplete) continue;
                // A name that is a stage anywhere in the file (even a later one) is never a registry image to pin.
                if (model.FindStageByName(stage.BaseName) != null) continue;
                var image = stage.BaseImage;
                if (image == null || image.IsScratch || image.Digest != null) continue;

                if (image.Tag == null)
                    context.Report(word.Span, Shown(word, stage), "has no tag, so Docker pulls ':latest'");
                else if (ImageFacts.IsFloatingTag(image.Tag, out var floating))
                    context.Report(word.Span, Shown(word, stage), $"uses the floating tag '{image.Tag}'" + (floating == image.Tag.ToLowerInvariant() ? "" : $" ('{floating}' moves)"));
            }
        }

        /// <summary>The image as written, and what it resolves to when a variable is involved (built only for a finding).</summary>
        private static string Shown(Word word, Stage stage) =>
            word.Raw == stage.BaseName ? word.Raw : $"{word.Raw}' (resolves to '{stage.BaseName}";
    }
}
