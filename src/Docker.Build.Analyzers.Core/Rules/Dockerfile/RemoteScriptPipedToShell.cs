using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR205: a script downloaded during the build and run straight away (<c>curl ... | sh</c>, <c>sh -c "$(curl ...)"</c>, <c>bash &lt;(curl ...)</c>).</summary>
    public sealed class RemoteScriptPipedToShell : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR205", "Downloaded script run without verification", RuleCategory.Security, DiagnosticSeverity.Warning,
            "'{0}' runs a script fetched by '{1}' without checking it: whoever controls that server (or the network path to it) runs code in your build. Download it to a file, verify a pinned checksum ('echo \"<sha256>  install.sh\" | sha256sum -c -'), then run the file",
            "Piping a download into a shell runs whatever the server sends at that moment, possibly a truncated script, and leaves no record of what ran.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>curl options that save the download to a file instead of writing it to standard output.</summary>
        private static readonly string[] CurlRemoteName = { "-O", "--remote-name", "--remote-name-all", "-J" };

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                for (int s = 0; s < run.Scripts.Count; s++)
                {
                    var script = run.Scripts[s];
                    var pipelines = script.Script.Pipelines;
                    for (int p = 0; p < pipelines.Count; p++)
                        if (pipelines[p].IsPiped) CheckPipeline(context, pipelines[p]);
                    foreach (var command in script.Commands)
                        CheckSubstitutions(context, command);
                }
            }
        }

        private static void CheckPipeline(DockerfileContext context, ShellPipeline pipeline)
        {
            string? downloader = null;
            for (int i = 0; i < pipeline.Commands.Count; i++)
            {
                if (!(pipeline.Commands[i] is SimpleCommand command)) continue;
                var e = command.EffectiveCommand;
                if (downloader != null && ReadsScriptFromStdin(e))
                {
                    context.Report(e.Name!.Span, e.CommandName, downloader);
                    return;
                }
                if (downloader == null && WritesDownloadToStdout(e)) downloader = e.CommandName;
            }
        }

        /// <summary><c>sh -c "$(curl ...)"</c>, <c>eval "$(wget -qO- ...)"</c>, <c>bash &lt;(curl ...)</c>, <c>. &lt;(curl ...)</c>.</summary>
        private static void CheckSubstitutions(DockerfileContext context, SimpleCommand command)
        {
            var e = command.EffectiveCommand;
            if (e.Name == null || !HasSubstitution(e.Arguments)) return;
            string name = e.CommandName;
            bool shellWithString = ShellInfo.IsPosixShellName(name) && e.HasOption("-c");
            bool evaluator = name == "eval" || name == "source" || name == ".";
            bool shellWithFile = RunCommandFacts.IsShellOrInterpreter(name) && !e.HasOption("-c");
            if (!shellWithString && !evaluator && !shellWithFile) return;
            var args = e.Arguments;
            for (int a = 0; a < args.Count; a++)
            {
                var substitutions = args[a].Substitutions;
                for (int s = 0; s < substitutions.Count; s++)
                {
                    var substitution = substitutions[s];
                    // A file path from <( ) is run by any shell; a $( ) result only by -c, eval and source.
                    bool runs = substitution.Kind == SubstitutionKind.ProcessInput ? (shellWithFile || evaluator) : (shellWithString || name == "eval");
                    if (!runs) continue;
                    var inners = substitution.Commands;
                    for (int k = 0; k < inners.Count; k++)
                    {
                        var inner = inners[k];
                        var d = inner.EffectiveCommand;
                        if (inner.IsPiped ? inner.PipelineIndex == 0 && WritesDownloadToStdout(d) : WritesDownloadToStdout(d))
                        {
                            context.Report(e.Name.Span, name, d.CommandName);
                            return;
                        }
                    }
                }
            }
        }

        /// <summary>Some argument holds a <c>$( )</c> or <c>&lt;( )</c>: checked first, as most commands have none and the name tests cost more.</summary>
        private static bool HasSubstitution(IReadOnlyList<ShellWord> arguments)
        {
            for (int i = 0; i < arguments.Count; i++)
                if (arguments[i].Substitutions.Count > 0) return true;
            return false;
        }

        /// <summary><c>curl URL</c> (not <c>-o file</c> or <c>-O</c>), <c>wget -O- URL</c>.</summary>
        private static bool WritesDownloadToStdout(CommandInvocation e)
        {
            switch (e.CommandName)
            {
                case "curl":
                    {
                        var output = e.OptionValue("-o", "--output");
                        if (output != null && !IsStandardOutput(output.Value)) return false;
                        return !e.HasOption(CurlRemoteName);
                    }
                case "wget":
                    {
                        var output = e.OptionValue("-O", "--output-document");
                        return output != null && IsStandardOutput(output.Value);
                    }
                case "fetch":
                    return e.OptionValue("-o")?.Value == "-";
                default:
                    return false;
            }
        }

        /// <summary>A shell or interpreter that reads its program from standard input: <c>sh</c>, <c>bash -s -- args</c>, <c>sudo -E bash -</c>, <c>python3 -</c>.</summary>
        private static bool ReadsScriptFromStdin(CommandInvocation e)
        {
            if (e.Name == null || !RunCommandFacts.IsShellOrInterpreter(e.CommandName)) return false;
            if (ShellInfo.IsPosixShellName(e.CommandName) && e.HasOption("-c")) return false;
            if (e.CommandName.StartsWith("python", StringComparison.Ordinal) && e.HasOption("-c", "-m")) return false;
            if ((e.CommandName == "node" || e.CommandName == "nodejs" || e.CommandName.StartsWith("perl", StringComparison.Ordinal) || e.CommandName.StartsWith("ruby", StringComparison.Ordinal))
                && e.HasOption("-e")) return false;
            var operands = e.Operands;
            return operands.Count == 0 || operands[0].Value == "-" || IsStandardInput(operands[0].Value) || e.HasOption("-s");
        }

        /// <summary><c>-</c>, <c>/dev/stdout</c>, <c>/dev/fd/1</c>, <c>/proc/self/fd/1</c>: a download written to the pipe.</summary>
        private static bool IsStandardOutput(string path) =>
            path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1";

        /// <summary>
        /// <c>/dev/stdin</c>, <c>/dev/fd/0</c>, <c>/proc/self/fd/0</c>: a shell given its standard input as the script file
        /// (<c>curl ... | bash /dev/stdin --channel 8.0</c>), which runs what the pipe delivers, with arguments.
        /// </summary>
        private static bool IsStandardInput(string path) =>
            path == "/dev/stdin" || path == "/dev/fd/0" || path == "/proc/self/fd/0";
    }
}
