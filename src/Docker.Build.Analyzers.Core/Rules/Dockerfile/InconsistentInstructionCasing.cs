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
            // The keywords are every instruction's and every ONBUILD trigger's; they are walked twice (count, then
            // check) rather than collected into a list.
            var instructions = context.Syntax.Instructions;
            int upper = 0, lower = 0;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                Count(instruction.Keyword);
                if (instruction is OnbuildInstruction onbuild && onbuild.Trigger != null) Count(onbuild.Trigger.Keyword);
            }
            // Ties go to upper case, the form of Docker's documentation.
            bool majorityLower = lower > upper;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                Check(instruction.Keyword);
                if (instruction is OnbuildInstruction onbuild && onbuild.Trigger != null) Check(onbuild.Trigger.Keyword);
            }

            void Count(Word k)
            {
                if (IsUpper(k.Value)) upper++;
                else if (IsLower(k.Value)) lower++;
            }

            void Check(Word k)
            {
                string v = k.Value;
                if (majorityLower ? IsLower(v) : IsUpper(v)) return;
                string why = IsUpper(v) || IsLower(v)
                    ? (majorityLower ? "differs from the lower case of most instructions in this file" : "differs from the upper case of most instructions in this file")
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

        /// <summary>The word reads the same upper-cased (ASCII checked in place; anything else through <see cref="string.ToUpperInvariant"/>).</summary>
        private static bool IsUpper(string s)
        {
            foreach (char c in s)
            {
                if (c >= 0x80) return string.Equals(s, s.ToUpperInvariant(), StringComparison.Ordinal);
                if (c >= 'a' && c <= 'z') return false;
            }
            return true;
        }

        /// <summary>The word reads the same lower-cased (ASCII checked in place; anything else through <see cref="string.ToLowerInvariant"/>).</summary>
        private static bool IsLower(string s)
        {
            foreach (char c in s)
            {
                if (c >= 0x80) return string.Equals(s, s.ToLowerInvariant(), StringComparison.Ordinal);
                if (c >= 'A' && c <= 'Z') return false;
            }
            return true;
        }
    }
}
