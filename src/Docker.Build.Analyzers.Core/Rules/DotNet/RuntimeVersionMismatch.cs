using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DotNetPlatform;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR601: the final image's .NET runtime is another major.minor than the project's target framework, so the
    /// framework-dependent app does not start (<c>aspnet:8.0</c> for a <c>net9.0</c> project).
    /// </summary>
    public sealed class RuntimeVersionMismatch : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR601", "Runtime image version differs from the target framework", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The final image '{0}' carries .NET {1}, but the project targets {2}: {3}. Use '{4}'",
            "A framework-dependent .NET app runs only on the runtime major.minor it targets (or a later patch of it); on another one it stops at start-up with 'You must install or update .NET to run this application'.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var image = DotNetDockerfileFacts.FinalImage(context, out var final);
            if (image == null || final == null || image.Version == null) return;
            if (image.Kind != DotNetImageKind.AspNet && image.Kind != DotNetImageKind.Runtime) return;
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;
            var commands = DotNetDockerfileFacts.Commands(context);
            if (DotNetDockerfileFacts.IsSelfContained(context, commands)) return;
            var targets = DotNetDockerfileFacts.TargetVersions(context, commands);
            if (targets.Count == 0) return;
            if (targets.Any(t => DotNetVersions.SameMajorMinor(t.Version, image.Version))) return;

            // RollForward=Major/LatestMajor (project, publish property or DOTNET_ROLL_FORWARD) lets an older target run on a newer runtime.
            bool rollsForwardToMajor = RollsForwardToMajor(context.Project.DotNet.RollForward)
                || commands.Any(c => c.Verb == "publish" && RollsForwardToMajor(DotNetDockerfileFacts.PropertyValue(c.Invocation, "RollForward")))
                || RollsForwardToMajor(DotNetDockerfileFacts.FinalValue(final, "DOTNET_ROLL_FORWARD"));
            bool imageIsNewer = targets.All(t => DotNetVersions.CompareMajorMinor(image.Version, t.Version) > 0);
            if (imageIsNewer && rollsForwardToMajor) return;

            var target = targets.OrderByDescending(t => t.Version).First();
            string why = imageIsNewer
                ? "a framework-dependent app does not roll forward to a new major version by default, so it stops at start-up"
                : "the app needs a newer runtime than the image has, so it stops at start-up";
            var root = final.Root;
            var span = root.From.Image?.Span ?? root.From.Span;
            context.Report(span, image.Image.Raw, DotNetVersions.MajorMinor(image.Version),
                string.Join(", ", targets.Select(t => t.Tfm)), why, Suggest(image, target.Version));
        }

        internal static bool RollsForwardToMajor(string? value) =>
            value != null && (value.Trim().Equals("Major", StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("LatestMajor", StringComparison.OrdinalIgnoreCase));

        /// <summary>The same repository with the target's major.minor in place of the tag's version (variant words kept).</summary>
        internal static string Suggest(DotNetImage image, NuGet.Versioning.NuGetVersion target)
        {
            string tag = image.Image.Tag ?? "";
            int end = 0;
            while (end < tag.Length && (char.IsDigit(tag[end]) || tag[end] == '.')) end++;
            string rest = tag.Substring(end);
            return image.Image.Repository + ":" + DotNetVersions.MajorMinor(target) + rest;
        }
    }
}
