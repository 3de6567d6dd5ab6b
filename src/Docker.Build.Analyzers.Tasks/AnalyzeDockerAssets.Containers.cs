using System;
using Docker.Build.Analyzers.Analysis;
using Microsoft.Build.Framework;

namespace Docker.Build.Analyzers.Tasks
{
    /// <summary>
    /// The container the SDK publishes without a Dockerfile (DKR617–DKR621): the evaluated <c>Container*</c> properties
    /// and items, passed by Docker.Build.Analyzers.Containers.targets. Empty values mean "not set".
    /// </summary>
    public sealed partial class AnalyzeDockerAssets
    {
        /// <summary><c>EnableSdkContainerSupport</c> as the project set it (captured before the SDK's own default).</summary>
        public string? EnableSdkContainerSupport { get; set; }

        public string? IsPublishable { get; set; }
        public string? OutputType { get; set; }
        public string? PublishProfile { get; set; }
        public string? WebPublishMethod { get; set; }
        public string? ContainerBaseImage { get; set; }
        public string? ContainerFamily { get; set; }
        public string? ContainerImageTag { get; set; }
        public string? ContainerImageTags { get; set; }
        public string? ContainerUser { get; set; }
        public string? ContainerRuntimeIdentifier { get; set; }

        /// <summary><c>@(ContainerPort)</c>: the port is the identity, <c>Type</c> metadata tcp or udp.</summary>
        public ITaskItem[] ContainerPorts { get; set; } = Array.Empty<ITaskItem>();

        /// <summary><c>@(ContainerEnvironmentVariable)</c>: the name is the identity, <c>Value</c> metadata the value.</summary>
        public ITaskItem[] ContainerEnvironmentVariables { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>
        /// The SDK container facts, or null when the project does not publish a container (then no file is read). The
        /// project file and Directory.Build.props/targets are read only to place the findings.
        /// </summary>
        internal SdkContainerFacts? CreateSdkContainerFacts(string projectDirectory)
        {
            if (string.IsNullOrWhiteSpace(ProjectPath)) return null;
            var inputs = new SdkContainerInputs(ResolvePath(projectDirectory, ProjectPath!))
            {
                EnableSdkContainerSupport = EnableSdkContainerSupport,
                IsPublishable = IsPublishable,
                OutputType = OutputType,
                IsWebProject = IsWebProject,
                PublishProfile = PublishProfile,
                WebPublishMethod = WebPublishMethod,
                ContainerBaseImage = ContainerBaseImage,
                ContainerFamily = ContainerFamily,
                ContainerImageTag = ContainerImageTag,
                ContainerImageTags = ContainerImageTags,
                ContainerUser = ContainerUser,
                ContainerRuntimeIdentifier = ContainerRuntimeIdentifier,
                DirectoryBuildPropsPath = ExistingFile(projectDirectory, DirectoryBuildPropsPath),
                DirectoryBuildTargetsPath = ExistingFile(projectDirectory, DirectoryBuildTargetsPath),
            };
            foreach (var item in ContainerPorts ?? Array.Empty<ITaskItem>())
                if (item != null && !string.IsNullOrWhiteSpace(item.ItemSpec)) inputs.ContainerPorts.Add((item.ItemSpec, item.GetMetadata("Type")));
            foreach (var item in ContainerEnvironmentVariables ?? Array.Empty<ITaskItem>())
                if (item != null && !string.IsNullOrWhiteSpace(item.ItemSpec)) inputs.ContainerEnvironmentVariables.Add((item.ItemSpec, item.GetMetadata("Value")));
            return SdkContainerFactsReader.Read(inputs, PhysicalFileSystem.Instance);
        }
    }
}
