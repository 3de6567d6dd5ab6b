using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// The project's warning properties as the compiler applies them (<c>NoWarn</c>, <c>WarningsAsErrors</c>,
    /// <c>WarningsNotAsErrors</c>, <c>TreatWarningsAsErrors</c>). Build hosts pass them because MSBuild applies only some
    /// of them to task warnings; the IDE host leaves them out because the compiler applies them to its diagnostics.
    /// </summary>
    public sealed class WarningOptions
    {
        public static readonly WarningOptions None = new WarningOptions();

        public WarningOptions(
            IEnumerable<string>? noWarn = null,
            IEnumerable<string>? warningsAsErrors = null,
            IEnumerable<string>? warningsNotAsErrors = null,
            bool treatWarningsAsErrors = false)
        {
            NoWarn = ToSet(noWarn);
            WarningsAsErrors = ToSet(warningsAsErrors);
            WarningsNotAsErrors = ToSet(warningsNotAsErrors);
            TreatWarningsAsErrors = treatWarningsAsErrors;
        }

        /// <summary>Ids never reported, whatever their severity (suggestions too), whatever a configuration file says.</summary>
        public IReadOnlyCollection<string> NoWarn { get; }

        /// <summary>Ids always reported as errors (even when a configuration file lowers them), unless in <see cref="NoWarn"/>.</summary>
        public IReadOnlyCollection<string> WarningsAsErrors { get; }

        /// <summary>Ids never made errors by <see cref="TreatWarningsAsErrors"/>; a configured <c>error</c> becomes a warning.</summary>
        public IReadOnlyCollection<string> WarningsNotAsErrors { get; }

        /// <summary>Every warning is an error (suggestions stay suggestions).</summary>
        public bool TreatWarningsAsErrors { get; }

        /// <summary>Reads MSBuild property values: codes separated by ';' or ',', any case, blanks ignored.</summary>
        public static WarningOptions FromProperties(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, string? treatWarningsAsErrors) =>
            new WarningOptions(ParseCodes(noWarn), ParseCodes(warningsAsErrors), ParseCodes(warningsNotAsErrors),
                string.Equals(treatWarningsAsErrors?.Trim(), "true", StringComparison.OrdinalIgnoreCase));

        public static IReadOnlyCollection<string> ParseCodes(string? list)
        {
            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (string.IsNullOrEmpty(list)) return codes;
            foreach (string part in list!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string code = part.Trim();
                if (code.Length > 0) codes.Add(code);
            }
            return codes;
        }

        internal bool IsNoWarn(string id) => ((HashSet<string>)NoWarn).Contains(id);
        internal bool IsWarningAsError(string id) => ((HashSet<string>)WarningsAsErrors).Contains(id);
        internal bool IsWarningNotAsError(string id) => ((HashSet<string>)WarningsNotAsErrors).Contains(id);

        private static HashSet<string> ToSet(IEnumerable<string>? codes)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (codes == null) return set;
            foreach (var code in codes)
                if (!string.IsNullOrWhiteSpace(code)) set.Add(code.Trim());
            return set;
        }
    }
}
