using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>
    /// DKR404: secret files (<c>.env</c>, <c>*.pfx</c>, private keys, user secrets...) are in the build context and the
    /// ignore file lets them through. A <c>COPY</c> that takes them is DKR203's finding; this one is on the ignore file,
    /// where the fix goes.
    /// </summary>
    public sealed class SecretFilesNotIgnored : DockerIgnoreRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR404", ".dockerignore does not exclude secret files", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "{0} lets {1} into the build context: {2}. Anything in the context can end up in an image layer ('COPY . .' takes it all); add {3}",
            "Secret files in the build context are one 'COPY . .' away from an image layer, where anyone who can pull the image can read them. Excluding them in .dockerignore keeps them out of every build; what a build really needs is better passed as a build secret ('RUN --mount=type=secret').");

        private const int ListedFiles = 3;

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerIgnoreContext context)
        {
            var matcher = context.File.Matcher;
            var found = new List<string>();
            var patterns = new List<string>();
            foreach (var buildContext in IgnoreFileContexts.Of(context.Workspace, context.Document))
            {
                foreach (var file in buildContext.FilesUnder("", IgnoreFileContexts.MayBeSecret))
                {
                    if (found.Contains(file)) continue;
                    if (!IgnoreFileContexts.IsSecret(buildContext, file, out string what, out string pattern)) continue;
                    if (matcher.IsExcluded(file)) continue;
                    found.Add(file);
                    if (!patterns.Contains(pattern)) patterns.Add(pattern);
                }
            }
            if (found.Count == 0) return;
            string subject = found.Count == 1 ? "1 secret file" : found.Count + " secret files";
            var shownPatterns = patterns.Count > ListedFiles ? patterns.GetRange(0, ListedFiles) : patterns;
            context.Report(new TextSpan(0, 0), IgnoreFileContexts.FileName(context.Document.Path), subject,
                IgnoreFileContexts.ListPaths(found, ListedFiles),
                string.Join(", ", shownPatterns.ConvertAll(p => "'" + p + "'")));
        }
    }
}
