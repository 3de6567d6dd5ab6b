using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using NuGet.Versioning;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR602: a stage builds the project with an SDK image that cannot: its version is below the target framework
    /// (NETSDK1045), or it does not satisfy the <c>global.json</c> the build copies, with its <c>rollForward</c> policy.
    /// </summary>
    public sealed class SdkImageCannotBuildProject : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR602", "SDK image cannot build the project", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The build stage uses '{0}', {1}: the build fails. Use '{2}'",
            "The .NET SDK builds target frameworks up to its own version only (NETSDK1045), and a global.json in the build limits which SDK versions may run it.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;
            var commands = DotNetDockerfileFacts.Commands(context);
            var targets = DotNetDockerfileFacts.TargetVersions(context, commands);
            var reported = new HashSet<Stage>();
            foreach (var command in commands)
            {
                if (command.Verb != "restore" && command.Verb != "build" && command.Verb != "publish" && command.Verb != "test" && command.Verb != "pack") continue;
                var root = command.Stage.Root;
                if (!reported.Add(root)) continue;
                var image = DotNetImage.From(root.BaseImage);
                if (image == null || image.Kind != DotNetImageKind.Sdk || image.Version == null) continue;
                var span = root.From.Image?.Span ?? root.From.Span;

                var highest = targets.Count == 0 ? default : targets.OrderByDescending(t => t.Version).First();
                if (targets.Count > 0 && DotNetVersions.CompareMajorMinor(highest.Version, image.Version) > 0)
                {
                    context.Report(span, image.Image.Raw, $"the .NET {DotNetVersions.MajorMinor(image.Version)} SDK, which cannot build {highest.Tfm} (NETSDK1045)",
                        RuntimeVersionMismatch.Suggest(image, highest.Version));
                    continue;
                }

                var facts = context.Project.DotNet;
                if (facts.GlobalJsonPath == null || !NuGetVersion.TryParse(facts.GlobalJsonSdkVersion, out var required)) continue;
                if (!BuildSeesFile(context, command.Stage, facts.GlobalJsonPath)) continue;
                string policy = facts.GlobalJsonRollForward ?? "latestPatch";
                if (!Satisfies(image, required, policy, out string needed))
                    context.Report(span, image.Image.Raw,
                        $"but global.json asks for SDK {required.ToNormalizedString()} with rollForward '{policy}' ({needed})",
                        image.Image.Repository + ":" + SuggestedSdkTag(required, policy));
            }
        }

        /// <summary>
        /// Whether the SDK the image carries may build under global.json. A tag that names only major.minor (<c>9.0</c>)
        /// floats over feature bands and patches: only what holds for every SDK of that line is judged.
        /// </summary>
        internal static bool Satisfies(DotNetImage image, NuGetVersion required, string policy, out string needed)
        {
            var sdk = image.Version!;
            bool exact = !image.VersionIsMajorMinorOnly && sdk.Patch >= 100;
            int majorMinor = DotNetVersions.CompareMajorMinor(sdk, required);
            switch (policy.Trim().ToLowerInvariant())
            {
                case "patch":
                case "latestpatch":
                    needed = $"an SDK {required.Major}.{required.Minor}.{DotNetVersions.FeatureBand(required) / 100}xx at or above {required.ToNormalizedString()}";
                    if (majorMinor != 0) return false;
                    return !exact || (DotNetVersions.FeatureBand(sdk) == DotNetVersions.FeatureBand(required) && sdk.Patch >= required.Patch);
                case "feature":
                case "latestfeature":
                    needed = $"an SDK {required.Major}.{required.Minor} at or above {required.ToNormalizedString()}";
                    if (majorMinor != 0) return false;
                    return !exact || sdk >= required;
                case "minor":
                case "latestminor":
                    needed = $"an SDK {required.Major}.x at or above {required.ToNormalizedString()}";
                    if (sdk.Major != required.Major || majorMinor < 0) return false;
                    return !exact || sdk >= required;
                case "major":
                case "latestmajor":
                    needed = $"an SDK at or above {required.ToNormalizedString()}";
                    if (majorMinor < 0) return false;
                    return !exact || sdk >= required;
                case "disable":
                    needed = $"exactly SDK {required.ToNormalizedString()}";
                    if (majorMinor != 0) return false;
                    return !exact || VersionComparer.VersionRelease.Equals(sdk, required);
                default:
                    needed = "";
                    return true; // A policy the SDK does not know fails on its own; nothing to say about the image.
            }
        }

        private static string SuggestedSdkTag(NuGetVersion required, string policy)
        {
            string p = policy.Trim().ToLowerInvariant();
            // Policies that accept any later feature band or minor are met by the major.minor tag; the others need the exact SDK.
            return p == "patch" || p == "latestpatch" || p == "disable" ? required.ToNormalizedString() : required.Major + "." + required.Minor;
        }

        /// <summary>
        /// The SDK sees global.json only when the build copies it: by name, or with the whole context (<c>COPY . .</c>),
        /// and it lies inside the build context.
        /// </summary>
        internal static bool BuildSeesFile(DockerfileContext context, Stage stage, string path)
        {
            string contextDir = context.Document.ContextDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            string file = path.Replace('\\', '/');
            if (!file.StartsWith(contextDir, StringComparison.OrdinalIgnoreCase)) return false;
            string relative = file.Substring(contextDir.Length);
            foreach (var s in stage.SelfAndAncestors)
            {
                foreach (var copy in s.OfKind<CopyInstruction>(InstructionKind.Copy).Concat(s.OfKind<CopyInstruction>(InstructionKind.Add)))
                {
                    if (copy.From != null) continue;
                    foreach (var source in copy.Sources)
                    {
                        string value = source.Value.Replace('\\', '/').TrimStart('/');
                        if (value.StartsWith("./", StringComparison.Ordinal)) value = value.Substring(2);
                        if (value.Length == 0 || value == "." || value == "*") return true;
                        if (value.Equals(relative, StringComparison.OrdinalIgnoreCase)) return true;
                        // A folder that holds the file.
                        string folder = value.TrimEnd('/') + "/";
                        if (value.IndexOf('*') < 0 && relative.StartsWith(folder, StringComparison.OrdinalIgnoreCase)) return true;
                    }
                }
            }
            return false;
        }
    }
}
