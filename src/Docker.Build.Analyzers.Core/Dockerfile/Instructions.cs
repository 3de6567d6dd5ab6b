using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>One Dockerfile instruction with everything the parser knows of it.</summary>
    public class Instruction : DockerfileElement
    {
        internal Instruction(in InstructionParts parts) : base(parts.FullSpan)
        {
            Kind = parts.Kind;
            Keyword = parts.Keyword;
            Span = parts.Span;
            Arguments = parts.Arguments;
            Flags = parts.Flags;
            Body = parts.Body;
            Heredocs = parts.Heredocs;
            InnerComments = parts.InnerComments;
            EmptyContinuationLines = parts.EmptyContinuationLines;
        }

        public InstructionKind Kind { get; }

        /// <summary>Position in <see cref="DockerfileSyntax.Instructions"/>, set once when the tree is built; -1 for ONBUILD triggers.</summary>
        internal int Index { get; set; } = -1;

        /// <summary>The instruction name as written (any case).</summary>
        public Word Keyword { get; }

        /// <summary>From the keyword to the end of the instruction's last character (heredoc terminator included), no final line break.</summary>
        public TextSpan Span { get; }

        /// <summary>Everything after the keyword, as one logical line (continuations joined, interleaved comments removed).</summary>
        public MappedText Arguments { get; }

        public IReadOnlyList<InstructionFlag> Flags { get; }

        /// <summary>The arguments after the flags.</summary>
        public MappedText Body { get; }

        public IReadOnlyList<Heredoc> Heredocs { get; }

        /// <summary>Comment lines between the continuation lines of this instruction.</summary>
        public IReadOnlyList<Comment> InnerComments { get; }

        /// <summary>Spans of empty lines inside a line continuation (Docker skips them, but warns).</summary>
        public IReadOnlyList<TextSpan> EmptyContinuationLines { get; }

        /// <summary>The uppercase name (<c>RUN</c>, <c>COPY</c>...).</summary>
        public string Name => Kind == InstructionKind.Unknown ? Keyword.Value.ToUpperInvariant() : KindNames[(int)Kind];

        private static readonly string[] KindNames = CreateKindNames();

        private static string[] CreateKindNames()
        {
            var kinds = (InstructionKind[])Enum.GetValues(typeof(InstructionKind));
            var names = new string[kinds.Length];
            foreach (var kind in kinds) names[(int)kind] = kind.ToString().ToUpperInvariant();
            return names;
        }

        /// <summary>The instruction that runs: itself, or for <c>ONBUILD</c> its trigger (null when it has none).</summary>
        public Instruction? SelfOrTrigger => this is OnbuildInstruction onbuild ? onbuild.Trigger : this;

        /// <summary>The first flag with this name (case-insensitive), or null.</summary>
        public InstructionFlag? GetFlag(string name)
        {
            // Index loops: the rules ask for flags thousands of times per analysis, and an interface enumerator is a heap object.
            var flags = Flags;
            for (int i = 0; i < flags.Count; i++)
                if (string.Equals(flags[i].Name, name, StringComparison.OrdinalIgnoreCase)) return flags[i];
            return null;
        }

        /// <summary>True when a flag with this name is given.</summary>
        public bool HasFlag(string name) => GetFlag(name) != null;

        /// <summary>Every flag with this name, in order (an empty list, allocating nothing, when there is none).</summary>
        public IReadOnlyList<InstructionFlag> GetFlags(string name)
        {
            var flags = Flags;
            List<InstructionFlag>? found = null;
            for (int i = 0; i < flags.Count; i++)
                if (string.Equals(flags[i].Name, name, StringComparison.OrdinalIgnoreCase)) (found ??= new List<InstructionFlag>()).Add(flags[i]);
            return found ?? (IReadOnlyList<InstructionFlag>)Array.Empty<InstructionFlag>();
        }

        public override string ToString() => Keyword.Raw + " " + Arguments.Value;
    }

    /// <summary><c>FROM [--platform=p] image [AS name]</c>.</summary>
    public sealed class FromInstruction : Instruction
    {
        internal FromInstruction(in InstructionParts parts, Word? image, Word? asKeyword, Word? stageName) : base(parts)
        {
            Image = image;
            AsKeyword = asKeyword;
            StageName = stageName;
        }

        public Word? Image { get; }
        public Word? AsKeyword { get; }
        public Word? StageName { get; }
        public InstructionFlag? Platform => GetFlag("platform");
    }

    /// <summary><c>RUN</c>, <c>CMD</c> and <c>ENTRYPOINT</c>: a command in exec or shell form.</summary>
    public sealed class CommandInstruction : Instruction
    {
        internal CommandInstruction(in InstructionParts parts, CommandForm command) : base(parts)
        {
            Command = command;
        }

        public CommandForm Command { get; }
    }

    /// <summary><c>SHELL ["executable", "parameters"]</c>.</summary>
    public sealed class ShellInstruction : Instruction
    {
        internal ShellInstruction(in InstructionParts parts, ExecForm? command) : base(parts)
        {
            Command = command;
        }

        /// <summary>Null when the arguments are not a JSON array (a parse error).</summary>
        public ExecForm? Command { get; }
    }

    /// <summary><c>HEALTHCHECK [options] CMD command</c> or <c>HEALTHCHECK NONE</c>.</summary>
    public sealed class HealthcheckInstruction : Instruction
    {
        internal HealthcheckInstruction(in InstructionParts parts, Word? typeKeyword, bool isNone, CommandForm? command) : base(parts)
        {
            TypeKeyword = typeKeyword;
            IsNone = isNone;
            Command = command;
        }

        /// <summary>The <c>CMD</c> or <c>NONE</c> word.</summary>
        public Word? TypeKeyword { get; }

        public bool IsNone { get; }
        public CommandForm? Command { get; }
    }

    /// <summary><c>COPY</c> and <c>ADD</c>: sources and a destination, in whitespace or JSON form, maybe with heredocs as sources.</summary>
    public sealed class CopyInstruction : Instruction
    {
        internal CopyInstruction(in InstructionParts parts, IReadOnlyList<Word> sources, Word? destination, bool isJsonForm) : base(parts)
        {
            Sources = sources;
            Destination = destination;
            IsJsonForm = isJsonForm;
        }

        public IReadOnlyList<Word> Sources { get; }
        public Word? Destination { get; }
        public bool IsJsonForm { get; }

        /// <summary><c>--from=stage|image|context</c>.</summary>
        public InstructionFlag? From => GetFlag("from");
    }

    /// <summary><c>ENV</c>, <c>LABEL</c> and <c>ARG</c>.</summary>
    public sealed class KeyValueInstruction : Instruction
    {
        internal KeyValueInstruction(in InstructionParts parts, IReadOnlyList<KeyValue> pairs, bool isLegacyForm) : base(parts)
        {
            Pairs = pairs;
            IsLegacyForm = isLegacyForm;
        }

        public IReadOnlyList<KeyValue> Pairs { get; }

        /// <summary>The whitespace form <c>ENV key value</c> (one pair, the rest of the line is the value).</summary>
        public bool IsLegacyForm { get; }
    }

    /// <summary>Instructions whose arguments are plain words: <c>EXPOSE</c>, <c>USER</c>, <c>WORKDIR</c>, <c>VOLUME</c>, <c>STOPSIGNAL</c>, <c>MAINTAINER</c>.</summary>
    public sealed class WordsInstruction : Instruction
    {
        internal WordsInstruction(in InstructionParts parts, IReadOnlyList<Word> words, bool isJsonForm) : base(parts)
        {
            Words = words;
            IsJsonForm = isJsonForm;
        }

        public IReadOnlyList<Word> Words { get; }
        public bool IsJsonForm { get; }
        public Word? FirstWord => Words.Count > 0 ? Words[0] : null;
    }

    /// <summary><c>ONBUILD instruction</c>.</summary>
    public sealed class OnbuildInstruction : Instruction
    {
        internal OnbuildInstruction(in InstructionParts parts, Instruction? trigger) : base(parts)
        {
            Trigger = trigger;
        }

        public Instruction? Trigger { get; }
    }

    /// <summary>
    /// What every instruction has, gathered by the parser before it builds the typed node. A struct, filled on the
    /// stack and copied into the node: it costs no object of its own.
    /// </summary>
    internal struct InstructionParts
    {
        public InstructionKind Kind;
        public Word Keyword;
        public TextSpan Span;
        public TextSpan FullSpan;
        public MappedText Arguments;
        public IReadOnlyList<InstructionFlag> Flags;
        public MappedText Body;
        public IReadOnlyList<Heredoc> Heredocs;
        public IReadOnlyList<Comment> InnerComments;
        public IReadOnlyList<TextSpan> EmptyContinuationLines;

        public InstructionParts(Word keyword, MappedText arguments)
        {
            Kind = InstructionKind.Unknown;
            Keyword = keyword;
            Arguments = arguments;
            Body = arguments;
            Span = default;
            FullSpan = default;
            Flags = Array.Empty<InstructionFlag>();
            Heredocs = Array.Empty<Heredoc>();
            InnerComments = Array.Empty<Comment>();
            EmptyContinuationLines = Array.Empty<TextSpan>();
        }
    }
}
