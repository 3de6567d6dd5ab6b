namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>How a finding is reported. The names follow .NET's analyzer severities.</summary>
    public enum DiagnosticSeverity
    {
        /// <summary>Turned off: not reported.</summary>
        None = 0,

        /// <summary>Reported as an informational message with its code (an editor's "suggestion").</summary>
        Suggestion = 1,

        Warning = 2,

        Error = 3,

        /// <summary>
        /// Configured <c>silent</c>: kept only for hosts that asked for hidden findings (an IDE may show them as hints);
        /// build output never shows it. Numbered last so the other values keep their numbers.
        /// </summary>
        Hidden = 4,
    }
}
