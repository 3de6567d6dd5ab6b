using System;
using System.Collections.Generic;
using System.Linq;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>A build stage: its <c>FROM</c>, the instructions up to the next <c>FROM</c>, and what it is built on.</summary>
    public sealed class Stage
    {
        private readonly VariableScope[] _scopesBefore;

        private Stage[]? _selfAndAncestors;

        internal Stage(int index, FromInstruction from, Instruction[] instructions, VariableScope[] scopesBefore, VariableScope finalScope)
        {
            Index = index;
            From = from;
            Instructions = new ReadOnlyArray<Instruction>(instructions);
            _scopesBefore = scopesBefore;
            FinalScope = finalScope;
        }

        public int Index { get; }
        public FromInstruction From { get; }

        /// <summary>The <c>AS</c> name as written, or null.</summary>
        public string? Name => From.StageName?.Value;

        /// <summary>The instructions after <c>FROM</c>, in order.</summary>
        public ReadOnlyArray<Instruction> Instructions { get; }

        /// <summary>The earlier stage this one is built <c>FROM</c>, or null when it starts from an image.</summary>
        public Stage? BaseStage { get; internal set; }

        /// <summary>The <c>FROM</c> argument with global ARGs expanded (partly, when <see cref="BaseNameIsComplete"/> is false).</summary>
        public string BaseName { get; internal set; } = "";

        /// <summary>False when the base depends on a build argument without a default value.</summary>
        public bool BaseNameIsComplete { get; internal set; }

        /// <summary>The image this stage starts from, when it starts from an image and the name is fully known.</summary>
        public ImageReference? BaseImage { get; internal set; }

        public bool IsFinal { get; internal set; }

        /// <summary>The stage, then the stage it is built from, and so on (computed once; the chain never changes after the model is built).</summary>
        public ReadOnlyArray<Stage> SelfAndAncestors
        {
            get
            {
                var chain = System.Threading.Volatile.Read(ref _selfAndAncestors);
                if (chain == null)
                {
                    var list = new List<Stage>();
                    for (var s = this; s != null && !list.Contains(s); s = s.BaseStage) list.Add(s);
                    var computed = list.ToArray();
                    chain = System.Threading.Interlocked.CompareExchange(ref _selfAndAncestors, computed, null) ?? computed;
                }
                return new ReadOnlyArray<Stage>(chain);
            }
        }

        /// <summary>True when <paramref name="stage"/> is this stage or one it is built from.</summary>
        public bool IsSelfOrAncestor(Stage stage)
        {
            foreach (var s in SelfAndAncestors)
                if (ReferenceEquals(s, stage)) return true;
            return false;
        }

        /// <summary>The stage at the root of the inheritance chain (the one that starts from an image).</summary>
        public Stage Root
        {
            get
            {
                var chain = SelfAndAncestors;
                return chain[chain.Count - 1];
            }
        }

        /// <summary>The image at the root of the chain, when it is known.</summary>
        public ImageReference? RootImage => Root.BaseImage;

        /// <summary>True when the root image is <c>scratch</c>.</summary>
        public bool IsFromScratch => Root.BaseImage?.IsScratch == true;

        /// <summary>
        /// An export-only stage: built <c>FROM scratch</c> (itself or through the stages it builds on) with no
        /// <c>CMD</c> or <c>ENTRYPOINT</c> and nothing that configures a running container (<c>EXPOSE</c>,
        /// <c>HEALTHCHECK</c>, <c>USER</c>, <c>VOLUME</c>, <c>STOPSIGNAL</c>). Such a stage only carries files out of the
        /// build (<c>docker build --output</c>); it is not run as a container.
        /// </summary>
        public bool IsExportOnly
        {
            get
            {
                if (!IsFromScratch) return false;
                foreach (var stage in SelfAndAncestors)
                {
                    foreach (var instruction in stage.Instructions)
                    {
                        switch (instruction.Kind)
                        {
                            case InstructionKind.Cmd:
                            case InstructionKind.Entrypoint:
                            case InstructionKind.Expose:
                            case InstructionKind.Healthcheck:
                            case InstructionKind.User:
                            case InstructionKind.Volume:
                            case InstructionKind.Stopsignal:
                                return false;
                        }
                    }
                }
                return true;
            }
        }

        /// <summary>Variables visible before an instruction of this stage (ARGs declared in the stage, ENV including inherited ones).</summary>
        public VariableScope ScopeBefore(Instruction instruction)
        {
            // The stage's instructions follow its FROM in the file: the position comes from the instruction's index.
            int at = instruction.Index - From.Index - 1;
            if (at >= 0 && at < Instructions.Count && ReferenceEquals(Instructions[at], instruction)) return _scopesBefore[at];
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
