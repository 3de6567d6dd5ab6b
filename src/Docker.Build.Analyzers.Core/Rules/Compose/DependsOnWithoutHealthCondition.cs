using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR508: <c>depends_on</c> in the short form, or with <c>condition: service_started</c>, waits only for the
    /// dependency's container to start. A warning when the dependency has a health check to wait for; a suggestion
    /// when it is a database, cache or broker image that could have one; silent otherwise.
    /// </summary>
    public sealed class DependsOnWithoutHealthCondition : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR508", "depends_on does not wait for a healthy dependency", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' waits only for '{1}' to start, not to be ready{2}. Use 'depends_on: {1}: condition: service_healthy'",
            "A started container is not a ready one: a database still initialising refuses connections, so the dependant's first requests or migrations fail.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                foreach (var dependency in service.DependsOn)
                {
                    if (dependency.ConditionValue != "service_started" || dependency.NameNode.HasVariables) continue;
                    if (dependency.Condition != null && dependency.Condition.HasVariables) continue;
                    var target = ComposeServiceFacts.FindDependency(context, dependency.ServiceName);
                    if (target == null || ComposeServiceFacts.IsOneShot(target, context.ComposeProject)) continue;
                    YamlNode at = (YamlNode?)dependency.Condition ?? dependency.NameNode;
                    var state = ComposeServiceFacts.Healthcheck(target, context.Workspace);
                    if (state == HealthcheckState.Defined)
                    {
                        context.Report(at, service.Name, dependency.ServiceName, $" although '{dependency.ServiceName}' has a health check");
                        continue;
                    }
                    if (state == HealthcheckState.Disabled) continue;
                    var image = ComposeServiceFacts.PulledImage(target);
                    if (image != null && ComposeServiceFacts.IsKnownDataServiceImage(image))
                        ReportSuggestion(context, at, service.Name, dependency.ServiceName, $" ('{dependency.ServiceName}' needs a healthcheck for that)");
                }
            }
        }

        private static void ReportSuggestion(ComposeContext context, YamlNode at, string service, string dependency, string detail)
        {
            if (ReferenceEquals(at.ReportSource, context.Document.Source) || at.ReportSource.Path == context.Document.Path)
                context.Report(at.ReportSpan, DiagnosticSeverity.Suggestion, service, dependency, detail);
            else
                context.ReportIn(at.ReportSource, at.ReportSpan, DiagnosticSeverity.Suggestion, service, dependency, detail);
        }
    }
}
