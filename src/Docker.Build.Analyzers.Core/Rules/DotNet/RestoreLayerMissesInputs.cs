using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR611: the Dockerfile copies the project file and runs <c>dotnet restore</c> before the sources (the layer-caching
    /// pattern), but that restore layer lacks files restore reads: <c>Directory.Packages.props</c> (central package
    /// management), <c>Directory.Build.props/targets</c>, <c>NuGet.config</c>, <c>global.json</c> (when it declares
    /// <c>msbuild-sdks</c>), or the project files
    /// of the project's references. Only files that exist in the build context count, and the MSBuild/NuGet files only
    /// where restore looks for them: in the project's folder or a folder above it, inside the context.
    /// </summary>
    public sealed class RestoreLayerMissesInputs : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR611", "Restore layer misses files restore reads", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "'dotnet restore' runs before {0} {1} copied into the image: the restore reads {2}, so it fails or resolves other packages than the full build. Copy {2} before this line, at {3} path relative to the project",
            "Copying only the project files before 'dotnet restore' keeps the restore cached, but MSBuild and NuGet also read Directory.Build.props/targets, Directory.Packages.props, NuGet.config, global.json and the referenced projects: a restore layer without them differs from the real build or fails.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var project = context.Project;
            if (project.ProjectPath == null || !DotNetDockerfileFacts.DescribesProject(context)) return;
            var restores = DotNetDockerfileFacts.Commands(context).FindAll(c => c.Verb == "restore");
            if (restores.Count == 0) return;
            var buildContext = context.BuildContext;
            if (!buildContext.Exists || buildContext.Decision.Source == ContextSource.Undecided) return;
            string? projectFile = ContextRelative(buildContext.Directory, project.ProjectPath);
            if (projectFile == null) return;
            string projectFolder = SlashPath.Parent(projectFile);

            var inputs = RestoreInputs(context, buildContext, projectFile, projectFolder);
            if (inputs.Count == 0) return;

            var model = context.Model;
            var seenStages = new HashSet<Stage>();
            foreach (var restore in restores)
            {
                // The first restore of a stage is the one the layer pattern caches.
                if (!seenStages.Add(restore.Stage)) continue;
                var run = restore.Run;
                bool bindsContext = false;
                foreach (var mount in run.Mounts) bindsContext |= mount.IsBind;
                if (bindsContext) continue;
                if (!RestoresProject(restore, project.ProjectPath)) continue;
                var copies = CopiesBefore(restore.Stage, run.IndexInStage);
                if (!Copied(model, buildContext, copies, projectFile)) continue;
                bool configGiven = restore.Invocation.HasOption("--configfile", "-s") || restore.Invocation.HasOption("--source");
                var missing = new List<string>();
                foreach (var (path, isNuGetConfig) in inputs)
                {
                    if (isNuGetConfig && configGiven) continue;
                    if (!Copied(model, buildContext, copies, path)) missing.Add(path);
                }
                if (missing.Count == 0) continue;
                var names = new StringBuilder();
                for (int i = 0; i < missing.Count; i++)
                {
                    if (i > 0) names.Append(i == missing.Count - 1 ? " and " : ", ");
                    names.Append('\'').Append(missing[i]).Append('\'');
                }
                bool one = missing.Count == 1;
                context.Report(restore.Invocation.Subcommand!.Span, names.ToString(), one ? "is" : "are", one ? "it" : "them", one ? "its" : "their");
            }
        }

        /// <summary>
        /// The files the restore of this project reads that exist and are visible in the context, context-relative,
        /// with whether each is a NuGet.config (a --configfile or --source replaces it).
        /// </summary>
        private static List<(string Path, bool IsNuGetConfig)> RestoreInputs(DockerfileContext context, BuildContext buildContext, string projectFile, string projectFolder)
        {
            var facts = context.Project.DotNet;
            var inputs = new List<(string, bool)>();
            void AddAbove(string? fullPath)
            {
                if (fullPath == null) return;
                string? relative = ContextRelative(buildContext.Directory, fullPath);
                if (relative == null) return;
                string folder = SlashPath.Parent(relative);
                // MSBuild and NuGet look in the project's folder and above: a file beside it in another branch is not read.
                if (folder.Length > 0 && folder != projectFolder && !SlashPath.IsUnder(projectFolder, folder)) return;
                AddVisible(relative, false);
            }
            void AddVisible(string relative, bool isNuGetConfig)
            {
                var entry = buildContext.Probe(relative);
                if (entry.IsVisible && entry.Kind == ContextEntryKind.File && !inputs.Exists(i => i.Item1 == relative)) inputs.Add((relative, isNuGetConfig));
            }

            if (facts.CentralPackageManagement) AddAbove(facts.DirectoryPackagesPropsPath);
            AddAbove(facts.DirectoryBuildPropsPath);
            AddAbove(facts.DirectoryBuildTargetsPath);
            // global.json picks the SDK, but an image holds one SDK: the restore and the later build use the same one
            // whether the file is there or not. What restore itself reads from it is the msbuild-sdks versions.
            if (DeclaresMsBuildSdks(context.Workspace.FileSystem, facts.GlobalJsonPath)) AddAbove(facts.GlobalJsonPath);
            string? nugetConfig = FindNuGetConfig(context.Workspace.FileSystem, buildContext, projectFolder);
            if (nugetConfig != null && ChangesRestore(ReadSmall(context.Workspace.FileSystem, buildContext.GetFullPath(nugetConfig)))) AddVisible(nugetConfig, true);
            foreach (var reference in facts.ProjectReferences)
            {
                string? relative = ContextRelative(buildContext.Directory, reference);
                if (relative != null && relative != projectFile) AddVisible(relative, false);
            }
            return inputs;
        }

        /// <summary>The global.json has an <c>msbuild-sdks</c> section (versions of project SDKs such as Microsoft.Build.NoTargets).</summary>
        private static bool DeclaresMsBuildSdks(IFileSystem fileSystem, string? path)
        {
            string? text = path == null ? null : ReadSmall(fileSystem, path);
            return text != null && text.IndexOf("\"msbuild-sdks\"", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static readonly System.Text.RegularExpressions.Regex SourceValue = new System.Text.RegularExpressions.Regex(
            "<add\\b[^>]*\\bvalue\\s*=\\s*[\"']([^\"']*)[\"']", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// The NuGet.config makes the restore differ from the default one (nuget.org only): another package source, source
        /// mapping, credentials or other settings. A file that only lists nuget.org (often with &lt;clear /&gt;) changes
        /// nothing in a container, which has no other NuGet configuration. Unreadable means "may matter".
        /// </summary>
        private static bool ChangesRestore(string? text)
        {
            if (text == null) return true;
            foreach (var section in new[] { "packageSourceMapping", "packageSourceCredentials", "<config>", "<config ", "disabledPackageSources", "fallbackPackageFolders", "trustedSigners" })
                if (text.IndexOf(section, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            int start = text.IndexOf("<packageSources", StringComparison.OrdinalIgnoreCase);
            if (start < 0) return false;
            int end = text.IndexOf("</packageSources", start, StringComparison.OrdinalIgnoreCase);
            string sources = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            // <clear /> with nothing added leaves no source at all.
            if (sources.IndexOf("<add", StringComparison.OrdinalIgnoreCase) < 0) return sources.IndexOf("<clear", StringComparison.OrdinalIgnoreCase) >= 0;
            foreach (System.Text.RegularExpressions.Match m in SourceValue.Matches(sources))
                if (m.Groups[1].Value.IndexOf("api.nuget.org", StringComparison.OrdinalIgnoreCase) < 0) return true;
            return false;
        }

        /// <summary>A small text file's content, or null when it is missing, too large or unreadable.</summary>
        private static string? ReadSmall(IFileSystem fileSystem, string path)
        {
            try
            {
                long length = fileSystem.GetFileLength(path);
                if (length < 0 || length > 64 * 1024) return null;
                return Encoding.UTF8.GetString(fileSystem.ReadAllBytes(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>
        /// The nearest NuGet.config (any case) from the project's folder up to the context root, context-relative. NuGet
        /// merges every one up the tree; the nearest one is enough to show that the restore layer lacks the settings.
        /// </summary>
        private static string? FindNuGetConfig(IFileSystem fileSystem, BuildContext buildContext, string projectFolder)
        {
            string folder = projectFolder;
            for (int depth = 0; depth < 32; depth++)
            {
                IEnumerable<DirectoryEntry> entries;
                try { entries = fileSystem.EnumerateEntries(buildContext.GetFullPath(folder)); }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException) { entries = Array.Empty<DirectoryEntry>(); }
                foreach (var entry in entries)
                    if (!entry.IsDirectory && entry.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
                        return SlashPath.Combine(folder, entry.Name);
                if (folder.Length == 0) return null;
                folder = SlashPath.Parent(folder);
            }
            return null;
        }

        /// <summary>The restore names no project, names this one, or names a solution (which holds it).</summary>
        private static bool RestoresProject(DotNetDockerfileFacts.DotNetCommand restore, string projectPath)
        {
            var operands = restore.Invocation.OperandsAfterSubcommand;
            if (operands.Count == 0) return true;
            var operand = operands[0];
            if (operand.ContainsExpansion) return true;
            string value = operand.Value.Replace('\\', '/').TrimEnd('/');
            string name = SlashPath.FileName(value);
            if (name.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase)) return true;
            if (name.EndsWith("proj", StringComparison.OrdinalIgnoreCase)) return name.Equals(Path.GetFileName(projectPath), StringComparison.OrdinalIgnoreCase);
            return true; // a folder: judged by what was copied
        }

        /// <summary>The COPY/ADD instructions that read the build context before the restore, in the stage and the stages it is built on.</summary>
        private static List<CopyInstruction> CopiesBefore(Stage stage, int index)
        {
            var copies = new List<CopyInstruction>();
            var chain = stage.SelfAndAncestors;
            for (int c = chain.Count - 1; c >= 0; c--)
            {
                var s = chain[c];
                int end = ReferenceEquals(s, stage) ? index : s.Instructions.Count;
                for (int i = 0; i < end; i++)
                    if (s.Instructions[i] is CopyInstruction copy && CopySources.ReadsBuildContext(copy)) copies.Add(copy);
            }
            return copies;
        }

        /// <summary>One of the copies takes the file: it names it, a folder above it, or a wildcard that matches either.</summary>
        private static bool Copied(DockerfileModel model, BuildContext buildContext, List<CopyInstruction> copies, string path)
        {
            foreach (var copy in copies)
            {
                foreach (var source in CopySources.Resolve(model, copy))
                {
                    if (source.Kind == CopySourceKind.Unresolved) return true; // a variable: it may be anything
                    if (source.Kind != CopySourceKind.ContextPath) continue;
                    string pattern = source.ContextPath!;
                    if (source.IsWholeContext) return true;
                    if (!source.IsGlob)
                    {
                        if (pattern == path || SlashPath.IsUnder(path, pattern)) return true;
                        continue;
                    }
                    var matches = buildContext.Glob(pattern);
                    if (matches.Truncated) return true;
                    foreach (var entry in matches.Visible)
                        if (entry.Path == path || SlashPath.IsUnder(path, entry.Path)) return true;
                }
            }
            return false;
        }

        /// <summary>The path relative to the context directory, with '/' separators; null when it lies outside.</summary>
        private static string? ContextRelative(string contextDirectory, string fullPath)
        {
            string root = contextDirectory.Replace('\\', '/').TrimEnd('/');
            string path = fullPath.Replace('\\', '/');
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (root.Length == 0 || !path.StartsWith(root + "/", comparison)) return null;
            return SlashPath.Clean(path.Substring(root.Length + 1));
        }
    }
}
