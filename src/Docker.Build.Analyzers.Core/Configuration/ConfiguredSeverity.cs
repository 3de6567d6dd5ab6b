using System;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>A severity as written in a configuration file (<c>dotnet_diagnostic.DKR201.severity = error</c>).</summary>
    public enum ConfiguredSeverity
    {
        /// <summary><c>default</c>: the rule's own severity (still counts as configured: bulk settings do not apply).</summary>
        Default,

        Error,
        Warning,

        /// <summary><c>suggestion</c>: an informational message.</summary>
        Suggestion,

        /// <summary><c>silent</c> (or <c>refactoring</c>): hidden; build output never shows it.</summary>
        Silent,

        /// <summary><c>none</c>: turned off.</summary>
        None,
    }

    public static class ConfiguredSeverities
    {
        /// <summary>Reads a severity value as the compiler does: one of the known words, any case; anything else is not a severity.</summary>
        public static bool TryParse(string? value, out ConfiguredSeverity severity)
        {
            severity = ConfiguredSeverity.Default;
            if (value == null) return false;
            switch (value.ToLowerInvariant())
            {
                case "default": severity = ConfiguredSeverity.Default; return true;
                case "error": severity = ConfiguredSeverity.Error; return true;
                case "warning": severity = ConfiguredSeverity.Warning; return true;
                case "suggestion": severity = ConfiguredSeverity.Suggestion; return true;
                case "silent":
                case "refactoring": severity = ConfiguredSeverity.Silent; return true;
                case "none": severity = ConfiguredSeverity.None; return true;
                default: return false;
            }
        }

        /// <summary>The key that configures one rule: <c>dotnet_diagnostic.&lt;id&gt;.severity</c>; the id comes back as written.</summary>
        internal static bool TryGetRuleId(string key, out string id)
        {
            const string prefix = "dotnet_diagnostic.";
            const string suffix = ".severity";
            id = "";
            if (key.Length <= prefix.Length + suffix.Length
                || !key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                || !key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return false;
            id = key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length);
            return true;
        }

        /// <summary>The bulk key for every analyzer rule.</summary>
        public const string AllRulesKey = "dotnet_analyzer_diagnostic.severity";

        /// <summary>The bulk key for one rule category (<c>Docker.Security</c> ...).</summary>
        public static string CategoryKey(string category) => "dotnet_analyzer_diagnostic.category-" + category + ".severity";
    }
}
