using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>
    /// Flag look-ups for the rules' hot paths: index loops over <see cref="Instruction.Flags"/>, where
    /// <see cref="Instruction.GetFlag"/> and the <see cref="Instruction.GetFlags"/> iterator allocate an enumerator.
    /// </summary>
    internal static class InstructionQueries
    {
        /// <summary>The first flag with this name (case-insensitive), or null; same answer as <see cref="Instruction.GetFlag"/>.</summary>
        public static InstructionFlag? FindFlag(this Instruction instruction, string name)
        {
            var flags = instruction.Flags;
            for (int i = 0; i < flags.Count; i++)
                if (string.Equals(flags[i].Name, name, StringComparison.OrdinalIgnoreCase)) return flags[i];
            return null;
        }

        /// <summary>True when a flag with this name is given.</summary>
        public static bool HasFlag(this Instruction instruction, string name) => FindFlag(instruction, name) != null;

        /// <summary>Every flag with this name, in order (an empty array when there is none, which is the usual case).</summary>
        public static IReadOnlyList<InstructionFlag> FindFlags(this Instruction instruction, string name)
        {
            var flags = instruction.Flags;
            List<InstructionFlag>? found = null;
            for (int i = 0; i < flags.Count; i++)
                if (string.Equals(flags[i].Name, name, StringComparison.OrdinalIgnoreCase)) (found ??= new List<InstructionFlag>()).Add(flags[i]);
            return found ?? (IReadOnlyList<InstructionFlag>)Array.Empty<InstructionFlag>();
        }
    }
}
