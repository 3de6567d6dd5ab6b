using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Where a build reads from something other than its own stage: <c>COPY --from=x</c> or <c>RUN --mount=...,from=x</c>.</summary>
    public enum StageReferenceKind
    {
        /// <summary><c>COPY --from=x</c>.</summary>
        CopyFrom,

        /// <summary><c>RUN --mount=type=bind|cache,from=x</c>.</summary>
        MountFrom,
    }

    /// <summary>
    /// A <c>--from</c> value: a stage name, a stage index, an image reference or a named build context. Docker decides
    /// which one it is only when it builds; this records what is written and where.
    /// </summary>
    public sealed class StageReference
    {
        public StageReference(Instruction instruction, StageReferenceKind kind, Word value)
        {
            Instruction = instruction;
            Kind = kind;
            Value = value;
        }

        /// <summary>The <c>COPY</c> or <c>RUN</c> that holds the reference (never an <c>ONBUILD</c> trigger).</summary>
        public Instruction Instruction { get; }

        public StageReferenceKind Kind { get; }

        /// <summary>The value as written after <c>from=</c>; its span is the value alone.</summary>
        public Word Value { get; }

        public override string ToString() => Value.Raw;
    }

    /// <summary>Finds the <c>--from</c> references of instructions and resolves the build arguments in them.</summary>
    public static class StageReferences
    {
        /// <summary>
        /// The references of one instruction: <c>COPY --from</c> and the <c>from=</c> of each <c>RUN --mount</c>.
        /// ONBUILD triggers are not included: they run in another build, where other stages exist. <c>ADD</c> takes no
        /// <c>--from</c> (Docker rejects the flag), so it has none.
        /// </summary>
        public static IReadOnlyList<StageReference> Of(Instruction instruction)
        {
            // Most instructions have no flags at all: answer them without allocating a list.
            if (instruction.Flags.Count == 0) return Array.Empty<StageReference>();
            List<StageReference>? result = null;
            if (instruction.Kind == InstructionKind.Copy)
            {
                var from = instruction.GetFlag("from");
                if (from?.ValueWord != null) (result ??= new List<StageReference>()).Add(new StageReference(instruction, StageReferenceKind.CopyFrom, from.ValueWord));
            }
            else if (instruction.Kind == InstructionKind.Run)
            {
                var flags = instruction.Flags;
                for (int i = 0; i < flags.Count; i++)
                {
                    var mount = flags[i];
                    if (!string.Equals(mount.Name, "mount", StringComparison.OrdinalIgnoreCase) || mount.ValueWord == null) continue;
                    var value = MountOption(mount.ValueWord, "from");
                    if (value != null) (result ??= new List<StageReference>()).Add(new StageReference(instruction, StageReferenceKind.MountFrom, value));
                }
            }
            return result ?? (IReadOnlyList<StageReference>)Array.Empty<StageReference>();
        }

        /// <summary>Every reference of every stage, in file order.</summary>
        public static IEnumerable<(Stage Stage, StageReference Reference)> All(DockerfileModel model)
        {
            foreach (var stage in model.Stages)
                foreach (var instruction in stage.Instructions)
                    foreach (var reference in Of(instruction))
                        yield return (stage, reference);
        }

        /// <summary>
        /// The reference with build arguments expanded: global ARGs first (what BuildKit uses to pick the source
        /// before it runs any stage), then the stage's own ARG and ENV. Null when a value is unknown.
        /// </summary>
        public static string? Resolve(StageReference reference, DockerfileModel model, Stage stage)
        {
            var raw = reference.Value.Raw;
            if (raw.IndexOf('$') < 0) return reference.Value.Value;
            var scope = stage.ScopeBefore(reference.Instruction);
            string value = Variables.Expand(raw, model.Escape, name => model.GlobalScope.ValueOf(name) ?? scope.ValueOf(name), out bool complete);
            return complete && value.Length > 0 ? value : null;
        }

        /// <summary>
        /// A value that can only be an image, never a stage or a named build context: it has a tag, a digest, a path or
        /// a registry (<c>nginx:1.27</c>, <c>ghcr.io/org/tool</c>, <c>img@sha256:...</c>). A bare word is ambiguous.
        /// </summary>
        public static bool IsImageReference(string value) => value.IndexOfAny(ImageMarks) >= 0;

        private static readonly char[] ImageMarks = { '/', ':', '@' };

        /// <summary>
        /// One <c>key=value</c> field of a comma-separated flag value such as <c>--mount=type=bind,from=build,target=/x</c>
        /// (fields may be double-quoted, as in CSV). Null when the key is absent.
        /// </summary>
        public static Word? MountOption(Word flagValue, string key)
        {
            string s = flagValue.Raw;
            if (s.IndexOf(key, StringComparison.OrdinalIgnoreCase) < 0) return null; // the usual case: no need to split the fields
            int i = 0;
            while (i <= s.Length)
            {
                int start = i;
                bool quoted = false;
                while (i < s.Length && (quoted || s[i] != ','))
                {
                    if (s[i] == '"') quoted = !quoted;
                    i++;
                }
                string field = s.Substring(start, i - start);
                string unquotedField = field.Length >= 2 && field[0] == '"' && field[field.Length - 1] == '"' ? field.Substring(1, field.Length - 2) : field;
                int offset = unquotedField.Length == field.Length ? start : start + 1;
                int eq = unquotedField.IndexOf('=');
                if (eq > 0 && string.Equals(unquotedField.Substring(0, eq).Trim(), key, StringComparison.OrdinalIgnoreCase))
                {
                    int valueStart = offset + eq + 1;
                    int valueLength = unquotedField.Length - eq - 1;
                    var text = flagValue.RawText.Slice(valueStart, valueLength);
                    return new Word(text, text.Value.Trim('"'));
                }
                i++;
            }
            return null;
        }
    }
}
