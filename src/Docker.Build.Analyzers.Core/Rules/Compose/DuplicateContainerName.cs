using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR512: two services with the same <c>container_name</c> (after the override file and extends are applied).</summary>
    public sealed class DuplicateContainerName : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR512", "Duplicate container_name", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The services '{0}' and '{1}' both set container_name '{2}': the second cannot be created. Give each service its own name or remove container_name",
            "Container names are unique on a Docker host: the second service with the same container_name fails to start.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            var first = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var service in context.ComposeProject.Services)
            {
                var node = service.ContainerName;
                string? name = node?.ValueWithDefaults;
                if (node == null || string.IsNullOrEmpty(name)) continue; // a variable without default: unknown
                if (first.TryGetValue(name!, out var owner))
                {
                    if (node.ReportSource.Path == context.Document.Path) context.Report(node, owner, service.Name, name);
                    continue;
                }
                first[name!] = service.Name;
            }
        }
    }
}
