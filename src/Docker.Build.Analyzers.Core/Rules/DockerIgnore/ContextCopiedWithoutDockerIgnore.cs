using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>
    /// DKR401: a Dockerfile copies whole directories of its build context (<c>COPY . .</c>, <c>COPY src/ src/</c>) and
    /// the context has no ignore file at all, so host build output, <c>.git</c> and local secrets go along.
    /// </summary>
    public sealed class ContextCopiedWithoutDockerIgnore : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR401", "Directory copied from a build context without .dockerignore", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "{0} copies the directory '{1}' from the build context '{2}', which has no .dockerignore: everything under it is copied{3}, including host build output (bin/, obj/) and .git when present, and any change to those files invalidates the layer cache. Add a .dockerignore at the context root with at least '**/bin/', '**/obj/', '.git' and '**/.env'",
            "Without a .dockerignore, a directory copy takes everything on disk: the host's bin/ and obj/ folders (which can break the restore in the image and make every local build a cache miss), the .git folder, editor folders and local secrets.");

        /// <summary>How many secret files the message names.</summary>
        private const int ListedSecrets = 2;

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var buildContext = context.BuildContext;
            if (!buildContext.Exists || buildContext.IgnoreFile != null) return;
            // An ignore file that is there but unreadable is not a missing one (DKR901 reports it when it is an asset).
            if (BuildContext.FindIgnoreFile(context.Workspace.FileSystem, context.Document.Path, buildContext.Directory) != null) return;

            foreach (var (copy, source) in IgnoreFileContexts.ContextSources(context.Document))
            {
                if (!CopiesDirectory(source, buildContext, out string directory)) continue;
                context.Report(source.Word.Span, copy.Name, source.Expanded, buildContext.Directory, DescribeSecrets(buildContext, directory));
                return; // once per Dockerfile: one .dockerignore fixes every copy
            }
        }

        private static bool CopiesDirectory(CopySource source, BuildContext buildContext, out string directory)
        {
            directory = "";
            if (source.IsWholeContext) return true;
            if (source.IsGlob) return false; // 'src/*' copies the contents of each match: judged only when written plainly
            directory = source.ContextPath!;
            return buildContext.Probe(directory).Kind == ContextEntryKind.Directory;
        }

        /// <summary>", among them the secret files '.env' and 'certs/dev.pfx'" when the copied directory holds any.</summary>
        private static string DescribeSecrets(BuildContext buildContext, string directory)
        {
            var secrets = new List<string>();
            int count = 0;
            foreach (var file in buildContext.FilesUnder(directory))
            {
                if (!IgnoreFileContexts.IsSecret(buildContext, file, out _, out _)) continue;
                count++;
                if (secrets.Count < ListedSecrets) secrets.Add(file);
            }
            if (count == 0) return "";
            var shown = new List<string>(secrets);
            string list = IgnoreFileContexts.ListPaths(shown, ListedSecrets);
            if (count > shown.Count) list = list + " and " + (count - shown.Count) + " more";
            return count == 1 ? $" (among it the secret file {list})" : $" (among it the secret files {list})";
        }
    }
}
