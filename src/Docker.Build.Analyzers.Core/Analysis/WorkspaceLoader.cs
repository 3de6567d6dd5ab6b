using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Rules.Analyzer;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// Turns a request into a workspace: reads and parses every asset once (a file that cannot be read or parsed
    /// becomes one DKR9xx finding), gives each its purpose, and finds the repository root.
    /// </summary>
    internal static class WorkspaceLoader
    {
        public static Workspace Load(AnalysisRequest request, List<Diagnostic> diagnostics)
        {
            var project = request.Project;
            var fileSystem = request.FileSystem;
            string projectDirectory = Normalize(request.ProjectDirectory, request.ProjectDirectory);
            string? repositoryRoot = RepositoryLayout.FindRepositoryRoot(fileSystem, projectDirectory);
            string purposeRoot = repositoryRoot ?? project.SolutionDirectory ?? projectDirectory;

            var shared = new SharedAssets(fileSystem, project, projectDirectory, repositoryRoot);
            var inputs = new List<(AssetInput Asset, bool Reported)>();
            var parsed = new Dictionary<string, DockerfileSyntax>(DockerAnalyzer.PathComparer);
            // Two project files in one folder both see its Dockerfiles: the folder's first project (in name order, among
            // those that use the analyzer) reports them, so a build of both reports each finding once.
            bool projectDirectoryOwned = !shared.AnotherProjectOwnsProjectDirectory();
            foreach (var asset in request.Assets)
            {
                string assetPath = Normalize(asset.Path, projectDirectory);
                bool inProjectDirectory = BuildContextResolver.SameDirectory(Path.GetDirectoryName(assetPath) ?? "", projectDirectory);
                inputs.Add((asset, projectDirectoryOwned || !inProjectDirectory));
            }
            if (request.DiscoverSharedAssets)
                foreach (var found in shared.Discover())
                {
                    inputs.Add((new AssetInput(found.Path, found.Kind), found.IsReported));
                    if (found.Syntax != null) parsed[found.Path] = found.Syntax;
                }

            var preParsed = PreParseInParallel(request, inputs, parsed, projectDirectory);

            var dockerfiles = new List<DockerfileDocument>();
            var ignores = new List<DockerIgnoreDocument>();
            var composes = new List<ComposeDocument>();
            var seen = new HashSet<string>(DockerAnalyzer.PathComparer);
            foreach (var (asset, reported) in inputs)
            {
                string path = Normalize(asset.Path, projectDirectory);
                if (!seen.Add(path)) continue;
                var purpose = PurposeOf(asset, path, project, projectDirectory, purposeRoot);
                switch (asset.Kind)
                {
                    case AssetKind.Dockerfile:
                    {
                        DockerfileSyntax? syntax;
                        if (parsed.TryGetValue(path, out var known)) syntax = known;
                        else if (preParsed != null && preParsed.TryGetValue(path, out var pre))
                        {
                            syntax = pre.Syntax;
                            if (reported) diagnostics.AddRange(pre.Problems);
                        }
                        else syntax = ReadDockerfile(fileSystem, path, reported ? diagnostics : null);
                        if (syntax == null) continue;
                        // A Dockerfile above the project (or any Dockerfile when no project owns the folder) starts its
                        // context search in its own folder.
                        string context = asset.ContextDirectory != null
                            ? Normalize(asset.ContextDirectory, projectDirectory)
                            : request.ContextSearchStartsAtEachDockerfile || BuildContextResolver.IsAtOrUnder(projectDirectory, Path.GetDirectoryName(path) ?? "") ? Path.GetDirectoryName(path)! : projectDirectory;
                        dockerfiles.Add(new DockerfileDocument(syntax, context, asset.ContextDirectory != null, purpose, reported));
                        break;
                    }
                    case AssetKind.DockerIgnore:
                    {
                        var text = Read(fileSystem, path, reported ? diagnostics : null);
                        if (text == null) continue;
                        ignores.Add(new DockerIgnoreDocument(DockerIgnoreParser.Parse(text), purpose, reported));
                        break;
                    }
                    case AssetKind.Compose:
                    {
                        // Read now (so an unreadable file is a DKR901 like any asset), parsed when first needed.
                        var text = Read(fileSystem, path, reported ? diagnostics : null);
                        if (text == null) continue;
                        composes.Add(new ComposeDocument(text, purpose, reported));
                        break;
                    }
                }
            }
            var workspace = new Workspace(projectDirectory, project, fileSystem, dockerfiles, ignores, null, repositoryRoot, null, composes);
            AddContextIgnoreFiles(workspace, shared, project, projectDirectory, purposeRoot);
            return workspace;
        }

        /// <summary>
        /// With parallelism allowed, reads and parses the Dockerfiles on several threads first (parsing is most of the
        /// loading cost); their DKR901/DKR902 findings are kept apart and added in input order, so the result is the same.
        /// </summary>
        private static System.Collections.Concurrent.ConcurrentDictionary<string, (DockerfileSyntax? Syntax, List<Diagnostic> Problems)>? PreParseInParallel(
            AnalysisRequest request, List<(AssetInput Asset, bool Reported)> inputs, Dictionary<string, DockerfileSyntax> parsed, string projectDirectory)
        {
            if (request.MaxDegreeOfParallelism <= 1) return null;
            var paths = new List<string>();
            foreach (var (asset, _) in inputs)
            {
                if (asset.Kind != AssetKind.Dockerfile) continue;
                string path = Normalize(asset.Path, projectDirectory);
                if (!parsed.ContainsKey(path)) paths.Add(path);
            }
            if (paths.Count < 2) return null;
            var result = new System.Collections.Concurrent.ConcurrentDictionary<string, (DockerfileSyntax?, List<Diagnostic>)>(DockerAnalyzer.PathComparer);
            System.Threading.Tasks.Parallel.ForEach(paths, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = request.MaxDegreeOfParallelism }, path =>
            {
                var problems = new List<Diagnostic>();
                var syntax = ReadDockerfile(request.FileSystem, path, problems);
                result[path] = (syntax, problems);
            });
            return result;
        }

        /// <summary>
        /// The ignore file each reported Dockerfile's context applies is checked too (once, by the project that owns
        /// its folder), even when it lives above the project.
        /// </summary>
        private static void AddContextIgnoreFiles(Workspace workspace, SharedAssets shared, ProjectFacts project, string projectDirectory, string purposeRoot)
        {
            foreach (var dockerfile in workspace.Dockerfiles)
            {
                if (!dockerfile.IsReported) continue;
                var ignore = workspace.GetBuildContext(dockerfile).IgnoreFile;
                if (ignore == null || workspace.FindDockerIgnore(ignore.Path) != null) continue;
                string directory = Path.GetDirectoryName(ignore.Path) ?? "";
                bool reported = BuildContextResolver.SameDirectory(directory, projectDirectory) || shared.IsOwner(directory);
                var purpose = PurposeOf(new AssetInput(ignore.Path, AssetKind.DockerIgnore), ignore.Path, project, projectDirectory, purposeRoot);
                workspace.AddDockerIgnore(new DockerIgnoreDocument(ignore, purpose, reported));
            }
        }

        internal static AssetPurpose PurposeOf(AssetInput asset, string path, ProjectFacts project, string projectDirectory, string purposeRoot)
        {
            if (asset.Purpose.HasValue) return asset.Purpose.Value;
            if (AssetPurposes.MatchesAny(path, project.DevelopmentAssetPatterns, projectDirectory)) return AssetPurpose.Development;
            if (AssetPurposes.MatchesAny(path, project.TestAssetPatterns, projectDirectory)) return AssetPurpose.Test;
            var inferred = AssetPurposes.Infer(path, asset.Kind, purposeRoot);
            if (inferred == AssetPurpose.Production && project.IsTestProject && BuildContextResolver.IsAtOrUnder(path, projectDirectory)) return AssetPurpose.Test;
            return inferred;
        }

        /// <summary>Reads and parses a Dockerfile; null (with a DKR901/DKR902 finding) when that is not possible.</summary>
        internal static DockerfileSyntax? ReadDockerfile(IFileSystem fileSystem, string path, List<Diagnostic>? diagnostics)
        {
            var text = Read(fileSystem, path, diagnostics);
            if (text == null) return null;
            var syntax = DockerfileParser.Parse(text);
            if (syntax.HasErrors)
            {
                // Docker rejects the file; rules over a broken tree would only add noise, so one finding says it all.
                var error = syntax.Errors.OrderBy(e => e.Span.Start).First();
                diagnostics?.Add(DockerAnalyzer.MakeFileDiagnostic(AnalyzerRules.DockerfileUnparsable, text, error.Span, error.Message));
                return null;
            }
            return syntax;
        }

        internal static SourceText? Read(IFileSystem fileSystem, string path, List<Diagnostic>? diagnostics)
        {
            var text = AssetReader.TryRead(fileSystem, path, out var problem);
            if (text == null)
                diagnostics?.Add(DockerAnalyzer.MakeFileDiagnostic(AnalyzerRules.AssetUnreadable, SourceText.From("", path), new TextSpan(0, 0), path, problem ?? "unknown problem"));
            return text;
        }

        internal static string Normalize(string path, string baseDirectory)
        {
            try
            {
                string full = Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? "", path);
                return Path.GetFullPath(full);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return path;
            }
        }
    }

    /// <summary>Where a project sits: the repository root (the nearest folder holding <c>.git</c>).</summary>
    public static class RepositoryLayout
    {
        /// <summary>How many folders up the search for <c>.git</c> goes before it gives up.</summary>
        public const int MaxLevels = 32;

        public static string? FindRepositoryRoot(IFileSystem fileSystem, string directory)
        {
            try
            {
                string? current = directory;
                for (int level = 0; level <= MaxLevels && !string.IsNullOrEmpty(current); level++)
                {
                    string git = Path.Combine(current!, ".git");
                    // A worktree or submodule has a .git file; a clone a .git folder.
                    if (fileSystem.DirectoryExists(git) || fileSystem.FileExists(git)) return current;
                    current = Path.GetDirectoryName(current!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
            }
            return null;
        }
    }
}
