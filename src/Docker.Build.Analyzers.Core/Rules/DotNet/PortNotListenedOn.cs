using System.Globalization;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR604: a port the Dockerfile exposes, a HEALTHCHECK probes, or a compose service publishes (container side) is
    /// not a port the ASP.NET Core app listens on. The app's port comes from its code, appsettings.json, the container's
    /// environment and the image's default (8080 from .NET 8 on, 80 before). Silent whenever one of those cannot be read.
    /// </summary>
    public sealed class PortNotListenedOn : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR604", "Port differs from the one the app listens on", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "{0} port {1}, but the app listens on {2} ({3}): nothing answers on {1}. Use {2}, or make the app listen on {1}",
            "ASP.NET Core in a container listens where its code, appsettings.json and environment say, by default on 8080 from .NET 8 on (80 before). An exposed, published or probed port that differs leaves clients and health checks talking to nothing.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var project = context.Project;
            var code = project.DotNet.Code;
            if (!code.IsKnown || !project.IsWebProject) return;
            var final = context.Model.FinalStage;
            if (final == null || final.IsExportOnly) return;
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;
            int? imageDefault = AppPortFacts.ImageDefaultPort(final);
            var settings = context.Workspace.AppSettings;
            var composeBuilds = context.Workspace.ComposeBuildsOf(context.Document.Path);

            bool composeMovesPorts = false;
            foreach (var build in composeBuilds)
                if (build.Service == null || AppPortFacts.ServiceSetsPorts(build.Service)) composeMovesPorts = true;

            // The image itself: what EXPOSE documents and what its own HEALTHCHECK probes.
            var ports = AppListenPorts.Resolve(code, settings, AppPortFacts.DockerfileEnvironment(final), imageDefault);
            if (ports != null && !composeMovesPorts)
            {
                foreach (var stage in final.SelfAndAncestors)
                foreach (var instruction in stage.OfKind<WordsInstruction>(InstructionKind.Expose))
                {
                    foreach (var word in instruction.Words)
                    {
                        if (word.Raw != word.Value) continue;
                        string value = word.Value;
                        int slash = value.IndexOf('/');
                        if (slash >= 0)
                        {
                            if (!value.Substring(slash + 1).Equals("tcp", System.StringComparison.OrdinalIgnoreCase)) continue;
                            value = value.Substring(0, slash);
                        }
                        var port = DotNetPlatform.ListenAddresses.ParsePort(value);
                        if (port == null || ports.Accepts(port.Value)) continue;
                        context.Report(word.Span, "EXPOSE names", Text(port.Value), ports.Describe(), ports.Source);
                    }
                }
                foreach (var probe in AppPortFacts.DockerfileProbes(context, final))
                    if (!ports.Accepts(probe.Port))
                        context.Report(probe.Span, "The HEALTHCHECK probes " + probe.Url + " on", Text(probe.Port), ports.Describe(), ports.Source);
            }

            // Each compose service that builds this Dockerfile: its published ports' container side and its own probe.
            foreach (var build in composeBuilds)
            {
                var service = build.Service;
                if (service == null) continue;
                var servicePorts = AppListenPorts.Resolve(code, settings, AppPortFacts.ServiceEnvironment(final, service), imageDefault);
                if (servicePorts == null) continue;
                foreach (var published in service.Ports)
                {
                    if (published.HasVariables || published.Target == null) continue;
                    if (!published.Protocol.Equals("tcp", System.StringComparison.OrdinalIgnoreCase)) continue;
                    var target = published.Target.Value;
                    if (target.Start != target.End || servicePorts.Accepts(target.Start)) continue;
                    context.ReportIn(published.Node.ReportSource, published.Node.ReportSpan, Rule.DefaultSeverity,
                        "Compose service '" + service.Name + "' publishes container", Text(target.Start), servicePorts.Describe(), servicePorts.Source);
                }
                foreach (var probe in AppPortFacts.ComposeProbes(service))
                    if (!servicePorts.Accepts(probe.Port))
                        context.ReportIn(probe.Source, probe.Span, Rule.DefaultSeverity,
                            "The health check of compose service '" + service.Name + "' probes " + probe.Url + " on", Text(probe.Port), servicePorts.Describe(), servicePorts.Source);
            }
        }

        private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
    }
}
