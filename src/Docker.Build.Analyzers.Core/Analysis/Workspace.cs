using System.Collections.Concurrent;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>A Dockerfile with its parse, its semantic model and its build context.</summary>
    public sealed class DockerfileDocument
    {
        public DockerfileDocument(DockerfileSyntax syntax, string contextDirectory, bool contextIsExplicit = false)
        {
            Syntax = syntax;
            ContextDirectory = contextDirectory;
            ContextIsExplicit = contextIsExplicit;
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

        /// <summary>The directory Docker would send as the build context.</summary>
        public string ContextDirectory { get; }

        /// <summary>True when the project named the context (DockerfileContext); false when it defaulted to the project directory.</summary>
        public bool ContextIsExplicit { get; }
    }

    /// <summary>All assets of one analysis, loaded and parsed, plus the project facts and read-only file access.</summary>
    public sealed class Workspace
    {
        public Workspace(string projectDirectory, ProjectFacts project, IFileSystem fileSystem, IReadOnlyList<DockerfileDocument> dockerfiles)
        {
            ProjectDirectory = projectDirectory;
            Project = project;
            FileSystem = fileSystem;
            Dockerfiles = dockerfiles;
        }

        public string ProjectDirectory { get; }
        public ProjectFacts Project { get; }
        public IFileSystem FileSystem { get; }
        public IReadOnlyList<DockerfileDocument> Dockerfiles { get; }

        private readonly ConcurrentDictionary<DockerfileDocument, System.Lazy<BuildContext>> _buildContexts =
            new ConcurrentDictionary<DockerfileDocument, System.Lazy<BuildContext>>();

        /// <summary>The build context of a Dockerfile of this workspace, created on first use and shared by every rule.</summary>
        public BuildContext GetBuildContext(DockerfileDocument document)
        {
            // Rules ask again and again: the lookup alone allocates nothing once the context exists.
            if (_buildContexts.TryGetValue(document, out var existing)) return existing.Value;
            return _buildContexts.GetOrAdd(document, d => new System.Lazy<BuildContext>(
                () => BuildContextResolver.Resolve(FileSystem, d),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }
    }
}
