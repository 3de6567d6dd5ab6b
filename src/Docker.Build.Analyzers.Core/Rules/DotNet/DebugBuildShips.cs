using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Rules.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR610: the image ships a Debug build: <c>dotnet publish</c> without a Release configuration where the project
    /// does not publish Release by default (before .NET 8, or <c>PublishRelease=false</c>), or with <c>-c Debug</c>;
    /// the output of <c>dotnet build</c> copied into the final stage; <c>dotnet run</c> as the container's command.
    /// </summary>
    public sealed class DebugBuildShips : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR610", "Debug build ships in the image", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "{0}: the image runs unoptimised Debug code. {1}",
            "Debug builds run without JIT optimisations and with extra checks; dotnet run compiles at every start and needs the SDK in the image.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null || final.IsExportOnly) return;
            bool describesProject = DotNetDockerfileFacts.DescribesProject(context);
            var commands = DotNetDockerfileFacts.Commands(context);
            var shipped = RunCommandFacts.ShippedStages(context.Model);

            foreach (var command in commands)
            {
                if (command.Verb != "publish") continue;
                var invocation = command.Invocation;
                string? configuration = Configuration(context, command);
                if (configuration == "$") continue; // from a build argument without a default: the build decides
                if (configuration != null)
                {
                    if (configuration.Equals("Debug", StringComparison.OrdinalIgnoreCase))
                        context.Report(command.Invocation.Subcommand!.Span, "'dotnet publish' builds the Debug configuration", "Publish with -c Release");
                    continue;
                }
                if (describesProject && !PublishesReleaseByDefault(context, commands, invocation))
                    context.Report(command.Invocation.Subcommand!.Span, "'dotnet publish' without -c Release builds Debug for this project (PublishRelease is on by default from .NET 8 only)", "Add -c Release");
            }

            // dotnet build output (-o) copied into the image that ships.
            var buildOutputs = new List<(Stage Stage, string Directory)>();
            foreach (var command in commands)
            {
                if (command.Verb != "build") continue;
                var output = command.Invocation.OptionValue("-o", "--output");
                if (output == null || output.ContainsExpansion) continue;
                buildOutputs.Add((command.Stage, StageFileFlow.Absolute(output.Value, StageFileFlow.WorkdirAt(context.Model, command.Stage, command.Run.IndexInStage))));
            }
            foreach (var stage in final.SelfAndAncestors)
            {
                foreach (var copy in stage.OfKind<CopyInstruction>(InstructionKind.Copy))
                {
                    if (copy.From?.Value is not string from) continue;
                    var source = context.Model.FindEarlierStage(from, stage);
                    if (source == null) continue;
                    foreach (var word in copy.Sources)
                    {
                        string path = StageFileFlow.Absolute(word.Value, "/").TrimEnd('/');
                        foreach (var (buildStage, directory) in buildOutputs)
                            if (source.IsSelfOrAncestor(buildStage) && path.Equals(directory.TrimEnd('/'), StringComparison.Ordinal))
                                context.Report(word.Span, $"'{word.Value}' is the output of 'dotnet build'", "Copy the output of 'dotnet publish -c Release' instead");
                    }
                }
            }

            // dotnet run as the container's command.
            var start = final.FindLastInherited(i => i.Kind == InstructionKind.Entrypoint) ?? final.FindLastInherited(i => i.Kind == InstructionKind.Cmd);
            if (start is CommandInstruction startCommand && RunsDotNetRun(startCommand.Command))
                context.Report(startCommand.Span, $"{startCommand.Name} starts the app with 'dotnet run'", "Publish in a build stage and start the published app (ENTRYPOINT [\"dotnet\", \"App.dll\"]) on a runtime image");
        }

        private static bool RunsDotNetRun(CommandForm form)
        {
            if (form is ExecForm exec)
            {
                var args = exec.Arguments;
                for (int i = 0; i + 1 < args.Count; i++)
                    if (args[i].Value.EndsWith("dotnet", StringComparison.Ordinal) && args[i + 1].Value == "run") return true;
                return false;
            }
            string script = ((ShellForm)form).Script.Value;
            return script.TrimStart().StartsWith("dotnet run", StringComparison.Ordinal) || script.IndexOf("exec dotnet run", StringComparison.Ordinal) >= 0;
        }

        /// <summary>
        /// The configuration a publish builds: <c>-c</c>/<c>--configuration</c> or <c>-p:Configuration=</c>, with build
        /// arguments expanded; "$" when it depends on an argument without a default; null when none is given.
        /// </summary>
        private static string? Configuration(DockerfileContext context, DotNetDockerfileFacts.DotNetCommand command)
        {
            var word = command.Invocation.OptionValue("-c", "--configuration");
            string? raw = word?.Raw.Trim('"', '\'') ?? DotNetDockerfileFacts.PropertyValue(command.Invocation, "Configuration");
            if (raw == null) return null;
            string value = context.Model.Expand(raw, command.Run.Scope, out bool complete);
            return complete ? value : "$";
        }

        /// <summary>From .NET 8 on, publish builds Release unless the project sets PublishRelease=false (all its frameworks must be 8+).</summary>
        private static bool PublishesReleaseByDefault(DockerfileContext context, IReadOnlyList<DotNetDockerfileFacts.DotNetCommand> commands, CommandInvocation publish)
        {
            if (context.Project.DotNet.PublishRelease == false) return false;
            string? property = DotNetDockerfileFacts.PropertyValue(publish, "PublishRelease");
            if (property != null) return !property.Equals("false", StringComparison.OrdinalIgnoreCase);
            if (context.Project.DotNet.PublishRelease == true) return true;
            var targets = DotNetDockerfileFacts.TargetVersions(context, commands);
            // Unknown frameworks: assume the SDK default of today's projects rather than warn.
            return targets.Count == 0 || targets.All(t => t.Version.Major >= 8);
        }
    }
}
