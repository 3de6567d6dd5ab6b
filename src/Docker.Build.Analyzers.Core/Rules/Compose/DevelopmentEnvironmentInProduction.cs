using System;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR515: <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> set to <c>Development</c> in a production
    /// compose file (override and development files are where it belongs).
    /// </summary>
    public sealed class DevelopmentEnvironmentInProduction : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR515", "Development environment in a production compose file", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' sets {1}=Development in a production compose file: detailed error pages, development settings and user secrets turn on. Move it to compose.override.yaml (or docker-compose.override.yml)",
            "In Development ASP.NET Core shows exception details to every caller, reads appsettings.Development.json and user secrets, and skips production safeguards.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            if (context.IsOverrideFile || context.Document.Purpose != AssetPurpose.Production) return;
            foreach (var service in context.Services)
            {
                foreach (var variable in service.Environment)
                {
                    if (variable.Name != "ASPNETCORE_ENVIRONMENT" && variable.Name != "DOTNET_ENVIRONMENT") continue;
                    // From a variable (even with a Development default) the deployment decides.
                    if (variable.RawValue == null || variable.HasVariables) continue;
                    if (!variable.RawValue.Trim().Equals("Development", StringComparison.OrdinalIgnoreCase)) continue;
                    if (variable.Node.ReportSource.Path != context.Document.Path) continue;
                    ComposeServiceFacts.ReportAtValue(context, variable, service.Name, variable.Name);
                }
            }
        }
    }
}
