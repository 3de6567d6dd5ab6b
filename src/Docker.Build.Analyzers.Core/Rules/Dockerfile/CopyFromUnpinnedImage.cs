using System.Globalization;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR120: <c>COPY --from</c> (or a <c>RUN --mount</c> <c>from=</c>) an image with no tag or a floating tag.</summary>
    public sealed class CopyFromUnpinnedImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR120", "--from uses an image that is not pinned", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "--from image {0} {1}: the files copied change whenever the tag moves. Pin a version tag (and ideally a digest)",
            "Files copied from another image are as much a dependency as the base image: with no tag or a floating one, the same Dockerfile builds different images over time.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            foreach (var (stage, reference) in StageReferences.All(model))
            {
                string? value = StageReferences.Resolve(reference, model, stage);
                if (value == null) continue;
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
                if (model.FindStageByName(value) != null) continue;
                // A bare word may be a stage typo or a build context: DKR114 speaks about it.
                if (!StageReferences.IsImageReference(value)) continue;
                var image = ImageReference.Parse(value);
                if (image == null || image.Digest != null) continue;

                var word = reference.Value;
                bool literal = word.Raw == value;
                string shown = literal ? $"'{value}'" : $"'{word.Raw}' (resolves to '{value}')";
                if (image.Tag == null)
                {
                    context.Report(word.Span, shown, "has no tag, so Docker pulls ':latest'");
                }
                else if (ImageFacts.IsFloatingTag(image.Tag, out _))
                {
                    // Point at the tag when it is written literally.
                    var span = literal && image.TagStart >= 0 ? word.RawText.ToSourceSpan(image.TagStart, image.Tag.Length) : word.Span;
                    context.Report(span, shown, $"uses the floating tag '{image.Tag}'");
                }
            }
        }
    }
}
