using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR518: <c>depends_on</c> names a service that neither this project (base and override file) nor an included file defines.</summary>
    public sealed class DependsOnUndefinedService : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR518", "depends_on an undefined service", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' depends on '{1}', which is not defined. Fix the name, define the service, or include the file that defines it",
            "docker compose refuses to start a project whose depends_on names a service that does not exist.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            var project = context.ComposeProject;
            foreach (var service in context.Services)
            {
                foreach (var dependency in service.DependsOn)
                {
                    if (!dependency.Required || dependency.NameNode.HasVariables) continue;
                    if (project.HasService(dependency.ServiceName)) continue;
                    context.Report(dependency.NameNode, service.Name, dependency.ServiceName);
                }
            }
        }
    }
}
