using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR121: a <c>COPY</c>/<c>ADD</c> source that the build context does not hold, so the build fails. Sources that
    /// exist but that .dockerignore excludes are DKR405's.
    /// </summary>
    public sealed class CopySourceNotInContext : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR121", "COPY source is not in the build context", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "{0} source '{1}' {2}",
            "COPY and ADD read their sources from the build context. A source that is not there fails the build with 'not found'.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var buildContext = context.BuildContext;
            if (!buildContext.Exists) return; // the context is somewhere we cannot see: nothing to say about sources
            // One list for every COPY of the file: most copies have one source and no problem.
            var verdicts = new List<(CopySource Source, string? Problem, bool CopiesSomething)>();
            var instructions = context.Syntax.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (!(instructions[i] is CopyInstruction copy) || !CopySources.ReadsBuildContext(copy)) continue;
                var sources = CopySources.Resolve(context.Model, copy);
                verdicts.Clear();
                bool anyProblem = false;
                for (int k = 0; k < sources.Count; k++)
                {
                    var source = sources[k];
                    // A path under the project's own output folders is filled by 'dotnet publish' right before 'docker build'.
                    var verdict = source.Kind != CopySourceKind.ContextPath || InOutputFolder(context, buildContext, source.ContextPath!)
                        ? (source, null, true)
                        : Judge(source, buildContext);
                    anyProblem |= verdict.Item2 != null;
                    verdicts.Add(verdict);
                }
                if (!anyProblem) continue;

                foreach (var (source, problem, _) in verdicts)
                {
                    if (problem == null) continue;
                    // 'COPY package.json yarn.lock* ./' makes the wildcard optional on purpose: BuildKit accepts an
                    // empty match, so it only matters when nothing else in the instruction copies anything.
                    if (source.IsGlob && problem.StartsWith(NothingPrefix, StringComparison.Ordinal) && AnotherSourceCopies(verdicts, source)) continue;
                    context.Report(source.Word.Span, copy.Name, source.Expanded, problem);
                }
            }
        }

        private static bool AnotherSourceCopies(List<(CopySource Source, string? Problem, bool CopiesSomething)> verdicts, CopySource self)
        {
            foreach (var v in verdicts)
                if (!ReferenceEquals(v.Source, self) && v.CopiesSomething) return true;
            return false;
        }

        private const string NothingPrefix = "matches nothing";

        private static (CopySource, string?, bool) Judge(CopySource source, BuildContext buildContext)
        {
            string path = source.ContextPath!;
            if (source.IsGlob)
            {
                // '**' is not a COPY wildcard (it means '*'), but 'COPY --parents' gives it a meaning: do not guess.
                if (path.IndexOf("**", StringComparison.Ordinal) >= 0) return (source, null, true);
                var result = buildContext.Glob(path);
                if (result.Truncated || result.Visible.Count > 0) return (source, null, true);
                if (result.Excluded.Count > 0) return (source, null, false); // on disk, but .dockerignore hides it: DKR405
                return (source, $"{NothingPrefix} {Where(buildContext)}: BuildKit copies nothing and the classic builder fails with 'no source files were specified'. Fix the pattern, or build with the context that holds the files", false);
            }

            var entry = buildContext.Probe(path);
            if (entry.IsVisible) return (source, null, true);
            if (entry.IsExcluded) return (source, null, false); // on disk, but .dockerignore hides it: DKR405
            string hint = source.ClimbsAboveContext
                ? "; a source cannot leave the context ('..' stops at its root), so set the build context (DockerfileContext) to the directory that holds it"
                : "; sources are relative to the context root, so fix the path or set the build context (DockerfileContext) to the directory that holds it";
            return (source, $"does not exist {Where(buildContext)}, so the build fails with 'not found'{hint}", false);
        }

        private static string Where(BuildContext buildContext) => $"in the build context '{buildContext.Directory}' ({buildContext.Decision.Description})";

        private static bool InOutputFolder(DockerfileContext context, BuildContext buildContext, string contextPath) =>
            context.Project.OutputDirectories.Count > 0 && OutputFolders.Contain(context.Project, buildContext.GetFullPath(contextPath.TrimEnd('/')));
    }
}
