using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR616: a build stage runs on the build machine's platform (<c>FROM --platform=$BUILDPLATFORM</c>) and its
    /// <c>dotnet publish</c> names no target architecture (<c>-a $TARGETARCH</c>, <c>--arch</c>, <c>-r</c>), while the
    /// image runs native code from it: an apphost as its entrypoint, or a self-contained/AOT app. A cross-platform build
    /// (amd64 machine, arm64 image) then ships amd64 binaries that cannot run. A framework-dependent
    /// <c>dotnet App.dll</c> is portable and stays silent.
    /// </summary>
    public sealed class BuildPlatformPublishWithoutTargetArch : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR616", "Cross-platform build publishes for the build machine", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "'dotnet publish' runs on the build machine's platform (stage '{0}' is FROM --platform=$BUILDPLATFORM) and names no target architecture, but {1}: an image built for another platform gets binaries for the build machine and does not start. Add -a $TARGETARCH (with ARG TARGETARCH in the stage)",
            "FROM --platform=$BUILDPLATFORM runs the SDK natively for speed; dotnet publish then builds for the machine it runs on unless told the target. Portable IL (dotnet App.dll) runs anywhere, but an apphost, a self-contained runtime or a native AOT binary is made for one architecture.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly HashSet<string> Launchers = new HashSet<string>(StringComparer.Ordinal) { "tini", "dumb-init", "gosu", "su-exec", "exec", "env" };

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            var final = model.FinalStage;
            if (final == null || final.IsExportOnly) return;
            if (IsOnBuildPlatform(final.Root)) return; // the image itself is for the build machine
            bool describes = DotNetDockerfileFacts.DescribesProject(context);
            var facts = context.Project.DotNet;
            // A RuntimeIdentifier in the project fixes the architecture: not the build machine's by accident.
            if (describes && facts.RuntimeIdentifier != null) return;

            var commands = DotNetDockerfileFacts.Commands(context);
            bool selfContained = describes ? DotNetDockerfileFacts.IsSelfContained(context, commands) : PublishesSelfContained(commands);
            bool noAppHost = (describes && facts.UseAppHost == false) || commands.Exists(c => c.Verb == "publish" && string.Equals(DotNetDockerfileFacts.PropertyValue(c.Invocation, "UseAppHost"), "false", StringComparison.OrdinalIgnoreCase));
            var start = StartProgram(final);
            if (start == null && !selfContained) return;
            bool runsDotNet = start != null && SlashPath.FileName(start) == "dotnet";
            bool runsAppHost = start != null && !runsDotNet && !noAppHost && IsAppHost(start, describes ? context.Project.AssemblyName : null);
            string? why = selfContained ? "the app is published self-contained or native AOT, which is native code for one architecture"
                : runsAppHost ? $"the image starts the apphost '{start}', a native executable for one architecture"
                : null;
            if (why == null) return;

            foreach (var command in commands)
            {
                if (command.Verb != "publish") continue;
                Stage? platformStage = null;
                foreach (var s in command.Stage.SelfAndAncestors)
                    if (IsOnBuildPlatform(s)) { platformStage = s; break; }
                if (platformStage == null || NamesTarget(command)) continue;
                if (!ReachesFinalImage(model, final, command.Stage)) continue;
                context.Report(command.Invocation.Subcommand!.Span, platformStage.Name ?? platformStage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), why);
            }
        }

        private static bool IsOnBuildPlatform(Stage stage)
        {
            string? platform = stage.From.Platform?.Value;
            return platform != null && platform.IndexOf("BUILDPLATFORM", StringComparison.Ordinal) >= 0;
        }

        /// <summary>The publish says which architecture or runtime to build for (the current runtime is the build machine's).</summary>
        private static bool NamesTarget(DotNetDockerfileFacts.DotNetCommand command)
        {
            var invocation = command.Invocation;
            if (invocation.HasOption("-a", "--arch") || invocation.HasOption("-r", "--runtime")) return true;
            return DotNetDockerfileFacts.PropertyValue(invocation, "RuntimeIdentifier") != null
                || DotNetDockerfileFacts.PropertyValue(invocation, "PlatformTarget") != null;
        }

        private static bool PublishesSelfContained(List<DotNetDockerfileFacts.DotNetCommand> commands)
        {
            foreach (var command in commands)
            {
                if (command.Verb != "publish") continue;
                var invocation = command.Invocation;
                var sc = invocation.FindOption("--self-contained", "--sc");
                if (sc != null && !sc.Value.EndsWith("=false", StringComparison.OrdinalIgnoreCase)) return true;
                foreach (var property in new[] { "SelfContained", "PublishSelfContained", "PublishAot" })
                    if (string.Equals(DotNetDockerfileFacts.PropertyValue(invocation, property), "true", StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        /// <summary>The program the container starts (launchers such as tini looked through), or null when unknown.</summary>
        private static string? StartProgram(Stage final)
        {
            var start = final.FindLastInherited(i => i.Kind == InstructionKind.Entrypoint) ?? final.FindLastInherited(i => i.Kind == InstructionKind.Cmd);
            if (!(start is CommandInstruction command)) return null;
            var words = new List<string>();
            if (command.Command is ExecForm exec)
                foreach (var a in exec.Arguments) words.Add(a.Value);
            else
            {
                var script = ShellScript.Parse(((ShellForm)command.Command).Script, heredocBodiesFollow: false);
                if (!script.IsParsed || script.Commands.Count != 1) return null;
                var e = script.Commands[0].EffectiveCommand;
                if (e.Name == null || e.Name.ContainsExpansion) return null;
                words.Add(e.Name.Value);
                foreach (var a in e.Arguments) words.Add(a.Value);
            }
            for (int i = 0; i < words.Count; i++)
            {
                string name = SlashPath.FileName(words[i].Replace('\\', '/'));
                if (Launchers.Contains(name) || words[i] == "--" || words[i].StartsWith("-", StringComparison.Ordinal)) continue;
                return words[i].IndexOf('$') >= 0 ? null : words[i];
            }
            return null;
        }

        /// <summary>
        /// The program is the app's apphost: the project's assembly name, or (without project facts) a relative
        /// <c>./Name</c> with no extension.
        /// </summary>
        private static bool IsAppHost(string program, string? assemblyName)
        {
            string name = SlashPath.FileName(program.Replace('\\', '/'));
            if (assemblyName != null) return name.Equals(assemblyName, StringComparison.Ordinal);
            return program.StartsWith("./", StringComparison.Ordinal) && name.IndexOf('.') < 0;
        }

        /// <summary>A COPY --from in the final image's stages takes files from the publishing stage (or a stage built on it).</summary>
        private static bool ReachesFinalImage(DockerfileModel model, Stage final, Stage publishing)
        {
            if (final.IsSelfOrAncestor(publishing)) return true;
            foreach (var stage in final.SelfAndAncestors)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (!(instruction is CopyInstruction copy) || copy.From?.ValueWord == null) continue;
                    var reference = new StageReference(copy, StageReferenceKind.CopyFrom, copy.From.ValueWord);
                    string? name = StageReferences.Resolve(reference, model, stage);
                    var source = name == null ? null : model.FindEarlierStage(name, stage);
                    if (source != null && source.IsSelfOrAncestor(publishing)) return true;
                }
            }
            return false;
        }
    }
}
