using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>
    /// A program with its arguments, as a rule wants to see it: the effective command of a simple command (wrappers
    /// such as <c>sudo</c> looked through), or a tool reached inside another (<c>pip</c> in <c>python -m pip</c>).
    /// Knows the usual option syntax: short bundles (<c>-qy</c>), <c>--opt=value</c>, <c>--opt value</c>, and
    /// <c>--</c> ending the options.
    /// </summary>
    public sealed class CommandInvocation
    {
        internal CommandInvocation(SimpleCommand command, ShellWord? name, IReadOnlyList<ShellWord> arguments, IReadOnlyList<ShellWord> wrappers, IReadOnlyList<ShellAssignment> environment)
        {
            Command = command;
            Name = name;
            Arguments = arguments;
            Wrappers = wrappers;
            Environment = environment;
            CommandName = name == null ? "" : SimpleCommand.BaseName(name.Value);
            _valueOptions = OptionTables.ValueOptionsOf(CommandName);
        }

        /// <summary>The simple command this invocation is part of.</summary>
        public SimpleCommand Command { get; }

        /// <summary>The program word; null when the command has no name (or a wrapper has no command after it).</summary>
        public ShellWord? Name { get; }

        /// <summary>The program's base name (<c>apt-get</c>).</summary>
        public string CommandName { get; }

        public IReadOnlyList<ShellWord> Arguments { get; }

        /// <summary>The wrapper words looked through, outermost first (<c>sudo</c>, <c>env</c>, <c>nice</c>...).</summary>
        public IReadOnlyList<ShellWord> Wrappers { get; }

        /// <summary>Variables set for the program: the command's leading assignments and <c>env NAME=value</c> words.</summary>
        public IReadOnlyList<ShellAssignment> Environment { get; }

        /// <summary>Options of this program that take a separate value (from a built-in table by program name).</summary>
        public IReadOnlyCollection<string> ValueOptions => _valueOptions;

        private readonly HashSet<string> _valueOptions;

        public bool HasWrapper(string name)
        {
            foreach (var w in Wrappers)
                if (string.Equals(SimpleCommand.BaseName(w.Value), name, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>Runs through <c>sudo</c> or <c>doas</c>.</summary>
        public bool UsesSudo => HasWrapper("sudo") || HasWrapper("doas");

        /// <summary>The value assigned to an environment variable for this program, or null.</summary>
        public ShellAssignment? FindEnvironment(string name)
        {
            for (int i = Environment.Count - 1; i >= 0; i--)
                if (string.Equals(Environment[i].Name, name, StringComparison.Ordinal)) return Environment[i];
            return null;
        }

        /// <summary>
        /// True when one of the options is given. Names are written with their dashes: <c>-y</c> also matches inside a
        /// bundle (<c>-qy</c>), <c>--yes</c> also matches <c>--yes=...</c>; a longer single-dash name (<c>-qq</c>) matches
        /// only that exact word.
        /// </summary>
        public bool HasOption(params string[] names) => FindOption(names) != null;

        /// <summary>True when the option is given (see <see cref="HasOption(string[])"/>); no array to allocate.</summary>
        public bool HasOption(string name) => FindOption(name) != null;

        /// <summary>True when one of the two options is given (see <see cref="HasOption(string[])"/>).</summary>
        public bool HasOption(string name, string other) => FindOption(name, other) != null;

        /// <summary>The argument word that carries one of the options, or null.</summary>
        public ShellWord? FindOption(params string[] names)
        {
            foreach (var occurrence in Options)
                foreach (var name in names)
                    if (occurrence.Matches(name)) return occurrence.Word;
            return null;
        }

        /// <summary>The argument word that carries the option, or null.</summary>
        public ShellWord? FindOption(string name)
        {
            foreach (var occurrence in Options)
                if (occurrence.Matches(name)) return occurrence.Word;
            return null;
        }

        /// <summary>The argument word that carries one of the two options, or null.</summary>
        public ShellWord? FindOption(string name, string other)
        {
            foreach (var occurrence in Options)
                if (occurrence.Matches(name) || occurrence.Matches(other)) return occurrence.Word;
            return null;
        }

        /// <summary>The value of an option (<c>--opt=value</c>, <c>--opt value</c>, <c>-ovalue</c>, <c>-o value</c>), last one wins; null when absent.</summary>
        public ShellWord? OptionValue(params string[] names)
        {
            ShellWord? result = null;
            foreach (var occurrence in Options)
                foreach (var name in names)
                    if (occurrence.Matches(name) && occurrence.ValueWord != null) result = occurrence.ValueWord;
            return result;
        }

        /// <summary>The value of the option (see <see cref="OptionValue(string[])"/>); no array to allocate.</summary>
        public ShellWord? OptionValue(string name)
        {
            ShellWord? result = null;
            foreach (var occurrence in Options)
                if (occurrence.Matches(name) && occurrence.ValueWord != null) result = occurrence.ValueWord;
            return result;
        }

        /// <summary>The value of one of the two options (see <see cref="OptionValue(string[])"/>); no array to allocate.</summary>
        public ShellWord? OptionValue(string name, string other)
        {
            ShellWord? result = null;
            foreach (var occurrence in Options)
                if ((occurrence.Matches(name) || occurrence.Matches(other)) && occurrence.ValueWord != null) result = occurrence.ValueWord;
            return result;
        }

        /// <summary>Every value given to an option, in order (for repeatable options such as <c>-o</c>).</summary>
        public IEnumerable<string> OptionValues(params string[] names)
        {
            List<string>? values = null;
            foreach (var occurrence in Options)
                foreach (var name in names)
                    if (occurrence.Matches(name) && occurrence.Value != null) (values ??= new List<string>()).Add(occurrence.Value);
            return values ?? (IEnumerable<string>)Array.Empty<string>();
        }

        /// <summary>The first non-option argument: <c>install</c> in <c>apt-get -q -o Dpkg::Options::=x install curl</c>.</summary>
        public ShellWord? Subcommand
        {
            get
            {
                var operands = Operands;
                return operands.Count > 0 ? operands[0] : null;
            }
        }

        private IReadOnlyList<ShellWord>? _operands;
        private IReadOnlyList<ShellWord>? _operandsAfterSubcommand;

        /// <summary>The arguments that are neither options nor option values, in order.</summary>
        public IReadOnlyList<ShellWord> Operands => _operands ??= ComputeOperands();

        private IReadOnlyList<ShellWord> ComputeOperands()
        {
            if (Arguments.Count == 0) return Array.Empty<ShellWord>();
            var result = new List<ShellWord>(Arguments.Count);
            bool optionsEnded = false;
            for (int i = 0; i < Arguments.Count; i++)
            {
                var w = Arguments[i];
                string v = w.Value;
                if (optionsEnded || !IsOptionLike(w)) { result.Add(w); continue; }
                if (v == "--") { optionsEnded = true; continue; }
                if (TakesSeparateValue(v)) i++;
            }
            return result;
        }

        /// <summary>The arguments after the subcommand that are not options: the packages of <c>apt-get install -y a b</c>.</summary>
        public IReadOnlyList<ShellWord> OperandsAfterSubcommand => _operandsAfterSubcommand ??= ComputeOperandsAfterSubcommand();

        private IReadOnlyList<ShellWord> ComputeOperandsAfterSubcommand()
        {
            var operands = Operands;
            if (operands.Count <= 1) return Array.Empty<ShellWord>();
            var rest = new ShellWord[operands.Count - 1];
            for (int i = 1; i < operands.Count; i++) rest[i - 1] = operands[i];
            return rest;
        }

        /// <summary>The invocation of the program named by argument <paramref name="index"/> (for <c>python -m pip ...</c>, <c>xargs cmd</c>, <c>busybox sh</c>).</summary>
        public CommandInvocation StartingAt(int index)
        {
            if (index < 0 || index >= Arguments.Count) return new CommandInvocation(Command, null, Array.Empty<ShellWord>(), Wrappers, Environment);
            var args = new ShellWord[Arguments.Count - index - 1];
            for (int i = 0; i < args.Length; i++) args[i] = Arguments[index + 1 + i];
            var wrappers = new List<ShellWord>(Wrappers);
            if (Name != null) wrappers.Add(Name);
            return new CommandInvocation(Command, Arguments[index], args, wrappers, Environment);
        }

        internal static bool IsOptionLike(ShellWord w)
        {
            string v = w.Value;
            return v.Length > 1 && v[0] == '-' && !(w.Raw.Length > 0 && (w.Raw[0] == '"' || w.Raw[0] == '\'') && v.IndexOf(' ') >= 0);
        }

        private bool TakesSeparateValue(string option)
        {
            if (option.StartsWith("--", StringComparison.Ordinal))
                return option.IndexOf('=') < 0 && Contains(_valueOptions, option);
            // A bundle ends with the option that takes the value: -o x, -qo x. A value glued on (-ox) needs no word.
            for (int k = 1; k < option.Length; k++)
            {
                if (Contains(_valueOptions, ShortOption(option[k]))) return k == option.Length - 1;
                if (!char.IsLetterOrDigit(option[k])) return false;
            }
            return false;
        }

        // "-a" ... "-z", "-A" ... "-Z", "-0" ... "-9" made once: option letters are looked up for every word of every command.
        private static readonly string[] ShortOptions = MakeShortOptions();

        private static string[] MakeShortOptions()
        {
            var names = new string[128];
            for (char c = '!'; c < (char)127; c++) names[c] = "-" + c;
            return names;
        }

        /// <summary>The single-dash option name of a letter (<c>-y</c> for <c>y</c>).</summary>
        private static string ShortOption(char c) => c < ShortOptions.Length && ShortOptions[c] != null ? ShortOptions[c] : "-" + c;

        private static bool Contains(HashSet<string> set, string value) => set.Count > 0 && set.Contains(value);

        private OptionOccurrence[]? _options;

        /// <summary>
        /// The options given, in order, worked out once per invocation (several rules ask about the same command):
        /// each word of a bundle (<c>-qy</c>) and each <c>--opt=value</c> as an occurrence.
        /// </summary>
        private ReadOnlyArray<OptionOccurrence> Options
        {
            get
            {
                var options = System.Threading.Volatile.Read(ref _options);
                if (options == null)
                {
                    var computed = ComputeOptions();
                    options = System.Threading.Interlocked.CompareExchange(ref _options, computed, null) ?? computed;
                }
                return new ReadOnlyArray<OptionOccurrence>(options);
            }
        }

        private OptionOccurrence[] ComputeOptions()
        {
            if (Arguments.Count == 0) return Array.Empty<OptionOccurrence>();
            List<OptionOccurrence>? result = null;
            for (int i = 0; i < Arguments.Count; i++)
            {
                var w = Arguments[i];
                string v = w.Value;
                if (!IsOptionLike(w)) continue;
                if (v == "--") break;
                result ??= new List<OptionOccurrence>();
                ShellWord? next = i + 1 < Arguments.Count ? Arguments[i + 1] : null;
                if (v.StartsWith("--", StringComparison.Ordinal))
                {
                    int eq = v.IndexOf('=');
                    if (eq >= 0)
                    {
                        result.Add(new OptionOccurrence(w, v.Substring(0, eq), v.Substring(eq + 1), GluedValue(w, eq + 1)));
                        continue;
                    }
                    bool takes = Contains(_valueOptions, v);
                    result.Add(new OptionOccurrence(w, v, takes ? next?.Value : null, takes ? next : null));
                    if (takes) i++;
                    continue;
                }
                // Single dash: the exact word, then each letter of a bundle until one takes a value.
                result.Add(new OptionOccurrence(w, v, null, null, exactOnly: true));
                bool consumedNext = false;
                for (int k = 1; k < v.Length; k++)
                {
                    char c = v[k];
                    if (!char.IsLetterOrDigit(c) && c != '?') break;
                    string name = ShortOption(c);
                    if (Contains(_valueOptions, name))
                    {
                        if (k < v.Length - 1) result.Add(new OptionOccurrence(w, name, v.Substring(k + 1), GluedValue(w, k + 1)));
                        else
                        {
                            result.Add(new OptionOccurrence(w, name, next?.Value, next));
                            consumedNext = next != null;
                        }
                        break;
                    }
                    result.Add(new OptionOccurrence(w, name, null, null));
                    // A word such as -Dkey=value or -Xmx512m is one option with a glued value, not a bundle
                    // (unless a known value option ends its leading letters, as in wget -qO-).
                    if (k == 1 && !IsBundle(v) && !LeadingLettersReachValueOption(v)) break;
                }
                if (consumedNext) i++;
            }
            return result?.ToArray() ?? Array.Empty<OptionOccurrence>();
        }

        /// <summary>The value part of <c>--opt=value</c> or <c>-ovalue</c> as a word of its own (the whole word when quoting makes the split unclear).</summary>
        private static ShellWord GluedValue(ShellWord word, int valueOffset)
        {
            if (string.CompareOrdinal(word.Raw, 0, word.Value, 0, valueOffset) == 0) return ShellParser.SubWord(word, valueOffset);
            return new ShellWord(word.Text, word.Start, word.Length, word.Value.Substring(valueOffset), word.IsQuoted, word.ContainsExpansion, word.Substitutions);
        }

        private bool LeadingLettersReachValueOption(string v)
        {
            for (int k = 1; k < v.Length && char.IsLetter(v[k]); k++)
                if (Contains(_valueOptions, ShortOption(v[k]))) return true;
            return false;
        }

        private static bool IsBundle(string v)
        {
            for (int k = 1; k < v.Length; k++)
                if (!char.IsLetter(v[k])) return false;
            return true;
        }

        private readonly struct OptionOccurrence
        {
            public OptionOccurrence(ShellWord word, string name, string? value, ShellWord? valueWord, bool exactOnly = false)
            {
                Word = word;
                Name = name;
                Value = value;
                ValueWord = valueWord;
                ExactOnly = exactOnly;
            }

            public ShellWord Word { get; }
            public string Name { get; }
            public string? Value { get; }
            public ShellWord? ValueWord { get; }
            public bool ExactOnly { get; }

            public bool Matches(string wanted)
            {
                if (ExactOnly)
                    return wanted.Length > 2 && !wanted.StartsWith("--", StringComparison.Ordinal) && string.Equals(Name, wanted, StringComparison.Ordinal);
                return string.Equals(Name, wanted, StringComparison.Ordinal);
            }
        }

        // Wrappers: programs that run the command given after their own options.
        internal static CommandInvocation LookThroughWrappers(SimpleCommand command)
        {
            var wrappers = new List<ShellWord>();
            var environment = new List<ShellAssignment>(command.Assignments);
            var words = command.Arguments;
            ShellWord? name = command.Name;
            int next = 0; // index in words of the first argument of 'name'
            for (int guard = 0; name != null && guard < 16; guard++)
            {
                string wrapper = SimpleCommand.BaseName(name.Value);
                if (!OptionTables.Wrappers.TryGetValue(wrapper, out var spec)) break;
                int i = next;
                bool lookupOnly = false;
                int positionals = spec.Positionals;
                while (i < words.Count)
                {
                    var w = words[i];
                    string v = w.Value;
                    if (v == "--") { i++; break; }
                    if (IsOptionLike(w))
                    {
                        if (spec.StopOptions.Contains(v)) { lookupOnly = true; break; }
                        if (v.StartsWith("--", StringComparison.Ordinal))
                        {
                            i += v.IndexOf('=') < 0 && spec.ValueOptions.Contains(v) ? 2 : 1;
                            continue;
                        }
                        bool takes = false;
                        for (int k = 1; k < v.Length; k++)
                        {
                            if (spec.StopOptions.Contains(ShortOption(v[k]))) { lookupOnly = true; break; }
                            if (spec.ValueOptions.Contains(ShortOption(v[k]))) { takes = k == v.Length - 1; break; }
                        }
                        if (lookupOnly) break;
                        i += takes ? 2 : 1;
                        continue;
                    }
                    if (spec.AcceptsAssignments && ShellParser.TryGetAssignmentName(w.Raw, out var assignName, out int eq, out bool append))
                    {
                        var valueWord = ShellParser.SubWord(w, eq + 1);
                        environment.Add(new ShellAssignment(w, assignName, valueWord, append));
                        i++;
                        continue;
                    }
                    if (positionals > 0) { positionals--; i++; continue; }
                    break;
                }
                if (lookupOnly || i >= words.Count) break;
                wrappers.Add(name);
                name = words[i];
                next = i + 1;
            }
            if (wrappers.Count == 0) return command.Invocation;
            var args = new ShellWord[Math.Max(0, words.Count - next)];
            for (int k = 0; k < args.Length; k++) args[k] = words[next + k];
            return new CommandInvocation(command, name, args, wrappers, environment);
        }
    }

    /// <summary>What the option parsing knows of common programs.</summary>
    internal static class OptionTables
    {
        internal sealed class WrapperSpec
        {
            public WrapperSpec(string[] valueOptions, string[] stopOptions, bool acceptsAssignments, int positionals = 0)
            {
                ValueOptions = new HashSet<string>(valueOptions, StringComparer.Ordinal);
                StopOptions = new HashSet<string>(stopOptions, StringComparer.Ordinal);
                AcceptsAssignments = acceptsAssignments;
                Positionals = positionals;
            }

            /// <summary>Options followed by a separate value word.</summary>
            public HashSet<string> ValueOptions { get; }

            /// <summary>Options after which the wrapper does not run a command (<c>command -v</c>).</summary>
            public HashSet<string> StopOptions { get; }

            /// <summary><c>NAME=value</c> words before the command set its environment (<c>env</c>, <c>sudo</c>).</summary>
            public bool AcceptsAssignments { get; }

            /// <summary>Operands before the command (<c>timeout 10 cmd</c>, <c>gosu user cmd</c>).</summary>
            public int Positionals { get; }
        }

        public static readonly IReadOnlyDictionary<string, WrapperSpec> Wrappers = new Dictionary<string, WrapperSpec>(StringComparer.Ordinal)
        {
            ["sudo"] = new WrapperSpec(new[] { "-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-U", "--user", "--group", "--chdir", "--prompt", "--role", "--type", "--close-from", "--host", "--other-user", "--command-timeout" },
                new[] { "-l", "-v", "-k", "-K", "-V", "--list", "--validate", "--version", "--remove-timestamp", "--reset-timestamp", "-e", "--edit" }, acceptsAssignments: true),
            ["doas"] = new WrapperSpec(new[] { "-u", "-C" }, new[] { "-s" }, acceptsAssignments: false),
            ["env"] = new WrapperSpec(new[] { "-u", "-C", "-S", "--unset", "--chdir", "--split-string" }, new string[0], acceptsAssignments: true),
            ["time"] = new WrapperSpec(new[] { "-f", "-o", "--format", "--output" }, new string[0], acceptsAssignments: false),
            ["nice"] = new WrapperSpec(new[] { "-n", "--adjustment" }, new string[0], acceptsAssignments: false),
            ["ionice"] = new WrapperSpec(new[] { "-c", "-n", "-p", "-P", "-u", "--class", "--classdata" }, new string[0], acceptsAssignments: false),
            ["nohup"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false),
            ["exec"] = new WrapperSpec(new[] { "-a" }, new string[0], acceptsAssignments: false),
            ["command"] = new WrapperSpec(new string[0], new[] { "-v", "-V" }, acceptsAssignments: false),
            ["builtin"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false),
            ["xargs"] = new WrapperSpec(new[] { "-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a", "--max-args", "--max-procs", "--max-lines", "--delimiter", "--eof", "--max-chars", "--arg-file", "--replace" }, new string[0], acceptsAssignments: false),
            ["stdbuf"] = new WrapperSpec(new[] { "-i", "-o", "-e", "--input", "--output", "--error" }, new string[0], acceptsAssignments: false),
            ["timeout"] = new WrapperSpec(new[] { "-s", "-k", "--signal", "--kill-after" }, new string[0], acceptsAssignments: false, positionals: 1),
            ["gosu"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false, positionals: 1),
            ["su-exec"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false, positionals: 1),
            ["eatmydata"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false),
            ["fakeroot"] = new WrapperSpec(new[] { "-l", "-s", "-i", "--lib", "--faked" }, new string[0], acceptsAssignments: false),
            ["chronic"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false),
            ["unbuffer"] = new WrapperSpec(new string[0], new string[0], acceptsAssignments: false),
        };

        private static readonly HashSet<string> None = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Options that take a separate value word, by program (the values must not be taken for subcommands or packages).</summary>
        private static readonly Dictionary<string, HashSet<string>> ValueOptionsByProgram = Sets(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["apt-get"] = new[] { "-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release", "--host-architecture" },
            ["apt"] = new[] { "-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release", "--host-architecture" },
            ["aptitude"] = new[] { "-o", "-t", "-F", "-w", "--target-release", "--display-format", "--width" },
            ["apk"] = new[] { "-X", "-p", "-t", "--repository", "--root", "--arch", "--cache-dir", "--repositories-file", "--keys-dir", "--virtual", "--cache-max-age", "--timeout" },
            ["pip"] = new[] { "-r", "-c", "-e", "-i", "-f", "-t", "--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url", "--find-links", "--target", "--trusted-host", "--cache-dir", "--proxy", "--log", "--prefix", "--root", "--src", "--platform", "--python-version", "--implementation", "--abi", "--upgrade-strategy", "--progress-bar", "--timeout", "--retries", "--cert", "--client-cert", "--exists-action", "--global-option", "--config-settings", "--only-binary", "--no-binary", "--python", "--report" },
            ["npm"] = new[] { "--prefix", "-C", "--registry", "--cache", "--userconfig", "--loglevel", "--workspace", "-w", "--omit", "--include", "--tag", "--install-strategy" },
            ["yarn"] = new[] { "--cwd", "--registry", "--cache-folder", "--modules-folder", "--network-timeout", "--mutex" },
            ["pnpm"] = new[] { "-C", "--dir", "--filter", "-F", "--registry", "--store-dir" },
            ["gem"] = new[] { "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy", "--platform", "-p", "--http-proxy" },
            ["git"] = new[] { "-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env" },
            ["curl"] = new[] { "-o", "-d", "-H", "-X", "-u", "-A", "-e", "-F", "-T", "-w", "-x", "-m", "-r", "-K", "-E", "-b", "-c", "-C", "-U", "-Y", "-y", "-z", "--output", "--data", "--data-raw", "--data-binary", "--header", "--request", "--user", "--user-agent", "--referer", "--form", "--upload-file", "--write-out", "--proxy", "--max-time", "--connect-timeout", "--retry", "--retry-delay", "--retry-max-time", "--range", "--config", "--cert", "--key", "--cacert", "--capath", "--cookie", "--cookie-jar", "--continue-at", "--output-dir", "--url", "--resolve", "--limit-rate", "--proto", "--proto-redir" },
            ["wget"] = new[] { "-O", "-o", "-a", "-P", "-t", "-T", "-U", "-e", "-i", "-w", "-Q", "-l", "-A", "-R", "-D", "-I", "-X", "--output-document", "--output-file", "--append-output", "--directory-prefix", "--tries", "--timeout", "--user-agent", "--execute", "--input-file", "--wait", "--quota", "--level", "--header", "--user", "--password", "--ca-certificate", "--certificate", "--private-key", "--post-data", "--post-file", "--progress" },
            ["yum"] = new[] { "-c", "-d", "-e", "-R", "-x", "--config", "--exclude", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "--setopt" },
            ["dnf"] = new[] { "-c", "-d", "-e", "-R", "-x", "--config", "--exclude", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "--setopt", "--repo", "--repoid" },
            ["microdnf"] = new[] { "--config", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "--setopt" },
            ["zypper"] = new[] { "-r", "-R", "-D", "-C", "--repo", "--root", "--reposd-dir", "--cache-dir", "--config" },
            ["chmod"] = new[] { "--reference" },
            ["mkdir"] = new[] { "-m", "--mode", "--context" },
            ["install"] = new[] { "-m", "-o", "-g", "-t", "-S", "--mode", "--owner", "--group", "--target-directory", "--suffix" },
            ["conda"] = new[] { "-n", "-p", "-c", "--name", "--prefix", "--channel", "--file" },
            ["chown"] = new[] { "--reference", "--from" },
            ["dotnet"] = new[] { "-s", "--source", "-c", "--configuration", "-o", "--output", "-f", "--framework", "-r", "--runtime", "-v", "--verbosity", "-n", "--name", "-u", "--username", "-p", "--password", "--configfile", "--valid-authentication-types", "--protocol-version", "--version", "-a", "--arch", "--os" },
            ["sh"] = new[] { "-o", "+o" },
            ["bash"] = new[] { "-o", "+o", "-O", "+O", "--rcfile", "--init-file" },
            ["dash"] = new[] { "-o", "+o" },
            ["ash"] = new[] { "-o", "+o" },
            ["zsh"] = new[] { "-o", "+o" },
            ["ksh"] = new[] { "-o", "+o" },
            ["set"] = new[] { "-o", "+o" },
            ["python"] = new[] { "-m", "-c", "-W", "-X", "-Q" },
            ["python3"] = new[] { "-m", "-c", "-W", "-X", "-Q" },
            ["python2"] = new[] { "-m", "-c", "-W", "-X", "-Q" },
            ["tar"] = new[] { "-C", "-f", "--directory", "--file", "-T", "--files-from", "-X", "--exclude-from", "--strip-components", "--owner", "--group", "--mode" },
        });

        private static Dictionary<string, HashSet<string>> Sets(Dictionary<string, string[]> table)
        {
            var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var pair in table) result[pair.Key] = new HashSet<string>(pair.Value, StringComparer.Ordinal);
            return result;
        }

        public static HashSet<string> ValueOptionsOf(string program)
        {
            if (ValueOptionsByProgram.TryGetValue(program, out var options)) return options;
            // pip3, pip3.12, python3.12 share their family's options.
            int end = program.Length;
            while (end > 0 && (char.IsDigit(program[end - 1]) || program[end - 1] == '.')) end--;
            if (end > 0 && end < program.Length && ValueOptionsByProgram.TryGetValue(program.Substring(0, end), out options)) return options;
            return None;
        }
    }
}
