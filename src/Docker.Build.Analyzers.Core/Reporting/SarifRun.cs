using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;

namespace Docker.Build.Analyzers.Reporting
{
    /// <summary>The analysis tool a SARIF log names (<c>tool.driver</c>).</summary>
    public sealed class SarifTool
    {
        public const string ProductName = "Docker.Build.Analyzers";

        /// <summary>The repository; every rule's help link is a page below it.</summary>
        public const string ProductInformationUri = "https://github.com/docker-build-analyzers/Docker.Build.Analyzers";

        public SarifTool(string name, string version, string informationUri)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A tool needs a name.", nameof(name));
            Name = name;
            Version = version ?? "";
            InformationUri = informationUri ?? "";
        }

        public string Name { get; }

        /// <summary>The version as the product states it (may carry '+' build metadata such as a commit id).</summary>
        public string Version { get; }

        public string InformationUri { get; }

        /// <summary>This product, with the informational version of the engine assembly every host ships.</summary>
        public static SarifTool Product { get; } = new SarifTool(ProductName, EngineVersion(), ProductInformationUri);

        private static string EngineVersion()
        {
            var assembly = typeof(SarifTool).Assembly;
            string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return !string.IsNullOrEmpty(informational) ? informational! : assembly.GetName().Version?.ToString() ?? "";
        }
    }

    /// <summary>
    /// Everything one SARIF run reports: the tool, its rules, the findings a host reported (with the severity it
    /// reported them at) and the findings inline comments suppressed, which SARIF keeps, flagged as suppressed.
    /// Paths below <see cref="SourceRoot"/> are written relative to <c>%SRCROOT%</c>.
    /// </summary>
    public sealed class SarifRun
    {
        public SarifRun(
            SarifTool tool,
            IEnumerable<Diagnostic> diagnostics,
            IEnumerable<Diagnostic>? suppressedDiagnostics = null,
            IEnumerable<RuleDescriptor>? rules = null,
            string? sourceRoot = null,
            string? executionError = null)
        {
            Tool = tool ?? throw new ArgumentNullException(nameof(tool));
            Diagnostics = (diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))).ToList();
            SuppressedDiagnostics = (suppressedDiagnostics ?? Enumerable.Empty<Diagnostic>()).ToList();
            SourceRoot = string.IsNullOrWhiteSpace(sourceRoot) ? null : sourceRoot;
            ExecutionError = string.IsNullOrEmpty(executionError) ? null : executionError;

            // The catalog (or the rules given) plus any rule a finding names that is not among them, one per id,
            // ordered by id: a result's ruleIndex points into this list.
            var byId = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
            foreach (var rule in rules ?? RuleCatalog.Descriptors)
                if (!byId.ContainsKey(rule.Id)) byId.Add(rule.Id, rule);
            foreach (var d in Diagnostics.Concat(SuppressedDiagnostics))
                if (!byId.ContainsKey(d.Id)) byId.Add(d.Id, d.Descriptor);
            Rules = byId.Values.ToList();
        }

        public SarifTool Tool { get; }

        /// <summary>The rules of <c>tool.driver.rules</c>, ordered by id.</summary>
        public IReadOnlyList<RuleDescriptor> Rules { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }
        public IReadOnlyList<Diagnostic> SuppressedDiagnostics { get; }

        /// <summary>The directory <c>%SRCROOT%</c> stands for; null writes every path as an absolute file URI.</summary>
        public string? SourceRoot { get; }

        /// <summary>Why the analysis did not complete; the log then says the invocation failed.</summary>
        public string? ExecutionError { get; }
    }
}
