using System;
using System.Collections.Generic;
using System.Linq;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>A build stage: its <c>FROM</c>, the instructions up to the next <c>FROM</c>, and what it is built on.</summary>
    public sealed class Stage
    {
        private readonly VariableScope[] _scopesBefore;

        internal Stage(int index, FromInstruction from, IReadOnlyList<Instruction> instructions, VariableScope[] scopesBefore, VariableScope finalScope)
        {
            Index = index;
            From = from;
            Instructions = instructions;
            _scopesBefore = scopesBefore;
            FinalScope = finalScope;
        }

        public int Index { get; }
        public FromInstruction From { get; }

        /// <summary>The <c>AS</c> name as written, or null.</summary>
        public string? Name => From.StageName?.Value;

        /// <summary>The instructions after <c>FROM</c>, in order.</summary>
        public IReadOnlyList<Instruction> Instructions { get; }

        /// <summary>The earlier stage this one is built <c>FROM</c>, or null when it starts from an image.</summary>
        public Stage? BaseStage { get; internal set; }

        /// <summary>The <c>FROM</c> argument with global ARGs expanded (partly, when <see cref="BaseNameIsComplete"/> is false).</summary>
        public string BaseName { get; internal set; } = "";

        /// <summary>False when the base depends on a build argument without a default value.</summary>
        public bool BaseNameIsComplete { get; internal set; }

        /// <summary>The image this stage starts from, when it starts from an image and the name is fully known.</summary>
        public ImageReference? BaseImage { get; internal set; }

        public bool IsFinal { get; internal set; }

        /// <summary>The stage, then the stage it is built from, and so on.</summary>
        public IEnumerable<Stage> SelfAndAncestors
        {
            get
            {
                var seen = new HashSet<int>();
                for (var s = this; s != null && seen.Add(s.Index); s = s.BaseStage) yield return s;
            }
        }

        /// <summary>The stage at the root of the inheritance chain (the one that starts from an image).</summary>
        public Stage Root => SelfAndAncestors.Last();

        /// <summary>The image at the root of the chain, when it is known.</summary>
        public ImageReference? RootImage => Root.BaseImage;

        /// <summary>True when the root image is <c>scratch</c>.</summary>
        public bool IsFromScratch => Root.BaseImage?.IsScratch == true;

        /// <summary>Variables visible before an instruction of this stage (ARGs declared in the stage, ENV including inherited ones).</summary>
        public VariableScope ScopeBefore(Instruction instruction)
        {
            for (int i = 0; i < Instructions.Count; i++)
                if (ReferenceEquals(Instructions[i], instruction)) return _scopesBefore[i];
            return _scopesBefore.Length > 0 ? _scopesBefore[0] : FinalScope;
        }

        /// <summary>The scope before the i-th instruction.</summary>
        public VariableScope ScopeBefore(int index) => _scopesBefore[index];

        /// <summary>The variables after the stage's last instruction.</summary>
        public VariableScope FinalScope { get; }

        /// <summary>
        /// The last instruction matching a predicate, in this stage or, failing that, in the stages it is built from
        /// (USER, WORKDIR, ENV, SHELL and HEALTHCHECK carry over to a stage built FROM another).
        /// </summary>
        public Instruction? FindLastInherited(Func<Instruction, bool> predicate) => FindLastInherited(predicate, out _);

        public Instruction? FindLastInherited(Func<Instruction, bool> predicate, out Stage? owner)
        {
            foreach (var stage in SelfAndAncestors)
            {
                for (int i = stage.Instructions.Count - 1; i >= 0; i--)
                {
                    if (predicate(stage.Instructions[i]))
                    {
                        owner = stage;
                        return stage.Instructions[i];
                    }
                }
            }
            owner = null;
            return null;
        }

        public IEnumerable<T> OfKind<T>(InstructionKind kind) where T : Instruction =>
            Instructions.Where(i => i.Kind == kind).OfType<T>();

        public override string ToString() => Name != null ? $"stage {Index} '{Name}'" : $"stage {Index}";
    }
}
