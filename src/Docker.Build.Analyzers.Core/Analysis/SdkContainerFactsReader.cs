using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// The evaluated MSBuild values a host hands over to describe the SDK container (<c>dotnet publish -t:PublishContainer</c>),
    /// as strings exactly as MSBuild evaluated them (empty = not set). Values the SDK computes in its own container targets
    /// are not wanted here: only what the project set.
    /// </summary>
    public sealed class SdkContainerInputs
    {
        public SdkContainerInputs(string projectFilePath)
        {
            ProjectFilePath = projectFilePath ?? throw new ArgumentNullException(nameof(projectFilePath));
        }

        public string ProjectFilePath { get; }

        /// <summary><c>EnableSdkContainerSupport</c> as the project set it, read before the SDK gives it its default.</summary>
        public string? EnableSdkContainerSupport { get; set; }

        public string? IsPublishable { get; set; }

        /// <summary><c>OutputType</c>: the SDK supports containers by default for everything but a library.</summary>
        public string? OutputType { get; set; }

        public bool IsWebProject { get; set; }

        /// <summary><c>PublishProfile</c>: <c>DefaultContainer</c> publishes a container.</summary>
        public string? PublishProfile { get; set; }

        /// <summary><c>WebPublishMethod</c>: <c>Container</c> publishes a container.</summary>
        public string? WebPublishMethod { get; set; }

        public string? ContainerBaseImage { get; set; }
        public string? ContainerFamily { get; set; }
        public string? ContainerImageTag { get; set; }
        public string? ContainerImageTags { get; set; }
        public string? ContainerUser { get; set; }
        public string? ContainerRuntimeIdentifier { get; set; }

        /// <summary><c>ContainerPort</c> items: the port (Include) and its <c>Type</c> metadata.</summary>
        public IList<(string Port, string? Type)> ContainerPorts { get; } = new List<(string, string?)>();

        /// <summary><c>ContainerEnvironmentVariable</c> items: the name (Include) and its <c>Value</c> metadata.</summary>
        public IList<(string Name, string? Value)> ContainerEnvironmentVariables { get; } = new List<(string, string?)>();

        /// <summary>Directory.Build.props/targets of the project, where container settings are often shared.</summary>
        public string? DirectoryBuildPropsPath { get; set; }

        public string? DirectoryBuildTargetsPath { get; set; }

        /// <summary>Any container property or item is set.</summary>
        public bool SetsAnyContainerSetting =>
            !IsBlank(ContainerBaseImage) || !IsBlank(ContainerFamily) || !IsBlank(ContainerImageTag) || !IsBlank(ContainerImageTags)
            || !IsBlank(ContainerUser) || !IsBlank(ContainerRuntimeIdentifier) || ContainerPorts.Count > 0 || ContainerEnvironmentVariables.Count > 0;

        internal static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
    }

    /// <summary>
    /// Builds <see cref="SdkContainerFacts"/> from evaluated values: decides whether the project publishes a container
    /// at all, and finds where each setting is written. The one place hosts (the MSBuild task, the command line) build
    /// these facts, so every rule sees them the same way.
    /// </summary>
    public static class SdkContainerFactsReader
    {
        /// <summary>
        /// Whether the project publishes itself as a container with the SDK:
        /// <list type="bullet">
        /// <item>never when <c>EnableSdkContainerSupport</c> or <c>IsPublishable</c> is false (the SDK's PublishContainer target does not run);</item>
        /// <item><c>EnableSdkContainerSupport=true</c> set by the project, or the <c>DefaultContainer</c> publish profile
        /// (<c>WebPublishMethod=Container</c>);</item>
        /// <item>a container property or item set in a project the SDK containerises by default (a web project or any
        /// executable: SDK 8.0.200 and later turn container support on for every project that is not a library).</item>
        /// </list>
        /// A project that only sets nothing gets no facts, so the checks cost nothing there.
        /// </summary>
        public static bool PublishesContainer(SdkContainerInputs inputs)
        {
            if (inputs == null) throw new ArgumentNullException(nameof(inputs));
            if (IsFalse(inputs.EnableSdkContainerSupport) || IsFalse(inputs.IsPublishable)) return false;
            if (IsTrue(inputs.EnableSdkContainerSupport)) return true;
            if (Is(inputs.PublishProfile, "DefaultContainer") || Is(inputs.WebPublishMethod, "Container")) return true;
            if (!inputs.SetsAnyContainerSetting) return false;
            bool library = SdkContainerInputs.IsBlank(inputs.OutputType) || Is(inputs.OutputType, "Library");
            return inputs.IsWebProject || !library;
        }

        /// <summary>
        /// The facts, or null when the project does not publish a container. Reads the project file (and
        /// Directory.Build.props/targets) only then, to find where each setting is written.
        /// </summary>
        public static SdkContainerFacts? Read(SdkContainerInputs inputs, IFileSystem fileSystem)
        {
            if (inputs == null) throw new ArgumentNullException(nameof(inputs));
            if (fileSystem == null) throw new ArgumentNullException(nameof(fileSystem));
            if (!PublishesContainer(inputs)) return null;

            var locator = ProjectFileLocator.Load(fileSystem, inputs.DirectoryBuildPropsPath, inputs.ProjectFilePath, inputs.DirectoryBuildTargetsPath);

            ProjectSetting? Property(string name, string? value) =>
                SdkContainerInputs.IsBlank(value) ? null : new ProjectSetting(value!.Trim(), locator.FindProperty(name, value));

            var tags = new List<ProjectSetting>();
            if (!SdkContainerInputs.IsBlank(inputs.ContainerImageTag)) tags.Add(Property("ContainerImageTag", inputs.ContainerImageTag)!);
            if (!SdkContainerInputs.IsBlank(inputs.ContainerImageTags))
            {
                var spot = locator.FindProperty("ContainerImageTags", inputs.ContainerImageTags);
                foreach (var tag in inputs.ContainerImageTags!.Split(';'))
                    if (tag.Trim().Length > 0) tags.Add(new ProjectSetting(tag.Trim(), spot));
            }

            var ports = new List<ContainerPortSetting>();
            foreach (var (port, type) in inputs.ContainerPorts)
                if (!SdkContainerInputs.IsBlank(port)) ports.Add(new ContainerPortSetting(port.Trim(), type, locator.FindItem("ContainerPort", port)));

            var variables = new List<ContainerEnvironmentSetting>();
            foreach (var (name, value) in inputs.ContainerEnvironmentVariables)
                if (!SdkContainerInputs.IsBlank(name)) variables.Add(new ContainerEnvironmentSetting(name.Trim(), value, locator.FindItem("ContainerEnvironmentVariable", name)));

            var targetFramework = locator.FindProperty("TargetFramework") ?? locator.FindProperty("TargetFrameworks");

            return new SdkContainerFacts(
                inputs.ProjectFilePath,
                enableSdkContainerSupport: IsTrue(inputs.EnableSdkContainerSupport) ? true : (bool?)null,
                baseImage: Property("ContainerBaseImage", inputs.ContainerBaseImage),
                family: Property("ContainerFamily", inputs.ContainerFamily),
                user: Property("ContainerUser", inputs.ContainerUser),
                runtimeIdentifier: Property("ContainerRuntimeIdentifier", inputs.ContainerRuntimeIdentifier),
                imageTags: tags,
                ports: ports,
                environmentVariables: variables,
                targetFrameworkSpot: targetFramework);
        }

        private static bool Is(string? value, string expected) =>
            value != null && string.Equals(value.Trim(), expected, StringComparison.OrdinalIgnoreCase);

        private static bool IsTrue(string? value) => Is(value, "true");
        private static bool IsFalse(string? value) => Is(value, "false");
    }
}
