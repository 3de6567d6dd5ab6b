using System;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR304: in the final image, a COPY/ADD to a relative destination or a RUN of a project command (restore, build,
    /// <c>make</c>, <c>git clone</c>...) comes before any WORKDIR, so its files land in <c>/</c>.
    /// </summary>
    public sealed class CopyOrRunBeforeWorkdir : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR304", "Files land in / before any WORKDIR", RuleCategory.Runtime, DiagnosticSeverity.Suggestion,
            "{0} before any WORKDIR in the final image, so {1}. Add 'WORKDIR /app' (or another absolute path) before it",
            "Until a WORKDIR is set, the working directory is '/': relative COPY destinations and commands that work on the current directory put the application among the system directories, where it is hard to find, to mount over, or to run as a non-root user.");

        /// <summary>Well-known images whose own Dockerfile sets a WORKDIR (path prefixes of Docker Hub and other repositories).</summary>
        private static readonly string[] ImagesWithWorkdir =
        {
            "golang", "php", "wordpress", "tomcat", "httpd", "gradle", "jenkins/jenkins", "drupal", "ghost", "joomla",
            "jupyter/", "lambda/", "amazon/aws-lambda-",
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null || StagePlatform.IsWindowsOrNonPosix(final, context.Syntax)) return;
            var root = final.RootImage;
            // Unknown bases may set a WORKDIR; scratch images keep their single binary in '/' on purpose.
            if (root == null || root.IsScratch || SetsWorkdir(root)) return;

            foreach (var stage in final.SelfAndAncestors.Reverse())
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Kind == InstructionKind.Workdir) return;
                    if (instruction is CopyInstruction copy && copy.Destination != null)
                    {
                        var destination = copy.Destination;
                        string text = copy.IsJsonForm ? destination.Value : destination.Raw;
                        string value = context.Model.Expand(text, stage.ScopeBefore(copy), out bool complete);
                        if (!complete || value.StartsWith("/", StringComparison.Ordinal)) continue;
                        context.Report(destination.Span, $"{copy.Name} to the relative destination '{value}' comes", "the files land in '/' among the system directories");
                        return;
                    }
                    if (instruction.Kind == InstructionKind.Run)
                    {
                        var command = FirstCommandInRootDirectory(context.Document.RunScripts.Get(instruction));
                        if (command == null) continue;
                        context.Report(command.Value.Span, $"'{command.Value.Text}' runs", "it works in '/' and leaves the project's files there");
                        return;
                    }
                }
            }
        }

        private static bool SetsWorkdir(ImageReference image)
        {
            string path = image.Path.ToLowerInvariant();
            foreach (var prefix in ImagesWithWorkdir)
            {
                if (prefix.EndsWith("/", StringComparison.Ordinal) || prefix.EndsWith("-", StringComparison.Ordinal))
                {
                    if (path.StartsWith(prefix, StringComparison.Ordinal)) return true;
                }
                else if (path == prefix)
                {
                    return true;
                }
            }
            return (image.Registry ?? "").Equals("public.ecr.aws", StringComparison.OrdinalIgnoreCase) && path.StartsWith("lambda/", StringComparison.Ordinal)
                || (image.Registry ?? "").Equals("cgr.dev", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The first command of the RUN that works on the current directory while that is still '/'.</summary>
        private static (Text.TextSpan Span, string Text)? FirstCommandInRootDirectory(RunInstructionScripts? run)
        {
            if (run == null) return null;
            for (int s = 0; s < run.Scripts.Count; s++)
            {
                var script = run.Scripts[s];
                foreach (var command in script.Commands)
                {
                    var effective = command.EffectiveCommand;
                    // 'cd /src && make' works in /src: the rest of this script no longer runs in '/'.
                    if (effective.CommandName == "cd" && !command.IsInCommandSubstitution) break;
                    if (!DependencyCommands.WorksOnCurrentDirectory(command, out var invocation) || invocation.Name == null) continue;
                    var last = invocation.Arguments.Count > 0 ? invocation.Arguments[invocation.Arguments.Count - 1] : invocation.Name;
                    var span = Text.TextSpan.FromBounds(invocation.Name.Span.Start, Math.Max(invocation.Name.Span.End, last.Span.End));
                    return (span, Shorten(invocation));
                }
            }
            return null;
        }

        private static string Shorten(CommandInvocation invocation)
        {
            var sb = new System.Text.StringBuilder(invocation.Name!.Raw);
            foreach (var a in invocation.Arguments)
            {
                if (sb.Length > 40) { sb.Append(" ..."); break; }
                sb.Append(' ').Append(a.Raw);
            }
            return sb.ToString();
        }
    }
}
