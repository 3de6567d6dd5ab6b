using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR115: a stage name used twice, reserved (<c>scratch</c>, <c>context</c>) or not a valid name (warnings), or not in
    /// lower case (a suggestion).
    /// </summary>
    public sealed class InvalidOrDuplicateStageName : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR115", "Stage name is duplicated, reserved, invalid or not lower case", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "Stage name '{0}' {1}",
            "Docker compares stage names without case and refuses two stages of one name; 'scratch' and 'context' already mean something to --from and FROM.");

        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "scratch", "context" };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var source = context.Syntax.Source;
            var seen = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
            foreach (var stage in context.Model.Stages)
            {
                var word = stage.From.StageName;
                if (word == null) continue;
                string name = word.Value;

                if (!IsValid(name))
                {
                    context.Report(word.Span, name, "is not a valid stage name, and the build fails: start with a letter and use only letters, digits, '-', '_' and '.'");
                    continue;
                }
                if (seen.TryGetValue(name, out var first))
                {
                    int line = source.GetLinePosition(first.From.StageName!.Span.Start).Line;
                    context.Report(word.Span, name, $"is already used by the stage on line {line}, and the build fails. Give each stage its own name");
                    continue;
                }
                seen[name] = stage;
                if (Reserved.Contains(name))
                {
                    string meaning = name.Equals("scratch", StringComparison.OrdinalIgnoreCase) ? "the empty image" : "the build context in --from";
                    context.Report(word.Span, name, $"is reserved: '{name.ToLowerInvariant()}' already means {meaning}. Choose another name");
                    continue;
                }
                if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
                    context.Report(word.Span, DiagnosticSeverity.Suggestion, name, $"is not in lower case: Docker lower-cases stage names, so write '{name.ToLowerInvariant()}' as it is used");
            }
        }

        /// <summary>Docker's rule for stage names, case aside: a letter, then letters, digits, '-', '_' or '.'.</summary>
        private static bool IsValid(string name)
        {
            if (name.Length == 0 || !IsAsciiLetter(name[0])) return false;
            foreach (char c in name)
                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.') return false;
            return true;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
