using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// Decides which directory (and so which .dockerignore) is a Dockerfile's build context, in this order:
    /// 1. the project's <c>DockerfileContext</c> or the item's <c>Context</c>;
    /// 2. a compose service of the solution or repository that builds this Dockerfile (<c>build.context</c>);
    /// 3. inference from the COPY sources (wildcards count too): the folder between the Dockerfile and the repository
    ///    root (or solution folder, or a few levels up) where most of them exist;
    /// 4. when no folder holds most of them, no context: the rules that depend on it stay silent rather than guess.
    /// When two declarations disagree and the sources exist in only one, the other is reported once (DKR129) and the
    /// one the sources agree with is used.
    /// </summary>
    internal static class BuildContextResolver
    {
        /// <summary>How far up an implicit context may be looked for when there is no repository root or solution.</summary>
        private const int MaxAncestorLevels = 3;

        /// <summary>A hard stop for the upward search even inside a repository.</summary>
        private const int MaxSearchLevels = 12;

        public static BuildContext Resolve(Workspace workspace, DockerfileDocument document)
        {
            var fileSystem = workspace.FileSystem;
            var evidence = Evidence.Of(document, workspace.Project);
            var composeRefs = ComposeReferencesTo(workspace, document.Path);

            string directory;
            ContextDecision decision;
            if (document.ContextIsExplicit)
            {
                directory = document.ContextDirectory;
                decision = new ContextDecision(ContextSource.Declared, DescribeDeclaration(workspace));
                foreach (var compose in composeRefs)
                {
                    if (SameDirectory(compose.ContextDirectory, directory)) continue;
                    var verdict = Compare(fileSystem, evidence, directory, compose.ContextDirectory);
                    if (verdict > 0)
                    {
                        // The compose file is the one that is wrong.
                        decision = new ContextDecision(ContextSource.Declared, decision.Description,
                            Disagreement(fileSystem, evidence, compose.ComposeFilePath, compose.Source, compose.ContextSpan, ComposeDescription(compose), compose.ContextDirectory, decision.Description, directory));
                        break;
                    }
                    if (verdict < 0)
                    {
                        string declaredDescription = decision.Description;
                        var (file, source, span) = FindDeclaration(workspace, document);
                        decision = new ContextDecision(ContextSource.Compose, ComposeDescription(compose),
                            Disagreement(fileSystem, evidence, file, source, span, declaredDescription, directory, ComposeDescription(compose), compose.ContextDirectory));
                        directory = compose.ContextDirectory;
                        break;
                    }
                }
                if (decision.Disagreement == null && evidence.Count >= 2)
                {
                    // No compose file says otherwise, but the sources do: most of them exist in another folder between the
                    // Dockerfile and the repository root, and at most half in the declared one. One finding at the
                    // declaration instead of one per COPY; the folder the sources agree with is used.
                    int declaredScore = evidence.CountExisting(fileSystem, directory);
                    if (2 * declaredScore <= evidence.Count)
                    {
                        string? best = BetterFolder(workspace, document, evidence, directory, declaredScore);
                        if (best != null)
                        {
                            var (file, source, span) = FindDeclaration(workspace, document);
                            decision = new ContextDecision(ContextSource.Inferred, ContextDecision.Inferred.Description,
                                Disagreement(fileSystem, evidence, file, source, span, decision.Description, directory, "the folder the COPY sources are written for", best));
                            directory = best;
                        }
                    }
                }
            }
            else if (composeRefs.Count > 0)
            {
                // Several services may build the same Dockerfile; the one whose context holds the sources wins.
                var best = composeRefs[0];
                int bestScore = evidence.Count == 0 ? 0 : evidence.CountExisting(fileSystem, best.ContextDirectory);
                for (int i = 1; i < composeRefs.Count; i++)
                {
                    int score = evidence.Count == 0 ? 0 : evidence.CountExisting(fileSystem, composeRefs[i].ContextDirectory);
                    if (score > bestScore) { best = composeRefs[i]; bestScore = score; }
                }
                directory = best.ContextDirectory;
                decision = new ContextDecision(ContextSource.Compose, ComposeDescription(best));
                if (evidence.Count >= 2 && 2 * bestScore <= evidence.Count)
                {
                    var better = BetterFolder(workspace, document, evidence, directory, bestScore);
                    if (better != null)
                    {
                        decision = new ContextDecision(ContextSource.Inferred, ContextDecision.Inferred.Description,
                            Disagreement(fileSystem, evidence, best.ComposeFilePath, best.Source, best.ContextSpan, ComposeDescription(best), directory, "the folder the COPY sources are written for", better));
                        directory = better;
                    }
                }
            }
            else
            {
                (directory, decision) = Infer(workspace, document, evidence);
            }

            var ignorePath = BuildContext.FindIgnoreFile(fileSystem, document.Path, directory);
            // An ignore file the workspace already parsed is shared, with its matcher and pattern index: not read twice.
            var ignoreFile = ignorePath == null ? null : workspace.FindDockerIgnore(ignorePath)?.File ?? BuildContext.LoadIgnoreFile(fileSystem, ignorePath);
            return new BuildContext(fileSystem, directory, ignoreFile, decision: decision);
        }

        /// <summary>Step 3 and 4: the folder where most sources exist, between the Dockerfile and the search root.</summary>
        private static (string, ContextDecision) Infer(Workspace workspace, DockerfileDocument document, Evidence evidence)
        {
            string start = document.ContextDirectory;
            if (evidence.Count == 0) return (start, ContextDecision.ProjectDirectory);
            var fileSystem = workspace.FileSystem;
            int startScore = evidence.CountExisting(fileSystem, start);
            if (startScore == evidence.Count) return (start, ContextDecision.ProjectDirectory);

            string best = start;
            int bestScore = startScore;
            foreach (var candidate in Ancestors(workspace, start))
            {
                int score = evidence.CountExisting(fileSystem, candidate);
                // Ties go to the closest folder.
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                    if (score == evidence.Count) break;
                }
            }
            if (2 * bestScore <= evidence.Count) return (start, ContextDecision.Undecided);
            if (ReferenceEquals(best, start)) return (start, ContextDecision.ProjectDirectory);
            return (best, ContextDecision.Inferred);
        }

        /// <summary>The folders above <paramref name="start"/>, nearest first, up to the repository root, else the solution folder, else a few levels.</summary>
        internal static IEnumerable<string> Ancestors(Workspace workspace, string start)
        {
            string? stop = null;
            if (workspace.RepositoryRoot != null && IsAtOrUnder(start, workspace.RepositoryRoot)) stop = workspace.RepositoryRoot;
            else if (workspace.Project.SolutionDirectory != null && IsAtOrUnder(start, workspace.Project.SolutionDirectory!)) stop = workspace.Project.SolutionDirectory;
            int max = stop != null ? MaxSearchLevels : MaxAncestorLevels;
            string current = start;
            for (int level = 1; level <= max; level++)
            {
                if (stop != null && SameDirectory(current, stop)) yield break;
                string? parent;
                try { parent = Path.GetDirectoryName(current.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)); }
                catch (ArgumentException) { yield break; }
                if (string.IsNullOrEmpty(parent)) yield break;
                current = parent!;
                yield return current;
            }
        }

        /// <summary>A folder between the Dockerfile and the search root that holds most sources and more than <paramref name="score"/>, or null.</summary>
        private static string? BetterFolder(Workspace workspace, DockerfileDocument document, Evidence evidence, string current, int score)
        {
            string dockerfileDirectory = Path.GetDirectoryName(document.Path) ?? current;
            string? best = null;
            int bestScore = score;
            foreach (var candidate in Prepend(dockerfileDirectory, Ancestors(workspace, dockerfileDirectory)))
            {
                if (SameDirectory(candidate, current)) continue;
                int candidateScore = evidence.CountExisting(workspace.FileSystem, candidate);
                if (candidateScore > bestScore) { best = candidate; bestScore = candidateScore; }
            }
            return best != null && 2 * bestScore > evidence.Count ? best : null;
        }

        private static IEnumerable<string> Prepend(string first, IEnumerable<string> rest)
        {
            yield return first;
            foreach (var r in rest) yield return r;
        }

        /// <summary>+1 when the sources agree with <paramref name="first"/> and not <paramref name="second"/>, -1 the other way, 0 when neither clearly.</summary>
        private static int Compare(IFileSystem fileSystem, Evidence evidence, string first, string second)
        {
            if (evidence.Count == 0) return 0;
            int a = evidence.CountExisting(fileSystem, first);
            int b = evidence.CountExisting(fileSystem, second);
            if (2 * a > evidence.Count && 2 * b <= evidence.Count && a > b) return 1;
            if (2 * b > evidence.Count && 2 * a <= evidence.Count && b > a) return -1;
            return 0;
        }

        private static ContextDisagreement Disagreement(IFileSystem fileSystem, Evidence evidence, string wrongFile, SourceText? wrongSource, TextSpan wrongSpan,
            string wrongDescription, string wrongDirectory, string rightDescription, string rightDirectory) =>
            new ContextDisagreement(wrongFile, wrongSource, wrongSpan, wrongDescription, wrongDirectory, rightDescription, rightDirectory,
                evidence.CountExisting(fileSystem, rightDirectory), evidence.CountExisting(fileSystem, wrongDirectory), evidence.Count);

        private static List<ComposeBuildReference> ComposeReferencesTo(Workspace workspace, string dockerfilePath)
        {
            return new List<ComposeBuildReference>(workspace.ComposeBuildsOf(dockerfilePath));
        }

        private static string ComposeDescription(ComposeBuildReference compose) =>
            $"build.context of service '{compose.ServiceName}' in {Path.GetFileName(compose.ComposeFilePath)}";

        private static string DescribeDeclaration(Workspace workspace)
        {
            string? project = workspace.Project.ProjectPath;
            return project == null ? "declared by DockerfileContext or the item's Context" : $"declared by DockerfileContext or the item's Context in {Path.GetFileName(project)}";
        }

        /// <summary>Where the project file declares the context: the <c>DockerfileContext</c>/<c>ContainerBuildContext</c> value or a <c>Context="..."</c> attribute.</summary>
        private static (string File, SourceText? Source, TextSpan Span) FindDeclaration(Workspace workspace, DockerfileDocument document)
        {
            string? projectPath = workspace.Project.ProjectPath;
            if (projectPath != null)
            {
                var text = AssetReader.TryRead(workspace.FileSystem, projectPath, out _);
                if (text != null)
                {
                    foreach (var element in new[] { "DockerfileContext", "ContainerBuildContext" })
                    {
                        int open = text.Text.IndexOf("<" + element + ">", StringComparison.Ordinal);
                        if (open < 0) continue;
                        int valueStart = open + element.Length + 2;
                        int close = text.Text.IndexOf("</" + element + ">", valueStart, StringComparison.Ordinal);
                        if (close < 0) close = valueStart;
                        return (projectPath, text, TextSpan.FromBounds(valueStart, close));
                    }
                    string name = Path.GetFileName(document.Path);
                    int searchFrom = 0;
                    while (true)
                    {
                        int attribute = text.Text.IndexOf("Context=\"", searchFrom, StringComparison.Ordinal);
                        if (attribute < 0) break;
                        var line = text.GetLinePositionSpan(new TextSpan(attribute, 0)).Start.Line;
                        var lineSpan = text.GetLineSpan(line);
                        if (text.Text.IndexOf(name, lineSpan.Start, lineSpan.Length, StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            int valueStart = attribute + "Context=\"".Length;
                            int end = text.Text.IndexOf('"', valueStart);
                            return (projectPath, text, TextSpan.FromBounds(valueStart, end < 0 ? valueStart : end));
                        }
                        searchFrom = attribute + 1;
                    }
                }
            }
            // Declared somewhere we cannot point at (Directory.Build.props, the command line): the Dockerfile's first line.
            return (document.Path, document.Syntax.Source, new TextSpan(0, 0));
        }

        internal static bool SamePath(string a, string b)
        {
            try
            {
                return DockerAnalyzer.PathComparer.Equals(Path.GetFullPath(a), Path.GetFullPath(b));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return DockerAnalyzer.PathComparer.Equals(a, b);
            }
        }

        internal static bool SameDirectory(string a, string b) =>
            SamePath(a.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

        internal static bool IsAtOrUnder(string path, string directory)
        {
            string p = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            string d = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var comparison = DockerAnalyzer.PathComparer.Equals("A", "a") ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(p, d, comparison)) return true;
            return p.Length > d.Length && p.StartsWith(d, comparison) && (p[d.Length] == Path.DirectorySeparatorChar || p[d.Length] == Path.AltDirectorySeparatorChar);
        }

        /// <summary>The COPY/ADD sources that say where a Dockerfile expects its context: plain paths and wildcards.</summary>
        internal sealed class Evidence
        {
            private readonly List<(string Path, bool IsGlob)> _sources;

            private Evidence(List<(string, bool)> sources)
            {
                _sources = sources;
            }

            public int Count => _sources.Count;

            public static Evidence Of(DockerfileDocument document, ProjectFacts project)
            {
                var sources = new List<(string, bool)>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var instruction in document.Syntax.Instructions)
                {
                    if (!(instruction is CopyInstruction copy) || !CopySources.ReadsBuildContext(copy)) continue;
                    foreach (var source in CopySources.Resolve(document.Model, copy))
                    {
                        if (source.Kind != CopySourceKind.ContextPath || source.IsWholeContext) continue;
                        string path = source.ContextPath!;
                        if (path.Length == 0 || path.IndexOf("**", StringComparison.Ordinal) >= 0) continue;
                        if (OutputFolders.Covers(project, document, path)) continue;
                        if (seen.Add(path)) sources.Add((path, source.IsGlob));
                    }
                }
                return new Evidence(sources);
            }

            /// <summary>How many sources exist under a candidate context (ignoring .dockerignore: an excluded source still shows the folder is right).</summary>
            public int CountExisting(IFileSystem fileSystem, string directory)
            {
                int count = 0;
                BuildContext? globContext = null;
                foreach (var (path, isGlob) in _sources)
                {
                    if (isGlob)
                    {
                        globContext ??= new BuildContext(fileSystem, directory, null);
                        var result = globContext.Glob(path);
                        if (result.Visible.Count > 0 || result.Excluded.Count > 0) count++;
                        continue;
                    }
                    try
                    {
                        string full = Path.Combine(directory, DockerIgnore.SlashPath.Unescape(path).Replace('/', Path.DirectorySeparatorChar));
                        if (fileSystem.FileExists(full) || fileSystem.DirectoryExists(full)) count++;
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                    {
                    }
                }
                return count;
            }
        }
    }

    /// <summary>The project's own output folders: a script may run <c>dotnet publish</c> into them right before <c>docker build</c>.</summary>
    internal static class OutputFolders
    {
        /// <summary>Is a full path at or under one of the project's output folders?</summary>
        public static bool Contain(ProjectFacts project, string fullPath)
        {
            foreach (var output in project.OutputDirectories)
            {
                if (string.IsNullOrWhiteSpace(output)) continue;
                try
                {
                    if (BuildContextResolver.IsAtOrUnder(Path.GetFullPath(fullPath), Path.GetFullPath(output))) return true;
                }
                catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
                {
                }
            }
            return false;
        }

        /// <summary>
        /// Before the context is decided: would the source land in an output folder if the context were the
        /// Dockerfile's starting folder or one of its parents?
        /// </summary>
        public static bool Covers(ProjectFacts project, DockerfileDocument document, string contextPath)
        {
            if (project.OutputDirectories.Count == 0) return false;
            string relative = contextPath.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar);
            string? level = document.ContextDirectory;
            for (int i = 0; i < 8 && !string.IsNullOrEmpty(level); i++)
            {
                if (Contain(project, Path.Combine(level!, relative))) return true;
                try { level = Path.GetDirectoryName(level!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)); }
                catch (ArgumentException) { break; }
            }
            return false;
        }
    }
}
