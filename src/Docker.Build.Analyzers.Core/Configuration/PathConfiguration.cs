using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// What the configuration files say about one file: rule severities from .editorconfig sections (and path sections
    /// of global configs), rule severities from the global configs' preambles, and every other key as raw text.
    /// </summary>
    public sealed class PathConfiguration
    {
        public static readonly PathConfiguration Empty = new PathConfiguration(
            new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

        public PathConfiguration(
            IReadOnlyDictionary<string, ConfiguredSeverity> ruleSeverities,
            IReadOnlyDictionary<string, ConfiguredSeverity> globalRuleSeverities,
            IReadOnlyDictionary<string, string> options,
            IReadOnlyDictionary<string, string> globalOptions)
        {
            RuleSeverities = ruleSeverities;
            GlobalRuleSeverities = globalRuleSeverities;
            Options = options;
            GlobalOptions = globalOptions;
        }

        /// <summary>Per-id severities from the .editorconfig sections that match the file (ids compared case-insensitively).</summary>
        public IReadOnlyDictionary<string, ConfiguredSeverity> RuleSeverities { get; }

        /// <summary>Per-id severities from the preambles of the global configs.</summary>
        public IReadOnlyDictionary<string, ConfiguredSeverity> GlobalRuleSeverities { get; }

        /// <summary>Other keys (lower-cased) from the matching .editorconfig sections: bulk severities, custom options.</summary>
        public IReadOnlyDictionary<string, string> Options { get; }

        /// <summary>Other keys from the global configs.</summary>
        public IReadOnlyDictionary<string, string> GlobalOptions { get; }

        /// <summary>A rule's configured severity: an .editorconfig entry wins over a global config entry.</summary>
        public bool TryGetRuleSeverity(string id, out ConfiguredSeverity severity) =>
            RuleSeverities.TryGetValue(id, out severity) || GlobalRuleSeverities.TryGetValue(id, out severity);

        /// <summary>A raw option: an .editorconfig entry wins over a global config entry.</summary>
        public bool TryGetOption(string key, out string value)
        {
            if (Options.TryGetValue(key, out var found) || GlobalOptions.TryGetValue(key, out found))
            {
                value = found;
                return true;
            }
            value = "";
            return false;
        }

        /// <summary>
        /// The bulk severity for a rule that was not configured by id: <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>,
        /// else <c>dotnet_analyzer_diagnostic.severity</c>. As in the compiler, bulk settings never turn on a rule that is
        /// off by default; the caller checks that.
        /// </summary>
        public bool TryGetBulkSeverity(string category, out ConfiguredSeverity severity)
        {
            if (TryGetOption(ConfiguredSeverities.CategoryKey(category), out var value) && ConfiguredSeverities.TryParse(value, out severity)) return true;
            if (TryGetOption(ConfiguredSeverities.AllRulesKey, out value) && ConfiguredSeverities.TryParse(value, out severity)) return true;
            severity = ConfiguredSeverity.Default;
            return false;
        }
    }
}
