using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR122: an instruction keyword whose case differs from the file's usual case (or mixes cases, like <c>Run</c>),
    /// and an <c>AS</c> whose case differs from its <c>FROM</c>.
    /// </summary>
    public sealed class InconsistentInstructionCasing : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR122", "Instruction casing is inconsistent", RuleCategory.ImageAndBuild, DiagnosticSeverity.Suggestion,
            "'{0}' {1}: write '{2}'",
            "Docker accepts any case, but a file that mixes cases is harder to scan and to search; most Dockerfiles write instructions in upper case.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var keywords = new List<Word>();
            foreach (var instruction in context.Syntax.Instructions)
            {
                keywords.Add(instruction.Keyword);
                if (instruction is OnbuildInstruction onbuild && onbuild.Trigger != null) keywords.Add(onbuild.Trigger.Keyword);
            }

            int upper = 0, lower = 0;
            foreach (var k in keywords)
            {
                if (IsUpper(k.Value)) upper++;
                else if (IsLower(k.Value)) lower++;
            }
            // Ties go to upper case, the form of Docker's documentation.
            bool majorityLower = lower > upper;
            foreach (var k in keywords)
            {
                string v = k.Value;
                if (majorityLower ? IsLower(v) : IsUpper(v)) continue;
                string why = IsUpper(v) || IsLower(v)
                    ? $"differs from the {(majorityLower ? "lower" : "upper")} case of most instructions in this file"
                    : "mixes upper and lower case";
                context.Report(k.Span, v, why, majorityLower ? v.ToLowerInvariant() : v.ToUpperInvariant());
            }

            foreach (var stage in context.Model.Stages)
            {
                var from = stage.From;
                var asWord = from.AsKeyword;
                if (asWord == null) continue;
                string f = from.Keyword.Value, a = asWord.Value;
                if (IsUpper(f) && !IsUpper(a))
                    context.Report(asWord.Span, a, $"does not match the case of '{f}'", "AS");
                else if (IsLower(f) && !IsLower(a))
                    context.Report(asWord.Span, a, $"does not match the case of '{f}'", "as");
            }
        }

        private static bool IsUpper(string s) => string.Equals(s, s.ToUpperInvariant(), StringComparison.Ordinal);
        private static bool IsLower(string s) => string.Equals(s, s.ToLowerInvariant(), StringComparison.Ordinal);
    }
}
