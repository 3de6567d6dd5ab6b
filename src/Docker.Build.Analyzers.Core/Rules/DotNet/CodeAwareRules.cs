using System;
using System.Collections.Generic;
using System.Linq;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// The rules whose answer depends on the app's C# code. In a C# build the compiler's analyzer host reads the code and
    /// reports them (DKR301 only when its message depends on the code, see <see cref="MayMapHealthChecks"/>); the MSBuild
    /// task, which has no syntax trees, leaves them to it.
    /// </summary>
    public static class CodeAwareRules
    {
        /// <summary>Every rule the compiler may report in a real build.</summary>
        public static IReadOnlyCollection<string> Ids { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DKR301", "DKR604", "DKR605", "DKR620" };

        /// <summary>Rules that say nothing at all without the code (the task never reports them).</summary>
        public static IReadOnlyCollection<string> CodeOnlyIds { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DKR604", "DKR605", "DKR620" };

        public static bool IsCodeAware(string id) => ((HashSet<string>)Ids).Contains(id);

        public static bool IsCodeOnly(string id) => ((HashSet<string>)CodeOnlyIds).Contains(id);

        /// <summary>The engine with only the rules the compiler reports in a real build.</summary>
        public static IEnumerable<Rule> Rules => RuleCatalog.Rules.Where(r => IsCodeAware(r.Descriptor.Id));

        /// <summary>
        /// The one text test both hosts apply to decide who reports DKR301: a C# file that mentions <c>MapHealthChecks</c>
        /// or <c>UseHealthChecks</c> may give DKR301's message a path to probe, so the compiler reports DKR301 for the
        /// project; otherwise the task does, as for any project (its findings then also show in no-op builds, where the
        /// compiler does not run).
        /// </summary>
        public static bool MayMapHealthChecks(string text) =>
            text.IndexOf("MapHealthChecks", StringComparison.Ordinal) >= 0 || text.IndexOf("UseHealthChecks", StringComparison.Ordinal) >= 0;
    }
}
