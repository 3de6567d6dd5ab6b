using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR102: <c>FROM</c> an image pinned to a version tag but not to a digest.</summary>
    public sealed class BaseImageNotPinnedByDigest : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR102", "Base image is not pinned by digest", RuleCategory.ImageAndBuild, DiagnosticSeverity.Suggestion,
            "Base image '{0}' is pinned by tag only: the publisher can push new content under ':{1}'. For reproducible builds append its digest: '{0}@sha256:<digest>' (keep the tag for readers)",
            "A version tag is a movable pointer: patch releases and rebuilds are pushed under the same tag. Only a digest names exactly one image.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            foreach (var stage in model.Stages)
            {
                var word = stage.From.Image;
                if (word == null || stage.BaseStage != null || !stage.BaseNameIsComplete) continue;
                // A parameterised image (FROM ${REGISTRY}/app:${TAG}) is pinned by whoever passes the arguments.
                if (word.Raw.IndexOf('$') >= 0) continue;
                if (model.FindStageByName(stage.BaseName) != null) continue;
                var image = stage.BaseImage;
                if (image == null || image.IsScratch || image.Digest != null || image.Tag == null) continue;
                // No tag or a floating tag is DKR101's finding; a digest only makes sense once the tag is a version.
                if (ImageFacts.IsFloatingTag(image.Tag, out _)) continue;
                context.Report(word.Span, word.Value, image.Tag);
            }
        }
    }
}
