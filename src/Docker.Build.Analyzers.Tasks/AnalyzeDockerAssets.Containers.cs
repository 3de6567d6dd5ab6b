using System;
using Docker.Build.Analyzers.Analysis;
using Microsoft.Build.Framework;

namespace Docker.Build.Analyzers.Tasks
{
    /// <summary>
    /// The container the SDK publishes without a Dockerfile (DKR617–DKR621): the evaluated <c>Container*</c> properties
    /// and items, passed by Docker.Build.Analyzers.Containers.targets. Empty values mean "not set". The facts are built by
    /// <see cref="ProjectRequestBuilder"/> from these parameters, by name, as for every other parameter.
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
    }
}
