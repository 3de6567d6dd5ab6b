using System;
using System.Collections.Generic;
using System.Globalization;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Rules.Dockerfile;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR612: a stage starts from a .NET image whose version is out of support (no more security fixes). A warning
    /// for the image that ships, a suggestion for build stages.
    /// </summary>
    public sealed class EndOfLifeDotNetImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR612", "End-of-life .NET image", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "'{0}' is .NET {1}, out of support since {2}: it gets no more security fixes. Move to .NET {3} (supported until {4})",
            "Microsoft stops patching a .NET release at its end of support (LTS releases after three years, STS releases after two); its images are no longer updated.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            DateTime today = (context.Project.DotNet.Today ?? DateTime.UtcNow).Date;
            var shipped = RunCommandFacts.ShippedStages(context.Model);
            var recommended = DotNetLifecycle.Recommended(today);
            foreach (var stage in context.Model.Stages)
            {
                var image = DotNetImage.From(stage.BaseImage);
                if (image?.Version == null || stage.From.Image == null) continue;
                if (!DotNetLifecycle.IsEndOfLife(image.Version, today, out var release) || release == null) continue;
                var severity = shipped.Contains(stage) ? Rule.DefaultSeverity : RunCommandFacts.AtMostSuggestion(Rule.DefaultSeverity);
                context.Report(stage.From.Image.Span, severity, image.Image.Raw, release.Name,
                    release.EndOfSupport.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    recommended?.Name ?? "a supported version",
                    recommended?.EndOfSupport.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            }
        }
    }
}
