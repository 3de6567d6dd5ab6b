using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR615: the final image runs .NET in globalization-invariant mode (Alpine images and chiseled/distroless images
    /// without <c>-extra</c> set <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true</c> and ship no ICU) while the project
    /// uses SQL Server's client, which throws in that mode; a suggestion when the project does not say
    /// <c>InvariantGlobalization</c> at all, so that it runs the same way outside the container.
    /// </summary>
    public sealed class InvariantGlobalizationImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR615", "Globalization-invariant image for an app that needs ICU", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The final image '{0}' runs .NET in globalization-invariant mode (it sets DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true and has no ICU), {1}. {2}",
            "Alpine and the non-extra chiseled and distroless .NET images leave out ICU and switch .NET to invariant globalization. Microsoft.Data.SqlClient (and EF Core's SQL Server provider over it) refuses to open connections in that mode; other apps silently format and compare text differently than on a developer machine.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>Packages that throw in invariant mode ("Globalization Invariant Mode is not supported").</summary>
        private static readonly string[] IcuDependentPackages = { "Microsoft.Data.SqlClient", "Microsoft.EntityFrameworkCore.SqlServer" };

        public override void Analyze(DockerfileContext context)
        {
            var image = DotNetDockerfileFacts.FinalImage(context, out var final);
            if (image == null || final == null || !image.ForcesInvariantGlobalization) return;
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;
            if (InstallsIcuOrLeavesInvariantMode(context, final)) return;
            var facts = context.Project.DotNet;
            var root = final.Root;
            var span = root.From.Image?.Span ?? root.From.Span;

            string? package = null;
            foreach (var id in IcuDependentPackages)
                if (facts.References(id)) { package = id; break; }
            if (package != null)
            {
                context.Report(span, image.Image.Raw,
                    $"but the project references {package}, which throws 'Globalization Invariant Mode is not supported' when it connects",
                    image.IsAlpine
                        ? "Install ICU in the final stage (RUN apk add --no-cache icu-data-full icu-libs) and set ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false"
                        : "Use the '-extra' variant of the image, which ships ICU");
                return;
            }
            if (facts.InvariantGlobalization == null)
                context.Report(span, DiagnosticSeverity.Suggestion, image.Image.Raw,
                    "but the project does not set InvariantGlobalization, so it runs with full culture data everywhere else and behaves differently in the container",
                    "Set <InvariantGlobalization>true</InvariantGlobalization> in the project (or install ICU in the image if the app needs cultures)");
        }

        /// <summary>The final stage chain installs ICU (apk add icu-libs, apt-get install libicu...) or sets the invariant switch off.</summary>
        private static bool InstallsIcuOrLeavesInvariantMode(DockerfileContext context, Stage final)
        {
            string? invariant = DotNetDockerfileFacts.FinalValue(final, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
            if (invariant != null && (invariant.Equals("false", StringComparison.OrdinalIgnoreCase) || invariant == "0")) return true;
            foreach (var stage in final.SelfAndAncestors)
            {
                foreach (var instruction in stage.Instructions)
                {
                    var run = instruction.SelfOrTrigger;
                    if (run == null) continue;
                    // A package with icu in its name (icu-libs, libicu72) or a copied ICU library.
                    if ((run.Kind == InstructionKind.Run || run.Kind == InstructionKind.Copy || run.Kind == InstructionKind.Add)
                        && run.Arguments.Value.IndexOf("icu", StringComparison.OrdinalIgnoreCase) >= 0) return true;
                }
            }
            return false;
        }
    }
}
