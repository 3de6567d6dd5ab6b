using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// The project's container as the .NET SDK publishes it without a Dockerfile (<c>dotnet publish -t:PublishContainer</c>):
    /// the evaluated <c>Container*</c> properties and items. These are the project's Docker asset, so the DKR617–DKR621
    /// checks report at the project-file line that sets them. Null values mean "not set" (the SDK's default applies).
    /// </summary>
    public sealed class SdkContainerFacts
    {
        public SdkContainerFacts(
            string projectFilePath,
            bool? enableSdkContainerSupport = null,
            ProjectSetting? baseImage = null,
            ProjectSetting? family = null,
            ProjectSetting? user = null,
            ProjectSetting? runtimeIdentifier = null,
            IReadOnlyList<ProjectSetting>? imageTags = null,
            IReadOnlyList<ContainerPortSetting>? ports = null,
            IReadOnlyList<ContainerEnvironmentSetting>? environmentVariables = null,
            ProjectFileSpot? targetFrameworkSpot = null)
        {
            TargetFrameworkSpot = targetFrameworkSpot;
            ProjectFilePath = projectFilePath ?? throw new ArgumentNullException(nameof(projectFilePath));
            EnableSdkContainerSupport = enableSdkContainerSupport;
            BaseImage = baseImage;
            Family = family;
            User = user;
            RuntimeIdentifier = runtimeIdentifier;
            ImageTags = imageTags ?? Array.Empty<ProjectSetting>();
            Ports = ports ?? Array.Empty<ContainerPortSetting>();
            EnvironmentVariables = environmentVariables ?? Array.Empty<ContainerEnvironmentSetting>();
        }

        /// <summary>The project file; findings about a missing setting are reported at its first line.</summary>
        public string ProjectFilePath { get; }

        public bool? EnableSdkContainerSupport { get; }
        public ProjectSetting? BaseImage { get; }
        public ProjectSetting? Family { get; }
        public ProjectSetting? User { get; }
        public ProjectSetting? RuntimeIdentifier { get; }
        public IReadOnlyList<ProjectSetting> ImageTags { get; }
        public IReadOnlyList<ContainerPortSetting> Ports { get; }
        public IReadOnlyList<ContainerEnvironmentSetting> EnvironmentVariables { get; }

        /// <summary>
        /// Where <c>TargetFramework</c> (or <c>TargetFrameworks</c>) is set: without <c>ContainerBaseImage</c> the SDK picks
        /// the base image from it, so findings about that implied image are reported there. Null when not found.
        /// </summary>
        public ProjectFileSpot? TargetFrameworkSpot { get; }
    }

    /// <summary>Where in an MSBuild file (project, Directory.Build.props...) a property or item is set; line and column are 1-based.</summary>
    public readonly struct ProjectFileSpot
    {
        public ProjectFileSpot(string path, int line, int column)
            : this(path, line, column, 0, 0)
        {
        }

        /// <summary>A spot with its character offset in the file and the length of what it marks (the element's start-tag name).</summary>
        public ProjectFileSpot(string path, int line, int column, int offset, int length)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Line = line < 1 ? 1 : line;
            Column = column < 1 ? 1 : column;
            Offset = offset < 0 ? 0 : offset;
            Length = length < 0 ? 0 : length;
        }

        /// <summary>The start of the file: where a finding about something the files do not show is reported.</summary>
        public static ProjectFileSpot StartOf(string path) => new ProjectFileSpot(path, 1, 1);

        /// <summary>Character offset of the spot in the decoded file text (0 when unknown).</summary>
        public int Offset { get; }

        /// <summary>How many characters the spot marks on its line (0 when unknown).</summary>
        public int Length { get; }

        public string Path { get; }
        public int Line { get; }
        public int Column { get; }
    }

    /// <summary>An evaluated property value and where it is set (null when the host could not find the element).</summary>
    public sealed class ProjectSetting
    {
        public ProjectSetting(string value, ProjectFileSpot? spot = null)
        {
            Value = value ?? string.Empty;
            Spot = spot;
        }

        public string Value { get; }
        public ProjectFileSpot? Spot { get; }
    }

    /// <summary>A <c>ContainerPort</c> item: <c>Include</c> is the port, <c>Type</c> tcp (default) or udp.</summary>
    public sealed class ContainerPortSetting
    {
        public ContainerPortSetting(string port, string? type = null, ProjectFileSpot? spot = null)
        {
            Port = port ?? string.Empty;
            Type = string.IsNullOrWhiteSpace(type) ? "tcp" : type!.Trim();
            Spot = spot;
        }

        public string Port { get; }
        public string Type { get; }
        public ProjectFileSpot? Spot { get; }
    }

    /// <summary>A <c>ContainerEnvironmentVariable</c> item: <c>Include</c> is the name, <c>Value</c> the value.</summary>
    public sealed class ContainerEnvironmentSetting
    {
        public ContainerEnvironmentSetting(string name, string? value, ProjectFileSpot? spot = null)
        {
            Name = name ?? string.Empty;
            Value = value ?? string.Empty;
            Spot = spot;
        }

        public string Name { get; }
        public string Value { get; }
        public ProjectFileSpot? Spot { get; }
    }
}
