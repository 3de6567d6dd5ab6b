using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR116: a <c>$VAR</c> that Docker expands (FROM, COPY, ADD, ENV, ARG, LABEL, WORKDIR, USER, EXPOSE, VOLUME,
    /// STOPSIGNAL) where no ARG or ENV defines it: a global ARG used inside a stage, an ARG of another stage, a
    /// platform argument without its ARG line, an ARG used in FROM but declared after the first FROM.
    /// </summary>
    public sealed class VariableNotDefinedInScope : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR116", "Variable is not defined where it is used", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'{0}' is not defined here, so Docker replaces it with an empty string: {1}",
            "Docker expands $VAR in most instructions from the ARG and ENV definitions in scope. ARGs before the first FROM are visible only to FROM lines, and an ARG inside a stage is visible only in that stage; outside its scope a variable silently becomes empty.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            // Where each name is declared is only needed to explain a finding: gathered on the first one.
            Declarations? declarations = null;
            Func<Declarations> getDeclarations = () => declarations ??= Declarations.Collect(model);
            CheckGlobalArgs(context, model);

            foreach (var stage in model.Stages)
            {
                CheckFrom(context, model, stage.From, getDeclarations);
                bool fromScratch = stage.Root.BaseImage?.IsScratch == true;
                var instructions = stage.Instructions;
                for (int i = 0; i < instructions.Count; i++)
                {
                    var instruction = instructions[i];
                    if (instruction.Kind == InstructionKind.Run)
                    {
                        CheckGlobalArgsInRun(context, model, stage, i, fromScratch);
                        continue;
                    }
                    if (!IsExpandedByDocker(instruction.Kind)) continue;
                    // Most instructions have no variable at all: skip them before looking anything up.
                    if (instruction.Arguments.Value.IndexOf('$') < 0) continue;
                    var scope = stage.ScopeBefore(i);
                    // Which variables 'COPY --from=' sees has varied between BuildKit versions: leave it alone.
                    var fromFlag = instruction.GetFlag("from");
                    foreach (var reference in Variables.Find(instruction.Arguments, model.Escape))
                    {
                        if (reference.HandlesUnset || scope.IsDefined(reference.Name)) continue;
                        if (fromFlag != null && fromFlag.Span.Contains(reference.Span)) continue;
                        string? why = Explain(reference, instruction, stage, fromScratch, model, getDeclarations());
                        if (why != null) context.Report(reference.Span, reference.Name, why);
                    }
                }
            }
        }

        /// <summary>RUN, CMD, ENTRYPOINT and HEALTHCHECK are expanded by the shell at run time (or not at all in exec form), not by Docker.</summary>
        private static bool IsExpandedByDocker(InstructionKind kind)
        {
            switch (kind)
            {
                case InstructionKind.Copy:
                case InstructionKind.Add:
                case InstructionKind.Env:
                case InstructionKind.Arg:
                case InstructionKind.Label:
                case InstructionKind.Workdir:
                case InstructionKind.User:
                case InstructionKind.Expose:
                case InstructionKind.Volume:
                case InstructionKind.Stopsignal:
                    return true;
                default:
                    return false;
            }
        }

        private static void CheckGlobalArgs(DockerfileContext context, DockerfileModel model)
        {
            HashSet<string>? defined = null;
            foreach (var arg in model.GlobalArgs)
            {
                // Only values with a variable in them need the set of names declared before.
                if (arg.Arguments.Value.IndexOf('$') < 0)
                {
                    if (defined != null) foreach (var pair in arg.Pairs) defined.Add(pair.Name);
                    continue;
                }
                defined ??= DeclaredBefore(model, arg);
                var before = new HashSet<string>(defined, StringComparer.Ordinal);
                foreach (var pair in arg.Pairs)
                {
                    if (pair.ValueWord != null)
                    {
                        foreach (var reference in Variables.Find(pair.ValueWord.RawText, model.Escape))
                        {
                            if (reference.HandlesUnset || before.Contains(reference.Name)) continue;
                            context.Report(reference.Span, reference.Name, "no ARG before this line declares it. Declare 'ARG " + reference.Name + "=<value>' above this one");
                        }
                    }
                    defined.Add(pair.Name);
                }
            }
        }

        /// <summary>The platform and proxy arguments and the names of the global ARGs before <paramref name="arg"/>.</summary>
        private static HashSet<string> DeclaredBefore(DockerfileModel model, KeyValueInstruction arg)
        {
            var defined = new HashSet<string>(DockerfileModel.PlatformArgs.Concat(DockerfileModel.ProxyArgs), StringComparer.Ordinal);
            foreach (var earlier in model.GlobalArgs)
            {
                if (ReferenceEquals(earlier, arg)) break;
                foreach (var pair in earlier.Pairs) defined.Add(pair.Name);
            }
            return defined;
        }

        private static void CheckFrom(DockerfileContext context, DockerfileModel model, FromInstruction from, Func<Declarations> getDeclarations)
        {
            if (from.Arguments.Value.IndexOf('$') < 0) return;
            foreach (var reference in Variables.Find(from.Arguments, model.Escape))
            {
                if (reference.HandlesUnset || model.GlobalScope.IsDefined(reference.Name)) continue;
                string name = reference.Name;
                var declarations = getDeclarations();
                var later = declarations.FirstArgInStages(name);
                string why;
                if (later != null)
                    why = $"FROM lines only see ARGs declared before the first FROM, and '{name}' is declared at line {later.Value.Line} inside {Describe(later.Value.Stage)}. Move 'ARG {name}' (with its default) above the first FROM";
                else if (declarations.FirstEnv(name) is Declaration env)
                    why = $"FROM lines only see ARGs declared before the first FROM, not the ENV at line {env.Line}. Declare 'ARG {name}=<value>' above the first FROM";
                else
                    why = $"no ARG declares it. Declare 'ARG {name}=<value>' above the first FROM";
                context.Report(reference.Span, name, why);
            }
        }

        private static string? Explain(VariableReference reference, Instruction instruction, Stage stage, bool fromScratch, DockerfileModel model, Declarations declarations)
        {
            string name = reference.Name;

            // ENV A=1 B=$A: every value of one ENV is expanded with the variables from before the instruction.
            if (instruction is KeyValueInstruction kv)
            {
                bool definedEarlierInSame = false;
                foreach (var pair in kv.Pairs)
                {
                    if (pair.Span.Contains(reference.Span)) break;
                    if (string.Equals(pair.Name, name, StringComparison.Ordinal)) definedEarlierInSame = true;
                }
                if (definedEarlierInSame)
                    return $"this {kv.Name} sets '{name}' itself, but all its values are expanded with the variables from before the instruction. Set it in a separate {kv.Name} line above";
            }

            var global = model.GlobalScope.Lookup(name);
            if (global != null && global.Kind == VariableKind.Arg && global.Declaration != null)
            {
                // The base image may set an ENV of that name ($DOTNET_VERSION in the .NET images), which Docker expands.
                if (!fromScratch && MayBeSetByImage(name, stage, model)) return null;
                int line = LineOf(model, global.Declaration.Span.Start);
                return $"it is declared at line {line} before the first FROM, which makes it visible only to FROM lines. Add 'ARG {name}' (no value needed) in this stage";
            }
            if (DockerfileModel.PlatformArgs.Contains(name))
                return $"it is a predefined platform argument, but a stage only sees it after declaring it. Add 'ARG {name}' in this stage";

            var arg = declarations.ArgOutside(name, stage, instruction);
            if (arg != null)
            {
                var d = arg.Value;
                if (ReferenceEquals(d.Stage, stage))
                    return $"it is declared at line {d.Line}, after this use. Move 'ARG {name}' above this line";
                string relation = stage.IsSelfOrAncestor(d.Stage) ? ", which this stage is built on; an ARG does not carry over to the stages built on it" : "; an ARG is visible only in its own stage";
                return $"it is declared at line {d.Line} in {Describe(d.Stage)}{relation}. Add 'ARG {name}' in this stage";
            }

            // An ENV or nothing at all: a base image may well set it ($HOME, $PATH, $APP_UID...); only scratch proves it cannot.
            if (!fromScratch) return null;
            var env = declarations.FirstEnvOutside(name, stage, instruction);
            if (env != null)
            {
                var d = env.Value;
                if (ReferenceEquals(d.Stage, stage))
                    return $"it is only set at line {d.Line}, after this use. Move the ENV above this line";
                return $"it is set at line {d.Line} in {Describe(d.Stage)}, which this stage is not built on. Set it in this stage";
            }
            return "nothing in this file sets it, and a stage built FROM scratch inherits no variables. Declare it with ARG or ENV in this stage";
        }

        /// <summary>
        /// A shell-form RUN that reads a name only a global ARG declares: the ARG is not declared again in the stage
        /// (nor set by an ENV of the stage or the stages it is built on), so the RUN's shell sees the variable unset.
        /// Only names the file declares globally are checked: anything else may come from the base image.
        /// </summary>
        private static void CheckGlobalArgsInRun(DockerfileContext context, DockerfileModel model, Stage stage, int index, bool fromScratch)
        {
            var instruction = stage.Instructions[index];
            if (model.GlobalArgs.Count == 0 || instruction.Arguments.Value.IndexOf('$') < 0) return;
            if (!(instruction is CommandInstruction command) || command.Command.IsExecForm) return;
            var run = context.Document.RunScripts.Get(instruction);
            if (run == null || !run.Shell.IsPosix) return;
            var scope = stage.ScopeBefore(index);
            string? script = null;
            foreach (var reference in Variables.Find(instruction.Arguments, model.Escape))
            {
                // ${NAME:=default} assigns the default: the parser reads ':' as the modifier and '=default' as its word.
                if (reference.HandlesUnset || (reference.Modifier != null && (reference.Modifier.IndexOf('=') >= 0 || (reference.Word?.StartsWith("=", StringComparison.Ordinal) ?? false)))) continue;
                string name = reference.Name;
                if (scope.IsDefined(name)) continue;
                var global = model.GlobalScope.Lookup(name);
                if (global == null || global.Kind != VariableKind.Arg || global.Declaration == null) continue;
                if (DockerfileModel.PlatformArgs.Contains(name) || DockerfileModel.ProxyArgs.Contains(name)) continue;
                if (!fromScratch && MayBeSetByImage(name, stage, model)) continue;
                if (SetByMount(run, name)) continue;
                script ??= ScriptText(instruction);
                if (MaySetVariables(script, name)) continue;
                int line = LineOf(model, global.Declaration.Span.Start);
                context.Report(reference.Span, name,
                    $"it is declared at line {line} before the first FROM, which makes it visible only to FROM lines, so this RUN's shell sees it unset. Add 'ARG {name}' (no value needed) in this stage");
            }
        }

        /// <summary>ENV names the common base images set (official .NET, Node, Python, Go, Java, Ruby, PHP, nginx images) and the shell's own.</summary>
        private static readonly HashSet<string> ImageEnvironment = new HashSet<string>(StringComparer.Ordinal)
        {
            "PATH", "HOME", "HOSTNAME", "USER", "SHELL", "TERM", "PWD", "LANG", "LANGUAGE", "LC_ALL", "TZ", "DEBIAN_FRONTEND",
            "APP_UID", "NODE_VERSION", "YARN_VERSION", "NPM_CONFIG_PREFIX", "PNPM_HOME", "NVM_DIR",
            "PYTHON_VERSION", "PYTHON_SHA256", "PYTHON_PIP_VERSION", "PYTHON_SETUPTOOLS_VERSION", "PYTHON_GET_PIP_URL", "PYTHON_GET_PIP_SHA256", "GPG_KEY",
            "GOLANG_VERSION", "GOTOOLCHAIN", "GOPATH", "GOROOT", "JAVA_HOME", "JAVA_VERSION", "JDK_VERSION", "MAVEN_HOME", "MAVEN_CONFIG", "GRADLE_HOME", "GRADLE_VERSION",
            "RUBY_VERSION", "RUBY_MAJOR", "RUBY_DOWNLOAD_SHA256", "GEM_HOME", "BUNDLE_APP_CONFIG", "BUNDLE_SILENCE_ROOT_WARNING",
            "PHP_VERSION", "PHP_INI_DIR", "PHPIZE_DEPS", "PHP_URL", "PHP_ASC_URL", "PHP_SHA256", "COMPOSER_HOME",
            "NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION",
            "POWERSHELL_DISTRIBUTION_CHANNEL", "POWERSHELL_TELEMETRY_OPTOUT",
        };

        /// <summary>
        /// The base image may set an ENV of this name: a well-known image variable, any DOTNET_/ASPNETCORE_/NUGET_
        /// setting of the .NET images, or a name the stage's own FROM lines use (<c>ARG NODE_VERSION</c> picking
        /// <c>node:${NODE_VERSION}</c>, whose image sets <c>ENV NODE_VERSION</c>).
        /// </summary>
        private static bool MayBeSetByImage(string name, Stage stage, DockerfileModel model)
        {
            if (ImageEnvironment.Contains(name)) return true;
            if (name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || name.StartsWith("ASPNET_", StringComparison.Ordinal) || name.StartsWith("NUGET_", StringComparison.Ordinal)) return true;
            foreach (var s in stage.SelfAndAncestors)
            {
                if (s.From.Arguments.Value.IndexOf(name, StringComparison.Ordinal) < 0) continue;
                foreach (var reference in Variables.Find(s.From.Arguments, model.Escape))
                    if (string.Equals(reference.Name, name, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        /// <summary><c>RUN --mount=type=secret,id=x,env=NAME</c> puts the secret in that variable.</summary>
        private static bool SetByMount(Shell.RunInstructionScripts run, string name)
        {
            foreach (var m in run.Mounts)
                if (string.Equals(m.Env, name, StringComparison.Ordinal)) return true;
            return false;
        }

        private static string ScriptText(Instruction instruction)
        {
            if (instruction.Heredocs.Count == 0) return instruction.Arguments.Value;
            var sb = new System.Text.StringBuilder(instruction.Arguments.Value);
            foreach (var h in instruction.Heredocs) sb.Append('\n').Append(h.Body.Value);
            return sb.ToString();
        }

        /// <summary>
        /// The script may give the variable a value itself: <c>NAME=</c>, <c>export NAME</c>, <c>for NAME in</c>,
        /// <c>read NAME</c>, <c>getopts</c>, or it sources a file or evals text that could set anything.
        /// </summary>
        private static bool MaySetVariables(string script, string name)
        {
            if (ContainsWord(script, "source") || ContainsWord(script, "eval") || ContainsWord(script, "set -a")) return true;
            // '. file' as a command: a dot followed by a space at the start of a command.
            for (int i = script.IndexOf(". ", StringComparison.Ordinal); i >= 0; i = script.IndexOf(". ", i + 1, StringComparison.Ordinal))
            {
                int p = i - 1;
                while (p >= 0 && (script[p] == ' ' || script[p] == '\t')) p--;
                if (p < 0 || script[p] == ';' || script[p] == '&' || script[p] == '|' || script[p] == '\n' || script[p] == '(' || script[p] == '{' || script[p] == '\\') return true;
            }
            for (int at = script.IndexOf(name, StringComparison.Ordinal); at >= 0; at = script.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                bool startsWord = at == 0 || !(Variables.IsNameChar(script[at - 1]) || script[at - 1] == '$' || script[at - 1] == '{');
                int after = at + name.Length;
                bool endsWord = after >= script.Length || !Variables.IsNameChar(script[after]);
                if (!startsWord || !endsWord) continue;
                if (after < script.Length && script[after] == '=') return true;
                if (after + 1 < script.Length && script[after] == '+' && script[after + 1] == '=') return true;
                // for NAME in / read [-r] NAME / export NAME / local NAME / declare NAME / getopts x NAME
                int lineStart = Math.Max(script.LastIndexOf('\n', at) + 1, Math.Max(script.LastIndexOf(';', at) + 1, script.LastIndexOf('&', at) + 1));
                string before = script.Substring(lineStart, at - lineStart);
                foreach (var keyword in AssigningCommands)
                    if (ContainsWord(before, keyword)) return true;
            }
            return false;
        }

        private static readonly string[] AssigningCommands = { "for", "read", "export", "local", "declare", "typeset", "readonly", "getopts", "mapfile", "readarray", "printf -v" };

        private static bool ContainsWord(string text, string word)
        {
            for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                bool starts = at == 0 || !Variables.IsNameChar(text[at - 1]) && text[at - 1] != '-' && text[at - 1] != '$';
                int end = at + word.Length;
                bool ends = end >= text.Length || !Variables.IsNameChar(text[end]) && text[end] != '-';
                if (starts && ends) return true;
            }
            return false;
        }

        private static string Describe(Stage stage) =>
            stage.Name != null ? $"stage '{stage.Name}'" : $"stage {stage.Index.ToString(CultureInfo.InvariantCulture)}";

        private static int LineOf(DockerfileModel model, int offset) => model.Syntax.Source.GetLinePosition(offset).Line;

        private readonly struct Declaration
        {
            public Declaration(Stage stage, Instruction instruction, int line)
            {
                Stage = stage;
                Instruction = instruction;
                Line = line;
            }

            public Stage Stage { get; }
            public Instruction Instruction { get; }
            public int Line { get; }
        }

        /// <summary>Where each name is declared by ARG or set by ENV inside the stages, in file order.</summary>
        private sealed class Declarations
        {
            private readonly Dictionary<string, List<Declaration>> _args = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<Declaration>> _envs = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);

            public static Declarations Collect(DockerfileModel model)
            {
                var result = new Declarations();
                foreach (var stage in model.Stages)
                {
                    foreach (var instruction in stage.Instructions)
                    {
                        if (!(instruction is KeyValueInstruction kv)) continue;
                        Dictionary<string, List<Declaration>> map;
                        if (kv.Kind == InstructionKind.Arg) map = result._args;
                        else if (kv.Kind == InstructionKind.Env) map = result._envs;
                        else continue;
                        foreach (var pair in kv.Pairs)
                        {
                            if (!map.TryGetValue(pair.Name, out var list)) map[pair.Name] = list = new List<Declaration>();
                            list.Add(new Declaration(stage, instruction, LineOf(model, pair.Span.Start)));
                        }
                    }
                }
                return result;
            }

            public Declaration? FirstArgInStages(string name) =>
                _args.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : (Declaration?)null;

            public Declaration? FirstEnv(string name) =>
                _envs.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : (Declaration?)null;

            /// <summary>An ARG for the name other than the use itself: later in the same stage first, else the first in another stage.</summary>
            public Declaration? ArgOutside(string name, Stage stage, Instruction use) => Outside(_args, name, stage, use);

            public Declaration? FirstEnvOutside(string name, Stage stage, Instruction use) => Outside(_envs, name, stage, use);

            private static Declaration? Outside(Dictionary<string, List<Declaration>> map, string name, Stage stage, Instruction use)
            {
                if (!map.TryGetValue(name, out var list)) return null;
                foreach (var d in list)
                    if (ReferenceEquals(d.Stage, stage) && d.Instruction.Span.Start > use.Span.Start) return d;
                foreach (var d in list)
                    if (!ReferenceEquals(d.Stage, stage)) return d;
                return null;
            }
        }
    }
}
