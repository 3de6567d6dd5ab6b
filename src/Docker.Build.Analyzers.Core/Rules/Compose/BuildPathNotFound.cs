using System;
using System.IO;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR513: a <c>build.context</c> folder or <c>build.dockerfile</c> that does not exist. The context is relative to
    /// the compose file that writes it, the Dockerfile relative to the context (or absolute).
    /// </summary>
    public sealed class BuildPathNotFound : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR513", "Compose build path does not exist", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "{0}. Fix the path: 'context' is relative to the compose file, 'dockerfile' relative to the context",
            "docker compose build fails when the build context or the Dockerfile of a service is missing.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ComposeContext context)
        {
            var fs = context.Workspace.FileSystem;
            foreach (var service in context.Services)
            {
                var build = service.Build;
                if (build == null) continue;
                // An override file usually adds a target or args to the base file's build: the base has the paths.
                // So does a named overlay (docker-compose.windows.yml) for a service the base file beside it defines.
                if (build.Context == null && (context.IsOverrideFile || ComposeServiceFacts.IsOutOfScope(context, service))) continue;
                var contextNode = build.Context;
                string? contextValue = contextNode == null ? "." : contextNode.ValueWithDefaults;
                if (contextNode != null && contextNode.HasVariables) continue;
                if (string.IsNullOrWhiteSpace(contextValue) || ComposeBuild.IsRemoteContext(contextValue!)) continue;
                // Relative to the file that writes the value (an extended service of another file keeps its own base).
                string declaringDirectory = Path.GetDirectoryName((contextNode ?? build.Node).Source.Path) ?? "";
                string contextDirectory = Analysis.WorkspaceLoader.Normalize(contextValue!, declaringDirectory);
                if (!Exists(() => fs.DirectoryExists(contextDirectory)))
                {
                    context.Report(contextNode ?? build.Node, $"The build context '{contextValue}' of service '{service.Name}' does not exist");
                    continue;
                }
                if (build.DockerfileInline != null) continue;
                var dockerfileNode = build.Dockerfile;
                if (dockerfileNode != null)
                {
                    if (dockerfileNode.HasVariables) continue;
                    string? value = dockerfileNode.ValueWithDefaults;
                    if (string.IsNullOrWhiteSpace(value)) continue;
                    string path = Analysis.WorkspaceLoader.Normalize(value!, contextDirectory);
                    if (!Exists(() => fs.FileExists(path)))
                        context.Report(dockerfileNode, $"The Dockerfile '{value}' of service '{service.Name}' does not exist in the context '{contextValue}'");
                    continue;
                }
                // Docker looks for 'Dockerfile', then 'dockerfile'.
                if (Exists(() => fs.FileExists(Path.Combine(contextDirectory, "Dockerfile"))) || Exists(() => fs.FileExists(Path.Combine(contextDirectory, "dockerfile")))) continue;
                context.Report(contextNode ?? build.Node, $"The build context '{contextValue}' of service '{service.Name}' has no Dockerfile (set 'dockerfile:' when it has another name)");
            }
        }

        private static bool Exists(Func<bool> check)
        {
            try
            {
                return check();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return true; // cannot tell: say nothing
            }
        }
    }
}
