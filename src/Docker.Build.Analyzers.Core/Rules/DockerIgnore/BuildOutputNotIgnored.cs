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
            var matcher = context.File.Matcher;
            // A Dockerfile that copies host output ('COPY bin/Release/net8.0/publish/ .') needs that folder in the context.
            bool[] copiedByDockerfile = CopiedOutputFolders(context);

            var offending = new List<string>();
            var missing = new bool[OutputFolders.Length];
            foreach (var buildContext in contexts)
            {
                foreach (var projectDirectory in ProjectDirectories(context.Workspace, buildContext))
                {
                    for (int k = 0; k < OutputFolders.Length; k++)
                    {
                        if (copiedByDockerfile[k]) continue;
                        string folder = SlashPath.Combine(projectDirectory, OutputFolders[k]);
                        if (matcher.IsExcluded(folder)) continue;
                        missing[k] = true;
                        if (buildContext.Probe(folder).Kind == ContextEntryKind.Directory && !offending.Contains(folder)) offending.Add(folder);
                    }
                }
            }
            // Only folders that are on disk count; the names of the patterns to add come from every project.
            if (offending.Count == 0) return;

            string patterns = missing[0] && missing[1] ? "'**/bin/' and '**/obj/'" : missing[0] ? "'**/bin/'" : "'**/obj/'";
            string what = (missing[0] && missing[1] ? "the bin/ and obj/ folders of its projects" : missing[0] ? "the bin/ folders of its projects" : "the obj/ folders of its projects")
                + " (" + IgnoreFileContexts.ListPaths(offending.ConvertAll(f => f + "/"), ListedFolders) + ")";
            context.Report(new TextSpan(0, 0), IgnoreFileContexts.FileName(context.Document.Path), what, patterns);
        }

        /// <summary>The context-relative directories of the .NET projects in the context (walked files, and the project being built).</summary>
        private static List<string> ProjectDirectories(Workspace workspace, BuildContext buildContext)
        {
            var directories = new List<string>();
            foreach (var file in buildContext.Files.Files)
            {
                if (!IgnoreFileContexts.IsProjectFile(file)) continue;
                string directory = SlashPath.Parent(file);
                if (!directories.Contains(directory)) directories.Add(directory);
            }
            string? project = workspace.Project.ProjectPath;
            if (project != null && IgnoreFileContexts.IsProjectFile(project))
            {
                string? relative = RelativeDirectory(buildContext.Directory, System.IO.Path.GetDirectoryName(project));
                if (relative != null && !directories.Contains(relative)) directories.Add(relative);
            }
            return directories;
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
