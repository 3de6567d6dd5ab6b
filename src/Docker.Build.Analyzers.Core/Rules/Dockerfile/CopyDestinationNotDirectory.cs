using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR127: <c>COPY</c> or <c>ADD</c> of several sources (several arguments, or one wildcard that matches several files of
    /// the build context) to a destination that does not end in <c>/</c>.
    /// </summary>
    public sealed class CopyDestinationNotDirectory : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR127", "Several sources copied to a destination without a trailing '/'", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "{0} copies {1} to '{2}', which does not end in '/': the classic builder (still the one for Windows images) fails, and BuildKit may write the sources over one path. Write '{3}'",
            "When several files go to one destination, Docker's reference requires the destination to be a directory written with a trailing slash.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            foreach (var stage in model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    bool isTrigger = instruction is OnbuildInstruction;
                    var target = instruction.SelfOrTrigger;
                    if (!(target is CopyInstruction copy) || copy.Destination == null || copy.Sources.Count == 0) continue;

                    var destination = copy.Destination;
                    string dest = destination.Value;
                    if (destination.Raw.IndexOf('$') >= 0)
                    {
                        // An ONBUILD trigger expands its variables in another build.
                        if (isTrigger) continue;
                        dest = model.Expand(destination.Raw, stage.ScopeBefore(instruction), out bool complete);
                        if (!complete) continue;
                    }
                    bool windows = context.Syntax.EscapeCharacter == '`' || LooksLikeWindowsPath(dest);
                    if (IsDirectory(dest, windows)) continue;

                    string what;
                    if (copy.Sources.Count > 1)
                    {
                        what = $"{copy.Sources.Count} sources";
                    }
                    else
                    {
                        if (isTrigger || copy.HasFlag("from")) continue;
                        var source = copy.Sources[0];
                        if (source.Raw.IndexOf('$') >= 0 || !IsGlob(source.Value)) continue;
                        int matches = CountMatches(context.BuildContext, source.Value);
                        if (matches < 2) continue;
                        what = $"'{source.Value}', which matches {(matches > 2 ? "several" : "2")} files of the build context,";
                    }
                    string fixedDest = windows && dest.IndexOf('\\') >= 0 ? dest + "\\" : dest + "/";
                    context.Report(destination.Span, copy.Name, what, dest, fixedDest);
                }
            }
        }

        private static bool LooksLikeWindowsPath(string path) =>
            path.Length >= 2 && char.IsLetter(path[0]) && path[1] == ':';

        /// <summary>Ends in a separator, or names a directory by itself (<c>.</c>, <c>..</c>, <c>/app/.</c>).</summary>
        private static bool IsDirectory(string dest, bool windows)
        {
            if (dest.EndsWith("/", StringComparison.Ordinal)) return true;
            if (windows && dest.EndsWith("\\", StringComparison.Ordinal)) return true;
            // BuildKit and Podman take '.' for the working directory; only the classic builder insists on './'.
            string last = LastSegment(dest, windows);
            return last == "." || last == "..";
        }

        private static string LastSegment(string path, bool windows)
        {
            int slash = path.LastIndexOf('/');
            if (windows) slash = Math.Max(slash, path.LastIndexOf('\\'));
            return slash >= 0 ? path.Substring(slash + 1) : path;
        }

        internal static bool IsGlob(string path) => path.IndexOfAny(new[] { '*', '?', '[' }) >= 0 && path.IndexOf("://", StringComparison.Ordinal) < 0;

        /// <summary>How many entries of the build context (those .dockerignore lets through) a wildcard path matches.</summary>
        private static int CountMatches(BuildContext buildContext, string pattern)
        {
            var segments = pattern.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
                .Where(s => s != ".").ToArray();
            // Stay inside the context: no parent segments, no drive letters that would make a rooted path.
            if (segments.Length == 0 || segments.Any(s => s == ".." || s.IndexOf(':') >= 0)) return 0;
            return buildContext.Glob(string.Join("/", segments)).Visible.Count;
        }
    }
}
