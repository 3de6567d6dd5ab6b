using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DotNetPlatform;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR603: the final image is the wrong kind of .NET image for the app: a web app on <c>runtime</c> (no ASP.NET
    /// Core) or a framework-dependent app on <c>runtime-deps</c> (no .NET at all) does not start; a console app on
    /// <c>aspnet</c>, or a self-contained/AOT app on <c>aspnet</c>/<c>runtime</c>, carries a runtime it does not use
    /// (a suggestion).
    /// </summary>
    public sealed class WrongRuntimeImageFamily : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR603", "Wrong .NET runtime image for the app", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The final image '{0}' is the .NET '{1}' image, but {2}. Use '{3}'",
            "ASP.NET Core apps need the aspnet image, other framework-dependent apps the runtime image, and self-contained or native AOT apps only runtime-deps; a missing framework stops the app at start-up, an unused one only makes the image bigger.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var image = DotNetDockerfileFacts.FinalImage(context, out var final);
            if (image == null || final == null || image.Kind == DotNetImageKind.Sdk) return;
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;
            var commands = DotNetDockerfileFacts.Commands(context);
            bool selfContained = DotNetDockerfileFacts.IsSelfContained(context, commands);
            bool web = context.Project.IsWebProject;
            var root = final.Root;
            var span = root.From.Image?.Span ?? root.From.Span;
            string repository = image.Image.Repository;
            string Other(string name) => repository.Substring(0, repository.Length - image.KindName.Length) + name + (image.Image.Tag == null ? "" : ":" + image.Image.Tag);

            if (selfContained)
            {
                if (image.Kind == DotNetImageKind.AspNet || image.Kind == DotNetImageKind.Runtime)
                    context.Report(span, DiagnosticSeverity.Suggestion, image.Image.Raw, image.KindName,
                        "the app is self-contained or native AOT and brings its own runtime: the image carries a second, unused one", Other("runtime-deps"));
                return;
            }
            switch (image.Kind)
            {
                case DotNetImageKind.RuntimeDeps:
                    context.Report(span, image.Image.Raw, image.KindName,
                        "the app is framework-dependent and runtime-deps has no .NET runtime: it does not start", Other(web ? "aspnet" : "runtime"));
                    break;
                case DotNetImageKind.Runtime when web:
                    context.Report(span, image.Image.Raw, image.KindName,
                        "the project is an ASP.NET Core app and this image has no ASP.NET Core: it stops at start-up", Other("aspnet"));
                    break;
                // A package or a referenced project can bring ASP.NET Core in (a FrameworkReference flows transitively,
                // e.g. AspNetCore.HealthChecks.UI.Client in a worker): only a project with neither surely does not need it.
                case DotNetImageKind.AspNet when !web && context.Project.DotNet.PackageReferences.Count == 0 && context.Project.DotNet.ProjectReferences.Count == 0:
                    context.Report(span, DiagnosticSeverity.Suggestion, image.Image.Raw, image.KindName,
                        "the project does not use ASP.NET Core: the image carries a framework the app never loads", Other("runtime"));
                    break;
            }
        }
    }
}
