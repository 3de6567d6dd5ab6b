using System.Collections.Generic;
using System.Collections.Immutable;
using Docker.Build.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using EngineDescriptor = Docker.Build.Analyzers.Diagnostics.RuleDescriptor;
using EngineSeverity = Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity;

namespace Docker.Build.Analyzers.Roslyn
{
    /// <summary>
    /// Roslyn's descriptors, made from the engine's one rule catalog: the same ids, titles, message formats,
    /// categories, descriptions, help links and default severities as the build reports and the docs list.
    /// </summary>
    internal static class RoslynDescriptors
    {
        /// <summary>Roslyn rejects a tag list with a null entry; ours carry none.</summary>
        private static readonly string[] Tags = { "Docker" };

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = Create();

        private static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = Index(All);

        public static DiagnosticDescriptor Get(EngineDescriptor engine) =>
            ById.TryGetValue(engine.Id, out var descriptor) ? descriptor : ToRoslyn(engine);

        public static DiagnosticSeverity ToRoslyn(EngineSeverity severity)
        {
            switch (severity)
            {
                case EngineSeverity.Error: return DiagnosticSeverity.Error;
                case EngineSeverity.Warning: return DiagnosticSeverity.Warning;
                case EngineSeverity.Suggestion: return DiagnosticSeverity.Info;
                default: return DiagnosticSeverity.Hidden;
            }
        }

        private static ImmutableArray<DiagnosticDescriptor> Create()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(RuleCatalog.Descriptors.Count);
            foreach (var engine in RuleCatalog.Descriptors) builder.Add(ToRoslyn(engine));
            return builder.MoveToImmutable();
        }

        private static DiagnosticDescriptor ToRoslyn(EngineDescriptor engine) =>
            new DiagnosticDescriptor(
                engine.Id,
                engine.Title,
                engine.MessageFormat,
                engine.Category,
                ToRoslyn(engine.DefaultSeverity),
                isEnabledByDefault: engine.DefaultSeverity != EngineSeverity.None,
                description: engine.Description,
                helpLinkUri: engine.HelpLink,
                customTags: Tags);

        private static IReadOnlyDictionary<string, DiagnosticDescriptor> Index(ImmutableArray<DiagnosticDescriptor> all)
        {
            var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
            foreach (var d in all) map[d.Id] = d;
            return map;
        }
    }
}
