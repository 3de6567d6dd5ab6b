using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>
    /// DKR406: a .dockerignore line Docker rejects (the build fails), an exclusion that can never match (an absolute
    /// Windows path, a path above the context root), or an exception with nothing to re-include.
    /// </summary>
    public sealed class IneffectiveIgnorePattern : DockerIgnoreRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR406", ".dockerignore pattern is invalid or has no effect", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "'{0}' {1}",
            "Docker refuses a .dockerignore with a malformed line and the build fails before it starts. Lines that can never match, or exceptions with nothing to re-include, fail silently: what the author meant to keep out (or in) is not.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerIgnoreContext context)
        {
            var patterns = context.File.Patterns;
            bool anyExclusion = false, anyValid = false;
            foreach (var p in patterns)
            {
                if (!p.IsValid) continue;
                anyValid = true;
                if (!p.IsException) anyExclusion = true;
            }

            if (anyValid && !anyExclusion)
            {
                // Reported once, at the first exception: each line has the same cause.
                foreach (var p in patterns)
                {
                    if (!p.IsValid) continue;
                    context.Report(p.Span, DiagnosticSeverity.Warning, p.Raw,
                        "is an exception, and every line of this file is one: an exception only re-includes what an earlier line excluded, so the file excludes nothing. Add the exclusions the exceptions refine (for example '**' to send only what the exceptions name)");
                    break;
                }
            }

            var earlierExclusions = new List<DockerIgnorePattern>();
            foreach (var p in patterns)
            {
                if (!p.IsValid)
                {
                    context.Report(p.Span, DiagnosticSeverity.Warning, p.Raw, $"is rejected by Docker ({p.Error}), so every build with this context fails before it starts. Fix or remove the line");
                    continue;
                }
                string? never = NeverMatches(context.File.Source.Text.Substring(p.PatternSpan.Start, p.PatternSpan.Length), p.Pattern);
                if (never != null)
                {
                    string effect = p.IsException ? "re-includes nothing" : "excludes nothing";
                    context.Report(p.Span, DiagnosticSeverity.Warning, p.Raw, $"{effect}: {never}");
                }
                else if (p.IsException && anyExclusion && NothingToReinclude(p, earlierExclusions))
                {
                    string reason = earlierExclusions.Count == 0
                        ? "no line before it excludes anything"
                        : $"no line before it excludes '{p.Pattern}', a folder holding it, or anything inside it";
                    context.Report(p.Span, DiagnosticSeverity.Suggestion, p.Raw,
                        $"has no effect: an exception only re-includes what an earlier line excluded, and {reason}. Move it below the exclusion it refines, or remove it");
                }
                if (!p.IsException) earlierExclusions.Add(p);
            }
        }

        /// <summary>Why a pattern can never match a context path, or null when it may.</summary>
        private static string? NeverMatches(string written, string cleaned)
        {
            if (written.Length >= 3 && IsAsciiLetter(written[0]) && written[1] == ':' && (written[2] == '\\' || written[2] == '/'))
                return "patterns are paths relative to the build context root, never absolute Windows paths. Write the path relative to the context (for example '" + RelativeExample(written) + "')";
            if (cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
                return "patterns are matched against paths inside the build context, and after cleaning it still climbs above the context root. Write the path relative to the context root";
            return null;
        }

        private static string RelativeExample(string written)
        {
            string rest = written.Substring(3).Replace('\\', '/');
            int slash = rest.LastIndexOf('/');
            return slash >= 0 && slash < rest.Length - 1 ? "**/" + rest.Substring(slash + 1) : rest.Length > 0 ? rest : "**";
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        /// <summary>
        /// Only certain cases: no exclusion before the exception, or the exception and every exclusion before it are
        /// plain paths and none of those is the exception's path, a folder above it, or a path inside it.
        /// </summary>
        private static bool NothingToReinclude(DockerIgnorePattern exception, List<DockerIgnorePattern> earlierExclusions)
        {
            if (earlierExclusions.Count == 0) return true;
            if (!IsPlainPath(exception.Pattern)) return false;
            foreach (var e in earlierExclusions)
            {
                if (!IsPlainPath(e.Pattern)) return false;
                if (SlashPath.IsUnder(exception.Pattern, e.Pattern) || SlashPath.IsUnder(e.Pattern, exception.Pattern)) return false;
            }
            return true;
        }

        private static bool IsPlainPath(string pattern) =>
            pattern.Length > 0 && pattern != "." && pattern.IndexOfAny(GlobCharacters) < 0;

        private static readonly char[] GlobCharacters = { '*', '?', '[', ']', '\\', '^' };
    }
}
