using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>The text of one configuration file a host already holds (an IDE's additional file, a test).</summary>
    public sealed class ConfigurationDocument
    {
        public ConfigurationDocument(string path, string text)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Text = text ?? "";
        }

        /// <summary>Full path: its folder decides which files an .editorconfig applies to.</summary>
        public string Path { get; }

        public string Text { get; }
    }

    /// <summary>
    /// Where the engine finds .editorconfig and global config files for one analysis. Every source is optional; a file
    /// given twice (as a document and on disk) is read once, the document winning. Whether a file is a global config is
    /// decided by its content (<c>is_global</c>) or its name (<c>.globalconfig</c>), as the compiler decides it.
    /// </summary>
    public sealed class ConfigurationSources
    {
        /// <summary>No configuration at all: findings keep their rules' severities.</summary>
        public static readonly ConfigurationSources None = new ConfigurationSources();

        public ConfigurationSources(
            IReadOnlyList<ConfigurationDocument>? documents = null,
            IReadOnlyList<string>? filePaths = null,
            bool discoverEditorConfigFiles = false,
            bool discoverGlobalConfigFiles = false,
            bool reportSilentDiagnostics = false)
        {
            Documents = documents ?? Array.Empty<ConfigurationDocument>();
            FilePaths = filePaths ?? Array.Empty<string>();
            DiscoverEditorConfigFiles = discoverEditorConfigFiles;
            DiscoverGlobalConfigFiles = discoverGlobalConfigFiles;
            ReportSilentDiagnostics = reportSilentDiagnostics;
        }

        /// <summary>Configuration texts handed in by the host (the IDE passes the .editorconfig files it got as additional files).</summary>
        public IReadOnlyList<ConfigurationDocument> Documents { get; }

        /// <summary>
        /// Configuration files to read through the request's file system: MSBuild's <c>@(EditorConfigFiles)</c> and
        /// <c>@(GlobalAnalyzerConfigFiles)</c>. A missing or unreadable file is skipped.
        /// </summary>
        public IReadOnlyList<string> FilePaths { get; }

        /// <summary>
        /// Also read every <c>.editorconfig</c> from each analysed file's folder upwards, stopping after one with
        /// <c>root = true</c> (what the compiler's build does for source files; the MSBuild task and the CLI set it).
        /// </summary>
        public bool DiscoverEditorConfigFiles { get; }

        /// <summary>Also read every <c>.globalconfig</c> from the project folder upwards (what the SDK passes the compiler by default).</summary>
        public bool DiscoverGlobalConfigFiles { get; }

        /// <summary>
        /// Keep findings configured <c>silent</c>, with <see cref="Diagnostics.DiagnosticSeverity.Hidden"/> (an IDE may show
        /// them as hints). Build hosts leave it off: a silent finding is never printed.
        /// </summary>
        public bool ReportSilentDiagnostics { get; }

        internal bool IsEmpty => Documents.Count == 0 && FilePaths.Count == 0 && !DiscoverEditorConfigFiles && !DiscoverGlobalConfigFiles;
    }
}
