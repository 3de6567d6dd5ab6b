using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR517: <c>condition: service_healthy</c> on a dependency that has no health check (none in compose, none
    /// in the Dockerfile it builds, an image known to declare none) or turns it off: Compose refuses to start.
    /// </summary>
    public sealed class HealthyConditionWithoutHealthcheck : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR517", "service_healthy on a service without health check", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' waits for '{1}' to be healthy, but {2}: Compose stops with 'container {1} has no healthcheck configured'. Add a 'healthcheck:' to '{1}' or use 'condition: service_started'",
            "Compose can only wait for a healthy dependency that runs a health check; without one, 'docker compose up' fails.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                foreach (var dependency in service.DependsOn)
                {
                    if (dependency.ConditionValue != "service_healthy" || dependency.Condition == null || dependency.Condition.HasVariables) continue;
                    var target = ComposeServiceFacts.FindDependency(context, dependency.ServiceName);
                    if (target == null) continue;
                    var state = ComposeServiceFacts.Healthcheck(target, context.Workspace);
                    string? why = state switch
                    {
                        HealthcheckState.Disabled => "its health check is turned off",
                        HealthcheckState.Missing when target.Build != null => "neither compose nor the Dockerfile it builds defines a health check",
                        HealthcheckState.Missing => $"compose defines no health check and the image '{target.Image!.Value}' declares none",
                        _ => null,
                    };
                    if (why != null) context.Report(dependency.Condition, service.Name, dependency.ServiceName, why);
                }
            }
        }
    }
}
