using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>One Docker asset to analyse.</summary>
    public sealed class AssetInput
    {
        public AssetInput(string path, AssetKind kind, string? contextDirectory = null)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Kind = kind;
            ContextDirectory = string.IsNullOrWhiteSpace(contextDirectory) ? null : contextDirectory;
        }

        /// <summary>Full path of the file.</summary>
        public string Path { get; }

        public AssetKind Kind { get; }

        /// <summary>For a Dockerfile: the build context directory; null means the project directory.</summary>
        public string? ContextDirectory { get; }
    }

    /// <summary>What the engine knows about the .NET project that owns the assets.</summary>
    public sealed class ProjectFacts
    {
        public static readonly ProjectFacts None = new ProjectFacts();

        public ProjectFacts(
            string? projectPath = null,
            string? assemblyName = null,
            IReadOnlyList<string>? targetFrameworks = null,
            bool isWebProject = false)
        {
            ProjectPath = projectPath;
            AssemblyName = assemblyName;
            TargetFrameworks = targetFrameworks ?? Array.Empty<string>();
            IsWebProject = isWebProject;
        }

        public string? ProjectPath { get; }
        public string? AssemblyName { get; }
        public IReadOnlyList<string> TargetFrameworks { get; }

        /// <summary>An ASP.NET Core project (Microsoft.NET.Sdk.Web or a Microsoft.AspNetCore.App framework reference).</summary>
        public bool IsWebProject { get; }
    }

    /// <summary>Everything one analysis needs, as plain data: the hosts build it, the engine reads it.</summary>
    public sealed class AnalysisRequest
    {
        public AnalysisRequest(string projectDirectory, IReadOnlyList<AssetInput> assets, ProjectFacts? project = null, IFileSystem? fileSystem = null)
        {
            ProjectDirectory = projectDirectory ?? throw new ArgumentNullException(nameof(projectDirectory));
            Assets = assets ?? throw new ArgumentNullException(nameof(assets));
            Project = project ?? ProjectFacts.None;
            FileSystem = fileSystem ?? PhysicalFileSystem.Instance;
        }

        public string ProjectDirectory { get; }
        public IReadOnlyList<AssetInput> Assets { get; }
        public ProjectFacts Project { get; }

        /// <summary>The only way the engine reaches files; tests pass an in-memory one.</summary>
        public IFileSystem FileSystem { get; }
    }
}
