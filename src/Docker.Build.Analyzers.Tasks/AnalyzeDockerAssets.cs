using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Configuration;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules.Analyzer;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Docker.Build.Analyzers.Tasks
{
    /// <summary>
    /// Analyses a project's Docker assets and reports every finding as an ordinary MSBuild warning, error or message
    /// with its code, file, line and column. Never fails the build by itself: only findings the user promoted to
    /// errors do.
    /// </summary>
    public sealed partial class AnalyzeDockerAssets : Task
    {
        private readonly Func<AnalysisRequest, AnalysisResult> _analyze;

        public AnalyzeDockerAssets() : this(request => new DockerAnalyzer().Analyze(request)) { }

        /// <summary>For tests: runs another engine (or one that fails) instead of the real one.</summary>
        internal AnalyzeDockerAssets(Func<AnalysisRequest, AnalysisResult> analyze)
        {
            _analyze = analyze;
        }

        /// <summary>The directory that relative asset paths and build contexts are resolved against.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = "";

        public string? ProjectPath { get; set; }

        public string? AssemblyName { get; set; }

        public string? TargetFramework { get; set; }

        /// <summary>The <c>TargetFrameworks</c> list of a multi-targeted project; wins over <see cref="TargetFramework"/>.</summary>
        public string? TargetFrameworks { get; set; }

        /// <summary>An ASP.NET Core project (Microsoft.NET.Sdk.Web or a Microsoft.AspNetCore.App framework reference).</summary>
        public bool IsWebProject { get; set; }

        /// <summary>The files to analyse; optional metadata <c>Kind</c> (Dockerfile, DockerIgnore, Compose) and <c>Context</c> (build context directory).</summary>
        public ITaskItem[] Assets { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The solution being built (<c>$(SolutionPath)</c>); empty or <c>*Undefined*</c> outside a solution build.</summary>
        public string? SolutionPath { get; set; }

        /// <summary>Look above the project directory for shared compose files, .dockerignore files and Dockerfiles (default true).</summary>
        public bool DiscoverSharedAssets { get; set; } = true;

        /// <summary>The project's output and publish folders, ';'-separated.</summary>
        public string? OutputDirectories { get; set; }

        /// <summary>Items the build or publish output carries (CopyToPublishDirectory/CopyToOutputDirectory), with TargetPath or Link.</summary>
        public ITaskItem[] PublishedFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project is a test project (<c>$(IsTestProject)</c>).</summary>
        public bool IsTestProject { get; set; }

        /// <summary>Who probes the container's health instead of Docker (e.g. Kubernetes).</summary>
        public string? HealthCheckedBy { get; set; }

        /// <summary>';'-separated patterns of development assets.</summary>
        public string? DevelopmentAssets { get; set; }

        /// <summary>';'-separated patterns of test assets.</summary>
        public string? TestAssets { get; set; }

        /// <summary>
        /// Codes to drop, as in the project's <c>NoWarn</c>. MSBuild maps <c>NoWarn</c> only onto warnings; a finding
        /// reported as a message (suggestion severity) has to be filtered here.
        /// </summary>
        public string? NoWarn { get; set; }

        // ---- Severity configuration and warning properties (issue 9) ----

        /// <summary>
        /// <c>$(TreatWarningsAsErrors)</c>, read when the target runs (a value from Directory.Build.targets or the command
        /// line counts). MSBuild itself ignores it for task warnings, so the task applies it, as the compiler would.
        /// </summary>
        public string? TreatWarningsAsErrors { get; set; }

        /// <summary><c>$(WarningsAsErrors)</c>: these ids are errors.</summary>
        public string? WarningsAsErrors { get; set; }

        /// <summary><c>$(WarningsNotAsErrors)</c>: these ids are never promoted to errors.</summary>
        public string? WarningsNotAsErrors { get; set; }

        /// <summary>
        /// false (<c>DockerAnalyzersApplyWarningProperties=false</c>) leaves TreatWarningsAsErrors, WarningsAsErrors and
        /// WarningsNotAsErrors to MSBuild's own handling; NoWarn is always applied.
        /// </summary>
        public bool ApplyWarningProperties { get; set; } = true;

        /// <summary><c>@(EditorConfigFiles)</c>: the .editorconfig and global config files the compiler gets.</summary>
        public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary><c>@(GlobalAnalyzerConfigFiles)</c>: global configs (<c>is_global = true</c>) the project lists.</summary>
        public ITaskItem[] GlobalAnalyzerConfigFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Read the .editorconfig files above each Docker asset (default true; <c>$(DiscoverEditorConfigFiles)</c>).</summary>
        public bool DiscoverEditorConfigFiles { get; set; } = true;

        /// <summary>Read the .globalconfig files above the project (default true; <c>$(DiscoverGlobalAnalyzerConfigFiles)</c>).</summary>
        public bool DiscoverGlobalAnalyzerConfigFiles { get; set; } = true;

        // ---- .NET cross-check facts (DKR6xx): evaluated properties and items, passed by the targets' DKR6xx block. ----

        public string? InvariantGlobalization { get; set; }
        public string? PublishRelease { get; set; }
        public string? SelfContained { get; set; }
        public string? PublishAot { get; set; }
        public string? UseAppHost { get; set; }
        public string? RuntimeIdentifier { get; set; }
        public string? RollForward { get; set; }

        /// <summary>The project's PackageReference items (their identity is the package id).</summary>
        public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project's ProjectReference items, with FullPath.</summary>
        public ITaskItem[] ProjectReferences { get; set; } = Array.Empty<ITaskItem>();

        public string? ManagePackageVersionsCentrally { get; set; }
        public string? DirectoryPackagesPropsPath { get; set; }
        public string? DirectoryBuildPropsPath { get; set; }
        public string? DirectoryBuildTargetsPath { get; set; }

        /// <summary>The global.json above the project, when there is one; the task reads its sdk version and rollForward.</summary>
        public string? GlobalJsonPath { get; set; }

        // ---- end of .NET cross-check facts ----

        public override bool Execute()
        {
            // What the build reported, and the inline-suppressed findings as they would have been reported: the SARIF log's results.
            var reported = new List<Diagnostic>();
            var suppressedInSource = new List<Diagnostic>();
            string? failure = null;
            try
            {
                var values = new ParameterValues(this);
                var request = ProjectRequestBuilder.Create(values, fileSystem: Listings);
                if (ProjectRequestBuilder.ShouldAnalyze(request))
                {
                    var result = _analyze(request);
                    foreach (var diagnostic in ProjectRequestBuilder.Reported(result.Diagnostics, values))
                    {
                        if (IsReportedByCompiler(diagnostic)) continue;
                        Report(diagnostic);
                        reported.Add(diagnostic);
                    }
                    foreach (var diagnostic in ProjectRequestBuilder.Reported(result.SuppressedDiagnostics, values))
                        if (!IsReportedByCompiler(diagnostic)) suppressedInSource.Add(diagnostic);
                }
            }
            catch (Exception ex)
            {
                ReportCrash(ex);
                failure = ex.GetType().FullName + ": " + ex.Message;
            }
            WriteSarifLogIfRequested(reported, suppressedInSource, failure);
            return !Log.HasLoggedErrors;
        }

        /// <summary>
        /// Directory listings kept for the life of this build process (an MSBuild node builds one project after another,
        /// and the projects of a solution often share one build context): a listing is reused only while its
        /// directory's last-write time is unchanged (see <see cref="ListingCacheFileSystem"/>), so results are those of
        /// reading the disk again.
        /// </summary>
        private static readonly ListingCacheFileSystem Listings = new ListingCacheFileSystem();

        /// <summary>The request the parameters make (the same mapping the command-line tool uses for a project).</summary>
        internal AnalysisRequest CreateRequest() => ProjectRequestBuilder.Create(new ParameterValues(this));

        /// <summary>
        /// The task's parameters as <see cref="IProjectValues"/>, looked up by name: the names of
        /// <see cref="ProjectValueNames"/> are this task's parameter names, so a parameter reaches the shared request
        /// builder without a second list to keep in step.
        /// </summary>
        private sealed class ParameterValues : IProjectValues
        {
            private readonly AnalyzeDockerAssets _task;

            public ParameterValues(AnalyzeDockerAssets task) => _task = task;

            public string? GetValue(string name)
            {
                object? value = typeof(AnalyzeDockerAssets).GetProperty(name)?.GetValue(_task);
                return value switch
                {
                    bool b => b ? "true" : "false",
                    string s => s,
                    _ => null,
                };
            }

            public IReadOnlyList<ProjectItemValue> GetItems(string name)
            {
                if (!(typeof(AnalyzeDockerAssets).GetProperty(name)?.GetValue(_task) is ITaskItem[] items)) return Array.Empty<ProjectItemValue>();
                var list = new List<ProjectItemValue>(items.Length);
                foreach (var item in items)
                {
                    if (item == null) continue;
                    var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (string key in ProjectItemValue.ReadMetadataNames) metadata[key] = item.GetMetadata(key);
                    list.Add(new ProjectItemValue(item.ItemSpec, metadata));
                }
                return list;
            }
        }

        private void Report(Diagnostic d)
        {
            // Every finding carries its Dockerfile path: without one MSBuild would point at this task in our .targets.
            // No subcategory: it would sit between the location and "warning" and break editors' problem matchers.
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error:
                    Log.LogError(null, d.Id, d.Id, d.HelpLink, d.FilePath, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                    break;
                case DiagnosticSeverity.Warning:
                    Log.LogWarning(null, d.Id, d.Id, d.HelpLink, d.FilePath, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                    break;
                case DiagnosticSeverity.Suggestion:
                    Log.LogMessage(null, d.Id, d.Id, d.FilePath, d.Line, d.Column, d.EndLine, d.EndColumn, MessageImportance.High, d.Message);
                    break;
                // Hidden (configured silent) and None are never printed by a build.
            }
        }

        private void ReportCrash(Exception ex)
        {
            var rule = AnalyzerRules.InternalError;
            if (ParseCodes(NoWarn).Contains(rule.Id)) return;
            string file = string.IsNullOrWhiteSpace(ProjectPath) ? "" : ProjectPath!;
            Log.LogWarning(null, rule.Id, rule.Id, rule.HelpLink, file, 0, 0, 0, 0,
                "The Docker asset analysis failed and was skipped ({0}: {1}); the build goes on. Please report it with this message",
                ex.GetType().FullName, ex.Message);
        }

        /// <summary>NoWarn as the compiler reads it: codes separated by ';' or ',', any case, blanks ignored.</summary>
        internal static HashSet<string> ParseCodes(string? list) => ProjectRequestBuilder.ParseCodes(list);
    }
}
