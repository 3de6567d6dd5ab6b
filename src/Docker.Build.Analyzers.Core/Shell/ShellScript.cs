using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>
    /// A parsed shell script: every simple command in source order (those inside compound commands, subshells and
    /// substitutions included), the pipelines and the redirections, with exact Dockerfile spans. Scripts of
    /// PowerShell, cmd and other shells are not parsed: they come back empty with their <see cref="Dialect"/>.
    /// </summary>
    public sealed class ShellScript
    {
        internal ShellScript(MappedText text, ShellDialect dialect, SimpleCommand[] commands, IReadOnlyList<ShellPipeline> pipelines,
            IReadOnlyList<ShellRedirection> redirections, IReadOnlyList<ShellParseError> errors)
        {
            Text = text;
            Dialect = dialect;
            Commands = new ReadOnlyArray<SimpleCommand>(commands);
            Pipelines = pipelines;
            Redirections = redirections;
            Errors = errors;
        }

        /// <summary>Parses a POSIX shell script. With <paramref name="heredocBodiesFollow"/> (a script file, a heredoc body), the lines after a <c>&lt;&lt;EOF</c> are its body, not commands; without it (a Dockerfile instruction line, whose heredoc bodies the Dockerfile parser took out), heredoc markers have no body here.</summary>
        public static ShellScript Parse(MappedText text, bool heredocBodiesFollow = true) =>
            ShellParser.Parse(text ?? throw new ArgumentNullException(nameof(text)), heredocBodiesFollow);

        /// <summary>Parses a script given as a string (spans are offsets in it).</summary>
        public static ShellScript Parse(string text, bool heredocBodiesFollow = true) =>
            Parse(MappedText.FromSource(SourceText.From(text ?? ""), new TextSpan(0, (text ?? "").Length)), heredocBodiesFollow);

        /// <summary>A script in a language that is not parsed (PowerShell, cmd...): no commands.</summary>
        public static ShellScript NotParsed(MappedText text, ShellDialect dialect) =>
            new ShellScript(text, dialect, Array.Empty<SimpleCommand>(), Array.Empty<ShellPipeline>(), Array.Empty<ShellRedirection>(), Array.Empty<ShellParseError>());

        /// <summary>The script's text; its positions map back to the Dockerfile.</summary>
        public MappedText Text { get; }

        public ShellDialect Dialect { get; }

        /// <summary>False for scripts of PowerShell, cmd and other shells, which are not parsed.</summary>
        public bool IsParsed => Dialect == ShellDialect.Posix;

        /// <summary>Every simple command in source order (a view that <c>foreach</c> walks without allocating).</summary>
        public ReadOnlyArray<SimpleCommand> Commands { get; }

        /// <summary>Every pipeline in source order, single commands included (see <see cref="ShellPipeline.IsPiped"/>).</summary>
        public IReadOnlyList<ShellPipeline> Pipelines { get; }

        /// <summary>Every redirection in source order.</summary>
        public IReadOnlyList<ShellRedirection> Redirections { get; }

        public IReadOnlyList<ShellParseError> Errors { get; }
        public bool HasErrors => Errors.Count > 0;

        /// <summary>The commands whose effective program (wrappers looked through) has one of the names.</summary>
        public IEnumerable<SimpleCommand> FindCommands(params string[] names)
        {
            foreach (var c in Commands)
            {
                string name = c.EffectiveCommand.CommandName;
                if (name.Length == 0) continue;
                foreach (var n in names)
                {
                    if (string.Equals(name, n, StringComparison.Ordinal))
                    {
                        yield return c;
                        break;
                    }
                }
            }
        }
    }
}
