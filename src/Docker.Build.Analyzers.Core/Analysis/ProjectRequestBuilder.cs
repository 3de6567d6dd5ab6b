using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Configuration;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// The values a host read from one evaluated project, keyed by the names of the <c>AnalyzeDockerAssets</c> task's
    /// parameters (<see cref="ProjectValueNames"/>): the MSBuild task hands over its parameters, the command-line tool
    /// the same values computed from its own evaluation of the project. Both build their request with
    /// <see cref="ProjectRequestBuilder"/>, so a project's findings cannot differ between the two.
    /// </summary>
    public interface IProjectValues
    {
        /// <summary>A scalar value as MSBuild would pass it (booleans as "true"/"false"); null or empty when not set.</summary>
        string? GetValue(string name);

        /// <summary>The items of a list parameter, in order; empty when there are none.</summary>
        IReadOnlyList<ProjectItemValue> GetItems(string name);
    }

    /// <summary>One item: its item spec and the metadata the request reads.</summary>
    public sealed class ProjectItemValue
    {
        private readonly IReadOnlyDictionary<string, string>? _metadata;

        public ProjectItemValue(string itemSpec, IReadOnlyDictionary<string, string>? metadata = null)
        {
            ItemSpec = itemSpec ?? string.Empty;
            _metadata = metadata;
        }

        public string ItemSpec { get; }

        /// <summary>The metadata value, or the empty string (as MSBuild returns for metadata an item does not have).</summary>
        public string GetMetadata(string name) =>
            _metadata != null && _metadata.TryGetValue(name, out var value) && value != null ? value : string.Empty;

        /// <summary>The metadata names <see cref="ProjectRequestBuilder"/> reads from an item, for hosts that copy them.</summary>
        public static readonly IReadOnlyList<string> ReadMetadataNames = new[] { "Kind", "Context", "Purpose", "TargetPath", "Link", "Type", "Value" };
    }

    /// <summary>The parameter names of the <c>AnalyzeDockerAssets</c> task that the request is built from.</summary>
    public static class ProjectValueNames
    {
        public const string ProjectDirectory = "ProjectDirectory";
        public const string ProjectPath = "ProjectPath";
        public const string AssemblyName = "AssemblyName";
        public const string TargetFramework = "TargetFramework";
        public const string TargetFrameworks = "TargetFrameworks";
        public const string IsWebProject = "IsWebProject";
        public const string Assets = "Assets";
        public const string SolutionPath = "SolutionPath";
        public const string DiscoverSharedAssets = "DiscoverSharedAssets";
        public const string OutputDirectories = "OutputDirectories";
        public const string PublishedFiles = "PublishedFiles";
        public const string IsTestProject = "IsTestProject";
        public const string HealthCheckedBy = "HealthCheckedBy";
        public const string DevelopmentAssets = "DevelopmentAssets";
        public const string TestAssets = "TestAssets";
        public const string NoWarn = "NoWarn";
        public const string TreatWarningsAsErrors = "TreatWarningsAsErrors";
        public const string WarningsAsErrors = "WarningsAsErrors";
        public const string WarningsNotAsErrors = "WarningsNotAsErrors";
        public const string ApplyWarningProperties = "ApplyWarningProperties";
        public const string EditorConfigFiles = "EditorConfigFiles";
        public const string GlobalAnalyzerConfigFiles = "GlobalAnalyzerConfigFiles";
        public const string DiscoverEditorConfigFiles = "DiscoverEditorConfigFiles";
        public const string DiscoverGlobalAnalyzerConfigFiles = "DiscoverGlobalAnalyzerConfigFiles";
        public const string InvariantGlobalization = "InvariantGlobalization";
        public const string PublishRelease = "PublishRelease";
        public const string SelfContained = "SelfContained";
        public const string PublishAot = "PublishAot";
        public const string UseAppHost = "UseAppHost";
        public const string RuntimeIdentifier = "RuntimeIdentifier";
        public const string RollForward = "RollForward";
        public const string PackageReferences = "PackageReferences";
        public const string ProjectReferences = "ProjectReferences";
        public const string ManagePackageVersionsCentrally = "ManagePackageVersionsCentrally";
        public const string DirectoryPackagesPropsPath = "DirectoryPackagesPropsPath";
        public const string DirectoryBuildPropsPath = "DirectoryBuildPropsPath";
        public const string DirectoryBuildTargetsPath = "DirectoryBuildTargetsPath";
        public const string GlobalJsonPath = "GlobalJsonPath";

        // The container the SDK publishes without a Dockerfile (DKR617–DKR621).
        public const string EnableSdkContainerSupport = "EnableSdkContainerSupport";
        public const string IsPublishable = "IsPublishable";
        public const string OutputType = "OutputType";
        public const string PublishProfile = "PublishProfile";
        public const string WebPublishMethod = "WebPublishMethod";
        public const string ContainerBaseImage = "ContainerBaseImage";
        public const string ContainerFamily = "ContainerFamily";
        public const string ContainerImageTag = "ContainerImageTag";
        public const string ContainerImageTags = "ContainerImageTags";
        public const string ContainerUser = "ContainerUser";
        public const string ContainerRuntimeIdentifier = "ContainerRuntimeIdentifier";
        public const string ContainerPorts = "ContainerPorts";
        public const string ContainerEnvironmentVariables = "ContainerEnvironmentVariables";
    }

    /// <summary>
    /// Turns the values of an evaluated project into the engine's request, and the engine's findings into the ones the
    /// build reports (NoWarn). Host-free: the MSBuild task and the command-line tool's project mode both use it.
    /// </summary>
    public static class ProjectRequestBuilder
    {
        /// <param name="values">The project's values, keyed by <see cref="ProjectValueNames"/>.</param>
        /// <param name="code">What the app's code says (read by a host that has its syntax trees); null: not read.</param>
        /// <param name="fileSystem">What the engine reads through; null: the physical file system.</param>
        public static AnalysisRequest Create(IProjectValues values, AppCodeFacts? code = null, IFileSystem? fileSystem = null)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            string? directoryValue = values.GetValue(ProjectValueNames.ProjectDirectory);
            string projectDirectory = string.IsNullOrWhiteSpace(directoryValue) ? Directory.GetCurrentDirectory() : directoryValue!;

            var assets = new List<AssetInput>();
            foreach (var item in values.GetItems(ProjectValueNames.Assets))
            {
                if (item == null || string.IsNullOrWhiteSpace(item.ItemSpec)) continue;
                string path = ResolvePath(projectDirectory, item.ItemSpec);
                var kind = AssetKinds.Infer(path, item.GetMetadata("Kind"));
                // Someone listed this file on purpose; a name we cannot place (Containerfile, app.df) is most likely a Dockerfile.
                if (kind == AssetKind.Unknown) kind = AssetKind.Dockerfile;
                string context = item.GetMetadata("Context");
                var purpose = AssetPurposes.Parse(item.GetMetadata("Purpose"));
                assets.Add(new AssetInput(path, kind, string.IsNullOrWhiteSpace(context) ? null : ResolvePath(projectDirectory, context), purpose));
            }

            var published = new List<PublishedFile>();
            foreach (var item in values.GetItems(ProjectValueNames.PublishedFiles))
            {
                if (item == null || string.IsNullOrWhiteSpace(item.ItemSpec)) continue;
                string target = item.GetMetadata("TargetPath");
                if (string.IsNullOrWhiteSpace(target)) target = item.GetMetadata("Link");
                published.Add(new PublishedFile(ResolvePath(projectDirectory, item.ItemSpec), string.IsNullOrWhiteSpace(target) ? null : target));
            }

            string? projectPath = values.GetValue(ProjectValueNames.ProjectPath);
            string? assemblyName = values.GetValue(ProjectValueNames.AssemblyName);
            string? solutionPath = values.GetValue(ProjectValueNames.SolutionPath);
            var facts = new ProjectFacts(
                string.IsNullOrWhiteSpace(projectPath) ? null : projectPath,
                string.IsNullOrWhiteSpace(assemblyName) ? null : assemblyName,
                SplitTargetFrameworks(values),
                ParseBool(values.GetValue(ProjectValueNames.IsWebProject)) == true,
                solutionPath: string.IsNullOrWhiteSpace(solutionPath) || solutionPath == "*Undefined*" ? null : ResolvePath(projectDirectory, solutionPath!),
                outputDirectories: SplitList(values.GetValue(ProjectValueNames.OutputDirectories)),
                publishedFiles: published,
                healthCheckedBy: values.GetValue(ProjectValueNames.HealthCheckedBy),
                developmentAssetPatterns: SplitList(values.GetValue(ProjectValueNames.DevelopmentAssets)),
                testAssetPatterns: SplitList(values.GetValue(ProjectValueNames.TestAssets)),
                isTestProject: ParseBool(values.GetValue(ProjectValueNames.IsTestProject)) == true,
                dotNet: CreateDotNetFacts(values, projectDirectory, code));
            return new AnalysisRequest(projectDirectory, assets, facts, fileSystem: fileSystem,
                discoverSharedAssets: ParseBool(values.GetValue(ProjectValueNames.DiscoverSharedAssets)) ?? true,
                configuration: CreateConfigurationSources(values, projectDirectory), warningOptions: CreateWarningOptions(values));
        }

        /// <summary>The build runs the engine only when the project has assets or may share some above it.</summary>
        public static bool ShouldAnalyze(AnalysisRequest request) =>
            request.Assets.Count != 0 || request.DiscoverSharedAssets || request.Project.DotNet.Container != null;

        /// <summary>The findings the build reports from a result: NoWarn drops codes whatever their severity (MSBuild maps it onto warnings only).</summary>
        public static IReadOnlyList<Diagnostic> Reported(IReadOnlyList<Diagnostic> diagnostics, IProjectValues values)
        {
            var noWarn = ParseCodes(values.GetValue(ProjectValueNames.NoWarn));
            var list = new List<Diagnostic>(diagnostics.Count);
            foreach (var diagnostic in diagnostics)
                if (!noWarn.Contains(diagnostic.Id)) list.Add(diagnostic);
            return list;
        }

        internal static DotNetProjectFacts CreateDotNetFacts(IProjectValues values, string projectDirectory, AppCodeFacts? code)
        {
            var packages = new List<string>();
            foreach (var item in values.GetItems(ProjectValueNames.PackageReferences))
                if (item != null && !string.IsNullOrWhiteSpace(item.ItemSpec) && !packages.Contains(item.ItemSpec.Trim())) packages.Add(item.ItemSpec.Trim());
            var projects = new List<string>();
            foreach (var item in values.GetItems(ProjectValueNames.ProjectReferences))
                if (item != null && !string.IsNullOrWhiteSpace(item.ItemSpec)) projects.Add(ResolvePath(projectDirectory, item.ItemSpec));

            string? globalJson = ExistingFile(projectDirectory, values.GetValue(ProjectValueNames.GlobalJsonPath));
            string? sdkVersion = null, rollForward = null;
            if (globalJson != null)
            {
                try
                {
                    DotNetPlatform.GlobalJson.Read(File.ReadAllText(globalJson), out sdkVersion, out rollForward);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Unreadable: the SDK will say so itself; the checks that need it stay silent.
                }
            }

            return new DotNetProjectFacts(
                invariantGlobalization: ParseBool(values.GetValue(ProjectValueNames.InvariantGlobalization)),
                publishRelease: ParseBool(values.GetValue(ProjectValueNames.PublishRelease)),
                selfContained: ParseBool(values.GetValue(ProjectValueNames.SelfContained)),
                publishAot: ParseBool(values.GetValue(ProjectValueNames.PublishAot)),
                useAppHost: ParseBool(values.GetValue(ProjectValueNames.UseAppHost)),
                runtimeIdentifier: values.GetValue(ProjectValueNames.RuntimeIdentifier),
                rollForward: values.GetValue(ProjectValueNames.RollForward),
                packageReferences: packages,
                projectReferences: projects,
                centralPackageManagement: ParseBool(values.GetValue(ProjectValueNames.ManagePackageVersionsCentrally)) == true,
                directoryPackagesPropsPath: ExistingFile(projectDirectory, values.GetValue(ProjectValueNames.DirectoryPackagesPropsPath)),
                directoryBuildPropsPath: ExistingFile(projectDirectory, values.GetValue(ProjectValueNames.DirectoryBuildPropsPath)),
                directoryBuildTargetsPath: ExistingFile(projectDirectory, values.GetValue(ProjectValueNames.DirectoryBuildTargetsPath)),
                globalJsonPath: globalJson,
                globalJsonSdkVersion: sdkVersion,
                globalJsonRollForward: rollForward,
                container: CreateSdkContainerFacts(values, projectDirectory),
                code: code);
        }

        /// <summary>
        /// The SDK container facts, or null when the project does not publish a container (then no file is read). The
        /// project file and Directory.Build.props/targets are read only to place the findings.
        /// </summary>
        internal static SdkContainerFacts? CreateSdkContainerFacts(IProjectValues values, string projectDirectory)
        {
            string? projectPath = values.GetValue(ProjectValueNames.ProjectPath);
            if (string.IsNullOrWhiteSpace(projectPath)) return null;
            var inputs = new SdkContainerInputs(ResolvePath(projectDirectory, projectPath!))
            {
                EnableSdkContainerSupport = values.GetValue(ProjectValueNames.EnableSdkContainerSupport),
                IsPublishable = values.GetValue(ProjectValueNames.IsPublishable),
                OutputType = values.GetValue(ProjectValueNames.OutputType),
                IsWebProject = ParseBool(values.GetValue(ProjectValueNames.IsWebProject)) == true,
                PublishProfile = values.GetValue(ProjectValueNames.PublishProfile),
                WebPublishMethod = values.GetValue(ProjectValueNames.WebPublishMethod),
                ContainerBaseImage = values.GetValue(ProjectValueNames.ContainerBaseImage),
                ContainerFamily = values.GetValue(ProjectValueNames.ContainerFamily),
                ContainerImageTag = values.GetValue(ProjectValueNames.ContainerImageTag),
                ContainerImageTags = values.GetValue(ProjectValueNames.ContainerImageTags),
                ContainerUser = values.GetValue(ProjectValueNames.ContainerUser),
                ContainerRuntimeIdentifier = values.GetValue(ProjectValueNames.ContainerRuntimeIdentifier),
                DirectoryBuildPropsPath = ExistingFile(projectDirectory, values.GetValue(ProjectValueNames.DirectoryBuildPropsPath)),
                DirectoryBuildTargetsPath = ExistingFile(projectDirectory, values.GetValue(ProjectValueNames.DirectoryBuildTargetsPath)),
            };
            foreach (var item in values.GetItems(ProjectValueNames.ContainerPorts))
                if (item != null && !string.IsNullOrWhiteSpace(item.ItemSpec)) inputs.ContainerPorts.Add((item.ItemSpec, item.GetMetadata("Type")));
            foreach (var item in values.GetItems(ProjectValueNames.ContainerEnvironmentVariables))
                if (item != null && !string.IsNullOrWhiteSpace(item.ItemSpec)) inputs.ContainerEnvironmentVariables.Add((item.ItemSpec, item.GetMetadata("Value")));
            return SdkContainerFactsReader.Read(inputs, PhysicalFileSystem.Instance);
        }

        internal static ConfigurationSources CreateConfigurationSources(IProjectValues values, string projectDirectory)
        {
            var paths = new List<string>();
            foreach (string name in new[] { ProjectValueNames.EditorConfigFiles, ProjectValueNames.GlobalAnalyzerConfigFiles })
                foreach (var item in values.GetItems(name))
                {
                    if (item == null || string.IsNullOrWhiteSpace(item.ItemSpec)) continue;
                    paths.Add(ResolvePath(projectDirectory, item.ItemSpec));
                }
            return new ConfigurationSources(filePaths: paths,
                discoverEditorConfigFiles: ParseBool(values.GetValue(ProjectValueNames.DiscoverEditorConfigFiles)) ?? true,
                discoverGlobalConfigFiles: ParseBool(values.GetValue(ProjectValueNames.DiscoverGlobalAnalyzerConfigFiles)) ?? true);
        }

        internal static WarningOptions CreateWarningOptions(IProjectValues values)
        {
            string? noWarn = values.GetValue(ProjectValueNames.NoWarn);
            return ParseBool(values.GetValue(ProjectValueNames.ApplyWarningProperties)) ?? true
                ? WarningOptions.FromProperties(noWarn, values.GetValue(ProjectValueNames.WarningsAsErrors),
                    values.GetValue(ProjectValueNames.WarningsNotAsErrors), values.GetValue(ProjectValueNames.TreatWarningsAsErrors))
                : WarningOptions.FromProperties(noWarn, null, null, null);
        }

        private static IReadOnlyList<string> SplitTargetFrameworks(IProjectValues values)
        {
            var list = new List<string>();
            string? many = values.GetValue(ProjectValueNames.TargetFrameworks);
            string source = !string.IsNullOrWhiteSpace(many) ? many! : values.GetValue(ProjectValueNames.TargetFramework) ?? "";
            foreach (string part in source.Split(';'))
            {
                string tfm = part.Trim();
                if (tfm.Length > 0 && !list.Contains(tfm)) list.Add(tfm);
            }
            return list;
        }

        private static IReadOnlyList<string> SplitList(string? value)
        {
            var list = new List<string>();
            if (string.IsNullOrWhiteSpace(value)) return list;
            foreach (var part in value!.Split(';'))
            {
                string trimmed = part.Trim();
                if (trimmed.Length > 0) list.Add(trimmed);
            }
            return list;
        }

        /// <summary>An MSBuild boolean: null when the value is empty (not set) or not a boolean.</summary>
        public static bool? ParseBool(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            string v = value!.Trim();
            if (v.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (v.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }

        /// <summary>NoWarn as the compiler reads it: codes separated by ';' or ',', any case, blanks ignored.</summary>
        public static HashSet<string> ParseCodes(string? list)
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

        private static string? ExistingFile(string projectDirectory, string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) return null;
            string full = ResolvePath(projectDirectory, path!);
            return File.Exists(full) ? full : null;
        }

        private static string ResolvePath(string baseDirectory, string path)
        {
            string trimmed = path.Trim();
            try
            {
                return Path.GetFullPath(Path.IsPathRooted(trimmed) ? trimmed : Path.Combine(baseDirectory, trimmed));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return trimmed;
            }
        }
    }
}
