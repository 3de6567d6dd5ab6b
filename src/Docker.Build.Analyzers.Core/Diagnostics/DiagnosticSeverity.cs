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
    }
}
