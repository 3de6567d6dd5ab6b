using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>An asset found above (or beside) the project that other projects of the solution may see too.</summary>
    internal sealed class SharedAsset
    {
        public SharedAsset(string path, AssetKind kind, bool isReported, DockerfileSyntax? syntax = null)
        {
            Path = path;
            Kind = kind;
            IsReported = isReported;
            Syntax = syntax;
        }

        /// <summary>A Dockerfile's parse, already made to decide which project it builds.</summary>
        public DockerfileSyntax? Syntax { get; }

        public string Path { get; }
        public AssetKind Kind { get; }

        /// <summary>This project is the one that reports it; others only read it (compose contexts, ignore files).</summary>
        public bool IsReported { get; }
    }

    /// <summary>
    /// Finds the Dockerfiles, compose files and .dockerignore files a project shares with the rest of its solution —
    /// from the project directory up to the repository root (or the solution folder, or a few levels), never into
    /// sibling trees — and decides, from files alone and the same way in every project, which single project reports
    /// each one: MSBuild builds projects in parallel processes, so there is no shared state to agree through.
    /// <list type="bullet">
    /// <item>A Dockerfile above the project is reported by the project it builds (the project file it publishes,
    /// builds, restores or copies); none when it builds no project of this build.</item>
    /// <item>A compose file or .dockerignore is reported by the first project, in ordinal path order, of those of the
    /// solution that live at or below its folder and use this analyzer (their restore output imports it); by this
    /// project when the build is not a solution build.</item>
    /// </list>
    /// </summary>
    internal sealed class SharedAssets
    {
        private const int MaxLevelsWithoutRoot = 3;
        private const int MaxLevels = 12;

        private readonly IFileSystem _fileSystem;
        private readonly ProjectFacts _project;
        private readonly string _projectDirectory;
        private readonly string? _projectPath;
        private readonly List<string> _searchDirectories;
        private List<string>? _solutionProjects;
        private readonly Dictionary<string, bool> _usesAnalyzer = new Dictionary<string, bool>(DockerAnalyzer.PathComparer);
        private readonly Dictionary<string, bool> _ownership = new Dictionary<string, bool>(DockerAnalyzer.PathComparer);

        public SharedAssets(IFileSystem fileSystem, ProjectFacts project, string projectDirectory, string? repositoryRoot)
        {
            _fileSystem = fileSystem;
            _project = project;
            _projectDirectory = projectDirectory;
            _projectPath = project.ProjectPath == null ? null : SafeFullPath(project.ProjectPath);
            _searchDirectories = SearchDirectories(projectDirectory, repositoryRoot, project.SolutionDirectory);
        }

        /// <summary>The project directory, then each folder above it up to the search root.</summary>
        public IReadOnlyList<string> SearchDirectoriesFromProject => _searchDirectories;

        private static List<string> SearchDirectories(string projectDirectory, string? repositoryRoot, string? solutionDirectory)
        {
            var list = new List<string> { projectDirectory };
            string? stop = null;
            if (repositoryRoot != null && BuildContextResolver.IsAtOrUnder(projectDirectory, repositoryRoot)) stop = repositoryRoot;
            else if (solutionDirectory != null && BuildContextResolver.IsAtOrUnder(projectDirectory, solutionDirectory)) stop = solutionDirectory;
            int max = stop != null ? MaxLevels : MaxLevelsWithoutRoot;
            string current = projectDirectory;
            for (int level = 1; level <= max; level++)
            {
                if (stop != null && BuildContextResolver.SameDirectory(current, stop)) break;
                string? parent = SafeParent(current);
                if (string.IsNullOrEmpty(parent)) break;
                current = parent!;
                list.Add(current);
            }
            return list;
        }

        /// <summary>Every shared asset this project sees, with whether it reports it. Dockerfiles above the project only when it builds them.</summary>
        public List<SharedAsset> Discover()
        {
            var found = new List<SharedAsset>();
            for (int i = 0; i < _searchDirectories.Count; i++)
            {
                string directory = _searchDirectories[i];
                bool above = i > 0;
                foreach (var entry in SafeList(directory))
                {
                    if (entry.IsDirectory || AssetKinds.IsBackupName(entry.Name)) continue;
                    string path = Path.Combine(directory, entry.Name);
                    var kind = AssetKinds.Infer(path);
                    switch (kind)
                    {
                        case AssetKind.Dockerfile:
                            // Dockerfiles in the project directory come from the build's own discovery.
                            if (above && BuildsThisProject(path, out var syntax)) found.Add(new SharedAsset(path, kind, true, syntax));
                            break;
                        case AssetKind.Compose:
                        case AssetKind.DockerIgnore:
                            found.Add(new SharedAsset(path, kind, IsOwner(directory)));
                            break;
                    }
                }
            }
            return found;
        }

        /// <summary>Another project file in the project's own folder comes first, so it reports the folder's assets.</summary>
        public bool AnotherProjectOwnsProjectDirectory()
        {
            if (_projectPath == null) return false;
            var projects = new List<string>();
            foreach (var entry in SafeList(_projectDirectory))
            {
                if (entry.IsDirectory) continue;
                string ext = Path.GetExtension(entry.Name);
                if (ext.Equals(".csproj", StringComparison.OrdinalIgnoreCase) || ext.Equals(".fsproj", StringComparison.OrdinalIgnoreCase) || ext.Equals(".vbproj", StringComparison.OrdinalIgnoreCase))
                    projects.Add(SafeFullPath(Path.Combine(_projectDirectory, entry.Name)));
            }
            if (projects.Count < 2) return false;
            // In a solution build the projects it lists come first: a stray copy beside them never takes the folder.
            var listed = SolutionProjects();
            if (listed.Count > 0)
            {
                var inSolution = projects.FindAll(p => listed.Contains(p, DockerAnalyzer.PathComparer));
                if (inSolution.Count > 0) projects = inSolution;
            }
            projects.Sort(DockerAnalyzer.PathComparer);
            string? owner = null;
            foreach (var candidate in projects)
                if (UsesAnalyzer(candidate)) { owner = candidate; break; }
            owner ??= projects[0];
            return !DockerAnalyzer.PathComparer.Equals(owner, _projectPath);
        }

        /// <summary>Does this project report the shared files of a folder?</summary>
        public bool IsOwner(string directory)
        {
            if (_projectPath == null) return true;
            if (_ownership.TryGetValue(directory, out bool cached)) return cached;
            bool owner = ComputeOwner(directory);
            _ownership[directory] = owner;
            return owner;
        }

        private bool ComputeOwner(string directory)
        {
            var candidates = new List<string>();
            foreach (var project in SolutionProjects())
                if (BuildContextResolver.IsAtOrUnder(Path.GetDirectoryName(project) ?? "", directory)) candidates.Add(project);
            if (candidates.Count == 0) return true;
            candidates.Sort(DockerAnalyzer.PathComparer);
            // The first project in path order that runs this analyzer; when none can be told apart, the first of all.
            // A project the solution does not list (built through a ProjectReference, or a stray copy) leaves shared
            // files to the solution's projects: one of them reports them, so it never reports them twice.
            foreach (var candidate in candidates)
                if (UsesAnalyzer(candidate)) return DockerAnalyzer.PathComparer.Equals(candidate, _projectPath);
            return DockerAnalyzer.PathComparer.Equals(candidates[0], _projectPath);
        }

        /// <summary>The projects of the solution being built (full paths), or none when the build is not a solution build.</summary>
        private List<string> SolutionProjects()
        {
            if (_solutionProjects != null) return _solutionProjects;
            var list = new List<string>();
            string? solution = _project.SolutionPath;
            if (solution != null)
            {
                var text = AssetReader.TryRead(_fileSystem, solution, out _);
                string directory = Path.GetDirectoryName(solution) ?? "";
                if (text != null)
                    foreach (var relative in SolutionFile.ProjectPaths(text.Text))
                    {
                        string full = SafeFullPath(Path.Combine(directory, relative.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar)));
                        if (!list.Contains(full, DockerAnalyzer.PathComparer)) list.Add(full);
                    }
            }
            _solutionProjects = list;
            return list;
        }

        /// <summary>Restore wrote this analyzer's targets into the project's <c>obj/*.nuget.g.targets</c>.</summary>
        private bool UsesAnalyzer(string projectPath)
        {
            if (_usesAnalyzer.TryGetValue(projectPath, out bool cached)) return cached;
            bool uses = false;
            string obj = Path.Combine(Path.GetDirectoryName(projectPath) ?? "", "obj");
            string expected = Path.GetFileName(projectPath) + ".nuget.g.targets";
            var text = AssetReader.TryRead(_fileSystem, Path.Combine(obj, expected), out _);
            if (text != null) uses = text.Text.IndexOf("docker.build.analyzers", StringComparison.OrdinalIgnoreCase) >= 0;
            _usesAnalyzer[projectPath] = uses;
            return uses;
        }

        /// <summary>Does a Dockerfile above the project build this project? Decided from the Dockerfile alone, the same in every project.</summary>
        private bool BuildsThisProject(string dockerfilePath, out DockerfileSyntax? syntax)
        {
            syntax = null;
            if (_projectPath == null) return false;
            syntax = WorkspaceLoader.ReadDockerfile(_fileSystem, dockerfilePath, null);
            if (syntax == null) return false;
            string? built = BuiltProject.Find(_fileSystem, syntax, Path.GetDirectoryName(dockerfilePath) ?? "", _searchDirectories);
            return built != null && DockerAnalyzer.PathComparer.Equals(built, _projectPath);
        }

        private IEnumerable<DirectoryEntry> SafeList(string directory)
        {
            try { return new List<DirectoryEntry>(_fileSystem.EnumerateEntries(directory)); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException) { return Array.Empty<DirectoryEntry>(); }
        }

        private static string? SafeParent(string directory)
        {
            try { return Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)); }
            catch (ArgumentException) { return null; }
        }

        internal static string SafeFullPath(string path)
        {
            try { return Path.GetFullPath(path); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException) { return path; }
        }
    }

    /// <summary>Project paths listed in a <c>.sln</c> or <c>.slnx</c> file.</summary>
    internal static class SolutionFile
    {
        private static readonly Regex SlnProject = new Regex(
            "^Project\\(\"\\{[^}]*\\}\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+\\.(?:cs|fs|vb)proj)\"",
            RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex SlnxProject = new Regex(
            "<Project\\s+[^>]*?Path\\s*=\\s*\"([^\"]+\\.(?:cs|fs|vb)proj)\"",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        public static IEnumerable<string> ProjectPaths(string text)
        {
            var list = new List<string>();
            try
            {
                foreach (Match m in SlnProject.Matches(text)) list.Add(m.Groups[1].Value);
                if (list.Count == 0)
                    foreach (Match m in SlnxProject.Matches(text)) list.Add(m.Groups[1].Value);
            }
            catch (RegexMatchTimeoutException)
            {
            }
            return list;
        }
    }

    /// <summary>
    /// The project a Dockerfile builds: the project file it publishes (or builds), else the one named by
    /// <c>ENTRYPOINT ["dotnet", "X.dll"]</c>, else the only one it copies. Paths are resolved against the folders
    /// from the Dockerfile's up to the search root, the way the context inference reads them.
    /// </summary>
    internal static class BuiltProject
    {
        private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

        public static string? Find(IFileSystem fileSystem, DockerfileSyntax syntax, string dockerfileDirectory, IReadOnlyList<string> searchDirectories)
        {
            var copied = new List<string>();
            string? published = null, built = null, entryDll = null;
            foreach (var instruction in syntax.Instructions)
            {
                string text = instruction.Span.Length > 0 ? syntax.Source.Text.Substring(instruction.Span.Start, instruction.Span.Length) : "";
                switch (instruction.Name)
                {
                    case "COPY":
                    case "ADD":
                        if (instruction is CopyInstruction copy && CopySources.ReadsBuildContext(copy))
                            foreach (var word in copy.Sources)
                            {
                                string value = word.Value.Trim('"', '\'');
                                if (IsProjectFile(value)) copied.Add(value.TrimStart('/'));
                            }
                        break;
                    case "RUN":
                        published ??= ProjectArgument(text, "publish");
                        built ??= ProjectArgument(text, "build") ?? ProjectArgument(text, "restore");
                        break;
                    case "ENTRYPOINT":
                    case "CMD":
                        var dll = Regex.Match(text, "([A-Za-z0-9_.\\-]+)\\.dll", RegexOptions.CultureInvariant);
                        if (dll.Success) entryDll = dll.Groups[1].Value;
                        break;
                }
            }

            var directories = new List<string> { dockerfileDirectory };
            foreach (var d in searchDirectories)
                if (BuildContextResolver.IsAtOrUnder(dockerfileDirectory, d) && !BuildContextResolver.SameDirectory(d, dockerfileDirectory)) directories.Add(d);

            foreach (var wanted in new[] { published, built })
            {
                if (wanted == null) continue;
                string name = Path.GetFileName(wanted.Replace('\\', '/'));
                foreach (var c in copied)
                    if (Path.GetFileName(c).Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        var found = Resolve(fileSystem, c, directories);
                        if (found != null) return found;
                    }
                var direct = Resolve(fileSystem, wanted, directories);
                if (direct != null) return direct;
            }
            if (entryDll != null)
                foreach (var c in copied)
                    if (Path.GetFileNameWithoutExtension(c).Equals(entryDll, StringComparison.OrdinalIgnoreCase))
                    {
                        var found = Resolve(fileSystem, c, directories);
                        if (found != null) return found;
                    }
            var distinct = new List<string>();
            foreach (var c in copied)
            {
                var found = Resolve(fileSystem, c, directories);
                if (found != null && !distinct.Contains(found, DockerAnalyzer.PathComparer)) distinct.Add(found);
            }
            return distinct.Count == 1 ? distinct[0] : null;
        }

        private static bool IsProjectFile(string value)
        {
            foreach (var ext in ProjectExtensions)
                if (value.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The project file after <c>dotnet publish</c> (or build/restore) in a RUN's text.</summary>
        private static string? ProjectArgument(string run, string verb)
        {
            var m = Regex.Match(run, "dotnet\\s+" + verb + "\\b([^&|;\\n]*)", RegexOptions.CultureInvariant);
            if (!m.Success) return null;
            foreach (var raw in m.Groups[1].Value.Split(new[] { ' ', '\t', '\\' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string token = raw.Trim('"', '\'');
                if (IsProjectFile(token) && token.IndexOf('$') < 0) return token;
            }
            return null;
        }

        /// <summary>A project path as written (maybe under a WORKDIR such as <c>/src/</c>), found under one of the folders: the longest tail that exists wins.</summary>
        private static string? Resolve(IFileSystem fileSystem, string written, List<string> directories)
        {
            var parts = written.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            for (int skip = 0; skip < parts.Length; skip++)
            {
                string tail = string.Join(Path.DirectorySeparatorChar.ToString(), parts, skip, parts.Length - skip);
                if (tail.IndexOf("..", StringComparison.Ordinal) >= 0) continue;
                foreach (var directory in directories)
                {
                    try
                    {
                        string full = Path.GetFullPath(Path.Combine(directory, tail));
                        if (fileSystem.FileExists(full)) return full;
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                    {
                    }
                }
            }
            return null;
        }
    }
}
