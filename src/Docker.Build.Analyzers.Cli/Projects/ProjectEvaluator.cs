using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Docker.Build.Analyzers.Cli.Projects
{
    /// <summary>What the projects of one run reported, or why they could not be analysed.</summary>
    internal sealed class ProjectRunResult
    {
        public ProjectRunResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Diagnostic> suppressed, int projectCount, int fileCount)
        {
            Diagnostics = diagnostics;
            Suppressed = suppressed;
            ProjectCount = projectCount;
            FileCount = fileCount;
        }

        private ProjectRunResult(string problem)
        {
            Problem = problem;
            Diagnostics = Array.Empty<Diagnostic>();
            Suppressed = Array.Empty<Diagnostic>();
        }

        public static ProjectRunResult Failed(string problem) => new ProjectRunResult(problem);

        public string? Problem { get; }
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
        public IReadOnlyList<Diagnostic> Suppressed { get; }
        public int ProjectCount { get; }
        public int FileCount { get; }
    }

    /// <summary>
    /// Evaluates a project, or each project of a solution, with the SDK's MSBuild (no restore, no build: evaluation
    /// alone gives every property and item the task receives) and runs the engine on the request the build would
    /// make. The only class, with <see cref="EvaluatedProjectValues"/>, that uses Microsoft.Build types: it must not be
    /// reached before <see cref="MSBuildRegistration"/> ran.
    /// </summary>
    internal static class ProjectEvaluator
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ProjectRunResult Analyze(string path, bool isSolution, IReadOnlyDictionary<string, string> properties, IAppCodeFactsSource codeFacts)
        {
            var globalProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in properties) globalProperties[pair.Key] = pair.Value;
            IReadOnlyList<string> projectPaths;
            if (isSolution)
            {
                if (!TrySolutionProjects(path, out projectPaths, out string? problem)) return ProjectRunResult.Failed(problem!);
                // What a solution build passes every project (MSBuild's solution metaproject), SolutionPath above all:
                // the engine decides from the solution which project reports a shared compose file or .dockerignore.
                string directory = Path.GetDirectoryName(path)!;
                globalProperties["SolutionDir"] = directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;
                globalProperties["SolutionExt"] = Path.GetExtension(path);
                globalProperties["SolutionFileName"] = Path.GetFileName(path);
                globalProperties["SolutionName"] = Path.GetFileNameWithoutExtension(path);
                globalProperties["SolutionPath"] = path;
            }
            else
            {
                projectPaths = new[] { path };
            }

            var diagnostics = new List<Diagnostic>();
            var suppressed = new List<Diagnostic>();
            var files = new HashSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using var collection = new ProjectCollection(globalProperties);
            foreach (string projectPath in projectPaths)
            {
                if (!File.Exists(projectPath))
                    return ProjectRunResult.Failed($"the project '{projectPath}'{(isSolution ? " listed in the solution" : "")} does not exist.");
                Project project;
                try
                {
                    project = collection.LoadProject(projectPath);
                }
                catch (InvalidProjectFileException ex)
                {
                    return ProjectRunResult.Failed($"the project '{projectPath}' could not be evaluated: {ex.Message}");
                }

                var values = new EvaluatedProjectValues(project);
                if (!values.AnalysisRuns) continue;
                var request = ProjectRequestBuilder.Create(values, values.CodeAwareInCompiler ? codeFacts.Read(values.ProjectPath, values.CompileItems) : null);
                if (!ProjectRequestBuilder.ShouldAnalyze(request)) continue;
                foreach (var asset in request.Assets) files.Add(asset.Path);
                var result = new DockerAnalyzer().Analyze(request);
                // A finding two projects would both report (a file each of them lists) is shown once.
                foreach (var d in ProjectRequestBuilder.Reported(result.Diagnostics, values))
                {
                    files.Add(d.FilePath);
                    if (seen.Add(Key(d))) diagnostics.Add(d);
                }
                foreach (var d in ProjectRequestBuilder.Reported(result.SuppressedDiagnostics, values))
                    if (seen.Add("suppressed|" + Key(d))) suppressed.Add(d);
                collection.UnloadProject(project);
            }
            diagnostics.Sort(Compare);
            suppressed.Sort(Compare);
            return new ProjectRunResult(diagnostics, suppressed, projectPaths.Count, files.Count);
        }

        private static bool TrySolutionProjects(string path, out IReadOnlyList<string> projects, out string? problem)
        {
            var list = new List<string>();
            projects = list;
            problem = null;
            SolutionFile solution;
            try
            {
                solution = SolutionFile.Parse(path);
            }
            catch (Exception ex) when (ex is InvalidProjectFileException || ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is InvalidOperationException)
            {
                problem = $"the solution '{path}' could not be read: {ex.Message}";
                return false;
            }
            foreach (var project in solution.ProjectsInOrder)
            {
                // Solution folders and projects MSBuild does not build (web sites, other project systems) are not projects here either.
                if (project.ProjectType != SolutionProjectType.KnownToBeMSBuildFormat) continue;
                string full = Path.GetFullPath(project.AbsolutePath);
                if (!list.Contains(full)) list.Add(full);
            }
            return true;
        }

        private static string Key(Diagnostic d) => d.Id + "|" + d.FilePath + "|" + d.Line + "|" + d.Column + "|" + d.EndLine + "|" + d.EndColumn + "|" + d.Message;

        private static int Compare(Diagnostic a, Diagnostic b)
        {
            int c = string.CompareOrdinal(a.FilePath, b.FilePath);
            if (c != 0) return c;
            c = a.Line.CompareTo(b.Line);
            if (c != 0) return c;
            c = a.Column.CompareTo(b.Column);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        }
    }
}
