using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Shell;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR606: the health probe (the final stage's <c>HEALTHCHECK</c>, or the <c>healthcheck.test</c> of a compose
    /// service that builds this Dockerfile) runs a program the image does not have: curl or wget on the Debian/Ubuntu
    /// .NET runtime images, curl on the Alpine ones, anything but dotnet on chiseled/distroless ones, unless the
    /// Dockerfile brings it in. The probe can never pass, so the container never becomes healthy.
    /// </summary>
    public sealed class HealthProbeToolMissing : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR606", "Health probe uses a tool the image does not have", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "The health check runs '{0}', but the image is built on '{1}', {2}: the probe always fails and the container never becomes healthy. {3}",
            "The .NET runtime images carry only what .NET needs: no curl or wget on Debian and Ubuntu, BusyBox's wget but no curl on Alpine, no shell and no tools at all on chiseled and distroless images. A probe that calls a missing program fails every time.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly HashSet<string> Shells = new HashSet<string>(StringComparer.Ordinal) { "sh", "bash", "ash", "dash" };

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            var final = model.FinalStage;
            if (final == null) return;
            var runs = context.Document.RunScripts;

            if (!final.IsExportOnly && DotNetImage.From(final.RootImage) is DotNetImage image
                && final.FindLastInherited(i => i.Kind == InstructionKind.Healthcheck) is HealthcheckInstruction health && !health.IsNone && health.Command != null
                && final.FindLastInherited(i => i.Kind == InstructionKind.Shell) == null)
            {
                foreach (var (program, span) in ProbesOf(health.Command, image))
                {
                    string? why = StageProgramFacts.WhyMissing(model, runs, final, image, program);
                    if (why != null) { context.Report(span, program, image.Image.Raw, why, FixFor(image)); break; }
                }
            }

            // Only the services that build this Dockerfile (the workspace's index): a folder of a thousand Dockerfiles
            // and a hundred compose files must not pair every Dockerfile with every service.
            foreach (var build in context.Workspace.ComposeBuildsOf(context.Document.Path))
            {
                if (build.Service == null) continue;
                foreach (var document in context.Workspace.ComposeDocuments)
                {
                    if (!document.IsReported || !document.File.IsParsed || !DockerAnalyzer.PathComparer.Equals(document.Path, build.ComposeFilePath)) continue;
                    CheckComposeService(context, document.File, build.Service, runs);
                    break;
                }
            }
        }

        private static void CheckComposeService(DockerfileContext context, ComposeFile file, ComposeService service, RunScripts runs)
        {
            var test = service.HealthcheckTest;
            var build = service.Build;
            if (test == null || build == null || service.HealthcheckDisabled || build.DockerfileInline != null) return;
            if (build.Context != null && build.Context.HasVariables || build.Dockerfile != null && build.Dockerfile.HasVariables) return;
            var reference = ComposeBuildReferences.Create(file, service);
            if (reference == null || !DockerAnalyzer.PathComparer.Equals(FullPath(reference.DockerfilePath), FullPath(context.Document.Path))) return;
            var model = context.Model;
            Stage? stage = model.FinalStage;
            if (build.Target != null)
            {
                if (build.Target.HasVariables || build.Target.ValueWithDefaults is not string target) return;
                stage = model.FindStageByName(target);
            }
            if (stage == null || DotNetImage.From(stage.RootImage) is not DotNetImage image) return;

            foreach (var (program, node) in ComposeProbesOf(test, image))
            {
                string? why = StageProgramFacts.WhyMissing(model, runs, stage, image, program);
                if (why == null) continue;
                context.ReportIn(node.ReportSource, node.ReportSpan, Rule.DefaultSeverity, program, image.Image.Raw, why, FixFor(image));
                return;
            }
        }

        private static string FullPath(string path)
        {
            try { return System.IO.Path.GetFullPath(path); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is System.IO.PathTooLongException) { return path; }
        }

        /// <summary>The programs a Dockerfile HEALTHCHECK runs that decide whether it can pass, with where each is written.</summary>
        private static IEnumerable<(string Program, TextSpan Span)> ProbesOf(CommandForm command, DotNetImage image)
        {
            if (command is ShellForm shell)
            {
                // A shell form on a shell-less image is DKR306's finding.
                if (image.IsShellLess) return Array.Empty<(string, TextSpan)>();
                var script = ShellScript.Parse(shell.Script, heredocBodiesFollow: false);
                return ScriptProbes(script, null, image);
            }
            var args = ((ExecForm)command).Arguments;
            if (args.Count == 0) return Array.Empty<(string, TextSpan)>();
            string program = args[0].Value;
            if (Shells.Contains(SlashPath(program)) && !image.IsShellLess)
            {
                for (int i = 1; i + 1 < args.Count; i++)
                    if (args[i].Value == "-c") return ScriptProbes(ShellScript.Parse(args[i + 1].Value, heredocBodiesFollow: false), args[i + 1].Span, image);
                return Array.Empty<(string, TextSpan)>();
            }
            return new[] { (program, args[0].Span) };
        }

        /// <summary>The programs of a compose <c>healthcheck.test</c>: a string or <c>CMD-SHELL</c> runs through /bin/sh, <c>CMD</c> runs its program.</summary>
        private static IEnumerable<(string Program, YamlNode Node)> ComposeProbesOf(YamlNode test, DotNetImage image)
        {
            YamlScalar? script = null;
            if (test is YamlScalar s) script = s;
            else if (test is YamlSequence seq && seq.Count >= 2 && seq.Items[0] is YamlScalar kind && seq.Items[1] is YamlScalar first)
            {
                if (kind.Value == "CMD-SHELL") script = first;
                else if (kind.Value == "CMD")
                {
                    if (first.HasVariables) yield break;
                    yield return (first.Value, first);
                    yield break;
                }
                else yield break;
            }
            if (script == null || script.HasVariables) yield break;
            if (image.IsShellLess)
            {
                // Compose runs the string with /bin/sh -c: the shell itself is missing.
                yield return ("/bin/sh", script);
                yield break;
            }
            foreach (var (program, _) in ScriptProbes(ShellScript.Parse(script.Value, heredocBodiesFollow: false), default(TextSpan), image))
                yield return (program, script);
        }

        /// <summary>
        /// The probe programs of a shell script, or none when one of them is a probe the image has (<c>curl ... || wget
        /// ...</c> on Alpine falls back to BusyBox's wget). Built-ins decide nothing.
        /// </summary>
        private static IEnumerable<(string Program, TextSpan Span)> ScriptProbes(ShellScript script, TextSpan? at, DotNetImage image)
        {
            if (!script.IsParsed || script.HasErrors) return Array.Empty<(string, TextSpan)>();
            var probes = new List<(string, TextSpan)>();
            foreach (var command in script.Commands)
            {
                var e = command.EffectiveCommand;
                if (e.Name == null || e.Name.ContainsExpansion) return Array.Empty<(string, TextSpan)>();
                string name = SlashPath(e.CommandName);
                if (StageProgramFacts.ShellBuiltins.Contains(name) || name.Length == 0) continue;
                probes.Add((e.Name.Value, at ?? e.Name.Span));
            }
            // A fallback the image has makes the whole probe work; only the HTTP tools are judged for that.
            bool hasCurl = false, hasWget = false;
            foreach (var (program, _) in probes)
            {
                string name = SlashPath(program);
                hasCurl |= name == "curl";
                hasWget |= name == "wget";
            }
            if (hasCurl && hasWget && image.IsAlpine) return Array.Empty<(string, TextSpan)>();
            return probes;
        }

        private static string SlashPath(string program) => Docker.Build.Analyzers.DockerIgnore.SlashPath.FileName(program.Replace('\\', '/'));

        private static string FixFor(DotNetImage image)
        {
            if (image.IsShellLess)
                return "Copy a small self-contained probe into the image from a build stage and run it in exec form, or let the orchestrator probe the app over HTTP";
            if (image.IsAlpine)
                return "Probe with BusyBox's wget (wget -q --spider http://localhost:8080/healthz), or install curl in the final stage (RUN apk add --no-cache curl)";
            return "Install the tool in the final stage (RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*), or probe with a program the image has";
        }
    }
}
