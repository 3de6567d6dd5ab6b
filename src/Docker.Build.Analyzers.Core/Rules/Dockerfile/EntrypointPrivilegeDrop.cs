using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// Finds a startup command that switches to a non-root user itself (<c>gosu app ...</c>, <c>su-exec</c>,
    /// <c>setpriv --reuid</c>, <c>runuser -u</c>, <c>chroot --userspec</c>, <c>su -c ... user</c>, <c>s6-setuidgid</c>,
    /// <c>chpst -u</c>): in the ENTRYPOINT (or the CMD when there is none), in exec or shell form, or in the entrypoint
    /// script the Dockerfile copies from the build context. Images built that way start as root on purpose (to fix
    /// volume ownership, read root-only secrets) and run the application as another user.
    /// </summary>
    internal static class EntrypointPrivilegeDrop
    {
        /// <summary>A description such as "'gosu app' in the entrypoint script 'docker-entrypoint.sh'", or null.</summary>
        public static string? Find(DockerfileContext context, Stage final)
        {
            var startup = final.FindLastInherited(i => i.Kind == InstructionKind.Entrypoint, out var owner)
                          ?? final.FindLastInherited(i => i.Kind == InstructionKind.Cmd, out owner);
            if (!(startup is CommandInstruction command) || owner == null) return null;

            List<string>? words;
            if (command.Command is ExecForm exec)
            {
                words = new List<string>(exec.Arguments.Count);
                foreach (var w in exec.Arguments) words.Add(w.Value);
            }
            else if (command.Command is ShellForm shell)
            {
                var script = ShellScript.Parse(shell.Script);
                if (!script.IsParsed) return null;
                foreach (var c in script.Commands)
                    if (Dropper(WordsOf(c)) is string found) return $"'{found}' in its {command.Name}";
                words = script.Commands.Count > 0 ? WordsOf(script.Commands[0]) : null;
            }
            else return null;
            if (words == null || words.Count == 0) return null;

            if (Dropper(words) is string direct) return $"'{direct}' in its {command.Name}";
            // ["/bin/sh", "-c", "exec gosu app dotnet App.dll"]: the script is one word.
            int dashC = words.IndexOf("-c");
            if (dashC > 0 && dashC + 1 < words.Count && ShellInfo.IsPosixShellName(SimpleCommand.BaseName(words[0])))
            {
                var inner = ShellScript.Parse(words[dashC + 1]);
                if (inner.IsParsed)
                    foreach (var c in inner.Commands)
                        if (Dropper(WordsOf(c)) is string found) return $"'{found}' in its {command.Name}";
            }
            if (!(ScriptPathOf(words) is string scriptPath)) return null;
            if (!(ReadScript(context, final, scriptPath) is string text)) return null;
            var parsed = ShellScript.Parse(text);
            if (parsed.IsParsed)
                foreach (var c in parsed.Commands)
                    if (Dropper(WordsOf(c)) is string found) return $"'{found}' in the entrypoint script '{scriptPath}'";
            // The command may be kept in a variable first ('cmd="gosu app"', then 'exec $cmd "$@"'): the words of the
            // script outside comments, read as one list, still name it.
            if (Dropper(ScriptWords(text)) is string kept) return $"'{kept}' in the entrypoint script '{scriptPath}'";
            return null;
        }

        private static List<string> ScriptWords(string text)
        {
            var words = new List<string>();
            foreach (var rawLine in text.Split('\n'))
            {
                string line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                foreach (var word in line.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries)) words.Add(word);
            }
            return words;
        }

        private static readonly char[] WordSeparators = { ' ', '\t', '\r', '"', '\'', '=', ';', '(', ')', '`', '{', '}', '|', '&' };

        private static List<string> WordsOf(SimpleCommand command)
        {
            var list = new List<string>(command.Words.Count);
            foreach (var w in command.Words) list.Add(w.Value);
            return list;
        }

        /// <summary>
        /// The script the startup command runs: its first word, past init wrappers (<c>tini --</c>, <c>dumb-init</c>)
        /// and a shell running a file (<c>sh /entrypoint.sh</c>).
        /// </summary>
        private static string? ScriptPathOf(List<string> words)
        {
            int i = 0;
            while (i < words.Count)
            {
                string name = SimpleCommand.BaseName(words[i]);
                if (name == "tini" || name == "tini-static" || name == "dumb-init" || name == "catatonit")
                {
                    i++;
                    while (i < words.Count && words[i].StartsWith("-", StringComparison.Ordinal))
                        if (words[i++] == "--") break;
                    continue;
                }
                if (ShellInfo.IsPosixShellName(name))
                {
                    i++;
                    while (i < words.Count && words[i].StartsWith("-", StringComparison.Ordinal) && words[i] != "-c") i++;
                    if (i >= words.Count || words[i] == "-c") return null;
                    continue;
                }
                break;
            }
            if (i >= words.Count) return null;
            string path = words[i];
            return path.Length == 0 || path.IndexOf('$') >= 0 ? null : path;
        }

        /// <summary>The text of the script at <paramref name="path"/>, found through the COPY/ADD of the final stage's chain that put it there.</summary>
        private static string? ReadScript(DockerfileContext context, Stage final, string path)
        {
            string name = SimpleCommand.BaseName(path);
            if (name.Length == 0) return null;
            var chain = final.SelfAndAncestors;
            // The last copy to that place wins: walk the final stage first, from its end.
            foreach (var stage in chain)
            {
                for (int i = stage.Instructions.Count - 1; i >= 0; i--)
                {
                    if (!(stage.Instructions[i] is CopyInstruction copy) || copy.Destination == null || copy.HasFlag("from")) continue;
                    string destination = copy.IsJsonForm ? copy.Destination.Value : copy.Destination.Raw;
                    destination = context.Model.Expand(destination, stage.ScopeBefore(copy), out _);
                    bool intoDirectory = destination.EndsWith("/", StringComparison.Ordinal) || copy.Sources.Count > 1;
                    string destinationName = SimpleCommand.BaseName(destination.TrimEnd('/'));

                    foreach (var heredoc in copy.Heredocs)
                        if (destinationName == name || (intoDirectory && heredoc.Delimiter == name))
                            return heredoc.Body.Value;

                    foreach (var source in CopySources.Resolve(context.Model, copy))
                    {
                        if (source.Kind != CopySourceKind.ContextPath || source.IsGlob || source.ContextPath!.Length == 0) continue;
                        string sourceName = SimpleCommand.BaseName(source.ContextPath);
                        if (destinationName == name || sourceName == name)
                        {
                            if (context.BuildContext.TryReadText(source.ContextPath) is string text) return text;
                        }
                        // A directory of scripts copied into a directory: COPY docker/ /usr/local/bin/
                        if (intoDirectory || destinationName == "bin")
                            if (context.BuildContext.TryReadText(source.ContextPath.TrimEnd('/') + "/" + name) is string inside) return inside;
                    }
                }
            }
            return null;
        }

        /// <summary>The privilege-dropping part of a command's words ("gosu app", "setpriv --reuid=1000"), or null.</summary>
        internal static string? Dropper(List<string> words)
        {
            for (int i = 0; i < words.Count; i++)
            {
                string name = SimpleCommand.BaseName(words[i]);
                switch (name)
                {
                    case "gosu":
                    case "su-exec":
                    case "s6-setuidgid":
                    case "setuidgid":
                        if (i + 1 < words.Count && !IsRoot(words[i + 1]) && !words[i + 1].StartsWith("-", StringComparison.Ordinal))
                            return name + " " + words[i + 1];
                        break;
                    case "setpriv":
                        if (OptionValue(words, i, "--reuid") is string uid && !IsRoot(uid)) return name + " --reuid=" + uid;
                        break;
                    case "runuser":
                        if (OptionValue(words, i, "-u", "--user") is string runAs && !IsRoot(runAs)) return name + " -u " + runAs;
                        if (FirstOperand(words, i, "-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment") is string runuser && !IsRoot(runuser))
                            return name + " " + runuser;
                        break;
                    case "chroot":
                        if (OptionValue(words, i, "--userspec") is string spec && !IsRoot(spec)) return name + " --userspec=" + spec;
                        break;
                    case "chpst":
                        if (OptionValue(words, i, "-u", "-U") is string chpst && !IsRoot(chpst)) return name + " -u " + chpst;
                        break;
                    case "su":
                        if (OptionValue(words, i, "-c", "--command") == null) break;
                        if (FirstOperand(words, i, "-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment") is string su && !IsRoot(su))
                            return name + " " + su;
                        break;
                }
            }
            return null;
        }

        /// <summary>The value of an option of the command at <paramref name="at"/>: <c>--reuid=1000</c> or <c>--reuid 1000</c>.</summary>
        private static string? OptionValue(List<string> words, int at, params string[] names)
        {
            for (int i = at + 1; i < words.Count; i++)
            {
                string w = words[i];
                if (w == "--") break;
                foreach (var n in names)
                {
                    if (w == n) return i + 1 < words.Count ? words[i + 1] : null;
                    if (w.StartsWith(n + "=", StringComparison.Ordinal)) return w.Substring(n.Length + 1);
                }
            }
            return null;
        }

        /// <summary>The first operand after the command at <paramref name="at"/>, skipping options and the values of <paramref name="valueOptions"/>.</summary>
        private static string? FirstOperand(List<string> words, int at, params string[] valueOptions)
        {
            for (int i = at + 1; i < words.Count; i++)
            {
                string w = words[i];
                if (w == "-" || w == "--") continue;
                if (w.StartsWith("-", StringComparison.Ordinal))
                {
                    if (Array.IndexOf(valueOptions, w) >= 0) i++;
                    continue;
                }
                return w;
            }
            return null;
        }

        /// <summary><c>root</c>, <c>0</c>, <c>root:root</c>, <c>0:0</c>: no drop at all.</summary>
        private static bool IsRoot(string user)
        {
            int colon = user.IndexOf(':');
            string name = (colon < 0 ? user : user.Substring(0, colon)).Trim();
            return name.Length == 0 || name == "root" || name == "0";
        }
    }
}
