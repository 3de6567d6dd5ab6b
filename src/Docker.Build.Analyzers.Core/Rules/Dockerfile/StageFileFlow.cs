using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// Follows a file through the stages of a Dockerfile: from the stage where a COPY put it, through the
    /// <c>COPY --from=</c> instructions that take it (directly, with the directory that holds it, or through a
    /// chain of build stages), to the final image. Paths are absolute, resolved against WORKDIR.
    /// </summary>
    internal static class StageFileFlow
    {
        /// <summary>The <c>COPY --from</c> of the final image's stages that brings the file in, or null.</summary>
        public static CopyInstruction? CarrierIntoFinalImage(DockerfileModel model, Stage stage, string path, RunScripts runs)
        {
            var final = model.FinalStage;
            if (final == null || string.IsNullOrEmpty(path)) return null;
            var visited = new HashSet<(Stage, string)>();
            return Follow(model, final, stage, path, runs, visited, depth: 0);
        }

        private static CopyInstruction? Follow(DockerfileModel model, Stage final, Stage holder, string path, RunScripts runs, HashSet<(Stage, string)> visited, int depth)
        {
            if (depth > 8 || !visited.Add((holder, path))) return null;
            foreach (var stage in model.Stages)
            {
                if (stage.Index <= holder.Index) continue;
                for (int i = 0; i < stage.Instructions.Count; i++)
                {
                    if (!(stage.Instructions[i] is CopyInstruction copy) || copy.Destination == null) continue;
                    var fromFlag = copy.GetFlag("from");
                    if (fromFlag?.ValueWord == null) continue;
                    var reference = new StageReference(copy, StageReferenceKind.CopyFrom, fromFlag.ValueWord);
                    string? name = StageReferences.Resolve(reference, model, stage);
                    var source = name == null ? null : model.FindEarlierStage(name, stage);
                    // The stage copied from holds the file when it is the holder or is built on it (FROM holder).
                    if (source == null || !source.IsSelfOrAncestor(holder)) continue;
                    if (RemovedIn(model, runs, holder, source, path)) continue;
                    string? landed = Lands(model, stage, i, copy, path);
                    if (landed == null) continue;
                    if (final.IsSelfOrAncestor(stage)) return copy;
                    var further = Follow(model, final, stage, landed, runs, visited, depth + 1);
                    if (further != null) return further;
                }
            }
            return null;
        }

        /// <summary>Where the file lands in the copying stage, or null when none of the COPY's sources takes it.</summary>
        private static string? Lands(DockerfileModel model, Stage stage, int index, CopyInstruction copy, string path)
        {
            var scope = stage.ScopeBefore(index);
            string destination = Expand(model, copy.IsJsonForm ? copy.Destination!.Value : copy.Destination!.Raw, scope);
            if (destination.Length == 0 || destination.IndexOf('$') >= 0) return null;
            bool intoDirectory = destination.EndsWith("/", StringComparison.Ordinal) || destination.EndsWith("/.", StringComparison.Ordinal) || destination == "." || copy.Sources.Count > 1;
            string target = Absolute(destination, WorkdirAt(model, stage, index));
            DockerIgnoreMatcher? excludes = ExcludeFlags(copy);
            foreach (var word in copy.Sources)
            {
                string raw = copy.IsJsonForm ? word.Value : word.Raw;
                string expanded = Expand(model, raw, scope);
                if (expanded.IndexOf('$') >= 0) continue;
                // COPY --from reads the other stage from its root.
                string source = SlashPath.Clean("/" + expanded);
                string? relative = null;
                if (SlashPath.HasGlobCharacters(source))
                {
                    if (GlobMatches(source, path)) relative = SlashPath.FileName(path);
                }
                else if (source == path) relative = "";
                else if (Covers(source, path)) relative = path.Substring(source == "/" ? 1 : source.Length + 1);
                if (relative == null) continue;
                if (excludes != null && excludes.IsExcluded(relative.Length == 0 ? SlashPath.FileName(path) : relative)) continue;
                if (relative.Length == 0) return intoDirectory ? Join(target, SlashPath.FileName(path)) : target;
                return Join(target, relative);
            }
            return null;
        }

        /// <summary>
        /// Where a file that a COPY/ADD of the build context takes lands in the stage: <paramref name="relative"/> is its
        /// path below the copied directory, or "" when the source names the file itself. Null when unknown.
        /// </summary>
        public static string? Landing(DockerfileModel model, Stage stage, CopyInstruction copy, string relative, string fileName)
        {
            if (copy.Destination == null) return null;
            int index = IndexIn(stage, copy);
            if (index < 0) return null;
            string destination = Expand(model, copy.IsJsonForm ? copy.Destination.Value : copy.Destination.Raw, stage.ScopeBefore(index));
            if (destination.Length == 0 || destination.IndexOf('$') >= 0) return null;
            bool intoDirectory = destination.EndsWith("/", StringComparison.Ordinal) || destination.EndsWith("/.", StringComparison.Ordinal) || destination == "." || copy.Sources.Count > 1;
            string target = Absolute(destination, WorkdirAt(model, stage, index));
            if (relative.Length == 0) return intoDirectory ? Join(target, fileName) : target;
            return Join(target, relative);
        }

        public static int IndexIn(Stage stage, Instruction instruction)
        {
            for (int i = 0; i < stage.Instructions.Count; i++)
                if (ReferenceEquals(stage.Instructions[i], instruction)) return i;
            return -1;
        }

        /// <summary>A RUN of the stages from the holder to the stage copied from deletes the file (or its folder) first.</summary>
        private static bool RemovedIn(DockerfileModel model, RunScripts runs, Stage holder, Stage source, string path)
        {
            string name = SlashPath.FileName(path);
            foreach (var stage in source.SelfAndAncestors)
            {
                if (stage.Index < holder.Index) break;
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Kind != InstructionKind.Run) continue;
                    var run = runs.Get(instruction);
                    if (run == null) continue;
                    foreach (var command in run.Commands)
                    {
                        var e = command.EffectiveCommand;
                        if (e.CommandName != "rm" && e.CommandName != "shred" && e.CommandName != "find") continue;
                        if (RunCommandFacts.Removes(command, path)) return true;
                        // A relative 'rm -f secrets.json' after a WORKDIR: judged by the name.
                        foreach (var operand in e.Operands)
                            if (string.Equals(SlashPath.FileName(operand.Value.TrimEnd('/')), name, StringComparison.Ordinal)) return true;
                    }
                }
            }
            return false;
        }

        /// <summary>The WORKDIR in effect before instruction <paramref name="index"/> of the stage ("/" when none is known).</summary>
        public static string WorkdirAt(DockerfileModel model, Stage stage, int index)
        {
            string workdir = "/";
            var chain = stage.SelfAndAncestors;
            for (int c = chain.Count - 1; c >= 0; c--)
            {
                var s = chain[c];
                int end = ReferenceEquals(s, stage) ? index : s.Instructions.Count;
                for (int i = 0; i < end; i++)
                {
                    if (!(s.Instructions[i] is WordsInstruction w) || w.Kind != InstructionKind.Workdir || w.FirstWord == null) continue;
                    string value = Expand(model, w.IsJsonForm ? w.FirstWord.Value : w.FirstWord.Raw, s.ScopeBefore(i));
                    workdir = Absolute(value, workdir);
                }
            }
            return workdir;
        }

        /// <summary>The absolute form of a path written in a stage whose working directory is <paramref name="workdir"/>.</summary>
        public static string Absolute(string path, string workdir)
        {
            string p = path.Replace('\\', '/');
            return SlashPath.Clean(p.StartsWith("/", StringComparison.Ordinal) ? p : workdir.TrimEnd('/') + "/" + p);
        }

        /// <summary>The directory is the path or a folder above it.</summary>
        public static bool Covers(string directory, string path) =>
            directory == "/" ? path.StartsWith("/", StringComparison.Ordinal) : SlashPath.IsUnder(path, directory);

        private static string Join(string directory, string relative) => directory == "/" ? "/" + relative : directory + "/" + relative;

        private static string Expand(DockerfileModel model, string raw, VariableScope scope)
        {
            string value = model.Expand(raw, scope, out bool complete);
            return complete ? value : "$";
        }

        /// <summary>A wildcard source such as <c>/app/*.pfx</c> matches the file, or a folder above it.</summary>
        private static bool GlobMatches(string pattern, string path)
        {
            var regex = new System.Text.StringBuilder("^");
            foreach (char c in pattern)
            {
                if (c == '*') regex.Append("[^/]*");
                else if (c == '?') regex.Append("[^/]");
                else regex.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
            }
            regex.Append("(/.*)?$");
            try { return System.Text.RegularExpressions.Regex.IsMatch(path, regex.ToString()); }
            catch (ArgumentException) { return false; }
        }

        private static DockerIgnoreMatcher? ExcludeFlags(CopyInstruction copy)
        {
            var patterns = new List<string>();
            foreach (var flag in copy.GetFlags("exclude"))
                if (!string.IsNullOrEmpty(flag.Value)) patterns.Add(flag.Value!);
            return patterns.Count == 0 ? null : DockerIgnoreParser.CreateMatcher(patterns);
        }
    }
}
