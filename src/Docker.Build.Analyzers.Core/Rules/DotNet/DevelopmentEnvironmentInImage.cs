using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR609: the final image sets <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> to <c>Development</c>, so
    /// every container of it runs with development settings unless the deployment overrides them.
    /// </summary>
    public sealed class DevelopmentEnvironmentInImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR609", "Development environment baked into the image", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The final image sets {0}=Development: every container runs with detailed error pages, appsettings.Development.json and user secrets on unless its deployment overrides it. Leave it out of the image and set it where you run it in development (compose override, launchSettings.json)",
            "In Development ASP.NET Core shows exception details to every caller, reads development settings and skips production safeguards; an image is usually deployed as is.");

        private static readonly string[] Names = { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null || final.IsExportOnly) return;
            foreach (var name in Names)
            {
                var definition = final.FinalScope.Lookup(name);
                if (definition == null || definition.Kind != VariableKind.Env || definition.Declaration == null) continue;
                var value = definition.Declaration.ValueWord;
                // From a build argument (even with a Development default) the build decides.
                if (value == null || value.Raw.IndexOf('$') >= 0) continue;
                if (!value.Value.Trim().Equals("Development", StringComparison.OrdinalIgnoreCase)) continue;
                context.Report(definition.Declaration.Span, name);
            }
        }
    }
}
