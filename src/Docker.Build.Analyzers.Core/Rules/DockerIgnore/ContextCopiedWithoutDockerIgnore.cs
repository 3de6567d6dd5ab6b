using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DockerIgnore;

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
            "{0} copies the directory '{1}' from the build context '{2}', which has no .dockerignore, so everything under it is copied, including {3}; any change to those files also invalidates the layer cache. Add a .dockerignore at the context root with at least '**/bin/', '**/obj/', '.git' and '**/.env'",
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
                // Only when the copy really sweeps in what an ignore file is for: a published folder copied from the
                // host ('COPY bin/Release/net8.0/publish/ .') or a clean source tree gives nothing to report.
                string? found = DescribeUnwanted(buildContext, directory);
                if (found == null) continue;
                context.Report(source.Word.Span, copy.Name, source.Expanded, buildContext.Directory, found);
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

        private static readonly string[] ToolFolders = { ".git", ".vs", ".vscode", ".idea", "node_modules" };

        /// <summary>
        /// What the copied directory holds that an ignore file would keep out: build output beside .NET projects'
        /// sources (a <c>bin</c>/<c>obj</c> folder below the copied directory), tool folders, secret files; null when nothing.
        /// </summary>
        private static string? DescribeUnwanted(BuildContext buildContext, string directory)
        {
            string? tool = null;
            var projects = new HashSet<string>(System.StringComparer.Ordinal);
            var outputs = new List<string>();
            var secrets = new List<string>();
            int secretCount = 0;
            foreach (var file in buildContext.FilesUnder(directory))
            {
                string relative = directory.Length == 0 ? file : file.Substring(directory.Length + 1);
                if (IgnoreFileContexts.IsProjectFile(relative)) projects.Add(SlashPath.Parent(relative));
                else if (outputs.Count < 64 && (FolderOf(relative, "bin") ?? FolderOf(relative, "obj")) is string folder && !outputs.Contains(folder)) outputs.Add(folder);
                if (tool == null)
                {
                    foreach (var name in ToolFolders)
                        if ((tool = FolderOf(relative, name)) != null || relative == name) { tool ??= name; break; }
                }
                if (IgnoreFileContexts.IsSecret(buildContext, file, out _, out _))
                {
                    secretCount++;
                    if (secrets.Count < ListedSecrets) secrets.Add(file);
                }
            }
            // bin/obj count only beside a .NET project ('bin/www' of a Node app is source).
            var output = outputs.Find(f => projects.Contains(SlashPath.Parent(f)));
            var parts = new List<string>();
            if (output != null) parts.Add($"host build output ('{SlashPath.Combine(directory, output)}/')");
            if (tool != null) parts.Add($"'{SlashPath.Combine(directory, tool)}'");
            if (secretCount > 0)
            {
                string list = IgnoreFileContexts.ListPaths(secrets, ListedSecrets);
                if (secretCount > secrets.Count) list += " and " + (secretCount - secrets.Count) + " more";
                parts.Add((secretCount == 1 ? "the secret file " : "the secret files ") + list);
            }
            if (parts.Count == 0) return null;
            return parts.Count == 1 ? parts[0] : string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1];
        }

        /// <summary>The first folder named <paramref name="name"/> on a relative path, up to and including it, or null.</summary>
        private static string? FolderOf(string path, string name)
        {
            if (path.Length > name.Length + 1 && path.StartsWith(name, System.StringComparison.Ordinal) && path[name.Length] == '/') return name;
            int at = path.IndexOf("/" + name + "/", System.StringComparison.Ordinal);
            return at < 0 ? null : path.Substring(0, at + 1 + name.Length);
        }
    }
}
