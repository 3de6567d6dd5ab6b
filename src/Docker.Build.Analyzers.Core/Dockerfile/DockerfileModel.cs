using System;
using System.Collections.Generic;
using System.Globalization;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>
    /// What a Dockerfile means beyond its syntax: the global ARGs, the stages and which stage each is built on, and
    /// the variables in scope at every instruction (ARGs per stage, ENV carried over from base stages).
    /// </summary>
    public sealed class DockerfileModel
    {
        /// <summary>Platform arguments BuildKit defines before the first FROM; inside a stage they need an ARG line.</summary>
        public static readonly IReadOnlyList<string> PlatformArgs = new[]
        {
            "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
            "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        };

        /// <summary>Proxy arguments Docker accepts in every stage without an ARG line.</summary>
        public static readonly IReadOnlyList<string> ProxyArgs = new[]
        {
            "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
            "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
        };

        // Indexed by Instruction.Index: rules ask for every instruction's stage, and an array needs no object hashing.
        private Stage?[] _stageOf = Array.Empty<Stage?>();
        private IReadOnlyList<CopySource>?[] _copySources = Array.Empty<IReadOnlyList<CopySource>?>();

        /// <summary>
        /// The resolved sources of a COPY/ADD, computed once per document (several rules ask); ONBUILD triggers,
        /// which are not in the instruction list, are resolved every time.
        /// </summary>
        internal IReadOnlyList<CopySource> GetCopySources(CopyInstruction copy, Func<DockerfileModel, CopyInstruction, IReadOnlyList<CopySource>> resolve)
        {
            int i = copy.Index;
            if (i < 0 || i >= _copySources.Length || !ReferenceEquals(Syntax.Instructions[i], copy)) return resolve(this, copy);
            var cached = System.Threading.Volatile.Read(ref _copySources[i]);
            if (cached != null) return cached;
            var computed = resolve(this, copy);
            return System.Threading.Interlocked.CompareExchange(ref _copySources[i], computed, null) ?? computed;
        }

        private DockerfileModel(DockerfileSyntax syntax)
        {
            Syntax = syntax;
        }

        public DockerfileSyntax Syntax { get; }
        public char Escape => Syntax.EscapeCharacter;

        /// <summary>ARG instructions before the first FROM.</summary>
        public IReadOnlyList<KeyValueInstruction> GlobalArgs { get; private set; } = Array.Empty<KeyValueInstruction>();

        /// <summary>Scope of FROM lines: platform arguments and global ARGs.</summary>
        public VariableScope GlobalScope { get; private set; } = VariableScope.Empty;

        public IReadOnlyList<Stage> Stages { get; private set; } = Array.Empty<Stage>();

        /// <summary>The last stage: the image a plain <c>docker build</c> produces.</summary>
        public Stage? FinalStage => Stages.Count > 0 ? Stages[Stages.Count - 1] : null;

        /// <summary>The stage an instruction belongs to, or null for global ARGs.</summary>
        public Stage? StageOf(Instruction instruction) =>
            instruction.Index >= 0 && instruction.Index < _stageOf.Length && ReferenceEquals(Syntax.Instructions[instruction.Index], instruction)
                ? _stageOf[instruction.Index] : null;

        /// <summary>
        /// The stage a <c>--from</c> or <c>FROM</c> name designates when seen from <paramref name="current"/>: a name
        /// of an earlier stage (case-insensitive) or an index of an earlier stage. Null for images and contexts.
        /// </summary>
        public Stage? FindEarlierStage(string reference, Stage? current)
        {
            int limit = current?.Index ?? Stages.Count;
            if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                return index >= 0 && index < limit ? Stages[index] : null;
            for (int i = limit - 1; i >= 0; i--)
                if (string.Equals(Stages[i].Name, reference, StringComparison.OrdinalIgnoreCase)) return Stages[i];
            return null;
        }

        /// <summary>Any stage with this name (case-insensitive), wherever it is; the first one when several share it.</summary>
        public Stage? FindStageByName(string name)
        {
            // Rules ask this for every FROM and COPY --from: a scan per question would grow with the square of the
            // file, so the names are indexed once per document.
            if (name != null) return StagesByName().TryGetValue(name, out var named) ? named : null;
            foreach (var s in Stages)
                if (s.Name == null) return s;
            return null;
        }

        private Dictionary<string, Stage>? _stagesByName;

        /// <summary>The first stage of each name; made on first use, immutable once published (safe across threads).</summary>
        private Dictionary<string, Stage> StagesByName()
        {
            var index = System.Threading.Volatile.Read(ref _stagesByName);
            if (index != null) return index;
            index = new Dictionary<string, Stage>(Stages.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var s in Stages)
                if (s.Name != null && !index.ContainsKey(s.Name)) index.Add(s.Name, s);
            return System.Threading.Interlocked.CompareExchange(ref _stagesByName, index, null) ?? index;
        }

        /// <summary>Expands a text in a scope, removing quotes; <paramref name="complete"/> is false when a value is unknown.</summary>
        public string Expand(string raw, VariableScope scope, out bool complete)
        {
            // Most words name no variable: return them as they are, before making a lookup delegate.
            if (Variables.IsLiteral(raw, Escape))
            {
                complete = true;
                return raw;
            }
            return Variables.Expand(raw, Escape, scope.ValueOf, out complete);
        }

        public static DockerfileModel Create(DockerfileSyntax syntax)
        {
            var model = new DockerfileModel(syntax);
            model.Build();
            return model;
        }

        private void Build()
        {
            var globalArgs = new List<KeyValueInstruction>();
            // Every stage starts with the proxy arguments: one persistent scope that all stages share.
            var proxyScope = VariableScope.Empty;
            foreach (var name in ProxyArgs) proxyScope = proxyScope.Define(new VariableDefinition(name, VariableKind.Predefined, null, null));
            var global = proxyScope;
            foreach (var name in PlatformArgs) global = global.Define(new VariableDefinition(name, VariableKind.Predefined, null, null));

            var stageStarts = new List<int>();
            var instructions = Syntax.Instructions;
            _stageOf = new Stage?[instructions.Count];
            _copySources = new IReadOnlyList<CopySource>?[instructions.Count];
            for (int i = 0; i < instructions.Count; i++)
            {
                var ins = instructions[i];
                if (ins.Kind == InstructionKind.From)
                {
                    stageStarts.Add(i);
                    continue;
                }
                if (stageStarts.Count == 0 && ins.Kind == InstructionKind.Arg && ins is KeyValueInstruction arg)
                {
                    globalArgs.Add(arg);
                    foreach (var pair in arg.Pairs)
                    {
                        string? value = null;
                        if (pair.ValueWord != null)
                        {
                            value = Variables.Expand(pair.ValueWord.Raw, Escape, global.ValueOf, out bool complete);
                            if (!complete) value = null;
                        }
                        global = global.Define(new VariableDefinition(pair.Name, VariableKind.Arg, value, pair));
                    }
                }
            }
            GlobalArgs = globalArgs;
            GlobalScope = global;

            var stages = new List<Stage>();
            for (int s = 0; s < stageStarts.Count; s++)
            {
                int start = stageStarts[s];
                int end = s + 1 < stageStarts.Count ? stageStarts[s + 1] : instructions.Count;
                var from = (FromInstruction)instructions[start];

                string baseName = "";
                bool complete = false;
                if (from.Image != null) baseName = Variables.Expand(from.Image.Raw, Escape, global.ValueOf, out complete);
                Stage? baseStage = null;
                if (complete && baseName.Length > 0)
                {
                    for (int p = stages.Count - 1; p >= 0; p--)
                    {
                        if (string.Equals(stages[p].Name, baseName, StringComparison.OrdinalIgnoreCase))
                        {
                            baseStage = stages[p];
                            break;
                        }
                    }
                }

                // What a stage starts with: proxy arguments, and the ENV of the stage it is built from.
                var scope = proxyScope;
                if (baseStage != null)
                {
                    var inherited = new List<VariableDefinition>();
                    foreach (var def in baseStage.FinalScope.All)
                        if (def.Kind == VariableKind.Env) inherited.Add(def);
                    for (int k = inherited.Count - 1; k >= 0; k--) scope = scope.Define(inherited[k]);
                }

                var body = new List<Instruction>();
                var before = new List<VariableScope>();
                for (int i = start + 1; i < end; i++)
                {
                    var ins = instructions[i];
                    body.Add(ins);
                    before.Add(scope);
                    if (ins is KeyValueInstruction kv && (kv.Kind == InstructionKind.Arg || kv.Kind == InstructionKind.Env))
                    {
                        var scopeAtStart = scope;
                        foreach (var pair in kv.Pairs)
                        {
                            string? value = null;
                            if (pair.ValueWord != null)
                            {
                                value = Variables.Expand(pair.ValueWord.Raw, Escape, scopeAtStart.ValueOf, out bool ok);
                                if (!ok) value = null;
                            }
                            else if (kv.Kind == InstructionKind.Arg)
                            {
                                value = global.Lookup(pair.Name)?.Value;
                            }
                            scope = scope.Define(new VariableDefinition(pair.Name, kv.Kind == InstructionKind.Arg ? VariableKind.Arg : VariableKind.Env, value, pair));
                        }
                    }
                }

                var stage = new Stage(s, from, body.ToArray(), before.ToArray(), scope)
                {
                    BaseStage = baseStage,
                    BaseName = baseName,
                    BaseNameIsComplete = complete,
                    BaseImage = baseStage == null && complete ? ImageReference.Parse(baseName) : null,
                    IsFinal = s == stageStarts.Count - 1,
                };
                stages.Add(stage);
                _stageOf[from.Index] = stage;
                foreach (var ins in body) _stageOf[ins.Index] = stage;
            }
            Stages = stages;
        }
    }
}
