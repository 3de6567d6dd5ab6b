using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DockerIgnore;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>
    /// DKR405: a <c>COPY</c>/<c>ADD</c> source that exists on disk but that the build context's .dockerignore
    /// excludes: a plain path fails the build with 'not found', a wildcard whose matches are all excluded copies nothing.
    /// </summary>
    public sealed class CopySourceExcludedByDockerIgnore : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR405", "COPY source is excluded by .dockerignore", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "{0} source '{1}' {2}",
            "COPY and ADD read their sources from the build context after .dockerignore has removed what it excludes. A source that is on disk but excluded fails the build with 'not found' (a wildcard copies nothing), typically on a CI machine or after a pattern was added for another reason.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var buildContext = context.BuildContext;
            if (!buildContext.Exists || buildContext.IgnoreFile == null) return;
            var instructions = context.Syntax.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (!(instructions[i] is CopyInstruction copy) || !CopySources.ReadsBuildContext(copy)) continue;
                var sources = CopySources.Resolve(context.Model, copy);
                for (int k = 0; k < sources.Count; k++)
                {
                    var source = sources[k];
                    if (source.Kind != CopySourceKind.ContextPath) continue;
                    var problem = Judge(source, buildContext);
                    if (problem != null) context.Report(source.Word.Span, copy.Name, source.Expanded, problem);
                }
            }
        }

        private static string? Judge(CopySource source, BuildContext buildContext)
        {
            string path = source.ContextPath!;
            if (source.IsGlob)
            {
                // '**' is not a COPY wildcard (it means '*'), but 'COPY --parents' gives it a meaning: do not guess.
                if (path.IndexOf("**", StringComparison.Ordinal) >= 0) return null;
                var result = buildContext.Glob(path);
                if (result.Truncated || result.Visible.Count > 0 || result.Excluded.Count == 0) return null;
                var first = result.Excluded[0];
                return $"matches only paths that .dockerignore excludes ({Describe(first.Ignore.DecidingPattern, buildContext)}), so nothing is copied. Remove the pattern or add an exception such as '!{first.Path}' after it";
            }

            var entry = buildContext.Probe(path);
            if (!entry.IsExcluded) return null;
            return $"is excluded by .dockerignore ({Describe(entry.Ignore.DecidingPattern, buildContext)}), so the build cannot see it and fails with 'not found'. Remove that pattern or add an exception '!{path}' after it";
        }

        private static string Describe(DockerIgnorePattern? pattern, BuildContext buildContext)
        {
            if (pattern == null) return "'" + (buildContext.IgnoreFile?.Path ?? ".dockerignore") + "'";
            string file = IgnoreFileContexts.FileName(buildContext.IgnoreFile?.Path ?? ".dockerignore");
            return $"{file} line {pattern.Line}: '{pattern.Raw}'";
        }
    }
}
