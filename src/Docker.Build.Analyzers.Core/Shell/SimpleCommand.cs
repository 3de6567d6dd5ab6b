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
        private CommandInvocation? _self;
        private CommandInvocation? _effective;

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
        public CommandInvocation Invocation => _self ??= new CommandInvocation(this, Name, Arguments, Array.Empty<ShellWord>(), Assignments);

        /// <summary>
        /// The command that really runs once wrappers are looked through: <c>sudo -E env X=1 nice -n 5 apt-get install</c>
        /// gives <c>apt-get install</c>, with <c>sudo</c>, <c>env</c> and <c>nice</c> in <see cref="CommandInvocation.Wrappers"/>.
        /// </summary>
        public CommandInvocation EffectiveCommand => _effective ??= CommandInvocation.LookThroughWrappers(this);

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
