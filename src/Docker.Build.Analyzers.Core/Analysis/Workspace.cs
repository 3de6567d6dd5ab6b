using System.Collections.Concurrent;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DockerIgnore;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>A Dockerfile with its parse, its semantic model and its build context.</summary>
    public sealed class DockerfileDocument
    {
        public DockerfileDocument(DockerfileSyntax syntax, string contextDirectory, bool contextIsExplicit = false, AssetPurpose purpose = AssetPurpose.Production, bool isReported = true)
        {
            Syntax = syntax;
            ContextDirectory = contextDirectory;
            ContextIsExplicit = contextIsExplicit;
            Purpose = purpose;
            IsReported = isReported;
            _model = new System.Lazy<DockerfileModel>(() => DockerfileModel.Create(syntax));
            _runScripts = new System.Lazy<Shell.RunScripts>(() => Shell.RunScripts.Create(Model));
        }

        private readonly System.Lazy<DockerfileModel> _model;
        private readonly System.Lazy<Shell.RunScripts> _runScripts;

        public string Path => Syntax.Path;
        public DockerfileSyntax Syntax { get; }

        /// <summary>Stages, their inheritance and variable scopes; built once, on first use.</summary>
        public DockerfileModel Model => _model.Value;

        /// <summary>The parsed shell scripts of every RUN; parsed once, on first use, and shared by all rules.</summary>
        public Shell.RunScripts RunScripts => _runScripts.Value;

        /// <summary>
        /// The directory the context search starts from: the declared context when <see cref="ContextIsExplicit"/>,
        /// else the project directory (the Dockerfile's own directory for a Dockerfile above the project).
        /// </summary>
        public string ContextDirectory { get; }

        /// <summary>True when the project named the context (DockerfileContext, or the item's Context); false when it defaulted.</summary>
        public bool ContextIsExplicit { get; }

        /// <summary>Production, development or test: production-only rules are at most suggestions on the others.</summary>
        public AssetPurpose Purpose { get; }

        /// <summary>False for a shared Dockerfile another project reports: it is loaded only to be understood.</summary>
        public bool IsReported { get; }
    }

    /// <summary>A .dockerignore file of the workspace, parsed.</summary>
    public sealed class DockerIgnoreDocument
    {
        public DockerIgnoreDocument(DockerIgnoreFile file, AssetPurpose purpose = AssetPurpose.Production, bool isReported = true)
        {
            File = file;
            Purpose = purpose;
            IsReported = isReported;
        }

        public string Path => File.Path;
        public DockerIgnoreFile File { get; }
        public AssetPurpose Purpose { get; }

        /// <summary>False for a shared ignore file another project reports.</summary>
        public bool IsReported { get; }

        /// <summary>The context root it applies to (<c>.dockerignore</c>), or the Dockerfile it belongs to (<c>x.Dockerfile.dockerignore</c>).</summary>
        public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "";

        /// <summary>A per-Dockerfile ignore file (<c>Dockerfile.dockerignore</c>, <c>api.Dockerfile.dockerignore</c>).</summary>
        public bool IsDockerfileSpecific => !System.IO.Path.GetFileName(Path).Equals(".dockerignore", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A compose file of the workspace. Its text is read when the workspace loads (an unreadable file is a DKR901);
    /// it is parsed only when a rule or <see cref="Workspace.ComposeBuilds"/> first asks, so that YamlDotNet loads only
    /// for analyses that look at compose files.
    /// </summary>
    public sealed class ComposeDocument
    {
        private readonly System.Lazy<Compose.ComposeFile> _file;

        public ComposeDocument(Text.SourceText source, AssetPurpose purpose = AssetPurpose.Production, bool isReported = true)
        {
            Source = source;
            Purpose = purpose;
            IsReported = isReported;
            _file = new System.Lazy<Compose.ComposeFile>(() => Compose.ComposeFile.Parse(source), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public string Path => Source.Path;
        public Text.SourceText Source { get; }

        /// <summary>Production, development (override files, <c>compose.dev.yml</c>...) or test.</summary>
        public AssetPurpose Purpose { get; }

        /// <summary>False for a shared compose file another project reports.</summary>
        public bool IsReported { get; }

        /// <summary>The parsed file (parsed on first use).</summary>
        public Compose.ComposeFile File => _file.Value;

        /// <summary>A standard override file (<c>compose.override.yml</c>, <c>docker-compose.override.yml</c>...): it only adds to a base file.</summary>
        public bool IsOverrideFile => Compose.ComposeProject.IsOverrideFileName(Path);
    }

    /// <summary>A compose service that builds a Dockerfile: the build context compose gives it, and where it says so.</summary>
    public sealed class ComposeBuildReference
    {
        public ComposeBuildReference(string composeFilePath, string serviceName, string contextDirectory, string dockerfilePath, Text.SourceText source, Text.TextSpan contextSpan, bool hasHealthcheck = false, Compose.ComposeService? service = null)
        {
            Service = service;
            HasHealthcheck = hasHealthcheck;
            ComposeFilePath = composeFilePath;
            ServiceName = serviceName;
            ContextDirectory = contextDirectory;
            DockerfilePath = dockerfilePath;
            Source = source;
            ContextSpan = contextSpan;
        }

        public string ComposeFilePath { get; }
        public string ServiceName { get; }

        /// <summary>Full path of <c>build.context</c> (relative to the compose file).</summary>
        public string ContextDirectory { get; }

        /// <summary>Full path of <c>build.dockerfile</c> (relative to the context; <c>Dockerfile</c> by default).</summary>
        public string DockerfilePath { get; }

        /// <summary>The compose file's text, for findings at the <c>context:</c> value.</summary>
        public Text.SourceText Source { get; }

        /// <summary>The service defines a health check (not disabled) in a production compose file: it stands in for the Dockerfile's HEALTHCHECK.</summary>
        public bool HasHealthcheck { get; }

        /// <summary>The <c>context</c> value (or the short <c>build: path</c>).</summary>
        public Text.TextSpan ContextSpan { get; }

        /// <summary>The service itself (its environment, ports and health check), when the reference came from a parsed file.</summary>
        public Compose.ComposeService? Service { get; }
    }

    /// <summary>All assets of one analysis, loaded and parsed, plus the project facts and read-only file access.</summary>
    public sealed class Workspace
    {
        public Workspace(string projectDirectory, ProjectFacts project, IFileSystem fileSystem, IReadOnlyList<DockerfileDocument> dockerfiles,
            IReadOnlyList<DockerIgnoreDocument>? dockerIgnores = null, IReadOnlyList<ComposeBuildReference>? composeBuilds = null, string? repositoryRoot = null,
            IReadOnlyList<Text.SourceText>? composeSources = null, IReadOnlyList<ComposeDocument>? composeDocuments = null)
        {
            ProjectDirectory = projectDirectory;
            Project = project;
            FileSystem = fileSystem;
            Dockerfiles = dockerfiles;
            _dockerIgnores = dockerIgnores == null ? new List<DockerIgnoreDocument>() : new List<DockerIgnoreDocument>(dockerIgnores);
            ComposeDocuments = composeDocuments ?? System.Array.Empty<ComposeDocument>();
            _composeBuilds = composeBuilds != null
                ? new System.Lazy<IReadOnlyList<ComposeBuildReference>>(() => composeBuilds)
                : new System.Lazy<IReadOnlyList<ComposeBuildReference>>(() => ComposeBuildReferences.Collect(this), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            RepositoryRoot = repositoryRoot;
            if (composeSources == null && composeDocuments != null)
            {
                var sources = new Text.SourceText[composeDocuments.Count];
                for (int i = 0; i < sources.Length; i++) sources[i] = composeDocuments[i].Source;
                composeSources = sources;
            }
            ComposeSources = composeSources ?? System.Array.Empty<Text.SourceText>();
            _dockerfilesByIgnoreFile = new System.Lazy<Dictionary<string, List<DockerfileDocument>>>(GroupDockerfilesByIgnoreFile, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            _composeBuildsByDockerfile = new System.Lazy<Dictionary<string, List<ComposeBuildReference>>>(IndexComposeBuilds, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            _appSettings = new System.Lazy<DotNetPlatform.AppSettings>(ReadAppSettings, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private readonly System.Lazy<IReadOnlyList<ComposeBuildReference>> _composeBuilds;

        /// <summary>The compose files of the workspace (read, parsed on first use).</summary>
        public IReadOnlyList<ComposeDocument> ComposeDocuments { get; }

        public string ProjectDirectory { get; }
        public ProjectFacts Project { get; }
        public IFileSystem FileSystem { get; }
        public IReadOnlyList<DockerfileDocument> Dockerfiles { get; }
        public IReadOnlyList<DockerIgnoreDocument> DockerIgnores => _dockerIgnores;

        private readonly List<DockerIgnoreDocument> _dockerIgnores;

        /// <summary>While loading, before any rule runs: the ignore file a Dockerfile's decided context applies.</summary>
        internal void AddDockerIgnore(DockerIgnoreDocument document) => _dockerIgnores.Add(document);

        /// <summary>Every compose service of the workspace's compose files that builds a Dockerfile.</summary>
        public IReadOnlyList<ComposeBuildReference> ComposeBuilds => _composeBuilds.Value;

        /// <summary>The texts of the workspace's compose files (for their inline suppressions).</summary>
        public IReadOnlyList<Text.SourceText> ComposeSources { get; }

        /// <summary>
        /// The project's <c>appsettings.json</c> as far as listen addresses go (DKR604, DKR620), read on first use through
        /// the file system; <see cref="DotNetPlatform.AppSettings.Absent"/> when there is none, never an exception.
        /// </summary>
        public DotNetPlatform.AppSettings AppSettings => _appSettings.Value;

        private readonly System.Lazy<DotNetPlatform.AppSettings> _appSettings;

        private DotNetPlatform.AppSettings ReadAppSettings()
        {
            try
            {
                // An environment's file (appsettings.Production.json: containers run in Production unless told otherwise)
                // overrides the base file; which one applies depends on the deployment, so one that moves the addresses
                // leaves the answer open. Development files never ship to production.
                if (FileSystem.DirectoryExists(ProjectDirectory))
                {
                    foreach (var entry in FileSystem.EnumerateEntries(ProjectDirectory))
                    {
                        string name = entry.Name;
                        if (entry.IsDirectory || !name.StartsWith("appsettings.", System.StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase)) continue;
                        if (name.Equals("appsettings.json", System.StringComparison.OrdinalIgnoreCase) || name.Equals("appsettings.Development.json", System.StringComparison.OrdinalIgnoreCase)) continue;
                        var environment = ReadSettingsFile(System.IO.Path.Combine(ProjectDirectory, name));
                        if (environment == null || !environment.IsUnderstood || environment.SetsAddresses) return DotNetPlatform.AppSettings.NotUnderstood;
                    }
                }
                return ReadSettingsFile(System.IO.Path.Combine(ProjectDirectory, "appsettings.json")) ?? DotNetPlatform.AppSettings.Absent;
            }
            catch (System.Exception ex) when (ex is System.IO.IOException || ex is System.UnauthorizedAccessException || ex is System.ArgumentException || ex is System.NotSupportedException)
            {
                return DotNetPlatform.AppSettings.NotUnderstood;
            }
        }

        /// <summary>One settings file; null when it does not exist.</summary>
        private DotNetPlatform.AppSettings? ReadSettingsFile(string path)
        {
            if (!FileSystem.FileExists(path)) return null;
            var bytes = FileSystem.ReadAllBytes(path);
            if (bytes.Length > 1024 * 1024) return DotNetPlatform.AppSettings.NotUnderstood;
            return DotNetPlatform.AppSettings.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        }

        /// <summary>The nearest folder above the project that holds <c>.git</c>, or null.</summary>
        public string? RepositoryRoot { get; }

        /// <summary>The Dockerfiles of the workspace whose build context applies this ignore file.</summary>
        public IReadOnlyList<DockerfileDocument> DockerfilesUsing(DockerIgnoreDocument ignore)
        {
            // Every ignore rule asks for every ignore file: grouped once, so a folder of many Dockerfiles and ignore
            // files is not a product of the two per rule.
            var byIgnoreFile = _dockerfilesByIgnoreFile.Value;
            return byIgnoreFile.TryGetValue(ignore.Path, out var list) ? list : (IReadOnlyList<DockerfileDocument>)System.Array.Empty<DockerfileDocument>();
        }

        private System.Lazy<Dictionary<string, List<DockerfileDocument>>> _dockerfilesByIgnoreFile = null!;

        private Dictionary<string, List<DockerfileDocument>> GroupDockerfilesByIgnoreFile()
        {
            var map = new Dictionary<string, List<DockerfileDocument>>(DockerAnalyzer.PathComparer);
            foreach (var d in Dockerfiles)
            {
                var context = GetBuildContext(d);
                if (context.IgnoreFile == null) continue;
                if (!map.TryGetValue(context.IgnoreFile.Path, out var list)) map[context.IgnoreFile.Path] = list = new List<DockerfileDocument>();
                list.Add(d);
            }
            return map;
        }

        /// <summary>The compose services of the workspace that build the Dockerfile at a path (compared as full paths).</summary>
        internal IReadOnlyList<ComposeBuildReference> ComposeBuildsOf(string dockerfilePath)
        {
            var index = _composeBuildsByDockerfile.Value;
            return index.TryGetValue(FullPathOrSelf(dockerfilePath), out var list) ? list : (IReadOnlyList<ComposeBuildReference>)System.Array.Empty<ComposeBuildReference>();
        }

        private System.Lazy<Dictionary<string, List<ComposeBuildReference>>> _composeBuildsByDockerfile = null!;

        private Dictionary<string, List<ComposeBuildReference>> IndexComposeBuilds()
        {
            var map = new Dictionary<string, List<ComposeBuildReference>>(DockerAnalyzer.PathComparer);
            foreach (var reference in ComposeBuilds)
            {
                string key = FullPathOrSelf(reference.DockerfilePath);
                if (!map.TryGetValue(key, out var list)) map[key] = list = new List<ComposeBuildReference>();
                list.Add(reference);
            }
            return map;
        }

        /// <summary>The key <see cref="BuildContextResolver.SamePath"/> compares by: the full path, or the path as given when it has none.</summary>
        private static string FullPathOrSelf(string path)
        {
            try
            {
                return System.IO.Path.GetFullPath(path);
            }
            catch (System.Exception ex) when (ex is System.ArgumentException || ex is System.NotSupportedException || ex is System.IO.PathTooLongException)
            {
                return path;
            }
        }

        /// <summary>The loaded ignore file at a path, or null.</summary>
        public DockerIgnoreDocument? FindDockerIgnore(string path)
        {
            foreach (var d in DockerIgnores)
                if (DockerAnalyzer.PathComparer.Equals(d.Path, path)) return d;
            return null;
        }

        private readonly ConcurrentDictionary<string, System.Lazy<Compose.ComposeFile?>> _composeFiles =
            new ConcurrentDictionary<string, System.Lazy<Compose.ComposeFile?>>(DockerAnalyzer.PathComparer);

        private readonly ConcurrentDictionary<ComposeDocument, System.Lazy<Compose.ComposeProject>> _composeProjects =
            new ConcurrentDictionary<ComposeDocument, System.Lazy<Compose.ComposeProject>>();

        /// <summary>
        /// The parsed compose file at a full path: a workspace document, or a file an <c>extends</c>, <c>include</c> or
        /// override pair brings in (read through the file system with the same size and encoding limits); null when
        /// it does not exist or cannot be read. Parsed once per analysis.
        /// </summary>
        public Compose.ComposeFile? GetComposeFile(string path)
        {
            foreach (var d in ComposeDocuments)
                if (DockerAnalyzer.PathComparer.Equals(d.Path, path)) return d.File;
            return _composeFiles.GetOrAdd(path, p => new System.Lazy<Compose.ComposeFile?>(() =>
            {
                try
                {
                    if (!FileSystem.FileExists(p)) return null;
                }
                catch (System.Exception ex) when (ex is System.IO.IOException || ex is System.UnauthorizedAccessException || ex is System.ArgumentException || ex is System.NotSupportedException)
                {
                    return null;
                }
                var text = AssetReader.TryRead(FileSystem, p, out _);
                return text == null ? null : Compose.ComposeFile.Parse(text);
            }, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private readonly ConcurrentDictionary<string, System.Lazy<DockerfileModel?>> _dockerfileModels =
            new ConcurrentDictionary<string, System.Lazy<DockerfileModel?>>(DockerAnalyzer.PathComparer);

        /// <summary>
        /// The model of the Dockerfile at a full path: a workspace document's, or one read through the file system
        /// (with the usual size and encoding limits) and parsed once per analysis, so that every compose service and
        /// rule that builds it shares one parse. Null when it does not exist or cannot be read.
        /// </summary>
        public DockerfileModel? GetDockerfileModel(string path)
        {
            foreach (var d in Dockerfiles)
                if (DockerAnalyzer.PathComparer.Equals(d.Path, path)) return d.Model;
            return _dockerfileModels.GetOrAdd(path, p => new System.Lazy<DockerfileModel?>(() =>
            {
                try
                {
                    if (!FileSystem.FileExists(p)) return null;
                }
                catch (System.Exception ex) when (ex is System.IO.IOException || ex is System.UnauthorizedAccessException || ex is System.ArgumentException || ex is System.NotSupportedException)
                {
                    return null;
                }
                var text = AssetReader.TryRead(FileSystem, p, out _);
                return text == null ? null : DockerfileModel.Create(DockerfileParser.Parse(text));
            }, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        /// <summary>The project of a compose document (override pair, extends, includes), built on first use and shared by every rule.</summary>
        public Compose.ComposeProject GetComposeProject(ComposeDocument document)
        {
            if (_composeProjects.TryGetValue(document, out var existing)) return existing.Value;
            return _composeProjects.GetOrAdd(document, d => new System.Lazy<Compose.ComposeProject>(
                () => Compose.ComposeProject.Load(d.File, GetComposeFile),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private readonly ConcurrentDictionary<DockerIgnoreDocument, System.Lazy<BuildContext>> _ownContexts =
            new ConcurrentDictionary<DockerIgnoreDocument, System.Lazy<BuildContext>>();

        /// <summary>
        /// The context a <c>.dockerignore</c> applies to by where it sits (its own directory, with itself as the ignore
        /// file), for ignore files no Dockerfile of the workspace is built with; created once and shared by every rule.
        /// </summary>
        public BuildContext GetOwnContext(DockerIgnoreDocument ignore)
        {
            if (_ownContexts.TryGetValue(ignore, out var existing)) return existing.Value;
            return _ownContexts.GetOrAdd(ignore, d => new System.Lazy<BuildContext>(
                () => new BuildContext(FileSystem, d.Directory, d.File),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private readonly ConcurrentDictionary<DockerfileDocument, System.Lazy<BuildContext>> _buildContexts =
            new ConcurrentDictionary<DockerfileDocument, System.Lazy<BuildContext>>();

        /// <summary>The build context of a Dockerfile of this workspace, created on first use and shared by every rule.</summary>
        public BuildContext GetBuildContext(DockerfileDocument document)
        {
            // Rules ask again and again: the lookup alone allocates nothing once the context exists.
            if (_buildContexts.TryGetValue(document, out var existing)) return existing.Value;
            return _buildContexts.GetOrAdd(document, d => new System.Lazy<BuildContext>(
                () => BuildContextResolver.Resolve(this, d),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }
    }
}
