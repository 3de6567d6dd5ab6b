using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Rules.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// Which programs an image built on an official .NET runtime image has: what the image ships, and what the
    /// Dockerfile adds to the stage or the stages it is built on (a package install, a copied binary). Used by DKR606
    /// to tell a health probe that can never run. Everything that could add a program the rule cannot see counts as
    /// adding it: a false "missing" would fail -warnaserror builds.
    /// </summary>
    internal static class StageProgramFacts
    {
        /// <summary>The directories of the default PATH of the .NET images (Debian, Ubuntu, Alpine, chiseled).</summary>
        private static readonly string[] PathDirectories = { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" };

        /// <summary>
        /// Why the image does not have <paramref name="program"/> (as written in the probe: a name or a path), or null
        /// when it has it or the rule cannot tell. Only official .NET <c>aspnet</c>, <c>runtime</c> and
        /// <c>runtime-deps</c> Linux images are judged.
        /// </summary>
        public static string? WhyMissing(DockerfileModel model, RunScripts runs, Stage stage, DotNetImage image, string program)
        {
            if (image.Kind == DotNetImageKind.Sdk || image.IsWindows) return null;
            if (program.Length == 0 || program.IndexOf('$') >= 0) return null;
            // Before .NET 5 the runtime and aspnet images installed curl (dotnet/dotnet-docker#2379 removed it in 5.0).
            if (image.Version != null && image.Version.Major < 5) return null;
            string name = SlashPath.FileName(program.Replace('\\', '/'));
            bool isPath = program.IndexOf('/') >= 0;
            string family;
            if (image.IsShellLess)
            {
                // Chiseled and distroless images hold the .NET runtime and nothing else: no shell, no tools.
                bool hasDotNet = image.Kind != DotNetImageKind.RuntimeDeps;
                if (hasDotNet && name == "dotnet" && (!isPath || program == "/usr/bin/dotnet" || program == "/usr/share/dotnet/dotnet")) return null;
                family = image.IsChiseled ? "a chiseled image, which has no programs besides " + (hasDotNet ? "dotnet" : "the app")
                    : "a distroless image, which has no programs besides " + (hasDotNet ? "dotnet" : "the app");
            }
            else if (image.IsAlpine)
            {
                // BusyBox gives Alpine wget, nc and the usual commands; curl is a package of its own.
                if (name != "curl") return null;
                family = "an Alpine image, which has BusyBox's wget but not curl";
            }
            else if (IsDebianOrUbuntu(image))
            {
                if (name != "curl" && name != "wget") return null;
                family = "a Debian/Ubuntu image, which has neither curl nor wget";
            }
            else
            {
                return null; // Azure Linux, Mariner and tags not known here
            }
            if (MayProvide(model, runs, stage, program, name, isPath)) return null;
            return family;
        }

        /// <summary>Debian (the default tags, bookworm, bullseye, buster, trixie) and Ubuntu (jammy, noble, focal) tags.</summary>
        private static bool IsDebianOrUbuntu(DotNetImage image)
        {
            string tag = (image.Image.Tag ?? "").ToLowerInvariant();
            if (image.IsAlpine || image.IsShellLess) return false;
            if (tag.Contains("azurelinux") || tag.Contains("mariner") || tag.Contains("nanoserver") || tag.Contains("windowsservercore") || tag.Contains("ltsc")) return false;
            return true;
        }

        /// <summary>
        /// The stage (or a stage it is built on) may bring the program in: a RUN that names it (a package install, a
        /// download) or that installs something unnamed or runs a script; a COPY/ADD of a file with its name, or into
        /// a directory of the PATH (or the program's own directory); a changed PATH.
        /// </summary>
        private static bool MayProvide(DockerfileModel model, RunScripts runs, Stage stage, string program, string name, bool isPath)
        {
            foreach (var s in stage.SelfAndAncestors)
            {
                for (int i = 0; i < s.Instructions.Count; i++)
                {
                    var instruction = s.Instructions[i].SelfOrTrigger;
                    if (instruction == null) continue;
                    switch (instruction.Kind)
                    {
                        case InstructionKind.Run:
                            if (RunMayProvide(runs.Get(s.Instructions[i]), instruction, name)) return true;
                            break;
                        case InstructionKind.Env when !isPath:
                            if (instruction is KeyValueInstruction env)
                                foreach (var pair in env.Pairs)
                                    if (pair.Name == "PATH") return true;
                            break;
                        case InstructionKind.Copy:
                        case InstructionKind.Add:
                            if (instruction is CopyInstruction copy && CopyMayProvide(model, s, i, copy, program, name, isPath)) return true;
                            break;
                    }
                }
            }
            return false;
        }

        private static bool RunMayProvide(RunInstructionScripts? run, Instruction instruction, string name)
        {
            // Any mention of the name: 'apt-get install curl', 'apk add curl', a download to /usr/bin/curl.
            if (ContainsWord(instruction.Arguments.Value, name)) return true;
            foreach (var h in instruction.Heredocs)
                if (ContainsWord(h.Body.Value, name)) return true;
            if (run == null) return true;
            foreach (var script in run.Scripts)
                if (!script.Script.IsParsed) return true;
            foreach (var command in run.Commands)
            {
                var e = command.EffectiveCommand;
                string program = e.CommandName;
                if (program.Length == 0 || e.Name == null || e.Name.ContainsExpansion) return true;
                // A script of the project ('./install-tools.sh', 'bash setup.sh') can install anything.
                if (program.IndexOf('/') >= 0 || program.EndsWith(".sh", StringComparison.Ordinal)) return true;
                if ((program == "sh" || program == "bash" || program == "ash" || program == "dash") && e.Arguments.Count > 0 && !e.HasOption("-c")) return true;
                // Package installs whose list comes from a variable.
                if (IsPackageManager(program))
                    foreach (var a in e.Arguments)
                        if (a.ContainsExpansion) return true;
            }
            return false;
        }

        private static bool IsPackageManager(string program) =>
            program == "apt-get" || program == "apt" || program == "apk" || program == "tdnf" || program == "dnf" || program == "yum" || program == "microdnf";

        private static bool CopyMayProvide(DockerfileModel model, Stage stage, int index, CopyInstruction copy, string program, string name, bool isPath)
        {
            if (copy.Destination == null) return false;
            var scope = stage.ScopeBefore(index);
            string destination = model.Expand(copy.IsJsonForm ? copy.Destination.Value : copy.Destination.Raw, scope, out bool complete);
            if (!complete) return true;
            string workdir = StageFileFlow.WorkdirAt(model, stage, index);
            string target = StageFileFlow.Absolute(destination, workdir);
            bool intoDirectory = destination.EndsWith("/", StringComparison.Ordinal) || destination == "." || destination.EndsWith("/.", StringComparison.Ordinal) || copy.Sources.Count > 1;
            foreach (var word in copy.Sources)
            {
                string source = model.Expand(copy.IsJsonForm ? word.Value : word.Raw, scope, out bool known);
                if (!known) return true;
                string sourceName = SlashPath.FileName(source.Replace('\\', '/').TrimEnd('/'));
                if (sourceName == name || SlashPath.HasGlobCharacters(sourceName)) return true;
            }
            if (!intoDirectory && SlashPath.FileName(target) == name) return true;
            if (isPath)
            {
                string absolute = StageFileFlow.Absolute(program, StageFileFlow.WorkdirAt(model, stage, stage.Instructions.Count));
                // The copy lands at the program, or fills a directory that holds it.
                return absolute == target || StageFileFlow.Covers(target, absolute);
            }
            // Into a PATH directory (or below one). A copy into '/' of a folder from another stage is the app, not /usr/bin.
            foreach (var directory in PathDirectories)
                if (StageFileFlow.Covers(directory, target)) return true;
            return false;
        }

        private static bool ContainsWord(string text, string word)
        {
            int at = 0;
            while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
            {
                bool startOk = at == 0 || !IsNameChar(text[at - 1]);
                int end = at + word.Length;
                bool endOk = end == text.Length || !IsNameChar(text[end]);
                if (startOk && endOk) return true;
                at = end;
            }
            return false;
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

        /// <summary>Commands that are shell built-ins or always present: they decide nothing about a probe tool.</summary>
        public static readonly HashSet<string> ShellBuiltins = new HashSet<string>(StringComparer.Ordinal)
        {
            "exit", "true", "false", "echo", "test", "[", "[[", "printf", "return", ":", "set", "export", "cd", "exec",
        };
    }
}
