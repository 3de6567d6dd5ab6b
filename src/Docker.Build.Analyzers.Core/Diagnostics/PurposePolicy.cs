using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>
    /// Which rules only matter for production images. On development and test assets their findings are at most
    /// suggestions; every other rule (broken builds, leaked secrets, invalid syntax) keeps its severity. The table in
    /// docs/purpose.md lists the same ids (a test keeps them in step).
    /// </summary>
    public static class PurposePolicy
    {
        private static readonly HashSet<string> ProductionOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            // Dockerfile: pinning, final image shape, layer order, cache hygiene, user, health, signals, layout.
            "DKR101", "DKR102", "DKR103", "DKR104", "DKR105", "DKR106", "DKR108", "DKR109", "DKR110",
            "DKR118", "DKR120", "DKR125",
            "DKR201",
            "DKR301", "DKR302", "DKR304", "DKR305",
            // .dockerignore: what a production context should leave out.
            "DKR401", "DKR403",
            // Compose: pinning, health, restarts, limits, host access, published data ports, root user.
            "DKR501", "DKR502", "DKR503", "DKR504", "DKR505", "DKR506", "DKR508", "DKR510", "DKR511", "DKR516",
            // .NET cross-checks: the environment, the build configuration and the support lifecycle of the image that ships.
            "DKR609", "DKR610", "DKR612",
        };

        /// <summary>The ids whose findings become suggestions on development and test assets, in order.</summary>
        public static IReadOnlyList<string> ProductionOnlyIds
        {
            get
            {
                var list = new List<string>(ProductionOnly);
                list.Sort(StringComparer.Ordinal);
                return list;
            }
        }

        public static bool IsProductionOnly(string id) => ProductionOnly.Contains(id);

        /// <summary>The severity a finding gets on an asset of the given purpose.</summary>
        public static DiagnosticSeverity Apply(string id, DiagnosticSeverity severity, AssetPurpose purpose)
        {
            if (purpose == AssetPurpose.Production) return severity;
            if (!ProductionOnly.Contains(id)) return severity;
            return severity == DiagnosticSeverity.Warning || severity == DiagnosticSeverity.Error ? DiagnosticSeverity.Suggestion : severity;
        }
    }
}
