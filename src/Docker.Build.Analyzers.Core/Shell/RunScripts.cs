using System;
using System.Collections.Generic;
using System.Globalization;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>Where a script of a <c>RUN</c> comes from.</summary>
    public enum RunScriptOrigin
    {
        /// <summary>The shell form: <c>RUN apt-get update &amp;&amp; ...</c>, run by the stage's <c>SHELL</c>.</summary>
        ShellForm,

        /// <summary>An exec form that calls a shell: <c>RUN ["/bin/bash", "-c", "..."]</c>.</summary>
        ExecFormShell,

        /// <summary>An exec form that runs a program directly (<c>RUN ["apt-get", "install", "-y", "curl"]</c>): one command, no shell.</summary>
        ExecFormCommand,

        /// <summary>A heredoc that is the whole command (<c>RUN &lt;&lt;EOF</c>): Docker runs its body with the stage's shell, or with the interpreter of its <c>#!</c> line.</summary>
        HeredocBody,

        /// <summary>A heredoc fed to a shell on the <c>RUN</c> line (<c>RUN bash -e &lt;&lt;EOF</c>).</summary>
        HeredocStdin,
    }

    /// <summary>One script a <c>RUN</c> executes, parsed once.</summary>
    public sealed class RunScript
    {
        internal RunScript(ShellScript script, ShellInfo? shell, RunScriptOrigin origin, Heredoc? heredoc)
        {
            Script = script;
            Shell = shell;
            Origin = origin;
            Heredoc = heredoc;
        }

        public ShellScript Script { get; }

        /// <summary>The shell that runs the script; null for an exec-form command that runs without a shell.</summary>
        public ShellInfo? Shell { get; }

        public RunScriptOrigin Origin { get; }

        /// <summary>The heredoc whose body this is, for heredoc scripts.</summary>
        public Heredoc? Heredoc { get; }

        /// <summary>The script's simple commands in source order (a view that <c>foreach</c> walks without allocating).</summary>
        public ReadOnlyArray<SimpleCommand> Commands => Script.Commands;
    }

    /// <summary>A <c>RUN</c> instruction with its mounts, its shell and the scripts it runs.</summary>
    public sealed class RunInstructionScripts
    {
        internal RunInstructionScripts(CommandInstruction instruction, Stage stage, int indexInStage, ShellInfo shell, IReadOnlyList<RunMount> mounts, IReadOnlyList<RunScript> scripts)
        {
            Instruction = instruction;
            Stage = stage;
            IndexInStage = indexInStage;
            Shell = shell;
            Mounts = mounts;
            Scripts = scripts;
        }

        /// <summary>The RUN: the instruction itself, or the RUN trigger of an <c>ONBUILD RUN</c> (see <see cref="Onbuild"/>).</summary>
        public CommandInstruction Instruction { get; }

        /// <summary>
        /// The <c>ONBUILD</c> instruction when this RUN is its trigger, else null. The trigger runs in the builds that use
        /// this image as their base; its scripts are parsed and checked like any RUN, with positions in this file.
        /// </summary>
        public OnbuildInstruction? Onbuild { get; internal set; }

        public Stage Stage { get; }

        /// <summary>The position of the instruction in <see cref="Dockerfile.Stage.Instructions"/>.</summary>
        public int IndexInStage { get; }

        /// <summary>The variables visible to the RUN (its stage's ARGs, ENV including inherited ones).</summary>
        public VariableScope Scope => Stage.ScopeBefore(IndexInStage);

        /// <summary>The stage's shell before this instruction (what runs the shell form).</summary>
        public ShellInfo Shell { get; }

        /// <summary>The <c>--mount</c> flags.</summary>
        public IReadOnlyList<RunMount> Mounts { get; }

        /// <summary>
        /// The scripts run: the shell form (or a shell exec form), and heredoc bodies that a shell executes. Scripts of
        /// PowerShell or cmd are present but not parsed (no commands). Data heredocs (<c>cat &lt;&lt;EOF &gt; file</c>) and
        /// heredocs of other interpreters (<c>python3 &lt;&lt;EOF</c>) are not scripts.
        /// </summary>
        public IReadOnlyList<RunScript> Scripts { get; }

        private SimpleCommand[]? _commands;

        /// <summary>
        /// Every simple command of every script, script by script, in source order. Gathered once per RUN and shared
        /// by the rules; a view that <c>foreach</c> walks without allocating.
        /// </summary>
        public ReadOnlyArray<SimpleCommand> Commands
        {
            get
            {
                var commands = System.Threading.Volatile.Read(ref _commands);
                if (commands == null)
                {
                    var scripts = Scripts;
                    if (scripts.Count == 1)
                    {
                        commands = scripts[0].Commands.ToArrayUnsafe(); // the same commands: share the array
                    }
                    else
                    {
                        int count = 0;
                        for (int i = 0; i < scripts.Count; i++) count += scripts[i].Commands.Count;
                        var all = new SimpleCommand[count];
                        int at = 0;
                        for (int i = 0; i < scripts.Count; i++)
                            foreach (var c in scripts[i].Commands) all[at++] = c;
                        commands = all;
                    }
                    commands = System.Threading.Interlocked.CompareExchange(ref _commands, commands, null) ?? commands;
                }
                return new ReadOnlyArray<SimpleCommand>(commands);
            }
        }

        /// <summary>The script a command belongs to.</summary>
        public RunScript? ScriptOf(SimpleCommand command)
        {
            var scripts = Scripts;
            for (int i = 0; i < scripts.Count; i++)
                foreach (var c in scripts[i].Commands)
                    if (ReferenceEquals(c, command)) return scripts[i];
            return null;
        }

        public bool HasSecretMount
        {
            get
            {
                var mounts = Mounts;
                for (int i = 0; i < mounts.Count; i++) if (mounts[i].IsSecret) return true;
                return false;
            }
        }

        /// <summary>A cache or tmpfs mount keeps the path (or a directory above it) out of the layer.</summary>
        public bool KeepsOutOfLayer(string path)
        {
            var mounts = Mounts;
            for (int i = 0; i < mounts.Count; i++)
                if (mounts[i].KeepsOutOfLayer(path)) return true;
            return false;
        }

        /// <summary>A cache or tmpfs mount keeps one of the two paths (or a directory above it) out of the layer.</summary>
        public bool KeepsOutOfLayer(string path, string other) => KeepsOutOfLayer(path) || KeepsOutOfLayer(other);

        /// <summary>A cache or tmpfs mount keeps one of the paths (or a directory above it) out of the layer.</summary>
        public bool KeepsOutOfLayer(params string[] paths)
        {
            if (Mounts.Count == 0) return false;
            foreach (var p in paths)
                if (KeepsOutOfLayer(p)) return true;
            return false;
        }
    }

    /// <summary>
    /// The parsed shell scripts of every <c>RUN</c> of a Dockerfile, built once per document (see
    /// <c>DockerfileDocument.RunScripts</c>) so that every rule shares one parse. Immutable once built.
    /// </summary>
    public sealed class RunScripts
    {
        private readonly Dictionary<Instruction, RunInstructionScripts> _byInstruction;

        private RunScripts(IReadOnlyList<RunInstructionScripts> all, Dictionary<Instruction, RunInstructionScripts> byInstruction)
        {
            All = all;
            _byInstruction = byInstruction;
        }

        /// <summary>
        /// Every <c>RUN</c> of every stage in file order, <c>ONBUILD RUN</c> triggers included (at the place of their
        /// ONBUILD line; <see cref="RunInstructionScripts.Onbuild"/> tells them apart).
        /// </summary>
        public IReadOnlyList<RunInstructionScripts> All { get; }

        public RunInstructionScripts? Get(Instruction run) =>
            _byInstruction.TryGetValue(run, out var r) ? r : null;

        public static RunScripts Create(DockerfileModel model)
        {
            var stages = model.Stages;
            int count = 0;
            for (int s = 0; s < stages.Count; s++)
            {
                var instructions = stages[s].Instructions;
                for (int i = 0; i < instructions.Count; i++)
                    if (instructions[i].Kind == InstructionKind.Run || instructions[i].Kind == InstructionKind.Onbuild) count++;
            }
            var all = new List<RunInstructionScripts>(count);
            var map = new Dictionary<Instruction, RunInstructionScripts>(count);
            // One parser and one scratch list for every script of the file: each parse reuses their buffers.
            var parser = new ShellParser();
            var scripts = new List<RunScript>();
            for (int s = 0; s < stages.Count; s++)
            {
                var stage = stages[s];
                // The shell in effect, followed through the stage in one pass (a SHELL changes it for what comes after).
                ShellInfo? shell = null;
                // Whether the stage builds on a Windows image: asked at most once per stage, and only when needed.
                bool? windows = null;
                var instructions = stage.Instructions;
                for (int i = 0; i < instructions.Count; i++)
                {
                    var instruction = instructions[i];
                    if (instruction is ShellInstruction shellInstruction && shellInstruction.Command != null)
                    {
                        shell = ShellInfo.FromShellInstruction(shellInstruction);
                        continue;
                    }
                    if (instruction is OnbuildInstruction onbuild)
                    {
                        // The trigger runs in a later build, with the shell this image hands on: the one in effect here.
                        if (!(onbuild.Trigger is CommandInstruction trigger) || trigger.Kind != InstructionKind.Run) continue;
                        shell ??= ShellInfo.Before(model, stage, onbuild, ref windows);
                        var triggered = Build(model, stage, i, trigger, shell, ref windows, parser, scripts);
                        triggered.Onbuild = onbuild;
                        all.Add(triggered);
                        map[trigger] = triggered;
                        continue;
                    }
                    if (instruction.Kind != InstructionKind.Run || !(instruction is CommandInstruction run)) continue;
                    shell ??= ShellInfo.Before(model, stage, run, ref windows);
                    var item = Build(model, stage, i, run, shell, ref windows, parser, scripts);
                    all.Add(item);
                    map[run] = item;
                }
            }
            return new RunScripts(all, map);
        }

        /// <summary>The scripts of one RUN, gathered in <paramref name="scripts"/> (a scratch list, left empty) and kept in an exact array.</summary>
        private static RunInstructionScripts Build(DockerfileModel model, Stage stage, int index, CommandInstruction run, ShellInfo shell,
            ref bool? windows, ShellParser parser, List<RunScript> scripts)
        {
            var source = model.Syntax.Source;
            if (run.Command is ExecForm exec)
            {
                AddExecForm(exec, source, scripts, parser);
            }
            else if (run.Command is ShellForm form)
            {
                windows ??= ShellInfo.IsWindowsStage(model, stage);
                AddShellForm(run, form, shell, windows.Value, scripts, parser);
            }
            var found = scripts.Count == 0 ? Array.Empty<RunScript>() : scripts.ToArray();
            scripts.Clear();
            return new RunInstructionScripts(run, stage, index, shell, Mounts(run), found);
        }

        /// <summary>The <c>--mount</c> flags of a RUN, parsed.</summary>
        private static IReadOnlyList<RunMount> Mounts(CommandInstruction run)
        {
            var flags = run.Flags;
            List<RunMount>? mounts = null;
            for (int i = 0; i < flags.Count; i++)
                if (string.Equals(flags[i].Name, "mount", StringComparison.OrdinalIgnoreCase))
                    (mounts ??= new List<RunMount>()).Add(RunMount.Parse(flags[i]));
            return (IReadOnlyList<RunMount>?)mounts ?? Array.Empty<RunMount>();
        }

        private static void AddExecForm(ExecForm exec, SourceText source, List<RunScript> scripts, ShellParser parser)
        {
            var args = exec.Arguments;
            if (args.Count == 0) return;
            var values = new string[args.Count];
            for (int i = 0; i < values.Length; i++) values[i] = args[i].Value;
            int program = ShellInfo.ProgramIndex(values, out string name);
            var dialect = ShellInfo.DialectOf(name);
            if (dialect != ShellDialect.Other)
            {
                int scriptIndex = FindCommandString(values, program, dialect);
                if (scriptIndex < 0) return; // a shell running a script file or reading stdin: nothing to see
                var info = ShellInfo.FromCommandLine(values);
                var text = JsonStringContent(args[scriptIndex], source);
                var script = dialect == ShellDialect.Posix ? parser.ParseScript(text, heredocBodiesFollow: true) : ShellScript.NotParsed(text, dialect);
                scripts.Add(new RunScript(script, info, RunScriptOrigin.ExecFormShell, null));
                return;
            }
            var programWord = JsonWord(args[0], source);
            var arguments = args.Count == 1 ? Array.Empty<ShellWord>() : new ShellWord[args.Count - 1];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = JsonWord(args[i + 1], source);
            scripts.Add(new RunScript(ShellParser.SingleCommand(programWord, arguments, MappedText.FromSource(source, exec.Span)), null, RunScriptOrigin.ExecFormCommand, null));
        }

        /// <summary>An argument of an exec form as a shell word: quoted, its value known.</summary>
        private static ShellWord JsonWord(Word argument, SourceText source)
        {
            var content = JsonStringContent(argument, source);
            return new ShellWord(content, 0, content.Length, argument.Value, isQuoted: true, containsExpansion: false, Array.Empty<ShellSubstitution>());
        }

        /// <summary>The index of the command string of <c>sh -c 'script'</c> (after options such as <c>-e</c> or <c>-o pipefail</c>), or -1.</summary>
        private static int FindCommandString(string[] values, int program, ShellDialect dialect)
        {
            if (dialect == ShellDialect.PowerShell)
            {
                for (int i = program + 1; i < values.Length; i++)
                {
                    string v = values[i].ToLowerInvariant();
                    if ((v == "-command" || v == "-c" || v == "/c") && i + 1 < values.Length) return i + 1;
                }
                return -1;
            }
            if (dialect == ShellDialect.Cmd)
            {
                for (int i = program + 1; i < values.Length; i++)
                {
                    string v = values[i].ToLowerInvariant();
                    if ((v == "/c" || v == "/k") && i + 1 < values.Length) return i + 1;
                }
                return -1;
            }
            bool c = false;
            for (int i = program + 1; i < values.Length; i++)
            {
                string a = values[i];
                if (a == "--") return c && i + 1 < values.Length ? i + 1 : -1;
                if (a.Length < 2 || (a[0] != '-' && a[0] != '+')) return c ? i : -1;
                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    if (a == "--rcfile" || a == "--init-file") i++;
                    continue;
                }
                for (int k = 1; k < a.Length; k++)
                {
                    if (a[k] == 'c') c = true;
                    else if ((a[k] == 'o' || a[k] == 'O') && k == a.Length - 1) { i++; break; }
                }
            }
            return -1;
        }

        private static void AddShellForm(CommandInstruction run, ShellForm form, ShellInfo shell, bool windows, List<RunScript> scripts, ShellParser parser)
        {
            var heredocs = run.Heredocs;
            var text = form.Script;
            if (heredocs.Count == 1 && EqualsTrimmed(text.Value, heredocs[0].Marker.Raw))
            {
                // RUN <<EOF alone: BuildKit runs the body itself, with the shell, or as a file when it starts with #!.
                var heredoc = heredocs[0];
                var body = heredoc.Body;
                // BuildKit honours a #! line only on Linux images.
                if (!windows && body.Value.StartsWith("#!", StringComparison.Ordinal))
                {
                    var interpreter = ShebangShell(body.Value);
                    if (interpreter == null || !interpreter.IsPosix) return;
                    scripts.Add(new RunScript(parser.ParseScript(body, heredocBodiesFollow: true), interpreter, RunScriptOrigin.HeredocBody, heredoc));
                    return;
                }
                scripts.Add(new RunScript(ParseWith(parser, shell, body), shell, RunScriptOrigin.HeredocBody, heredoc));
                return;
            }

            var lineScript = shell.IsPosix ? parser.ParseScript(text, heredocBodiesFollow: false) : ShellScript.NotParsed(text, shell.Dialect);
            scripts.Add(new RunScript(lineScript, shell, RunScriptOrigin.ShellForm, null));
            if (heredocs.Count == 0 || !lineScript.IsParsed) return;

            // Heredocs on the line: a body is a script when it is the standard input of a shell with no script argument.
            int index = 0;
            foreach (var redirection in lineScript.Redirections)
            {
                if (!redirection.IsHeredoc) continue;
                var heredoc = MatchHeredoc(heredocs, redirection, index++);
                if (heredoc == null || !(redirection.Command is SimpleCommand command)) continue;
                if ((redirection.FileDescriptor ?? 0) != 0) continue;
                var info = StdinShell(command.EffectiveCommand);
                if (info == null) continue;
                scripts.Add(new RunScript(ParseWith(parser, info, heredoc.Body), info, RunScriptOrigin.HeredocStdin, heredoc));
            }
        }

        private static ShellScript ParseWith(ShellParser parser, ShellInfo shell, MappedText text) =>
            shell.IsPosix ? parser.ParseScript(text, heredocBodiesFollow: true) : ShellScript.NotParsed(text, shell.Dialect);

        /// <summary><c>text.Trim() == value</c> without cutting the trimmed string.</summary>
        private static bool EqualsTrimmed(string text, string value)
        {
            int start = 0, end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            return end - start == value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;
        }

        private static Heredoc? MatchHeredoc(IReadOnlyList<Heredoc> heredocs, ShellRedirection redirection, int index)
        {
            if (index < heredocs.Count && heredocs[index].Delimiter == redirection.HeredocDelimiter) return heredocs[index];
            foreach (var h in heredocs)
                if (h.Delimiter == redirection.HeredocDelimiter) return h;
            return index < heredocs.Count ? heredocs[index] : null;
        }

        /// <summary>A POSIX shell that reads its script from standard input: <c>sh</c>, <c>bash -e</c>, <c>sh -s -- args</c>; not <c>sh -c '...'</c> or <c>bash script.sh</c>.</summary>
        private static ShellInfo? StdinShell(CommandInvocation invocation)
        {
            if (invocation.Name == null) return null;
            var words = new List<string> { invocation.Name.Value };
            foreach (var a in invocation.Arguments) words.Add(a.Value);
            int program = ShellInfo.ProgramIndex(words, out string name);
            if (ShellInfo.DialectOf(name) != ShellDialect.Posix) return null;
            for (int i = program + 1; i < words.Count; i++)
            {
                string a = words[i];
                if (a == "-s" || a == "-" || a == "--") break;
                if (a.Length < 2 || (a[0] != '-' && a[0] != '+')) return null; // a script file
                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    if (a == "--rcfile" || a == "--init-file") i++;
                    continue;
                }
                bool stdin = false;
                for (int k = 1; k < a.Length; k++)
                {
                    if (a[k] == 'c') return null;
                    if (a[k] == 's') stdin = true;
                    if ((a[k] == 'o' || a[k] == 'O') && k == a.Length - 1) { i++; break; }
                }
                if (stdin) break;
            }
            return ShellInfo.FromCommandLine(words.GetRange(program, words.Count - program));
        }

        /// <summary>The shell named by a <c>#!</c> line (<c>#!/bin/bash -e</c>, <c>#!/usr/bin/env bash</c>), or null for another interpreter.</summary>
        private static ShellInfo? ShebangShell(string body)
        {
            int nl = body.IndexOf('\n');
            string line = (nl < 0 ? body : body.Substring(0, nl)).Substring(2).Trim();
            var parts = line.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) return null;
            var info = ShellInfo.FromCommandLine(parts);
            return info.IsPosix ? info : null;
        }

        /// <summary>The decoded content of a JSON string word, each character mapped to its place in the Dockerfile.</summary>
        internal static MappedText JsonStringContent(Word word, SourceText source)
        {
            string raw = word.Raw;
            var rawText = word.RawText;
            if (raw.Length < 2 || raw[0] != '"' || raw[raw.Length - 1] != '"') return rawText;
            if (raw.IndexOf('\\') < 0) return rawText.Slice(1, raw.Length - 2);
            var builder = new MappedText.Builder(rawText.ToSourceOffset(1));
            int i = 1;
            while (i < raw.Length - 1)
            {
                char c = raw[i];
                if (c != '\\' || i + 1 >= raw.Length - 1)
                {
                    builder.Append(source, rawText.ToSourceOffset(i), 1);
                    i++;
                    continue;
                }
                char e = raw[i + 1];
                string decoded;
                int length = 2;
                switch (e)
                {
                    case 'n': decoded = "\n"; break;
                    case 't': decoded = "\t"; break;
                    case 'r': decoded = "\r"; break;
                    case 'b': decoded = "\b"; break;
                    case 'f': decoded = "\f"; break;
                    case 'u':
                        if (i + 6 <= raw.Length - 1 && int.TryParse(raw.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            decoded = ((char)code).ToString();
                            length = 6;
                        }
                        else decoded = "u";
                        break;
                    default: decoded = e.ToString(); break;
                }
                builder.AppendSubstitute(decoded, rawText.ToSourceOffset(i));
                i += length;
            }
            return builder.ToMappedText();
        }
    }
}
