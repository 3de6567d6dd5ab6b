using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR109: <c>pip install</c> without <c>--no-cache-dir</c> stores pip's download cache in the layer.</summary>
    public sealed class PipInstallKeepsCache : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR109", "pip install without --no-cache-dir", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "'pip install' keeps every downloaded wheel in pip's cache (~/.cache/pip), inside this layer: add --no-cache-dir, set 'ENV PIP_NO_CACHE_DIR=1', or use '--mount=type=cache,target=/root/.cache/pip'",
            "pip caches downloads and built wheels in the user's cache directory. In an image nothing reuses that cache, so it only makes the layer larger.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var shipped = RunCommandFacts.ShippedStages(context.Model);
            foreach (var run in context.Document.RunScripts.All)
            {
                if (!shipped.Contains(run.Stage)) continue;
                if (PackageCacheMounts.KeepsPackageCacheOutOfLayer(run, "pip")) continue;
                bool? inScope = null;
                var commands = RunCommandFacts.CommandsInOrder(run);
                for (int i = 0; i < commands.Count; i++)
                {
                    var pip = RunCommandFacts.Pip(commands[i]);
                    var install = pip?.Subcommand;
                    if (pip == null || install == null || install.Value != "install") continue;
                    if (pip.HasOption("--no-cache-dir") || pip.FindEnvironment("PIP_NO_CACHE_DIR") != null) continue;
                    if (SetBefore(commands, i) || CleanedLater(commands, i)) continue;
                    inScope ??= run.Scope.IsDefined("PIP_NO_CACHE_DIR");
                    if (inScope.Value) continue;
                    context.Report(install.Span);
                }
            }
        }

        /// <summary>An earlier <c>export PIP_NO_CACHE_DIR=...</c> or <c>PIP_NO_CACHE_DIR=...</c> in the same RUN.</summary>
        private static bool SetBefore(ReadOnlyArray<SimpleCommand> commands, int index)
        {
            for (int i = 0; i < index; i++)
            {
                var c = commands[i];
                if (c.Name == null)
                {
                    foreach (var a in c.Assignments) if (a.Name == "PIP_NO_CACHE_DIR") return true;
                }
                else if (c.CommandName == "export")
                {
                    foreach (var w in c.Arguments)
                        if (w.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal)) return true;
                }
            }
            return false;
        }

        private static bool CleanedLater(ReadOnlyArray<SimpleCommand> commands, int index)
        {
            for (int i = index + 1; i < commands.Count; i++)
            {
                if (RunCommandFacts.Removes(commands[i], "/root/.cache/pip") || RunCommandFacts.Removes(commands[i], "/root/.cache")) return true;
                var pip = RunCommandFacts.Pip(commands[i]);
                if (pip?.Subcommand?.Value == "cache" && pip.OperandsAfterSubcommand.Count > 0 && pip.OperandsAfterSubcommand[0].Value == "purge") return true;
            }
            return false;
        }
    }
}
