using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>DKR509: the top-level <c>version</c> key, which Compose ignores (and warns about).</summary>
    public sealed class ObsoleteComposeVersion : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR509", "Obsolete compose 'version'", RuleCategory.Compose, DiagnosticSeverity.Suggestion,
            "The top-level 'version: {0}' is obsolete: Compose ignores it and warns on every run. Remove the line",
            "Docker Compose no longer uses 'version' to choose a file format; the key only produces a warning.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            var version = context.File.Version;
            if (version == null) return;
            context.Report(version.Key, (version.Value as YamlScalar)?.Value ?? "");
        }
    }
}
