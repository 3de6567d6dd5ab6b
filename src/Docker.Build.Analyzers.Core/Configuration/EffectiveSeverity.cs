using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// The severity a finding is reported with, from the rule's severity, the asset's purpose, the configuration files
    /// and the project's warning properties, in the compiler's order of precedence (checked against a real build of a
    /// compiler warning, see docs/configuration.md):
    /// <list type="number">
    /// <item><c>NoWarn</c> drops the finding, whatever anything else says.</item>
    /// <item><c>WarningsAsErrors</c> makes it an error, even when a configuration file says <c>none</c>.</item>
    /// <item>a <c>dotnet_diagnostic.&lt;id&gt;.severity</c> entry (.editorconfig wins over a global config) replaces the
    /// severity, and the asset's purpose no longer lowers it; <c>default</c> keeps the rule's own severity.</item>
    /// <item>otherwise, for rules on by default, <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c> or
    /// <c>dotnet_analyzer_diagnostic.severity</c> replaces it; the asset's purpose still applies.</item>
    /// <item><c>WarningsNotAsErrors</c>: a configured <c>error</c> becomes a warning and nothing promotes it; otherwise
    /// <c>TreatWarningsAsErrors</c> makes a warning an error (not when the id is configured as <c>default</c>).</item>
    /// </list>
    /// </summary>
    public static class EffectiveSeverity
    {
        public static DiagnosticSeverity Resolve(RuleDescriptor descriptor, DiagnosticSeverity reported, AssetPurpose purpose,
            PathConfiguration configuration, WarningOptions? warnings)
        {
            string id = descriptor.Id;
            warnings ??= WarningOptions.None;
            if (warnings.IsNoWarn(id)) return DiagnosticSeverity.None;
            bool notAsError = warnings.IsWarningNotAsError(id);
            if (warnings.IsWarningAsError(id) && !notAsError) return DiagnosticSeverity.Error;

            DiagnosticSeverity severity;
            bool configuredError = false;
            bool promotable = true;
            if (configuration.TryGetRuleSeverity(id, out var configured))
            {
                if (configured == ConfiguredSeverity.Default)
                {
                    severity = PurposePolicy.Apply(id, reported, purpose);
                    promotable = false;
                }
                else
                {
                    severity = ToDiagnosticSeverity(configured);
                    configuredError = configured == ConfiguredSeverity.Error;
                }
            }
            else if (descriptor.DefaultSeverity != DiagnosticSeverity.None && configuration.TryGetBulkSeverity(descriptor.Category, out var bulk))
            {
                severity = PurposePolicy.Apply(id, bulk == ConfiguredSeverity.Default ? reported : ToDiagnosticSeverity(bulk), purpose);
                configuredError = bulk == ConfiguredSeverity.Error;
            }
            else
            {
                severity = PurposePolicy.Apply(id, reported, purpose);
            }

            if (notAsError)
                return configuredError && severity == DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : severity;
            if (warnings.TreatWarningsAsErrors && promotable && severity == DiagnosticSeverity.Warning) return DiagnosticSeverity.Error;
            return severity;
        }

        public static DiagnosticSeverity ToDiagnosticSeverity(ConfiguredSeverity severity)
        {
            switch (severity)
            {
                case ConfiguredSeverity.Error: return DiagnosticSeverity.Error;
                case ConfiguredSeverity.Warning: return DiagnosticSeverity.Warning;
                case ConfiguredSeverity.Suggestion: return DiagnosticSeverity.Suggestion;
                case ConfiguredSeverity.Silent: return DiagnosticSeverity.Hidden;
                case ConfiguredSeverity.None: return DiagnosticSeverity.None;
                default: return DiagnosticSeverity.Warning;
            }
        }
    }
}
