using System;
using System.Collections.Generic;
using System.Globalization;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR620: a <c>ContainerPort</c> item of a project the SDK publishes as a container (no Dockerfile) names a port the
    /// ASP.NET Core app does not listen on. The app's port comes from its code, appsettings.json, the
    /// <c>ContainerEnvironmentVariable</c> items and the base image's default (8080 from .NET 8 on). Reported at the item
    /// in the project file. Silent whenever one of those cannot be read.
    /// </summary>
    public sealed class ContainerPortNotListenedOn : ProjectRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR620", "ContainerPort differs from the port the app listens on", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "ContainerPort {0} is not a port the app listens on: it listens on {1} ({2}). Use {1}, or make the app listen on {0} (a ContainerEnvironmentVariable ASPNETCORE_HTTP_PORTS)",
            "The SDK writes ContainerPort items into the image as its exposed ports; orchestrators and 'docker run -P' route to them. A port the app does not listen on receives traffic nobody answers.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ProjectContext context)
        {
            var project = context.Project;
            var container = project.DotNet.Container;
            var code = project.DotNet.Code;
            if (container == null || container.Ports.Count == 0 || !code.IsKnown || !project.IsWebProject) return;

            var environment = new ContainerEnvironment();
            foreach (var variable in container.EnvironmentVariables)
                if (AppListenPorts.IsPortVariable(variable.Name))
                    environment.Set(variable.Name, variable.Value.IndexOf('$') >= 0 ? null : variable.Value);
            var ports = AppListenPorts.Resolve(code, context.Workspace.AppSettings, environment, ImageDefaultPort(project, container));
            if (ports == null) return;

            foreach (var item in container.Ports)
            {
                if (!item.Type.Equals("tcp", StringComparison.OrdinalIgnoreCase)) continue;
                var port = ListenAddresses.ParsePort(item.Port.Trim());
                if (port == null || ports.Accepts(port.Value)) continue;
                context.Report(item.Spot, port.Value.ToString(CultureInfo.InvariantCulture), ports.Describe(), ports.Source);
            }
        }

        /// <summary>
        /// The base image's default port: the one <c>ContainerBaseImage</c> names, else the SDK's choice for the target
        /// framework (the ASP.NET Core image of the same version). Null when unknown or the frameworks disagree.
        /// </summary>
        private static int? ImageDefaultPort(ProjectFacts project, SdkContainerFacts container)
        {
            if (container.BaseImage != null)
            {
                var image = DotNetImage.From(ImageReference.Parse(container.BaseImage.Value));
                if (image == null) return null;
                return image.Version == null ? 8080 : AppListenPorts.DefaultPortFor(image.Version.Major);
            }
            int? port = null;
            foreach (var tfm in project.TargetFrameworks)
            {
                var version = DotNetVersions.ParseTargetFramework(tfm);
                if (version == null) continue;
                int p = AppListenPorts.DefaultPortFor(version.Major);
                if (port != null && port != p) return null;
                port = p;
            }
            return port;
        }
    }
}
