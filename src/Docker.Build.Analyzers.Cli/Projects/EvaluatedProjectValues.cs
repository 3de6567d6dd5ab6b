using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Analysis;
using Microsoft.Build.Evaluation;

namespace Docker.Build.Analyzers.Cli.Projects
{
    /// <summary>
    /// The AnalyzeDockerAssets task's parameters for one evaluated project, computed as
    /// build/Docker.Build.Analyzers.targets computes them (asset discovery, the web/self-contained/output facts, the
    /// warning properties, the configuration files), so the request <see cref="ProjectRequestBuilder"/> makes from
    /// them is the build's. The project does not need to reference the package: the tool supplies what its targets
    /// would. Keep each block in step with the targets (the "tool equals build" end-to-end test compares the two).
    /// </summary>
    internal sealed class EvaluatedProjectValues : IProjectValues
    {
        private static readonly string[] SharedAssetNames = { "Dockerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yaml", "compose.yml", ".dockerignore" };

        // Editor and merge leftovers the targets exclude from the discovered Dockerfile.* / *.Dockerfile files.
        private static readonly string[] LeftoverSuffixes = { ".dockerignore", ".original", ".orig", ".bak", "~", ".swp", ".swo", ".tmp", ".old", ".rej" };

        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<ProjectItemValue>> _items = new Dictionary<string, IReadOnlyList<ProjectItemValue>>(StringComparer.Ordinal);

        public EvaluatedProjectValues(Project project)
        {
            string Property(string name) => project.GetPropertyValue(name) ?? "";
            string directory = Property("MSBuildProjectDirectory");
            ProjectPath = Property("MSBuildProjectFullPath");
            IsEnabled = !IsFalse(Property("DockerAnalyzersEnabled"));

            // Asset discovery (the targets' evaluation-time items), in the order the target lists them.
            var assets = new List<ProjectItemValue>();
            foreach (var item in project.GetItems("DockerAsset")) assets.Add(Item(item));
            string vsDockerfile = Property("DockerfilePath");
            if (vsDockerfile.Length == 0) vsDockerfile = Property("DockerfileFile");
            if (vsDockerfile.Length == 0 && Property("DockerfileContext").Length != 0) vsDockerfile = "Dockerfile";
            if (vsDockerfile.Length != 0)
            {
                vsDockerfile = NormalizePath(directory, vsDockerfile);
                // The container tools set these properties by default too, so only a file that exists counts.
                if (File.Exists(vsDockerfile))
                    assets.Add(new ProjectItemValue(vsDockerfile, new Dictionary<string, string> { ["Kind"] = "Dockerfile", ["Context"] = Property("DockerfileContext") }));
            }
            string plainDockerfile = Path.Combine(directory, "Dockerfile");
            if (File.Exists(plainDockerfile)) assets.Add(new ProjectItemValue(plainDockerfile));
            foreach (string pattern in new[] { "Dockerfile.*", "*.Dockerfile" })
                foreach (string file in SafeFiles(directory, pattern))
                    if (!IsLeftover(file)) assets.Add(new ProjectItemValue(file));
            _items[ProjectValueNames.Assets] = assets;

            SharedAbove = false;
            if (IsEnabled && !IsFalse(Property("DockerAnalyzersSharedAssets")))
                foreach (string name in SharedAssetNames)
                    if (DirectoryOfFileAbove(directory, name) != null) { SharedAbove = true; break; }

            Set(ProjectValueNames.ProjectDirectory, directory);
            Set(ProjectValueNames.ProjectPath, ProjectPath);
            Set(ProjectValueNames.AssemblyName, Property("AssemblyName"));
            Set(ProjectValueNames.TargetFramework, Property("TargetFramework"));
            Set(ProjectValueNames.TargetFrameworks, Property("TargetFrameworks"));
            bool isWeb = IsTrue(Property("UsingMicrosoftNETSdkWeb"));
            foreach (var reference in project.GetItems("FrameworkReference"))
                if (string.Equals(reference.EvaluatedInclude, "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase)) isWeb = true;
            Set(ProjectValueNames.IsWebProject, isWeb ? "true" : "false");
            Set(ProjectValueNames.SolutionPath, Property("SolutionPath"));
            Set(ProjectValueNames.DiscoverSharedAssets, Property("DockerAnalyzersSharedAssets"));

            var outputs = new List<string> { NormalizeDirectory(directory, Property("BaseOutputPath")) };
            if (Property("OutputPath").Length != 0) outputs.Add(NormalizeDirectory(directory, Property("OutputPath")));
            if (Property("PublishDir").Length != 0) outputs.Add(NormalizeDirectory(directory, Property("PublishDir")));
            Set(ProjectValueNames.OutputDirectories, string.Join(";", outputs));

            // Files the build or publish output carries.
            var published = new List<ProjectItemValue>();
            foreach (string type in new[] { "None", "Content" })
                foreach (var item in project.GetItems(type))
                    if (IsCopied(item.GetMetadataValue("CopyToPublishDirectory")) || IsCopied(item.GetMetadataValue("CopyToOutputDirectory")))
                        published.Add(Item(item));
            _items[ProjectValueNames.PublishedFiles] = published;

            Set(ProjectValueNames.HealthCheckedBy, Property("DockerAnalyzersHealthCheckedBy"));
            Set(ProjectValueNames.IsTestProject, Property("IsTestProject"));
            Set(ProjectValueNames.DevelopmentAssets, Property("DockerAnalyzersDevelopmentAssets"));
            Set(ProjectValueNames.TestAssets, Property("DockerAnalyzersTestAssets"));

            // Severity configuration and warning properties.
            Set(ProjectValueNames.NoWarn, Property("NoWarn"));
            Set(ProjectValueNames.TreatWarningsAsErrors, Property("TreatWarningsAsErrors"));
            Set(ProjectValueNames.WarningsAsErrors, Property("WarningsAsErrors"));
            Set(ProjectValueNames.WarningsNotAsErrors, Property("WarningsNotAsErrors"));
            Set(ProjectValueNames.ApplyWarningProperties, Property("DockerAnalyzersApplyWarningProperties"));
            var configFiles = new List<ProjectItemValue>();
            foreach (string type in new[] { "EditorConfigFiles", "GlobalAnalyzerConfigFiles" })
                foreach (var item in project.GetItems(type)) configFiles.Add(new ProjectItemValue(item.EvaluatedInclude));
            _items[ProjectValueNames.EditorConfigFiles] = configFiles;
            Set(ProjectValueNames.DiscoverEditorConfigFiles, IsFalse(Property("DiscoverEditorConfigFiles")) ? "false" : "true");
            Set(ProjectValueNames.DiscoverGlobalAnalyzerConfigFiles, IsFalse(Property("DiscoverGlobalAnalyzerConfigFiles")) ? "false" : "true");

            // .NET cross-check facts (DKR6xx).
            Set(ProjectValueNames.InvariantGlobalization, Property("InvariantGlobalization"));
            Set(ProjectValueNames.PublishRelease, Property("PublishRelease"));
            string selfContained = Property("SelfContained");
            if (IsTrue(Property("PublishSelfContained")) || IsTrue(Property("PublishTrimmed"))) selfContained = "true";
            Set(ProjectValueNames.SelfContained, selfContained);
            Set(ProjectValueNames.PublishAot, Property("PublishAot"));
            Set(ProjectValueNames.UseAppHost, Property("UseAppHost"));
            Set(ProjectValueNames.RuntimeIdentifier, Property("RuntimeIdentifier"));
            Set(ProjectValueNames.RollForward, Property("RollForward"));
            var packages = new List<ProjectItemValue>();
            foreach (var item in project.GetItems("PackageReference"))
                // The analyzer package itself brings nothing into the app.
                if (!string.Equals(item.EvaluatedInclude, "Docker.Build.Analyzers", StringComparison.OrdinalIgnoreCase)) packages.Add(new ProjectItemValue(item.EvaluatedInclude));
            _items[ProjectValueNames.PackageReferences] = packages;
            var projectReferences = new List<ProjectItemValue>();
            foreach (var item in project.GetItems("ProjectReference")) projectReferences.Add(new ProjectItemValue(NormalizePath(directory, item.EvaluatedInclude)));
            _items[ProjectValueNames.ProjectReferences] = projectReferences;
            Set(ProjectValueNames.ManagePackageVersionsCentrally, Property("ManagePackageVersionsCentrally"));
            Set(ProjectValueNames.DirectoryPackagesPropsPath, Property("DirectoryPackagesPropsPath"));
            Set(ProjectValueNames.DirectoryBuildPropsPath, Property("DirectoryBuildPropsPath"));
            Set(ProjectValueNames.DirectoryBuildTargetsPath, Property("DirectoryBuildTargetsPath"));
            string? globalJsonDirectory = DirectoryOfFileAbove(directory, "global.json");
            Set(ProjectValueNames.GlobalJsonPath, globalJsonDirectory == null ? "" : Path.Combine(globalJsonDirectory, "global.json"));

            // The container the SDK publishes without a Dockerfile (Docker.Build.Analyzers.Containers.targets).
            Set(ProjectValueNames.EnableSdkContainerSupport, UserEnableSdkContainerSupport(project));
            Set(ProjectValueNames.IsPublishable, Property("IsPublishable"));
            Set(ProjectValueNames.OutputType, Property("OutputType"));
            Set(ProjectValueNames.PublishProfile, Property("PublishProfile"));
            Set(ProjectValueNames.WebPublishMethod, Property("WebPublishMethod"));
            bool containerSettings = false;
            foreach (string name in new[]
            {
                ProjectValueNames.ContainerBaseImage, ProjectValueNames.ContainerFamily, ProjectValueNames.ContainerImageTag,
                ProjectValueNames.ContainerImageTags, ProjectValueNames.ContainerUser, ProjectValueNames.ContainerRuntimeIdentifier,
            })
            {
                // The parameter names are the MSBuild property names.
                Set(name, Property(name));
                containerSettings |= Property(name).Length != 0;
            }
            var ports = new List<ProjectItemValue>();
            foreach (var item in project.GetItems("ContainerPort")) ports.Add(Item(item));
            _items[ProjectValueNames.ContainerPorts] = ports;
            var environment = new List<ProjectItemValue>();
            foreach (var item in project.GetItems("ContainerEnvironmentVariable")) environment.Add(Item(item));
            _items[ProjectValueNames.ContainerEnvironmentVariables] = environment;
            containerSettings |= ports.Count != 0 || environment.Count != 0;
            string enable = GetValue(ProjectValueNames.EnableSdkContainerSupport) ?? "";
            ContainerCandidate = !IsFalse(enable) && !IsFalse(Property("IsPublishable"))
                && (IsTrue(enable) || Property("PublishProfile") == "DefaultContainer" || Property("WebPublishMethod") == "Container" || containerSettings);

            // Docker.Build.Analyzers.CodeFacts.targets: does this project's compiler report the code-aware rules
            // (DKR301's hint, DKR604, DKR605, DKR620)? Then the tool reads the code as the compiler does; otherwise the
            // build has no code facts and neither has the tool.
            CodeAwareInCompiler = string.Equals(Property("Language"), "C#", StringComparison.OrdinalIgnoreCase)
                && IsEnabled
                && !IsFalse(Property("DockerAnalyzersLiveDiagnostics"))
                && !IsFalse(Property("DockerAnalyzersCodeFacts"))
                && Property("TargetFrameworks").Length == 0
                && !IsFalse(Property("RunAnalyzers"))
                && !(Property("RunAnalyzers").Length == 0 && IsFalse(Property("RunAnalyzersDuringBuild")));

            var compile = new List<string>();
            foreach (var item in project.GetItems("Compile")) compile.Add(NormalizePath(directory, item.EvaluatedInclude));
            CompileItems = compile;
        }

        public string ProjectPath { get; }

        /// <summary>The build's compiler reports the rules that need the app's code (see Docker.Build.Analyzers.CodeFacts.targets).</summary>
        public bool CodeAwareInCompiler { get; }

        /// <summary>Something may opt the project into SDK container publishing (the targets' cheap pre-check).</summary>
        public bool ContainerCandidate { get; }

        /// <summary>
        /// <c>EnableSdkContainerSupport</c> as the project set it, as the targets capture it: the SDK's container
        /// targets default it to true for every project that is not a library, and the web and worker SDKs set it to
        /// true in their props, so a 'true' from there says nothing about the user. The build reads the value when the
        /// package's targets are evaluated (after the project body and Directory.Build.props, before
        /// Directory.Build.targets and the SDK's defaults); the tool asks where the final value was set instead.
        /// </summary>
        private static string UserEnableSdkContainerSupport(Project project)
        {
            string Property(string name) => project.GetPropertyValue(name) ?? "";
            var property = project.GetProperty("EnableSdkContainerSupport");
            string final = property?.EvaluatedValue ?? "";
            bool publishSdk = IsTrue(Property("UsingMicrosoftNETSdkPublish"));
            string captured = "";
            if (property != null && final.Length != 0)
            {
                string definedIn = property.Xml?.ContainingProject?.FullPath ?? "";
                bool byUserBeforeTargets = property.IsGlobalProperty || property.IsEnvironmentProperty
                    || (definedIn.Length != 0 && !IsSdkFile(project, definedIn)
                        && !string.Equals(Path.GetFileName(definedIn), "Directory.Build.targets", StringComparison.OrdinalIgnoreCase));
                if (byUserBeforeTargets) captured = final;
            }
            if (publishSdk && !IsFalse(captured)) captured = "";
            if (captured.Length == 0 && IsFalse(final)) captured = "false";
            if (captured.Length == 0 && IsTrue(final) && string.Equals(Property("OutputType"), "Library", StringComparison.OrdinalIgnoreCase) && !publishSdk) captured = "true";
            return captured;
        }

        /// <summary>A file of the SDK or MSBuild itself (not the user's): under the SDK's folder.</summary>
        private static bool IsSdkFile(Project project, string path)
        {
            foreach (string root in new[] { project.GetPropertyValue("MSBuildSDKsPath"), project.GetPropertyValue("MSBuildBinPath"), project.GetPropertyValue("NetCoreRoot") })
            {
                if (string.IsNullOrEmpty(root)) continue;
                string full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (path.StartsWith(full, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        /// <summary><c>DockerAnalyzersEnabled</c> is not false.</summary>
        public bool IsEnabled { get; }

        /// <summary>A Dockerfile, compose file or .dockerignore at or above the project directory (the targets' cheap look-ups).</summary>
        public bool SharedAbove { get; }

        /// <summary>Full paths of the project's <c>Compile</c> items (for a code-facts reader).</summary>
        public IReadOnlyList<string> CompileItems { get; }

        /// <summary>The build runs the task for this project (the target's condition, without the SARIF log the tool does not write).</summary>
        public bool AnalysisRuns => IsEnabled && (_items[ProjectValueNames.Assets].Count != 0 || SharedAbove || ContainerCandidate);

        public string? GetValue(string name) => _values.TryGetValue(name, out var value) ? value : null;

        public IReadOnlyList<ProjectItemValue> GetItems(string name) =>
            _items.TryGetValue(name, out var items) ? items : Array.Empty<ProjectItemValue>();

        private void Set(string name, string value) => _values[name] = value;

        private static ProjectItemValue Item(ProjectItem item)
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string name in ProjectItemValue.ReadMetadataNames) metadata[name] = item.GetMetadataValue(name);
            return new ProjectItemValue(item.EvaluatedInclude, metadata);
        }

        // MSBuild compares condition strings without regard to case.
        private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        private static bool IsFalse(string value) => string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        private static bool IsCopied(string value) =>
            string.Equals(value, "Always", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "PreserveNewest", StringComparison.OrdinalIgnoreCase);

        private static bool IsLeftover(string file)
        {
            foreach (string suffix in LeftoverSuffixes)
                if (file.EndsWith(suffix, StringComparison.Ordinal)) return true;
            return false;
        }

        private static IEnumerable<string> SafeFiles(string directory, string pattern)
        {
            try
            {
                var files = new List<string>(Directory.EnumerateFiles(directory, pattern, SearchOption.TopDirectoryOnly));
                files.Sort(StringComparer.Ordinal);
                return files;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>MSBuild's GetDirectoryNameOfFileAbove: the folder itself or the nearest above holding the file.</summary>
        private static string? DirectoryOfFileAbove(string start, string fileName)
        {
            for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, fileName))) return directory.FullName;
            return null;
        }

        /// <summary>MSBuild's NormalizePath: relative to the project folder, '\' read as a separator, made absolute.</summary>
        private static string NormalizePath(string directory, string path)
        {
            string fixedPath = Path.DirectorySeparatorChar == '/' ? path.Replace('\\', '/') : path;
            try
            {
                return Path.GetFullPath(Path.Combine(directory, fixedPath.Trim()));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return fixedPath;
            }
        }

        /// <summary>MSBuild's NormalizeDirectory: <see cref="NormalizePath"/> with a trailing separator.</summary>
        private static string NormalizeDirectory(string directory, string path)
        {
            string full = NormalizePath(directory, path);
            return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? full : full + Path.DirectorySeparatorChar;
        }
    }
}
