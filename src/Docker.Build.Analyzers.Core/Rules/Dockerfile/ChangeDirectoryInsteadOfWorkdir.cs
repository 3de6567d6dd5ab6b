using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR117: moving between directories in a way WORKDIR does better. (a) A RUN that starts with <c>cd dir</c> and
    /// then runs commands, or that ends with a <c>cd</c> whose effect is lost; (b) a relative WORKDIR that is the
    /// first WORKDIR of its stage and the stages it is built on (later ones build on that first one).
    /// </summary>
    public sealed class ChangeDirectoryInsteadOfWorkdir : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR117", "cd in RUN or relative WORKDIR", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "{0}",
            "WORKDIR sets the directory for every later instruction and is visible in the image configuration; a 'cd' lasts only until the end of its RUN. A relative WORKDIR depends on the working directory of the base image.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            // Index loops: the script lists are IReadOnlyList, and a foreach would allocate an enumerator per RUN.
            foreach (var run in context.Document.RunScripts.All)
                for (int s = 0; s < run.Scripts.Count; s++)
                    CheckScript(context, run.Scripts[s]);

            foreach (var stage in context.Model.Stages)
                for (int i = 0; i < stage.Instructions.Count; i++)
                    if (stage.Instructions[i] is WordsInstruction workdir && workdir.Kind == InstructionKind.Workdir)
                        CheckWorkdir(context, stage, i, workdir);
        }

        // ---------------------------------------------------------------- cd

        private static void CheckScript(DockerfileContext context, RunScript script)
        {
            if (!script.Script.IsParsed || script.Origin == RunScriptOrigin.ExecFormCommand) return;
            SimpleCommand? first = null, last = null;
            int count = 0;
            foreach (var c in script.Commands)
            {
                // Only what runs unconditionally in the script's own shell decides where later commands run.
                if (c.Parent != null || c.Context != ShellContext.None || !c.RunsInMainShell) continue;
                if (first == null && IsPreamble(c)) continue;
                first ??= c;
                last = c;
                count++;
            }
            if (first == null || last == null) return;

            if (count == 1 && IsCd(first, out var only))
            {
                if (Ignorable(only)) return;
                context.Report(first.Span, $"'cd {only!.Value}' is all this RUN does, and its effect ends with the RUN: use 'WORKDIR {only.Value}' to change the directory of later instructions");
                return;
            }
            if (IsCd(first, out var target) && !Ignorable(target) && !IsTemporary(target!))
            {
                context.Report(first.Span, $"This RUN starts with 'cd {target!.Value}', which lasts only for this RUN: put 'WORKDIR {target.Value}' before it, so this and later instructions run there and the image records it");
            }
            if (!ReferenceEquals(first, last) && IsCd(last, out var end) && !Ignorable(end) && end!.Value != "/")
            {
                context.Report(last.Span, $"'cd {end.Value}' at the end of a RUN has no effect: the next instruction starts again in the WORKDIR. Remove it, or use 'WORKDIR {end.Value}' if later instructions should run there");
            }
        }

        /// <summary>Commands a script may start with before the real work: <c>set -eux</c>, <c>export X=1</c>, <c>umask 022</c>, plain assignments.</summary>
        private static bool IsPreamble(SimpleCommand c) =>
            c.Name == null || c.CommandName == "set" || c.CommandName == "export" || c.CommandName == "umask" || c.CommandName == ":" || c.CommandName == "true";

        private static bool IsCd(SimpleCommand c, out ShellWord? target)
        {
            target = null;
            if (c.CommandName != "cd" || c.Assignments.Count > 0) return false;
            foreach (var a in c.Arguments)
            {
                if (a.Value == "-P" || a.Value == "-L" || a.Value == "-e" || a.Value == "--") continue;
                target = a;
                break;
            }
            return true;
        }

        /// <summary><c>cd</c>, <c>cd -</c>, <c>cd ~</c> and targets computed at run time cannot become a WORKDIR.</summary>
        private static bool Ignorable(ShellWord? target) =>
            target == null || target.ContainsExpansion || target.Value == "-" || target.Value.StartsWith("~", StringComparison.Ordinal) || target.Value.Length == 0;

        /// <summary>Scratch directories used for a download-and-build inside one RUN.</summary>
        private static bool IsTemporary(ShellWord target)
        {
            string v = target.Value.TrimEnd('/');
            return v == "/tmp" || v.StartsWith("/tmp/", StringComparison.Ordinal) || v == "/var/tmp" || v.StartsWith("/var/tmp/", StringComparison.Ordinal) || v == "/dev/shm";
        }

        // ---------------------------------------------------------------- WORKDIR

        private static void CheckWorkdir(DockerfileContext context, Stage stage, int index, WordsInstruction workdir)
        {
            var word = workdir.FirstWord;
            if (word == null) return;
            string value = context.Model.Expand(word.Raw, stage.ScopeBefore(index), out bool complete);
            if (!complete && !StartsLiteral(word.Value)) return; // a variable we cannot resolve: it may well be absolute
            if (IsAbsolute(value)) return;
            // Only the first WORKDIR of a stage chain can be relative to the base image; later ones build on it, and a relative first one is reported already.
            if (HasWorkdirBefore(stage, workdir)) return;
            string suggestion = "/" + value.TrimStart('.', '/');
            context.Report(word.Span, $"WORKDIR '{value}' is relative and no absolute WORKDIR comes before it, so it depends on the working directory of the base image: use an absolute path such as '{suggestion}'");
        }

        private static bool StartsLiteral(string value) => value.Length > 0 && value[0] != '$';

        internal static bool IsAbsolute(string path)
        {
            string p = path.Trim();
            if (p.StartsWith("/", StringComparison.Ordinal) || p.StartsWith("\\", StringComparison.Ordinal)) return true;
            // Windows: C:\app, c:/app
            return p.Length >= 2 && char.IsLetter(p[0]) && p[1] == ':';
        }

        private static bool HasWorkdirBefore(Stage stage, Instruction workdir)
        {
            foreach (var s in stage.SelfAndAncestors)
            {
                foreach (var ins in s.Instructions)
                {
                    if (ReferenceEquals(ins, workdir)) break;
                    if (ins.Kind == InstructionKind.Workdir) return true;
                }
            }
            return false;
        }
    }
}
