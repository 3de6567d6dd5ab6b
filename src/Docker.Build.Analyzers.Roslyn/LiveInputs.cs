using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Docker.Build.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Docker.Build.Analyzers.Roslyn
{
    /// <summary>
    /// What the package's targets hand the analyzer: the additional files tagged <c>DockerAnalyzersInput</c> (Docker
    /// assets with their kind, context and purpose; shared assets above the project; the project file) and the project
    /// facts as <c>build_property.*</c> options. Turned into the same <see cref="AnalysisRequest"/> the build task makes.
    /// </summary>
    internal sealed class LiveInputs
    {
        internal const string LiveSwitchKey = "docker_analyzers.live_diagnostics";
        internal const string SolutionPathKey = "docker_analyzers.solution_path";
        internal const string InputKey = "build_metadata.AdditionalFiles.DockerAnalyzersInput";
        internal const string KindKey = "build_metadata.AdditionalFiles.DockerAnalyzersKind";
        internal const string ContextKey = "build_metadata.AdditionalFiles.DockerAnalyzersContext";
        internal const string PurposeKey = "build_metadata.AdditionalFiles.DockerAnalyzersPurpose";

        private LiveInputs(IReadOnlyList<TaggedText> files, AnalyzerConfigOptions global)
        {
            Files = files;
            _global = global;
        }

        private readonly AnalyzerConfigOptions _global;

        /// <summary>Our additional texts, first text of each path only, in the order the compiler lists them.</summary>
        public IReadOnlyList<TaggedText> Files { get; }

        /// <summary>The IDE-mode switch: written by design-time builds only (see build/Docker.Build.Analyzers.Roslyn.targets).</summary>
        public static bool IsLive(AnalyzerConfigOptions global) =>
            global.TryGetValue(LiveSwitchKey, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Our tagged files, or null when the compilation has none (another project, or the package's targets are off).</summary>
        public static LiveInputs? Collect(AnalyzerOptions options)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var files = new List<TaggedText>();
            var seen = new HashSet<string>(PathComparer);
            foreach (var text in options.AdditionalFiles)
            {
                if (text == null || string.IsNullOrEmpty(text.Path)) continue;
                var fileOptions = provider.GetOptions(text);
                if (!fileOptions.TryGetValue(InputKey, out var input) || string.IsNullOrWhiteSpace(input)) continue;
                string path = SafeFullPath(text.Path);
                if (!seen.Add(path)) continue;
                fileOptions.TryGetValue(KindKey, out var kind);
                fileOptions.TryGetValue(ContextKey, out var context);
                fileOptions.TryGetValue(PurposeKey, out var purpose);
                files.Add(new TaggedText(text, path, input.Trim(), Blank(kind), Blank(context), Blank(purpose)));
            }
            return files.Count == 0 ? null : new LiveInputs(files, provider.GlobalOptions);
        }

        /// <summary>
        /// The request: every tagged text is served from memory (the editor's current text); the engine reaches the disk
        /// only for what Roslyn cannot hand it — the build context walk (listings, existence, the ignore file and the
        /// content checks of files the context sends to Docker) and the solution and restore files that decide which
        /// project reports a shared asset — read-only, as the build task does.
        /// </summary>
        public AnalysisRequest CreateRequest(CancellationToken cancellationToken) => CreateRequest(cancellationToken, AppCodeFacts.Unknown);

        /// <summary>The request with what the compilation's code says (<paramref name="code"/>) and the SDK container items.</summary>
        public AnalysisRequest CreateRequest(CancellationToken cancellationToken, AppCodeFacts code)
        {
            var texts = new List<KeyValuePair<string, string>>();
            foreach (var file in Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = file.Text.GetText(cancellationToken);
                // No text: the file is gone; the engine then says so (DKR901) as the build would.
                if (source != null) texts.Add(new KeyValuePair<string, string>(file.FullPath, source.ToString()));
            }

            string projectDirectory = Property("MSBuildProjectDirectory") ?? Path.GetDirectoryName(Files[0].FullPath) ?? "";
            var assets = new List<AssetInput>();
            foreach (var file in Files)
            {
                if (!string.Equals(file.Input, "Asset", StringComparison.OrdinalIgnoreCase)) continue;
                var kind = AssetKinds.Infer(file.FullPath, file.Kind);
                // Listed on purpose, as in the task: a name we cannot place is most likely a Dockerfile.
                if (kind == AssetKind.Unknown) kind = AssetKind.Dockerfile;
                string? context = file.Context == null ? null : Resolve(projectDirectory, file.Context);
                assets.Add(new AssetInput(file.FullPath, kind, context, AssetPurposes.Parse(file.Purpose)));
            }

            string? solution = Blank(_global.TryGetValue(SolutionPathKey, out var s) ? s : null);
            var facts = new ProjectFacts(
                Property("MSBuildProjectFullPath"),
                Property("AssemblyName"),
                TargetFrameworks(),
                IsTrue(Property("_DockerAnalyzersLiveIsWebProject")),
                solutionPath: solution == null ? null : Resolve(projectDirectory, solution),
                outputDirectories: Split(Property("_DockerAnalyzersLiveOutputDirectories")),
                publishedFiles: PublishedFiles(projectDirectory),
                healthCheckedBy: Property("DockerAnalyzersHealthCheckedBy"),
                developmentAssetPatterns: Split(Property("DockerAnalyzersDevelopmentAssets")),
                testAssetPatterns: Split(Property("DockerAnalyzersTestAssets")),
                isTestProject: IsTrue(Property("IsTestProject")),
                dotNet: new DotNetProjectFacts(container: ContainerFacts(texts), code: code));
            bool discoverShared = !string.Equals(Property("DockerAnalyzersSharedAssets"), "false", StringComparison.OrdinalIgnoreCase);
            var fileSystem = new OverlayFileSystem(texts, PhysicalFileSystem.Instance);

            // The compiler applies global configs (.globalconfig), NoWarn and the warning properties to our diagnostics
            // itself, but not the path-scoped sections of .editorconfig files to diagnostics in additional files: the
            // targets hand those files in (DockerAnalyzersInput=EditorConfig) and the engine applies them, with the
            // build's semantics (nearest file wins, root = true). Only the texts handed in are read.
            var editorConfigs = new List<Docker.Build.Analyzers.Configuration.ConfigurationDocument>();
            foreach (var pair in texts)
            {
                foreach (var file in Files)
                {
                    if (!string.Equals(file.FullPath, pair.Key, StringComparison.Ordinal)) continue;
                    if (string.Equals(file.Input, "EditorConfig", StringComparison.OrdinalIgnoreCase))
                        editorConfigs.Add(new Docker.Build.Analyzers.Configuration.ConfigurationDocument(pair.Key, pair.Value));
                    break;
                }
            }
            var configuration = editorConfigs.Count == 0 ? null : new Docker.Build.Analyzers.Configuration.ConfigurationSources(editorConfigs);
            return new AnalysisRequest(projectDirectory, assets, facts, fileSystem, discoverShared, configuration, warningOptions: null);
        }

        /// <summary>
        /// The compiler reports the code-aware rules (DKR301, DKR604, DKR605, DKR620) in real builds: the package's targets
        /// say so for C# projects (see build/Docker.Build.Analyzers.CodeFacts.targets).
        /// </summary>
        public static bool IsCodeAwareInCompiler(AnalyzerConfigOptions global) =>
            global.TryGetValue("build_property." + CodeAwareProperty, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        internal const string CodeAwareProperty = "_DockerAnalyzersCodeAwareInCompiler";

        /// <summary>
        /// The SDK container items the targets flatten into properties (<c>_DockerAnalyzersContainerPorts</c>: "port|type;...",
        /// <c>_DockerAnalyzersContainerEnvironment</c>: "NAME=value;..." for the port variables only), each placed at its
        /// <c>ContainerPort</c> element in the project file when the project file's text is at hand. Null when none.
        /// </summary>
        private SdkContainerFacts? ContainerFacts(List<KeyValuePair<string, string>> texts)
        {
            var portEntries = Split(Property("_DockerAnalyzersContainerPorts"));
            string? projectPath = Property("MSBuildProjectFullPath");
            if (portEntries.Count == 0 || projectPath == null) return null;
            string? projectText = null;
            foreach (var pair in texts)
                if (PathComparer.Equals(pair.Key, SafeFullPath(projectPath))) projectText = pair.Value;
            // Placed as the task places them: the engine's locator over the project file's text.
            var locator = projectText == null ? null : ProjectFileLocator.FromTexts((projectPath, projectText));
            var ports = new List<ContainerPortSetting>();
            foreach (var entry in portEntries)
            {
                int bar = entry.IndexOf('|');
                string port = (bar < 0 ? entry : entry.Substring(0, bar)).Trim();
                string? type = bar < 0 ? null : entry.Substring(bar + 1);
                ports.Add(new ContainerPortSetting(port, type, locator?.FindItem("ContainerPort", port)));
            }
            var environment = new List<ContainerEnvironmentSetting>();
            foreach (var entry in Split(Property("_DockerAnalyzersContainerEnvironment")))
            {
                int eq = entry.IndexOf('=');
                if (eq > 0) environment.Add(new ContainerEnvironmentSetting(entry.Substring(0, eq).Trim(), entry.Substring(eq + 1).Trim()));
            }
            string? baseImage = Property("ContainerBaseImage");
            return new SdkContainerFacts(projectPath, baseImage: baseImage == null ? null : new ProjectSetting(baseImage), ports: ports, environmentVariables: environment);
        }

        private string? Property(string name) =>
            _global.TryGetValue("build_property." + name, out var value) ? Blank(value) : null;

        private IReadOnlyList<string> TargetFrameworks()
        {
            var list = new List<string>();
            string? frameworks = Property("TargetFrameworks") ?? Property("TargetFramework");
            foreach (var tfm in Split(frameworks))
                if (!list.Contains(tfm)) list.Add(tfm);
            return list;
        }

        private IReadOnlyList<PublishedFile> PublishedFiles(string projectDirectory)
        {
            var list = new List<PublishedFile>();
            foreach (var entry in Split(Property("_DockerAnalyzersLivePublishedFiles")))
            {
                int bar = entry.IndexOf('|');
                string source = bar < 0 ? entry : entry.Substring(0, bar);
                string? target = bar < 0 ? null : Blank(entry.Substring(bar + 1));
                if (source.Length > 0) list.Add(new PublishedFile(Resolve(projectDirectory, source), target));
            }
            return list;
        }

        private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

        private static IReadOnlyList<string> Split(string? value)
        {
            var list = new List<string>();
            if (value == null) return list;
            foreach (var part in value.Split(';'))
            {
                string trimmed = part.Trim();
                if (trimmed.Length > 0) list.Add(trimmed);
            }
            return list;
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static string Resolve(string baseDirectory, string path)
        {
            try
            {
                return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return path;
            }
        }

        internal static string SafeFullPath(string path)
        {
            try { return Path.GetFullPath(path); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException) { return path; }
        }

        internal static readonly StringComparer PathComparer =
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    }

    /// <summary>One additional text the package's targets tagged, with its metadata.</summary>
    internal sealed class TaggedText
    {
        public TaggedText(AdditionalText text, string fullPath, string input, string? kind, string? context, string? purpose)
        {
            Text = text;
            FullPath = fullPath;
            Input = input;
            Kind = kind;
            Context = context;
            Purpose = purpose;
        }

        public AdditionalText Text { get; }
        public string FullPath { get; }

        /// <summary>Asset, Shared or Project.</summary>
        public string Input { get; }

        public string? Kind { get; }
        public string? Context { get; }
        public string? Purpose { get; }
    }
}
