using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>DKR402: the context root holds <c>.git</c> and the ignore file lets it through.</summary>
    public sealed class GitDirectoryNotIgnored : DockerIgnoreRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR402", ".dockerignore does not exclude .git", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "{0} does not exclude '.git', and the build context '{1}' holds it: 'COPY . .' puts the repository's history into the image, and every commit or fetch invalidates that layer's cache. Add a line '.git'",
            "The .git folder is usually the largest and most changing part of a repository: copied into an image it leaks the whole history (including secrets removed long ago) and makes every directory copy a cache miss.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerIgnoreContext context)
        {
            var matcher = context.File.Matcher;
            foreach (var buildContext in IgnoreFileContexts.Of(context.Workspace, context.Document))
            {
                var git = buildContext.Probe(".git");
                if (!git.Exists) continue;
                if (matcher.IsExcluded(".git")) continue;
                // '.git/*' or '.git/**' leaves only the empty folder: as good as excluding it.
                if (git.Kind == ContextEntryKind.Directory && matcher.IsExcluded(".git/HEAD") && matcher.IsExcluded(".git/objects")) continue;
                context.Report(new TextSpan(0, 0), IgnoreFileContexts.FileName(context.Document.Path), buildContext.Directory);
                return;
            }
        }
    }
}
