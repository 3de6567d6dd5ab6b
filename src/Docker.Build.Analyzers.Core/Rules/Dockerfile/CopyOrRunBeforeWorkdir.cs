using System;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR304: in the final image, a COPY/ADD whose files land directly in <c>/</c> (destination <c>.</c>, <c>./</c>,
    /// <c>/</c> or a bare file name) or a RUN of a project command (restore, build, <c>make</c>, <c>git clone</c>...)
    /// comes before any WORKDIR, so its files land in <c>/</c>.
    /// </summary>
    public sealed class CopyOrRunBeforeWorkdir : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR304", "Files land in / before any WORKDIR", RuleCategory.Runtime, DiagnosticSeverity.Suggestion,
            "{0} before any WORKDIR in the final image, so {1}. {2}",
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
                        if (!complete) continue;
                        var landing = WhereFilesLand(context, stage, copy, value);
                        if (landing == null) continue;
                        context.Report(destination.Span, $"{copy.Name} to '{value}' comes", landing.Value.What, landing.Value.Fix);
                        return;
                    }
                    if (instruction.Kind == InstructionKind.Run)
                    {
                        var command = FirstCommandInRootDirectory(context.Document.RunScripts.Get(instruction));
                        if (command == null) continue;
                        context.Report(command.Value.Span, $"'{command.Value.Text}' runs", "it works in '/' and leaves the project's files there",
                            "Add 'WORKDIR /app' (or the absolute directory that holds the project) before it, so the command works there");
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Whether the files of a COPY/ADD land directly in '/' (null when they do not), with a fix that keeps every other
        /// file where it lands today. A relative destination with a directory in it (<c>app/</c>, <c>./src</c>) lands in
        /// a directory of its own under '/' (<c>/app</c>), which is not this rule's concern; an explicit absolute path
        /// (<c>/usr/share/nginx/html/</c>, <c>/x</c>) is a deliberate choice that a WORKDIR would not change.
        /// </summary>
        private static (string What, string Fix)? WhereFilesLand(DockerfileContext context, Stage stage, CopyInstruction copy, string destination)
        {
            string d = destination.Trim();
            string sources = SourcesText(copy);
            if (d == "." || d == "./")
            {
                return ("the files land directly in '/', among the system directories",
                    $"Add 'WORKDIR /app' before it: the same '{copy.Name} {sources} {d}' then puts them in /app");
            }
            if (d == "/")
            {
                // 'COPY rootfs/ /' overlays system directories on purpose; only single files named like files are reported.
                if (!AllSourcesLookLikeFiles(copy)) return null;
                return ("the files land directly in '/', among the system directories",
                    $"Copy them into a directory of their own with an absolute destination (for example '{copy.Name} {sources} /app/'); a WORKDIR does not change an absolute destination");
            }
            if (d.StartsWith("/", StringComparison.Ordinal)) return null;
            if (d.StartsWith("./", StringComparison.Ordinal)) d = d.Substring(2);
            if (d.Length == 0 || d.IndexOf('/') >= 0 || d == ".." || d.IndexOf('$') >= 0) return null;
            // A bare name: a single file copied to it becomes '/<name>'; a directory copied to it becomes '/<name>/', a
            // directory of its own. Report it only when it is clearly a file.
            if (copy.Sources.Count != 1 || !AllSourcesLookLikeFiles(copy) || !LooksLikeFileName(d)) return null;
            return ($"the file lands directly in '/' as '/{d}', among the system directories",
                $"Give it an absolute destination (for example '{copy.Name} {sources} /app/{d}'), or add 'WORKDIR /app' before it");
        }

        private static string SourcesText(CopyInstruction copy)
        {
            var sb = new System.Text.StringBuilder();
            var from = copy.From;
            if (from != null) sb.Append("--from=").Append(from.Value ?? "");
            foreach (var source in copy.Sources)
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(copy.IsJsonForm ? source.Value : source.Raw);
            }
            return sb.ToString();
        }

        /// <summary>Every source names a file: a last segment with an extension, no trailing '/', no wildcard.</summary>
        private static bool AllSourcesLookLikeFiles(CopyInstruction copy)
        {
            if (copy.Sources.Count == 0) return false;
            foreach (var source in copy.Sources)
            {
                string v = source.Value;
                if (v.EndsWith("/", StringComparison.Ordinal) || v.IndexOfAny(new[] { '*', '?', '[', '$' }) >= 0) return false;
                int slash = v.LastIndexOf('/');
                if (!LooksLikeFileName(v.Substring(slash + 1))) return false;
            }
            return true;
        }

        /// <summary><c>app.dll</c>, <c>requirements.txt</c>: a name with an extension (not <c>.</c>, <c>..</c> or a dot file).</summary>
        private static bool LooksLikeFileName(string name)
        {
            int dot = name.LastIndexOf('.');
            return dot > 0 && dot < name.Length - 1;
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
