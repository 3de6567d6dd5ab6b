using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>The operator that joins a command to its neighbour.</summary>
    public enum ShellOperator
    {
        /// <summary>Start or end of a list (the script, a group, a branch of an <c>if</c>...).</summary>
        None = 0,

        /// <summary><c>&amp;&amp;</c></summary>
        And,

        /// <summary><c>||</c></summary>
        Or,

        /// <summary><c>;</c></summary>
        Semicolon,

        /// <summary>A line break.</summary>
        Newline,

        /// <summary><c>&amp;</c>: the command before it runs in the background.</summary>
        Background,

        /// <summary><c>|</c></summary>
        Pipe,

        /// <summary><c>|&amp;</c>: standard output and standard error are piped.</summary>
        PipeAll,
    }

    /// <summary>Where a command sits; several flags can apply at once (a command inside a subshell inside an <c>if</c>).</summary>
    [Flags]
    public enum ShellContext
    {
        None = 0,

        /// <summary>Inside <c>$( )</c> or backquotes.</summary>
        CommandSubstitution = 1,

        /// <summary>Inside <c>&lt;( )</c> or <c>&gt;( )</c>.</summary>
        ProcessSubstitution = 2,

        /// <summary>Inside <c>( )</c>: changes of directory or variables do not outlive it.</summary>
        Subshell = 4,

        /// <summary>In the condition of <c>if</c>, <c>elif</c>, <c>while</c> or <c>until</c>.</summary>
        Condition = 8,

        /// <summary>In a branch of <c>if</c> or <c>case</c>: it may not run.</summary>
        Branch = 16,

        /// <summary>In the body or condition of a <c>for</c>, <c>while</c>, <c>until</c> or <c>select</c> loop.</summary>
        Loop = 32,

        /// <summary>In the body of a function definition: it runs only when the function is called.</summary>
        Function = 64,

        /// <summary>Inside <c>{ ...; }</c>.</summary>
        BraceGroup = 128,
    }

    /// <summary>The kind of a compound command.</summary>
    public enum CompoundKind
    {
        BraceGroup,
        Subshell,
        If,
        For,
        While,
        Until,
        Case,
        Select,

        /// <summary><c>(( ... ))</c></summary>
        Arithmetic,

        FunctionDefinition,
    }

    /// <summary>The kind of a command or process substitution inside a word.</summary>
    public enum SubstitutionKind
    {
        /// <summary><c>$( ... )</c></summary>
        Command,

        /// <summary><c>` ... `</c></summary>
        Backquote,

        /// <summary><c>&lt;( ... )</c>: the output of the commands, read as a file.</summary>
        ProcessInput,

        /// <summary><c>&gt;( ... )</c></summary>
        ProcessOutput,
    }

    /// <summary>
    /// One word of a shell command. <see cref="Raw"/> is the text as written; <see cref="Value"/> removes quotes and
    /// backslash escapes but leaves expansions (<c>$VAR</c>, <c>$(...)</c>) as written, so a rule can compare it to a
    /// literal when <see cref="ContainsExpansion"/> is false.
    /// </summary>
    public sealed class ShellWord
    {
        private readonly MappedText _text;

        internal ShellWord(MappedText text, int start, int length, string? value, bool isQuoted, bool containsExpansion, IReadOnlyList<ShellSubstitution> substitutions)
            : this(text, start, RawOf(text, start, length, value), value, isQuoted, containsExpansion, substitutions)
        {
        }

        /// <summary>A word whose raw text the caller has already cut (<paramref name="raw"/> is the text at <paramref name="start"/>).</summary>
        internal ShellWord(MappedText text, int start, string raw, string? value, bool isQuoted, bool containsExpansion, IReadOnlyList<ShellSubstitution> substitutions)
        {
            _text = text;
            Start = start;
            _raw = (value == null || string.Equals(value, raw, StringComparison.Ordinal)) && substitutions.Count == 0
                ? raw
                : new RawAndValue(raw, value ?? raw, substitutions);
            IsQuoted = isQuoted;
            ContainsExpansion = containsExpansion;
        }

        /// <summary>
        /// The <see cref="Raw"/> string when it is the <see cref="Value"/> too and the word has no substitutions (most
        /// words: nothing quoted); otherwise a <see cref="RawAndValue"/>. A word is one of the commonest objects of a
        /// parse, and this keeps it at two references and an int.
        /// </summary>
        private readonly object _raw;

        /// <summary>The parts of a word whose value differs from its raw text or that has substitutions.</summary>
        private sealed class RawAndValue
        {
            public RawAndValue(string raw, string value, IReadOnlyList<ShellSubstitution> substitutions)
            {
                Raw = raw;
                Value = value;
                Substitutions = substitutions;
            }

            public readonly string Raw;
            public readonly string Value;
            public readonly IReadOnlyList<ShellSubstitution> Substitutions;
        }

        /// <summary>
        /// The raw text at a range. A value equal to it (the value part of <c>NAME=value</c>, a word with nothing to
        /// unquote) is the raw text too: one string, not two equal ones.
        /// </summary>
        private static string RawOf(MappedText text, int start, int length, string? value)
        {
            string source = text.Value;
            return value != null && value.Length == length && string.CompareOrdinal(source, start, value, 0, length) == 0
                ? value
                : source.Substring(start, length);
        }

        /// <summary>The word as written.</summary>
        public string Raw => _raw as string ?? ((RawAndValue)_raw).Raw;

        /// <summary>The script text the word belongs to.</summary>
        internal MappedText Text => _text;

        /// <summary>Quotes and escapes removed, expansions left as written.</summary>
        public string Value => _raw as string ?? ((RawAndValue)_raw).Value;

        /// <summary>The word in the Dockerfile (mapped when asked: most words are never reported).</summary>
        public TextSpan Span => _text.ToSourceSpan(Start, Raw.Length);

        /// <summary>Index of the word in the script's text.</summary>
        public int Start { get; }

        public int Length => Raw.Length;
        public int End => Start + Raw.Length;

        /// <summary>Some part of the word is quoted or escaped.</summary>
        public bool IsQuoted { get; }

        /// <summary>The word has an unquoted-or-double-quoted <c>$</c> expansion, a backquote or a process substitution, so its value is only known at run time.</summary>
        public bool ContainsExpansion { get; }

        /// <summary>The value is known exactly.</summary>
        public bool IsLiteral => !ContainsExpansion;

        /// <summary>Command and process substitutions in the word, outermost first.</summary>
        public IReadOnlyList<ShellSubstitution> Substitutions =>
            _raw is RawAndValue parts ? parts.Substitutions : Array.Empty<ShellSubstitution>();

        /// <summary>The Dockerfile span of part of the raw word (for example the mode of <c>--chmod=777</c>).</summary>
        public TextSpan SpanOf(int offsetInRaw, int length)
        {
            if (offsetInRaw < 0) offsetInRaw = 0;
            if (offsetInRaw > Raw.Length) offsetInRaw = Raw.Length;
            if (length > Raw.Length - offsetInRaw) length = Raw.Length - offsetInRaw;
            return _text.ToSourceSpan(Start + offsetInRaw, Math.Max(0, length));
        }

        public override string ToString() => Raw;
    }

    /// <summary>A <c>$( )</c>, backquote or process substitution inside a word, with the commands it runs.</summary>
    public sealed class ShellSubstitution
    {
        internal ShellSubstitution(SubstitutionKind kind, TextSpan span, IReadOnlyList<SimpleCommand> commands)
        {
            Kind = kind;
            Span = span;
            Commands = commands;
        }

        public SubstitutionKind Kind { get; }
        public TextSpan Span { get; }

        /// <summary>Every simple command inside, nested ones included, in source order.</summary>
        public IReadOnlyList<SimpleCommand> Commands { get; }
    }

    /// <summary>A leading <c>NAME=value</c> of a simple command (or of <c>env NAME=value cmd</c>).</summary>
    public sealed class ShellAssignment
    {
        internal ShellAssignment(ShellWord word, string name, ShellWord value, bool isAppend)
        {
            Word = word;
            Name = name;
            ValueWord = value;
            IsAppend = isAppend;
        }

        /// <summary>The whole <c>NAME=value</c> word.</summary>
        public ShellWord Word { get; }

        public string Name { get; }

        /// <summary>The part after <c>=</c> (possibly empty).</summary>
        public ShellWord ValueWord { get; }

        public string Value => ValueWord.Value;

        /// <summary><c>NAME+=value</c>.</summary>
        public bool IsAppend { get; }

        public TextSpan Span => Word.Span;
    }

    /// <summary>A redirection: <c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>&lt;&lt;EOF</c>...</summary>
    public sealed class ShellRedirection
    {
        internal ShellRedirection(string op, int? fileDescriptor, ShellWord? target, TextSpan span, int start, int end)
        {
            Operator = op;
            FileDescriptor = fileDescriptor;
            Target = target;
            Span = span;
            Start = start;
            End = end;
            if (IsHeredoc && target != null)
            {
                HeredocDelimiter = target.Value;
                IsHeredocQuoted = target.IsQuoted;
            }
        }

        /// <summary><c>&gt;</c>, <c>&gt;&gt;</c>, <c>&lt;</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;-</c>, <c>&lt;&lt;&lt;</c>, <c>&gt;&amp;</c>, <c>&lt;&amp;</c>, <c>&amp;&gt;</c>, <c>&amp;&gt;&gt;</c>, <c>&gt;|</c>, <c>&lt;&gt;</c>.</summary>
        public string Operator { get; }

        /// <summary>The explicit descriptor before the operator (<c>2</c> of <c>2&gt;&amp;1</c>), or null.</summary>
        public int? FileDescriptor { get; }

        /// <summary>The file, descriptor, string or heredoc delimiter after the operator (null when missing).</summary>
        public ShellWord? Target { get; }

        public TextSpan Span { get; }

        /// <summary>Index in the script's text.</summary>
        public int Start { get; }

        /// <summary>Index just past the redirection in the script's text.</summary>
        public int End { get; }

        public bool IsHeredoc => Operator == "<<" || Operator == "<<-";
        public bool StripsLeadingTabs => Operator == "<<-";
        public string? HeredocDelimiter { get; }
        public bool IsHeredocQuoted { get; }

        /// <summary>
        /// The body of a heredoc when it follows in the same script (a heredoc inside a heredoc body); null for the
        /// heredocs of a Dockerfile instruction line, whose bodies the Dockerfile parser keeps.
        /// </summary>
        public MappedText? HeredocBody { get; internal set; }

        /// <summary>Standard input is redirected (<c>&lt;</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;&lt;</c>, no other descriptor).</summary>
        public bool RedirectsInput => (FileDescriptor == null || FileDescriptor == 0) && Operator.StartsWith("<", StringComparison.Ordinal) && Operator != "<&" && Operator != "<>";

        /// <summary>The command the redirection belongs to.</summary>
        public ShellCommand Command { get; internal set; } = null!;

        public override string ToString() => (FileDescriptor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "") + Operator + (Target?.Raw ?? "");
    }

    /// <summary>A syntax problem in a shell script; the parser goes on after it.</summary>
    public sealed class ShellParseError
    {
        internal ShellParseError(string message, TextSpan span)
        {
            Message = message;
            Span = span;
        }

        public string Message { get; }
        public TextSpan Span { get; }
        public override string ToString() => Message + " " + Span;
    }

    /// <summary>A command: simple (<c>apt-get install x</c>) or compound (<c>if</c>, <c>for</c>, <c>( )</c>, <c>{ }</c>...).</summary>
    public abstract class ShellCommand
    {
        private protected ShellCommand(int start, int end, TextSpan span, ShellContext context, IReadOnlyList<ShellRedirection> redirections)
        {
            Start = start;
            End = end;
            Span = span;
            Context = context;
            Redirections = redirections;
        }

        /// <summary>The command in the Dockerfile.</summary>
        public TextSpan Span { get; }

        /// <summary>Index of its first character in the script's text.</summary>
        public int Start { get; }

        /// <summary>Index just past its last character in the script's text.</summary>
        public int End { get; }

        public ShellContext Context { get; }
        public IReadOnlyList<ShellRedirection> Redirections { get; }

        /// <summary>The pipeline the command is an element of (a pipeline of one when it is not piped).</summary>
        public ShellPipeline Pipeline { get; internal set; } = null!;

        /// <summary>Position in <see cref="Pipeline"/>, from 0.</summary>
        public int PipelineIndex { get; internal set; }

        public bool IsPiped => Pipeline.IsPiped;

        /// <summary>The operator before this command: <c>|</c> inside a pipeline, else the one before the pipeline.</summary>
        public ShellOperator PrecedingOperator =>
            PipelineIndex == 0 ? Pipeline.PrecedingOperator : Pipeline.PipeOperators[PipelineIndex - 1];

        /// <summary>The operator after this command: <c>|</c> inside a pipeline, else the one after the pipeline.</summary>
        public ShellOperator FollowingOperator =>
            PipelineIndex == Pipeline.CommandCount - 1 ? Pipeline.FollowingOperator : Pipeline.PipeOperators[PipelineIndex];

        public bool IsInCommandSubstitution => (Context & ShellContext.CommandSubstitution) != 0;
        public bool IsInProcessSubstitution => (Context & ShellContext.ProcessSubstitution) != 0;
        public bool IsInSubshell => (Context & ShellContext.Subshell) != 0;
        public bool IsInCondition => (Context & ShellContext.Condition) != 0;
        public bool IsInFunction => (Context & ShellContext.Function) != 0;

        /// <summary>
        /// True when the command runs in the script's own shell process (not in a subshell, a substitution or a pipeline
        /// element, not in a function body): a <c>cd</c> or <c>set</c> there affects what follows.
        /// </summary>
        public bool RunsInMainShell =>
            (Context & (ShellContext.Subshell | ShellContext.CommandSubstitution | ShellContext.ProcessSubstitution | ShellContext.Function)) == 0
            && !InPipedAncestor();

        private bool InPipedAncestor()
        {
            for (ShellCommand? c = this; c != null; c = c.Parent)
                if (c.IsPiped) return true;
            return false;
        }

        /// <summary>The compound command this one is directly nested in, or null at the top level of its script or substitution.</summary>
        public CompoundCommand? Parent { get; internal set; }
    }

    /// <summary>A compound command with the simple commands inside it.</summary>
    public sealed class CompoundCommand : ShellCommand
    {
        internal CompoundCommand(CompoundKind kind, int start, int end, TextSpan span, ShellContext context, IReadOnlyList<ShellRedirection> redirections, IReadOnlyList<SimpleCommand> commands, string? functionName)
            : base(start, end, span, context, redirections)
        {
            Kind = kind;
            Commands = commands;
            FunctionName = functionName;
        }

        public CompoundKind Kind { get; }

        /// <summary>Every simple command inside, nested ones included, in source order.</summary>
        public IReadOnlyList<SimpleCommand> Commands { get; }

        /// <summary>The name of a function definition.</summary>
        public string? FunctionName { get; }

        public override string ToString() => Kind.ToString();
    }

    /// <summary>A sequence of commands joined by <c>|</c> or <c>|&amp;</c> (a single command is a pipeline of one).</summary>
    public sealed class ShellPipeline
    {
        /// <summary>
        /// The command of a pipeline of one without <c>!</c>, whose bounds and span are the command's: most pipelines are
        /// that, and keep nothing else. Otherwise (and once such a pipeline was asked for its <see cref="Commands"/>
        /// list) the <see cref="Parts"/>.
        /// </summary>
        private object _commands;

        // The operators in bytes: with the flag they take the space of one int.
        private byte _preceding;
        private byte _following;

        /// <summary>A pipeline of one command without <c>!</c>: it covers just the command.</summary>
        internal ShellPipeline(ShellCommand command)
        {
            _commands = command;
        }

        internal ShellPipeline(ShellCommand[] commands, ShellOperator[] pipeOperators, bool isNegated, int start, int end, TextSpan span)
        {
            _commands = new Parts(commands, pipeOperators, start, end, span);
            IsNegated = isNegated;
        }

        /// <summary>What a pipeline that is more than one plain command keeps.</summary>
        private sealed class Parts
        {
            public Parts(ShellCommand[] commands, IReadOnlyList<ShellOperator> pipeOperators, int start, int end, TextSpan span)
            {
                Commands = commands;
                PipeOperators = pipeOperators;
                Start = start;
                End = end;
                Span = span;
            }

            public readonly ShellCommand[] Commands;
            public readonly IReadOnlyList<ShellOperator> PipeOperators;
            public readonly int Start;
            public readonly int End;
            public readonly TextSpan Span;
        }

        public IReadOnlyList<ShellCommand> Commands
        {
            get
            {
                var commands = System.Threading.Volatile.Read(ref _commands);
                if (commands is Parts parts) return parts.Commands;
                // A pipeline of one asked for its list: made once (a racing thread may make an equal one first).
                var command = (ShellCommand)commands;
                parts = new Parts(new[] { command }, Array.Empty<ShellOperator>(), command.Start, command.End, command.Span);
                return (System.Threading.Interlocked.CompareExchange(ref _commands, parts, commands) as Parts ?? parts).Commands;
            }
        }

        /// <summary>The number of <see cref="Commands"/>, without making the list.</summary>
        internal int CommandCount => _commands is Parts parts ? parts.Commands.Length : 1;

        /// <summary>The operator after each command but the last (<see cref="ShellOperator.Pipe"/> or <see cref="ShellOperator.PipeAll"/>).</summary>
        public IReadOnlyList<ShellOperator> PipeOperators => _commands is Parts parts ? parts.PipeOperators : Array.Empty<ShellOperator>();

        /// <summary>Starts with <c>!</c>.</summary>
        public bool IsNegated { get; }

        public int Start => _commands is Parts parts ? parts.Start : ((ShellCommand)_commands).Start;
        public int End => _commands is Parts parts ? parts.End : ((ShellCommand)_commands).End;
        public TextSpan Span => _commands is Parts parts ? parts.Span : ((ShellCommand)_commands).Span;

        public ShellOperator PrecedingOperator
        {
            get => (ShellOperator)_preceding;
            internal set => _preceding = (byte)value;
        }

        public ShellOperator FollowingOperator
        {
            get => (ShellOperator)_following;
            internal set => _following = (byte)value;
        }

        /// <summary>Two commands or more.</summary>
        public bool IsPiped => CommandCount > 1;
    }
}
