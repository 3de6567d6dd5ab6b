using System;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR608: <c>ENTRYPOINT</c>/<c>CMD</c> starts <c>dotnet X.dll</c> where X is not the project's assembly name, so
    /// the file is not in the publish output and the container fails at start-up.
    /// </summary>
    public sealed class EntrypointAssemblyNameMismatch : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR608", "Entrypoint runs another assembly than the project's", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "{0} runs '{1}', but the project's assembly is '{2}.dll': the publish output has no '{1}' and the container stops at start-up",
            "dotnet publish names the app after the project's AssemblyName (by default the project file name); a renamed project or a copied Dockerfile easily starts a file that does not exist.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            string? assembly = context.Project.AssemblyName;
            var final = context.Model.FinalStage;
            if (assembly == null || final == null || final.IsExportOnly) return;
            if (!DotNetDockerfileFacts.DescribesProject(context)) return;
            var commands = DotNetDockerfileFacts.Commands(context);
            // A publish that renames the assembly decides the name itself.
            if (commands.Any(c => DotNetDockerfileFacts.PropertyValue(c.Invocation, "AssemblyName") != null)) return;

            // The instruction that starts the container: the last ENTRYPOINT of the chain, else the last CMD.
            var entrypoint = final.FindLastInherited(i => i.Kind == InstructionKind.Entrypoint);
            var start = entrypoint ?? final.FindLastInherited(i => i.Kind == InstructionKind.Cmd);
            if (!(start is CommandInstruction command) || !(command.Command is ExecForm exec)) return;
            var args = exec.Arguments;
            for (int i = 0; i + 1 < args.Count; i++)
            {
                string program = args[i].Value;
                string name = program.Substring(program.LastIndexOfAny(new[] { '/', '\\' }) + 1);
                if (!name.Equals("dotnet", StringComparison.Ordinal) && !name.Equals("dotnet.exe", StringComparison.OrdinalIgnoreCase)) continue;
                var dll = args[i + 1];
                string file = dll.Value;
                if (file.IndexOf('$') >= 0 || !file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return;
                string fileName = file.Substring(file.LastIndexOfAny(new[] { '/', '\\' }) + 1);
                string stem = fileName.Substring(0, fileName.Length - 4);
                if (!stem.Equals(assembly, StringComparison.OrdinalIgnoreCase))
                    context.Report(dll.Span, command.Name, fileName, assembly);
                return;
            }
        }
    }
}
