using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>The language a shell speaks.</summary>
    public enum ShellDialect
    {
        /// <summary>sh, bash, dash, ash (busybox), zsh, ksh: scripts are parsed and checked.</summary>
        Posix,

        /// <summary>powershell, pwsh: not parsed.</summary>
        PowerShell,

        /// <summary>cmd.exe: not parsed.</summary>
        Cmd,

        /// <summary>Anything else (fish, python...): not parsed.</summary>
        Other,
    }

    /// <summary>
    /// The shell that runs a <c>RUN</c> command: the stage's active <c>SHELL</c> (inherited from the stages it is built
    /// from), <c>/bin/sh -c</c> by default, or <c>cmd /S /C</c> on Windows images.
    /// </summary>
    public sealed class ShellInfo
    {
        private static readonly HashSet<string> PosixShells = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "sh", "bash", "dash", "ash", "zsh", "ksh", "ksh93", "mksh", "pdksh", "yash", "hush", "posh", "busybox", "rbash", "lksh",
        };

        /// <summary>Shells whose <c>set -o pipefail</c> works everywhere.</summary>
        private static readonly HashSet<string> PipefailShells = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "bash", "zsh", "ksh", "ksh93", "mksh", "ash", "busybox", "hush", "yash", "rbash", "lksh",
        };

        /// <summary><c>/bin/sh -c</c>, Docker's default on Linux.</summary>
        public static readonly ShellInfo Default = FromCommandLine(new[] { "/bin/sh", "-c" }, null, isDefault: true);

        /// <summary><c>cmd /S /C</c>, Docker's default on Windows.</summary>
        public static readonly ShellInfo WindowsDefault = FromCommandLine(new[] { "cmd", "/S", "/C" }, null, isDefault: true);

        private ShellInfo(IReadOnlyList<string> commandLine, string name, ShellDialect dialect, bool setsPipefail, bool setsErrexit, bool isDefault, ShellInstruction? instruction)
        {
            CommandLine = commandLine;
            Name = name;
            Dialect = dialect;
            SetsPipefail = setsPipefail;
            SetsErrexit = setsErrexit;
            IsDefault = isDefault;
            Instruction = instruction;
        }

        /// <summary>The program and its options, as given to <c>SHELL</c> (or the exec-form <c>RUN</c>).</summary>
        public IReadOnlyList<string> CommandLine { get; }

        public string Executable => CommandLine.Count > 0 ? CommandLine[0] : "";

        /// <summary>The shell's base name, lower case, without <c>.exe</c>: <c>sh</c>, <c>bash</c>, <c>powershell</c>, <c>cmd</c> (looks through <c>env</c> and <c>busybox</c>).</summary>
        public string Name { get; }

        public ShellDialect Dialect { get; }
        public bool IsPosix => Dialect == ShellDialect.Posix;

        /// <summary>The options turn on <c>pipefail</c> (<c>-o pipefail</c>, <c>-eo pipefail</c>, <c>-euxo pipefail</c>).</summary>
        public bool SetsPipefail { get; }

        /// <summary>The options turn on <c>errexit</c> (<c>-e</c>).</summary>
        public bool SetsErrexit { get; }

        /// <summary>No <c>SHELL</c> instruction applies: Docker's default shell.</summary>
        public bool IsDefault { get; }

        /// <summary>The <c>SHELL</c> instruction this comes from, if any.</summary>
        public ShellInstruction? Instruction { get; }

        /// <summary>
        /// True when <c>set -o pipefail</c> works in this shell; false for dash; null for plain <c>sh</c>, which is dash on
        /// Debian and Ubuntu (no pipefail before dash 0.5.12) but busybox ash on Alpine (pipefail works).
        /// </summary>
        public bool? SupportsPipefail
        {
            get
            {
                if (!IsPosix) return false;
                if (PipefailShells.Contains(Name)) return true;
                if (Name == "dash") return false;
                return null;
            }
        }

        public static ShellInfo FromShellInstruction(ShellInstruction instruction)
        {
            if (instruction.Command == null || instruction.Command.Arguments.Count == 0) return Default;
            var args = new string[instruction.Command.Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = instruction.Command.Arguments[i].Value;
            return FromCommandLine(args, instruction, isDefault: false);
        }

        /// <summary>Reads a shell command line such as <c>["/bin/bash", "-o", "pipefail", "-c"]</c>.</summary>
        public static ShellInfo FromCommandLine(IReadOnlyList<string> commandLine, ShellInstruction? instruction = null, bool isDefault = false)
        {
            if (commandLine.Count == 0) return new ShellInfo(commandLine, "", ShellDialect.Other, false, false, isDefault, instruction);
            int index = ProgramIndex(commandLine, out string name);
            var dialect = DialectOf(name);
            bool pipefail = false, errexit = false;
            if (dialect == ShellDialect.Posix)
            {
                for (int i = index + 1; i < commandLine.Count; i++)
                {
                    string a = commandLine[i];
                    if (a.Length < 2 || (a[0] != '-' && a[0] != '+')) break;
                    if (a == "--" || a == "-") break;
                    bool on = a[0] == '-';
                    if (a.StartsWith("--", StringComparison.Ordinal))
                    {
                        if (a == "--rcfile" || a == "--init-file") i++;
                        continue;
                    }
                    bool stop = false;
                    for (int k = 1; k < a.Length; k++)
                    {
                        char c = a[k];
                        if (c == 'e') errexit = on;
                        else if (c == 'c') stop = true;
                        else if (c == 'o' || c == 'O')
                        {
                            // The value follows when o ends the bundle (-o pipefail, -eo pipefail); 'c' after it (-oc) is not valid.
                            if (k == a.Length - 1 && i + 1 < commandLine.Count)
                            {
                                i++;
                                if (c == 'o' && commandLine[i] == "pipefail") pipefail = on;
                                if (c == 'o' && commandLine[i] == "errexit") errexit = on;
                            }
                            break;
                        }
                    }
                    if (stop) break;
                }
            }
            return new ShellInfo(commandLine, name, dialect, pipefail, errexit, isDefault, instruction);
        }

        /// <summary>The index of the shell program, looking through <c>env</c> and <c>busybox</c>; <paramref name="name"/> is its base name.</summary>
        internal static int ProgramIndex(IReadOnlyList<string> commandLine, out string name)
        {
            int i = 0;
            name = BaseName(commandLine[0]);
            if (name == "env")
            {
                i = 1;
                while (i < commandLine.Count && (commandLine[i].StartsWith("-", StringComparison.Ordinal) || commandLine[i].IndexOf('=') > 0)) i++;
                if (i >= commandLine.Count) return 0;
                name = BaseName(commandLine[i]);
            }
            if (name == "busybox" && i + 1 < commandLine.Count)
            {
                string applet = BaseName(commandLine[i + 1]);
                if (applet == "sh" || applet == "ash" || applet == "hush")
                {
                    name = "ash";
                    return i + 1;
                }
            }
            return i;
        }

        public static ShellDialect DialectOf(string programName)
        {
            string name = BaseName(programName);
            if (PosixShells.Contains(name)) return ShellDialect.Posix;
            if (name == "powershell" || name == "pwsh") return ShellDialect.PowerShell;
            if (name == "cmd") return ShellDialect.Cmd;
            return ShellDialect.Other;
        }

        /// <summary>True for the name of a POSIX shell (<c>/bin/bash</c>, <c>sh</c>, <c>busybox</c>).</summary>
        public static bool IsPosixShellName(string programName) => PosixShells.Contains(BaseName(programName));

        internal static string BaseName(string path) => SimpleCommand.BaseName(path.Trim()).ToLowerInvariant();

        /// <summary>
        /// The shell in effect before an instruction: the last <c>SHELL</c> before it in its stage, else the last one of
        /// the stages it is built from, else Docker's default for the image's platform.
        /// </summary>
        public static ShellInfo Before(DockerfileModel model, Stage stage, Instruction instruction)
        {
            bool? windows = null;
            return Before(model, stage, instruction, ref windows);
        }

        /// <summary><see cref="Before(DockerfileModel, Stage, Instruction)"/>, with the stage's <see cref="IsWindowsStage"/> answered at most once (<paramref name="windows"/> caches it for the caller).</summary>
        internal static ShellInfo Before(DockerfileModel model, Stage stage, Instruction instruction, ref bool? windows)
        {
            ShellInstruction? found = null;
            var instructions = stage.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var ins = instructions[i];
                if (ReferenceEquals(ins, instruction)) break;
                if (ins is ShellInstruction shell) found = shell;
            }
            if (found == null && stage.BaseStage != null)
                found = stage.BaseStage.FindLastInherited(i => i.Kind == InstructionKind.Shell) as ShellInstruction;
            if (found != null && found.Command != null) return FromShellInstruction(found);
            windows ??= IsWindowsStage(model, stage);
            return windows.Value ? WindowsDefault : Default;
        }

        /// <summary>
        /// The stage's root image is a Windows image (servercore, nanoserver, .NET Framework); when the image is not
        /// known (a build argument), a backquote escape character is taken as the sign of a Windows Dockerfile.
        /// </summary>
        public static bool IsWindowsStage(DockerfileModel model, Stage stage)
        {
            // A stage built from an image is its own root: no walk up the chain.
            var root = stage.BaseStage == null ? stage : stage.Root;
            var image = root.BaseImage;
            if (image == null)
            {
                if (root.BaseImage == null && !root.BaseNameIsComplete) return model.Escape == '`' || LooksWindows(root.BaseName);
                return false;
            }
            return IsWindowsImage(image);
        }

        public static bool IsWindowsImage(ImageReference image) => LooksWindows(image.Repository + ":" + (image.Tag ?? ""));

        private static bool LooksWindows(string text)
        {
            string s = text.ToLowerInvariant();
            return s.Contains("nanoserver") || s.Contains("servercore") || s.Contains("windows/") || s.Contains("/windows:")
                || s.Contains("dotnet/framework/") || s.Contains("ltsc20");
        }

        public override string ToString() => string.Join(" ", CommandLine);
    }
}
