using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Analyzer
{
    /// <summary>
    /// Findings about the analysis itself (DKR9xx). They are reported by the runner, not by rule classes, because
    /// they concern files that could not be turned into something a rule can read.
    /// </summary>
    public static class AnalyzerRules
    {
        public static readonly RuleDescriptor AssetUnreadable = new RuleDescriptor(
            "DKR901", "Docker asset cannot be read", RuleCategory.Analyzer, DiagnosticSeverity.Warning,
            "'{0}' could not be analysed: {1}",
            "A Dockerfile, .dockerignore or compose file that the build should check is missing, unreadable, too large, or not UTF-8 text.");

        public static readonly RuleDescriptor DockerfileUnparsable = new RuleDescriptor(
            "DKR902", "Dockerfile cannot be parsed", RuleCategory.Analyzer, DiagnosticSeverity.Warning,
            "Dockerfile syntax error: {0}",
            "Docker would reject this Dockerfile; no other rule checks it until the error is fixed.");

        public static readonly RuleDescriptor InternalError = new RuleDescriptor(
            "DKR903", "Internal analyzer error", RuleCategory.Analyzer, DiagnosticSeverity.Warning,
            "Rule {0} failed on this file and was skipped ({1}); please report it",
            "A rule threw an exception. The build goes on; the other rules still ran.");

        public static readonly RuleDescriptor UnnecessarySuppression = new RuleDescriptor(
            "DKR904", "Suppression comment suppresses nothing", RuleCategory.Analyzer, DiagnosticSeverity.Suggestion,
            "'{0}' suppresses nothing: {1}; remove it",
            "A dkr-disable or dkr-disable-next-line comment names a rule that reports nothing in the lines it covers (or, without ids, no rule reports anything there).");

        public static readonly RuleDescriptor UnknownSuppressedRule = new RuleDescriptor(
            "DKR905", "Suppression comment names an unknown rule", RuleCategory.Analyzer, DiagnosticSeverity.Suggestion,
            "'{0}' names {1}, which is not a Docker.Build.Analyzers rule",
            "A dkr-disable or dkr-disable-next-line comment names an id that no rule of this version has (a typo, or a rule from another tool).");

        // DKR91x: the analyzer's own output (reports), apart from DKR90x (input it could not read or analyse).

        public static readonly RuleDescriptor ReportUnwritable = new RuleDescriptor(
            "DKR910", "Report file cannot be written", RuleCategory.Analyzer, DiagnosticSeverity.Warning,
            "The SARIF log '{0}' could not be written ({1}); the findings are still reported in the build output",
            "The build was asked for a SARIF log (DockerAnalyzersSarifFile) at a path that cannot be written: a folder in the way, no permission, an invalid name, or a full disk.");
    }
}
