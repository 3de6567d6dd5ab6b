using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>What the RUN rules share: recognising package managers and the stages whose layers ship.</summary>
    internal static class RunCommandFacts
    {
        /// <summary><c>apt-get</c> or <c>apt</c>.</summary>
        public static bool IsApt(CommandInvocation invocation) =>
            invocation.CommandName == "apt-get" || invocation.CommandName == "apt";

        /// <summary>The subcommand of an <c>apt-get</c>/<c>apt</c> invocation, when it is <paramref name="name"/> (no array to allocate).</summary>
        public static ShellWord? AptSubcommand(CommandInvocation invocation, string name)
        {
            if (!IsApt(invocation)) return null;
            var sub = invocation.Subcommand;
            return sub != null && string.Equals(sub.Value, name, StringComparison.Ordinal) ? sub : null;
        }

        /// <summary>The subcommand of an <c>apt-get</c>/<c>apt</c> invocation, when it is one of <paramref name="names"/>.</summary>
        public static ShellWord? AptSubcommand(CommandInvocation invocation, params string[] names)
        {
            if (!IsApt(invocation)) return null;
            var sub = invocation.Subcommand;
            if (sub == null) return null;
            foreach (var n in names)
                if (string.Equals(sub.Value, n, StringComparison.Ordinal)) return sub;
            return null;
        }

        /// <summary>The apt subcommands that download and install packages (they need fresh lists and change the image).</summary>
        public static readonly string[] AptInstalling = { "install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall", "satisfy" };

        /// <summary>The pip invocation of a command: <c>pip install</c>, <c>pip3.12 install</c>, <c>python3 -m pip install</c>; null otherwise.</summary>
        public static CommandInvocation? Pip(SimpleCommand command)
        {
            var effective = command.EffectiveCommand;
            string name = effective.CommandName;
            if (IsVersioned(name, "pip")) return effective;
            if (IsVersioned(name, "python"))
            {
                var args = effective.Arguments;
                for (int i = 0; i + 1 < args.Count; i++)
                {
                    if (args[i].Value == "-m" && IsVersioned(args[i + 1].Value, "pip")) return effective.StartingAt(i + 1);
                    if (!args[i].Value.StartsWith("-", StringComparison.Ordinal)) break;
                }
            }
            return null;
        }

        /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.12</c> for family <c>pip</c>.</summary>
        public static bool IsVersioned(string name, string family)
        {
            if (!name.StartsWith(family, StringComparison.Ordinal)) return false;
            for (int i = family.Length; i < name.Length; i++)
                if (!char.IsDigit(name[i]) && name[i] != '.') return false;
            return true;
        }

        /// <summary>POSIX shells and the script interpreters people pipe downloads into.</summary>
        public static bool IsShellOrInterpreter(string name) =>
            ShellInfo.IsPosixShellName(name) || IsVersioned(name, "python") || IsVersioned(name, "perl") || IsVersioned(name, "ruby")
            || name == "node" || name == "nodejs" || IsVersioned(name, "php");

        /// <summary>The final stage and the stages it is built on: their layers are the shipped image.</summary>
        public static HashSet<Stage> ShippedStages(DockerfileModel model)
        {
            var result = new HashSet<Stage>();
            if (model.FinalStage != null)
                foreach (var s in model.FinalStage.SelfAndAncestors) result.Add(s);
            return result;
        }

        /// <summary>A finding in a stage whose layers do not ship: the rule's severity, lowered to a suggestion.</summary>
        public static Diagnostics.DiagnosticSeverity AtMostSuggestion(Diagnostics.DiagnosticSeverity severity) =>
            severity > Diagnostics.DiagnosticSeverity.Suggestion ? Diagnostics.DiagnosticSeverity.Suggestion : severity;

        /// <summary>The commands of a RUN in execution order across its scripts (line first, then heredoc bodies).</summary>
        public static ReadOnlyArray<SimpleCommand> CommandsInOrder(RunInstructionScripts run) => run.Commands;

        /// <summary>
        /// Answers "was apt configured with <c>option</c> set to <c>value</c> before this RUN?" for one analysis: an
        /// instruction of the stage chain up to and including the RUN writes the setting (<c>APT::Install-Recommends
        /// "false"</c> into apt.conf.d, by RUN or COPY heredoc). Each stage is searched once.
        /// </summary>
        internal sealed class AptSettingLookup
        {
            private readonly string _option;
            private readonly bool _value;
            private readonly Dictionary<Stage, int> _firstMention = new Dictionary<Stage, int>();

            public AptSettingLookup(string option, bool value)
            {
                _option = option;
                _value = value;
            }

            public bool IsConfigured(RunInstructionScripts run)
            {
                if (FirstMention(run.Stage) is int own && own >= 0 && own <= run.IndexInStage) return true;
                foreach (var ancestor in run.Stage.SelfAndAncestors)
                    if (!ReferenceEquals(ancestor, run.Stage) && FirstMention(ancestor) >= 0) return true;
                return false;
            }

            private int FirstMention(Stage stage)
            {
                if (_firstMention.TryGetValue(stage, out int index)) return index;
                index = -1;
                for (int i = 0; i < stage.Instructions.Count && index < 0; i++)
                {
                    var ins = stage.Instructions[i];
                    if (MentionsAptSetting(ins.Arguments.Value, _option, _value)) index = i;
                    foreach (var h in ins.Heredocs)
                        if (index < 0 && MentionsAptSetting(h.Body.Value, _option, _value)) index = i;
                }
                _firstMention[stage] = index;
                return index;
            }
        }

        private static bool MentionsAptSetting(string text, string option, bool value)
        {
            int at = 0;
            while (true)
            {
                at = text.IndexOf(option, at, StringComparison.OrdinalIgnoreCase);
                if (at < 0) return false;
                at += option.Length;
                int p = at;
                while (p < text.Length && (text[p] == ' ' || text[p] == '\t' || text[p] == '"' || text[p] == '\'' || text[p] == '=' || text[p] == '\\')) p++;
                if (IsBooleanAt(text, p, value)) return true;
            }
        }

        private static bool IsBooleanAt(string text, int p, bool value)
        {
            string[] words = value ? new[] { "true", "1", "yes", "on" } : new[] { "false", "0", "no", "off" };
            foreach (var w in words)
                if (string.Compare(text, p, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (p + w.Length >= text.Length || !char.IsLetterOrDigit(text[p + w.Length]))) return true;
            return false;
        }

        /// <summary>Reads a boolean option value (<c>false</c>, <c>0</c>, <c>no</c>, <c>off</c> are false).</summary>
        public static bool IsFalse(string value)
        {
            string v = value.Trim().Trim('"', '\'').ToLowerInvariant();
            return v == "false" || v == "0" || v == "no" || v == "off";
        }

        public static bool IsTrue(string value)
        {
            string v = value.Trim().Trim('"', '\'').ToLowerInvariant();
            return v == "true" || v == "1" || v == "yes" || v == "on";
        }

        /// <summary>An <c>rm</c> (or <c>find ... -delete</c>) that removes <paramref name="directory"/> or what is in it.</summary>
        public static bool Removes(SimpleCommand command, string directory)
        {
            var effective = command.EffectiveCommand;
            if (effective.CommandName == "rm")
            {
                foreach (var operand in effective.Operands)
                    if (PathTouches(operand.Value, directory)) return true;
                return false;
            }
            if (effective.CommandName == "find")
            {
                bool deletes = false, under = false;
                foreach (var a in effective.Arguments)
                {
                    if (a.Value == "-delete" || a.Value == "-exec" || a.Value == "-execdir") deletes = true;
                    if (PathTouches(a.Value, directory)) under = true;
                }
                return deletes && under;
            }
            return false;
        }

        /// <summary>The path is the directory, something inside it, or a directory above it (<c>/var/lib/apt/lists/*</c>, <c>/var/lib/apt</c>).</summary>
        private static bool PathTouches(string path, string directory)
        {
            bool wildcard = path.IndexOf('*') >= 0;
            string p = path.TrimEnd('/');
            if (p.EndsWith("/*", StringComparison.Ordinal)) p = p.Substring(0, p.Length - 2).TrimEnd('/');
            if (p.Length == 0) return false;
            return p == directory
                || directory.StartsWith(p + "/", StringComparison.Ordinal)
                || (wildcard && p.StartsWith(directory + "/", StringComparison.Ordinal));
        }
    }
}
