using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>
    /// DKR403: the context holds .NET projects with <c>bin</c>/<c>obj</c> folders beside them that the ignore file lets
    /// through (typically a root-only <c>bin/</c> while the projects live in subfolders).
    /// </summary>
    public sealed class BuildOutputNotIgnored : DockerIgnoreRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR403", ".dockerignore does not exclude bin/ and obj/ at every depth", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "{0} does not exclude {1}: stale build output from the host goes into the build context and with 'COPY . .' into the image, where the host's obj/project.assets.json can break the restore, and every local build invalidates the layer cache. Add {2} (patterns are anchored at the context root: 'bin/' only matches the top-level folder)",
            ".dockerignore patterns are anchored at the context root, unlike .gitignore: 'bin/' and 'obj/' miss the output folders of projects in subfolders. The host's build output then reaches the image, overwrites what the image restored and built, and changes with every local build.");

        /// <summary>How many offending folders the message names.</summary>
        private const int ListedFolders = 3;

        private static readonly string[] OutputFolders = { "bin", "obj" };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerIgnoreContext context)
        {
            var contexts = IgnoreFileContexts.Of(context.Workspace, context.Document);
            if (contexts.Count == 0) return;
            // A Dockerfile that copies host output ('COPY bin/Release/net8.0/publish/ .') needs that folder in the context.
            bool[] copiedByDockerfile = CopiedOutputFolders(context);

            // One pass over the files the build sees (the context's shared walk, which already applied the ignore
            // file): a visible file inside a bin/obj folder beside a project is host build output the ignore file lets
            // through. No matcher query per folder, so a long ignore file costs nothing more here.
            var offending = new List<string>();
            var missing = new bool[OutputFolders.Length];
            foreach (var buildContext in contexts)
            {
                var projects = new HashSet<string>(StringComparer.Ordinal);
                var outputFolders = new List<(string Folder, int Kind)>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in buildContext.FilesUnder("", MayMatter))
                {
                    if (IgnoreFileContexts.IsProjectFile(file)) { projects.Add(SlashPath.Parent(file)); continue; }
                    for (int k = 0; k < OutputFolders.Length; k++)
                    {
                        string? folder = OutputFolderOf(file, OutputFolders[k]);
                        if (folder != null && seen.Add(folder)) outputFolders.Add((folder, k));
                    }
                }
                string? built = ProjectDirectoryInside(context.Workspace, buildContext);
                if (built != null) projects.Add(built);
                foreach (var (folder, k) in outputFolders)
                {
                    if (copiedByDockerfile[k] || !projects.Contains(SlashPath.Parent(folder))) continue;
                    missing[k] = true;
                    if (!offending.Contains(folder)) offending.Add(folder);
                }
            }
            if (offending.Count == 0) return;
            offending.Sort(StringComparer.Ordinal);

            string patterns = missing[0] && missing[1] ? "'**/bin/' and '**/obj/'" : missing[0] ? "'**/bin/'" : "'**/obj/'";
            string what = (missing[0] && missing[1] ? "the bin/ and obj/ folders of its projects" : missing[0] ? "the bin/ folders of its projects" : "the obj/ folders of its projects")
                + " (" + IgnoreFileContexts.ListPaths(offending.ConvertAll(f => f + "/"), ListedFolders) + ")";
            context.Report(new TextSpan(0, 0), IgnoreFileContexts.FileName(context.Document.Path), what, patterns);
        }

        /// <summary>Project files and files inside a bin/ or obj/ folder: the only ones this rule looks at.</summary>
        private static readonly Func<string, bool> MayMatter = file =>
            IgnoreFileContexts.IsProjectFile(file) || OutputFolderOf(file, OutputFolders[0]) != null || OutputFolderOf(file, OutputFolders[1]) != null;

        /// <summary>The first folder of a path named <paramref name="name"/> (<c>src/App/obj</c> for <c>src/App/obj/x/y.json</c>), or null.</summary>
        private static string? OutputFolderOf(string file, string name)
        {
            if (file.Length > name.Length + 1 && file.StartsWith(name, StringComparison.Ordinal) && file[name.Length] == '/') return name;
            // Allocation-free search for "/name/": this runs for every file of the context.
            for (int at = file.IndexOf('/'); at >= 0 && at + name.Length + 1 < file.Length; at = file.IndexOf('/', at + 1))
            {
                if (file[at + 1 + name.Length] == '/' && string.CompareOrdinal(file, at + 1, name, 0, name.Length) == 0)
                    return file.Substring(0, at + 1 + name.Length);
            }
            return null;
        }

        /// <summary>The context-relative directory of the project being built, when it lies inside the context.</summary>
        private static string? ProjectDirectoryInside(Workspace workspace, BuildContext buildContext)
        {
            string? project = workspace.Project.ProjectPath;
            if (project == null || !IgnoreFileContexts.IsProjectFile(project)) return null;
            return RelativeDirectory(buildContext.Directory, System.IO.Path.GetDirectoryName(project));
        }

        /// <summary>The context-relative form of a directory inside the context, or null when it lies outside.</summary>
        private static string? RelativeDirectory(string contextDirectory, string? directory)
        {
            if (string.IsNullOrEmpty(directory)) return null;
            string root = contextDirectory.TrimEnd('/', '\\');
            string full = directory!.TrimEnd('/', '\\');
            if (DockerAnalyzer.PathComparer.Equals(root, full)) return "";
            if (full.Length <= root.Length + 1 || !full.StartsWith(root, System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) return null;
            char separator = full[root.Length];
            if (separator != '/' && separator != '\\') return null;
            return full.Substring(root.Length + 1).Replace('\\', '/');
        }

        private static bool[] CopiedOutputFolders(DockerIgnoreContext context)
        {
            var copied = new bool[OutputFolders.Length];
            foreach (var dockerfile in context.Workspace.DockerfilesUsing(context.Document))
            {
                foreach (var (_, source) in IgnoreFileContexts.ContextSources(dockerfile))
                {
                    foreach (var segment in source.ContextPath!.Split('/'))
                        for (int k = 0; k < OutputFolders.Length; k++)
                            if (string.Equals(segment, OutputFolders[k], StringComparison.OrdinalIgnoreCase)) copied[k] = true;
                }
            }
            return copied;
        }
    }
}
