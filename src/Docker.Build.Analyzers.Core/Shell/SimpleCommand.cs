using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>
    /// A simple command: leading assignments, a name, arguments and redirections (<c>DEBIAN_FRONTEND=noninteractive
    /// apt-get install -y curl &gt; /dev/null</c>).
    /// </summary>
    public sealed class SimpleCommand : ShellCommand
    {
        /// <summary>
        /// The invocations, made when first asked: a <see cref="CommandInvocation"/> that is both the command's own and its
        /// effective one (nearly always: with no wrapper to look through, <see cref="CommandInvocation.LookThroughWrappers"/>
        /// returns the command's own), or an <see cref="InvocationPair"/> for a command run through a wrapper. One field
        /// for the two, as a command is one of the commonest objects of a parse.
        /// </summary>
        private object? _invocations;

        /// <summary>The invocations of a command run through a wrapper (<c>sudo apt-get</c>): they differ.</summary>
        private sealed class InvocationPair
        {
            public InvocationPair(CommandInvocation effective) => Effective = effective;

            public readonly CommandInvocation Effective;
            public CommandInvocation? Self;
        }

        /// <summary>A command of a name (null for assignments or redirections only) and its arguments (an exact array, never copied).</summary>
        internal SimpleCommand(int start, int end, TextSpan span, ShellContext context, IReadOnlyList<ShellRedirection> redirections,
            IReadOnlyList<ShellAssignment> assignments, ShellWord? name, ShellWord[] arguments)
            : base(start, end, span, context, redirections)
        {
            Assignments = assignments;
            Name = name;
            Arguments = arguments;
            CommandName = name == null ? "" : BaseName(name.Value);
        }

        /// <summary>
        /// Every word: assignments, name and arguments (not the redirections). Made from those on each request: the rules
        /// read <see cref="Name"/> and <see cref="Arguments"/>, so a command does not keep a second array of its words.
        /// </summary>
        public IReadOnlyList<ShellWord> Words
        {
            get
            {
                var assignments = Assignments;
                int count = assignments.Count + (Name == null ? 0 : 1) + Arguments.Count;
                if (count == 0) return Array.Empty<ShellWord>();
                var words = new ShellWord[count];
                int at = 0;
                for (int i = 0; i < assignments.Count; i++) words[at++] = assignments[i].Word;
                if (Name != null) words[at++] = Name;
                for (int i = 0; i < Arguments.Count; i++) words[at++] = Arguments[i];
                return words;
            }
        }

        /// <summary>The <c>NAME=value</c> words before the command name.</summary>
        public IReadOnlyList<ShellAssignment> Assignments { get; }

        /// <summary>The first word that is not an assignment; null for a command of assignments or redirections only.</summary>
        public ShellWord? Name { get; }

        /// <summary>The words after the name.</summary>
        public IReadOnlyList<ShellWord> Arguments { get; }

        /// <summary>The name without its directory: <c>apt-get</c> for <c>/usr/bin/apt-get</c>; empty when there is no name.</summary>
        public string CommandName { get; }

        /// <summary>This command as an invocation, without looking through wrappers.</summary>
        public CommandInvocation Invocation
        {
            get
            {
                var cached = System.Threading.Volatile.Read(ref _invocations);
                if (cached is CommandInvocation same) return same;
                if (cached is InvocationPair pair) return pair.Self ??= NewInvocation();
                var self = NewInvocation();
                // A name that is no wrapper: this is the effective command too, kept for both.
                if (Name == null || !OptionTables.Wrappers.ContainsKey(CommandName))
                    return System.Threading.Interlocked.CompareExchange(ref _invocations, self, null) as CommandInvocation ?? self;
                // A wrapper's name: EffectiveCommand, which asks for this while looking through, decides what is kept.
                return self;
            }
        }

        private CommandInvocation NewInvocation() => new CommandInvocation(this, Name, Arguments, Array.Empty<ShellWord>(), Assignments);

        /// <summary>
        /// The command that really runs once wrappers are looked through: <c>sudo -E env X=1 nice -n 5 apt-get install</c>
        /// gives <c>apt-get install</c>, with <c>sudo</c>, <c>env</c> and <c>nice</c> in <see cref="CommandInvocation.Wrappers"/>.
        /// </summary>
        public CommandInvocation EffectiveCommand
        {
            get
            {
                var cached = System.Threading.Volatile.Read(ref _invocations);
                if (cached is CommandInvocation same) return same;
                if (cached is InvocationPair pair) return pair.Effective;
                var effective = CommandInvocation.LookThroughWrappers(this);
                object kept = effective.Wrappers.Count == 0 ? effective : new InvocationPair(effective);
                var won = System.Threading.Interlocked.CompareExchange(ref _invocations, kept, null);
                if (won == null) return effective;
                return won as CommandInvocation ?? ((InvocationPair)won).Effective;
            }
        }

        /// <summary>The command's own options (see <see cref="CommandInvocation.HasOption"/>); use <see cref="EffectiveCommand"/> to see through <c>sudo</c> and the like.</summary>
        public bool HasOption(params string[] names) => Invocation.HasOption(names);

        /// <summary>The first non-option argument of the command itself.</summary>
        public ShellWord? Subcommand => Invocation.Subcommand;

        /// <summary><c>apt-get</c> for <c>/usr/bin/apt-get</c>, <c>cmd</c> for <c>C:\Windows\cmd.exe</c>.</summary>
        public static string BaseName(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            string name = slash >= 0 ? path.Substring(slash + 1) : path;
            // The cheap test of the dot first: most names have no extension.
            if (name.Length >= 4 && name[name.Length - 4] == '.' && name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - 4);
            return name;
        }

        public override string ToString()
        {
            var sb = new System.Text.StringBuilder();
            foreach (var w in Words)
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(w.Raw);
            }
            return sb.ToString();
        }
    }
}
