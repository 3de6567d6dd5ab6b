using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>One Docker asset to analyse.</summary>
    public sealed class AssetInput
    {
        public AssetInput(string path, AssetKind kind, string? contextDirectory = null, AssetPurpose? purpose = null)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Kind = kind;
            ContextDirectory = string.IsNullOrWhiteSpace(contextDirectory) ? null : contextDirectory;
            Purpose = purpose;
        }

        /// <summary>Full path of the file.</summary>
        public string Path { get; }

        public AssetKind Kind { get; }

        /// <summary>For a Dockerfile: the build context directory; null means the project directory.</summary>
        public string? ContextDirectory { get; }

        /// <summary>The purpose the user gave (<c>Purpose</c> metadata); null lets the engine infer it from name and location.</summary>
        public AssetPurpose? Purpose { get; }
    }

    /// <summary>What the engine knows about the .NET project that owns the assets.</summary>
    public sealed class ProjectFacts
    {
        public static readonly ProjectFacts None = new ProjectFacts();

        public ProjectFacts(
            string? projectPath = null,
            string? assemblyName = null,
            IReadOnlyList<string>? targetFrameworks = null,
            bool isWebProject = false,
            string? solutionPath = null,
            IReadOnlyList<string>? outputDirectories = null,
            IReadOnlyList<PublishedFile>? publishedFiles = null,
            string? healthCheckedBy = null,
            IReadOnlyList<string>? developmentAssetPatterns = null,
            IReadOnlyList<string>? testAssetPatterns = null,
            bool isTestProject = false,
            DotNetProjectFacts? dotNet = null)
        {
            DotNet = dotNet ?? DotNetProjectFacts.None;
            IsTestProject = isTestProject;
            ProjectPath = projectPath;
            AssemblyName = assemblyName;
            TargetFrameworks = targetFrameworks ?? Array.Empty<string>();
            IsWebProject = isWebProject;
            SolutionPath = string.IsNullOrWhiteSpace(solutionPath) || solutionPath == "*Undefined*" ? null : solutionPath;
            OutputDirectories = outputDirectories ?? Array.Empty<string>();
            PublishedFiles = publishedFiles ?? Array.Empty<PublishedFile>();
            HealthCheckedBy = string.IsNullOrWhiteSpace(healthCheckedBy) ? null : healthCheckedBy!.Trim();
            DevelopmentAssetPatterns = developmentAssetPatterns ?? Array.Empty<string>();
            TestAssetPatterns = testAssetPatterns ?? Array.Empty<string>();
        }

        public string? ProjectPath { get; }
        public string? AssemblyName { get; }
        public IReadOnlyList<string> TargetFrameworks { get; }

        /// <summary>An ASP.NET Core project (Microsoft.NET.Sdk.Web or a Microsoft.AspNetCore.App framework reference).</summary>
        public bool IsWebProject { get; }

        /// <summary>The solution (.sln/.slnx) being built, when the build is a solution build; null otherwise.</summary>
        public string? SolutionPath { get; }

        /// <summary>
        /// The project's own build and publish output folders (full paths: OutputPath, PublishDir, BaseOutputPath...),
        /// which a script may fill with <c>dotnet publish</c> right before <c>docker build</c>.
        /// </summary>
        public IReadOnlyList<string> OutputDirectories { get; }

        /// <summary>Files the project's build or publish output carries (items with CopyToPublishDirectory/CopyToOutputDirectory).</summary>
        public IReadOnlyList<PublishedFile> PublishedFiles { get; }

        /// <summary>Who checks the container's health instead of Docker (<c>Kubernetes</c>...); null when Docker does.</summary>
        public string? HealthCheckedBy { get; }

        /// <summary>The user's patterns for development assets (<c>DockerAnalyzersDevelopmentAssets</c>).</summary>
        public IReadOnlyList<string> DevelopmentAssetPatterns { get; }

        /// <summary>The user's patterns for test assets (<c>DockerAnalyzersTestAssets</c>).</summary>
        public IReadOnlyList<string> TestAssetPatterns { get; }

        /// <summary>The project is a test project (<c>IsTestProject</c>): the Docker assets in its folder build test images.</summary>
        public bool IsTestProject { get; }

        /// <summary>How the project builds and publishes (.NET cross-checks, DKR6xx).</summary>
        public DotNetProjectFacts DotNet { get; }

        /// <summary>The directory of the solution being built, or null.</summary>
        public string? SolutionDirectory => SolutionPath == null ? null : System.IO.Path.GetDirectoryName(SolutionPath);
    }

    /// <summary>A file the project's build output or publish output carries.</summary>
    public sealed class PublishedFile
    {
        public PublishedFile(string sourcePath, string? targetPath = null)
        {
            SourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
            TargetPath = string.IsNullOrWhiteSpace(targetPath) ? System.IO.Path.GetFileName(sourcePath) : targetPath!;
        }

        /// <summary>Full path of the file in the project.</summary>
        public string SourcePath { get; }

        /// <summary>Where it lands, relative to the output folder.</summary>
        public string TargetPath { get; }
    }

    /// <summary>Everything one analysis needs, as plain data: the hosts build it, the engine reads it.</summary>
    public sealed class AnalysisRequest
    {
        /// <summary>The request without configuration files or warning properties (the signature earlier hosts compiled against).</summary>
        public AnalysisRequest(string projectDirectory, IReadOnlyList<AssetInput> assets, ProjectFacts? project = null, IFileSystem? fileSystem = null, bool discoverSharedAssets = false)
            : this(projectDirectory, assets, project, fileSystem, discoverSharedAssets, null, null)
        {
        }

        public AnalysisRequest(string projectDirectory, IReadOnlyList<AssetInput> assets, ProjectFacts? project, IFileSystem? fileSystem, bool discoverSharedAssets,
            Configuration.ConfigurationSources? configuration, Configuration.WarningOptions? warningOptions = null)
        {
            Configuration = configuration ?? Docker.Build.Analyzers.Configuration.ConfigurationSources.None;
            WarningOptions = warningOptions;
            ProjectDirectory = projectDirectory ?? throw new ArgumentNullException(nameof(projectDirectory));
            Assets = assets ?? throw new ArgumentNullException(nameof(assets));
            Project = project ?? ProjectFacts.None;
            FileSystem = fileSystem ?? PhysicalFileSystem.Instance;
            DiscoverSharedAssets = discoverSharedAssets;
        }

        /// <summary>
        /// Also look above the project directory (up to the solution folder or repository root) for the Dockerfiles,
        /// compose files and .dockerignore files the project shares with others, and report each only from the one
        /// project that owns it. The build hosts set it; tests that hand over every asset leave it off.
        /// </summary>
        public bool DiscoverSharedAssets { get; }

        public string ProjectDirectory { get; }
        public IReadOnlyList<AssetInput> Assets { get; }
        public ProjectFacts Project { get; }

        /// <summary>
        /// The .editorconfig and global config files that set rule severities (<c>dotnet_diagnostic.DKR201.severity</c>,
        /// bulk and category keys). Default: none.
        /// </summary>
        public Configuration.ConfigurationSources Configuration { get; }

        /// <summary>
        /// The project's NoWarn / WarningsAsErrors / WarningsNotAsErrors / TreatWarningsAsErrors, applied with the
        /// compiler's precedence; null when the host (the IDE, where the compiler applies them) does not want them applied.
        /// </summary>
        public Configuration.WarningOptions? WarningOptions { get; }

        /// <summary>The only way the engine reaches files; tests pass an in-memory one.</summary>
        public IFileSystem FileSystem { get; }

        // ---- Folder analysis (the command-line tool over a folder with no project) ----

        /// <summary>
        /// No project owns the assets: <see cref="ProjectDirectory"/> is only the folder being analysed, and each
        /// Dockerfile's context search starts in its own folder, as it does for a Dockerfile above the project in a
        /// build. Every asset is one the caller listed explicitly and reports.
        /// </summary>
        public bool ContextSearchStartsAtEachDockerfile { get; private set; }

        /// <summary>How many files the engine may parse and check at once; 1 (the default) keeps the caller's thread.</summary>
        public int MaxDegreeOfParallelism { get; private set; } = 1;

        /// <summary>A copy for a folder with no project (see <see cref="ContextSearchStartsAtEachDockerfile"/>).</summary>
        public AnalysisRequest AsFolderAnalysis()
        {
            var copy = (AnalysisRequest)MemberwiseClone();
            copy.ContextSearchStartsAtEachDockerfile = true;
            return copy;
        }

        /// <summary>A copy that parses and checks up to <paramref name="degree"/> files at once.</summary>
        public AnalysisRequest WithParallelism(int degree)
        {
            var copy = (AnalysisRequest)MemberwiseClone();
            copy.MaxDegreeOfParallelism = degree < 1 ? 1 : degree;
            return copy;
        }
    }
}
