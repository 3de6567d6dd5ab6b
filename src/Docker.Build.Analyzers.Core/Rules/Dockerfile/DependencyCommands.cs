using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// A package restore found in a RUN: which ecosystem, whether it is explicit, and the command. A struct: every
    /// restore command of every RUN is asked about, and the answer is read straight away.
    /// </summary>
    internal readonly struct DependencyRestore
    {
        public DependencyRestore(string ecosystem, bool isImplicit, CommandInvocation invocation)
        {
            Ecosystem = ecosystem;
            IsImplicit = isImplicit;
            Invocation = invocation;
        }

        /// <summary><c>dotnet</c>, <c>npm</c>, <c>yarn</c>, <c>pnpm</c>, <c>pip</c>, <c>poetry</c>, <c>pipenv</c>, <c>uv</c>, <c>go</c>, <c>bundle</c>, <c>composer</c>, <c>maven</c>, <c>cargo</c>.</summary>
        public string Ecosystem { get; }

        /// <summary><c>dotnet build/publish/test/pack/run</c> without <c>--no-restore</c>: the restore happens inside the build.</summary>
        public bool IsImplicit { get; }

        public CommandInvocation Invocation { get; }

        /// <summary>The command as written, shortened for messages (<c>dotnet restore "Api/Api.csproj"</c>).</summary>
        public string Text => AppendText(new System.Text.StringBuilder()).ToString();

        /// <summary>Appends <see cref="Text"/> to a message being built, without a string of its own.</summary>
        public System.Text.StringBuilder AppendText(System.Text.StringBuilder sb)
        {
            int start = sb.Length;
            sb.Append(Invocation.Name?.Raw ?? "");
            var args = Invocation.Arguments;
            for (int i = 0; i < args.Count; i++)
            {
                if (sb.Length - start > 60) { sb.Append(" ..."); break; }
                sb.Append(' ').Append(args[i].Raw);
            }
            return sb;
        }
    }

    /// <summary>Recognises dependency restores and other commands that work on the current directory's project.</summary>
    internal static class DependencyCommands
    {
        /// <summary>The files a restore of each ecosystem needs, for messages.</summary>
        public static string ManifestsOf(string ecosystem)
        {
            switch (ecosystem)
            {
                case "dotnet": return "the *.csproj/*.sln files, Directory.*.props, NuGet.Config and packages.lock.json";
                case "npm": return "package.json and package-lock.json";
                case "yarn": return "package.json and yarn.lock";
                case "pnpm": return "package.json and pnpm-lock.yaml";
                case "pip": return "the requirements files";
                case "poetry": return "pyproject.toml and poetry.lock";
                case "pipenv": return "Pipfile and Pipfile.lock";
                case "uv": return "pyproject.toml and uv.lock";
                case "go": return "go.mod and go.sum";
                case "bundle": return "Gemfile and Gemfile.lock";
                case "composer": return "composer.json and composer.lock";
                case "maven": return "pom.xml";
                case "cargo": return "Cargo.toml and Cargo.lock";
                default: return "the dependency manifests";
            }
        }

        /// <summary>The restore a command performs, or null.</summary>
        public static DependencyRestore? AsRestore(SimpleCommand command)
        {
            if (command.IsInCommandSubstitution || command.IsInProcessSubstitution) return null;
            var invocation = Unwrap(command.EffectiveCommand);
            string name = invocation.CommandName;
            string sub = invocation.Subcommand?.Value ?? "";
            switch (name)
            {
                case "dotnet":
                    if (sub == "restore") return new DependencyRestore("dotnet", false, invocation);
                    if ((sub == "build" || sub == "publish" || sub == "test" || sub == "pack" || sub == "run") && !invocation.HasOption("--no-restore"))
                        return new DependencyRestore("dotnet", true, invocation);
                    return null;
                case "npm":
                    if (sub == "ci") return new DependencyRestore("npm", false, invocation);
                    if ((sub == "install" || sub == "i") && invocation.OperandsAfterSubcommand.Count == 0 && !invocation.HasOption("-g", "--global"))
                        return new DependencyRestore("npm", false, invocation);
                    return null;
                case "yarn":
                    if (sub.Length == 0 || (sub == "install" && invocation.OperandsAfterSubcommand.Count == 0))
                        return invocation.HasOption("--version", "-v", "--help", "-h") ? null : new DependencyRestore("yarn", false, invocation);
                    return null;
                case "pnpm":
                    if (sub == "fetch" || ((sub == "install" || sub == "i") && invocation.OperandsAfterSubcommand.Count == 0 && !invocation.HasOption("-g", "--global")))
                        return new DependencyRestore("pnpm", false, invocation);
                    return null;
                case "pip":
                case "pip3":
                    return sub == "install" && invocation.HasOption("-r", "--requirement") ? new DependencyRestore("pip", false, invocation) : null;
                case "uv":
                    if (sub == "sync") return new DependencyRestore("uv", false, invocation);
                    if (sub == "pip" && invocation.OperandsAfterSubcommand.Count > 0 && invocation.OperandsAfterSubcommand[0].Value == "install" && invocation.HasOption("-r", "--requirement"))
                        return new DependencyRestore("pip", false, invocation);
                    return null;
                case "poetry":
                    return sub == "install" ? new DependencyRestore("poetry", false, invocation) : null;
                case "pipenv":
                    return sub == "install" || sub == "sync" ? new DependencyRestore("pipenv", false, invocation) : null;
                case "go":
                    return sub == "mod" && invocation.OperandsAfterSubcommand.Count > 0 && invocation.OperandsAfterSubcommand[0].Value == "download"
                        ? new DependencyRestore("go", false, invocation) : null;
                case "bundle":
                    return sub == "install" ? new DependencyRestore("bundle", false, invocation) : null;
                case "composer":
                    return sub == "install" ? new DependencyRestore("composer", false, invocation) : null;
                case "mvn":
                case "mvnw":
                    foreach (var a in invocation.Arguments)
                        if (a.Value.StartsWith("dependency:go-offline", StringComparison.Ordinal) || a.Value.StartsWith("dependency:resolve", StringComparison.Ordinal))
                            return new DependencyRestore("maven", false, invocation);
                    return null;
                case "cargo":
                    return sub == "fetch" ? new DependencyRestore("cargo", false, invocation) : null;
            }
            return null;
        }

        /// <summary>
        /// A command that reads or writes the project in the current directory: restores, builds, <c>make</c>,
        /// <c>git clone</c>... (not package installs such as <c>apt-get</c>, <c>apk</c> or <c>npm install -g</c>).
        /// </summary>
        public static bool WorksOnCurrentDirectory(SimpleCommand command, out CommandInvocation invocation)
        {
            invocation = Unwrap(command.EffectiveCommand);
            if (command.IsInCommandSubstitution || command.IsInProcessSubstitution) return false;
            if (AsRestore(command) != null) return true;
            string name = invocation.CommandName;
            string sub = invocation.Subcommand?.Value ?? "";
            switch (name)
            {
                case "dotnet":
                    return sub == "build" || sub == "publish" || sub == "test" || sub == "pack" || sub == "run" || sub == "restore";
                case "npm":
                case "yarn":
                case "pnpm":
                    return (sub == "run" || sub == "build" || sub == "test") && !invocation.HasOption("-g", "--global");
                case "go":
                    return sub == "build" || sub == "test" || sub == "generate" || sub == "mod";
                case "mvn":
                case "mvnw":
                case "gradle":
                case "gradlew":
                case "make":
                    return true;
                case "cargo":
                    return sub == "build" || sub == "install" && invocation.HasOption("--path");
                case "git":
                    return sub == "clone" && invocation.OperandsAfterSubcommand.Count < 2;
            }
            return false;
        }

        /// <summary>Looks through <c>python -m pip</c> to the module that runs.</summary>
        private static CommandInvocation Unwrap(CommandInvocation invocation)
        {
            string name = invocation.CommandName;
            if (!name.StartsWith("python", StringComparison.Ordinal)) return invocation;
            for (int i = 0; i + 1 < invocation.Arguments.Count; i++)
                if (invocation.Arguments[i].Value == "-m") return invocation.StartingAt(i + 1);
            return invocation;
        }

        /// <summary>The simple commands a RUN runs, in order, or none when it runs no POSIX shell commands we can read.</summary>
        public static ReadOnlyArray<SimpleCommand> CommandsOf(RunInstructionScripts? run) =>
            run == null ? ReadOnlyArray<SimpleCommand>.Empty : run.Commands;
    }
}
