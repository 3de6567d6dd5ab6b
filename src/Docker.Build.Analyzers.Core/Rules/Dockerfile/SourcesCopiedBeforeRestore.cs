using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR104: in a stage, the whole build context or a source tree is copied before the first dependency restore
    /// (<c>dotnet restore</c>, <c>npm ci</c>, <c>pip install -r</c>...), so every source change re-runs the restore.
    /// </summary>
    public sealed class SourcesCopiedBeforeRestore : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR104", "Sources copied before the dependency restore", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "{0} comes before {1}, so any source change invalidates the layer cache there and the restore runs again on every build. {2}",
            "Docker reuses a cached layer only while everything copied before it is unchanged. Copying the dependency manifests alone, restoring, and only then copying the sources keeps the slow restore cached until the dependencies change.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly HashSet<string> SourceExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".cs", ".fs", ".vb", ".cshtml", ".razor", ".xaml", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue",
            ".svelte", ".py", ".go", ".rb", ".php", ".java", ".kt", ".scala", ".rs", ".c", ".cc", ".cpp", ".h", ".hpp",
            ".swift", ".ex", ".exs", ".html", ".css", ".scss",
        };

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            var runs = context.Document.RunScripts;
            BuildContext? buildContext = null;
            BuildContext Context() => buildContext ??= context.BuildContext;
            // Stages repeat the same copies (COPY . . in every build stage): look at each source tree once.
            // Keyed by (context path, source as written): a tuple of strings compares ordinally and needs no concatenation.
            var described = new Dictionary<(string, string), string?>();
            string? Describe(CopySource source)
            {
                if (source.Kind != CopySourceKind.ContextPath) return null;
                var key = (source.ContextPath!, source.Expanded);
                if (!described.TryGetValue(key, out var what)) described[key] = what = DescribeSourceTree(source, Context);
                return what;
            }

            var restored = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stage in model.Stages)
            {
                // Restores done in the stages this one is built on are already cached with their own layers.
                restored.Clear();
                var chain = stage.SelfAndAncestors;
                for (int a = 1; a < chain.Count; a++)
                    foreach (var instruction in chain[a].Instructions)
                        if (instruction.Kind == InstructionKind.Run)
                            foreach (var command in DependencyCommands.CommandsOf(runs.Get(instruction)))
                                if (DependencyCommands.AsRestore(command) is DependencyRestore r) restored.Add(r.Ecosystem);

                (CopyInstruction Copy, CopySource Source, string What)? firstTree = null;
                bool reported = false;
                foreach (var instruction in stage.Instructions)
                {
                    // One finding per stage: once it is made, the rest of the stage cannot add another.
                    if (reported) break;
                    if (instruction is CopyInstruction copy && CopySources.ReadsBuildContext(copy))
                    {
                        if (firstTree != null) continue;
                        var sources = CopySources.Resolve(model, copy);
                        for (int k = 0; k < sources.Count; k++)
                        {
                            var source = sources[k];
                            string? what = Describe(source);
                            if (what == null) continue;
                            firstTree = (copy, source, what);
                            break;
                        }
                        continue;
                    }
                    if (instruction.Kind != InstructionKind.Run) continue;
                    var run = runs.Get(instruction);
                    foreach (var command in DependencyCommands.CommandsOf(run))
                    {
                        if (!(DependencyCommands.AsRestore(command) is DependencyRestore restore) || !restored.Add(restore.Ecosystem)) continue;
                        if (firstTree == null) continue;
                        // With the package folder on a cache mount (as DKR106/108/109 accept), the restore that runs again
                        // after a source change finds every package there and downloads next to nothing.
                        if (PackageCacheMounts.PersistsPackageCache(run!, restore.Ecosystem, restore.Invocation)) continue;
                        var (treeCopy, treeSource, treeWhat) = firstTree.Value;
                        int line = context.Syntax.Source.GetLinePosition(command.Span.Start).Line;
                        // One builder for the step: the command text goes straight into it (a line number formats the same in every culture).
                        var step = new StringBuilder(128);
                        if (restore.IsImplicit)
                            restore.AppendText(step.Append('\'')).Append("' at line ").Append(line)
                                .Append(", which restores packages itself (no --no-restore and no earlier 'dotnet restore')");
                        else
                            restore.AppendText(step.Append("the dependency restore '")).Append("' at line ").Append(line);
                        context.Report(treeSource.Word.Span, treeCopy.Name + " of " + treeWhat, step.ToString(), FixFor(restore.Ecosystem));
                        reported = true;
                        break;
                    }
                }
            }
        }

        /// <summary>The advice for each ecosystem's restore, made once (the same few sentences end every finding).</summary>
        private static readonly Dictionary<string, string> Fixes = MakeFixes();

        private static Dictionary<string, string> MakeFixes()
        {
            var fixes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var ecosystem in new[] { "dotnet", "npm", "yarn", "pnpm", "pip", "poetry", "pipenv", "uv", "go", "bundle", "composer", "maven", "cargo" })
                fixes[ecosystem] = MakeFix(ecosystem);
            return fixes;
        }

        private static string FixFor(string ecosystem) => Fixes.TryGetValue(ecosystem, out var fix) ? fix : MakeFix(ecosystem);

        private static string MakeFix(string ecosystem) =>
            ecosystem == "dotnet"
                ? $"Copy only {DependencyCommands.ManifestsOf("dotnet")} first, run 'dotnet restore', then copy the rest and build with --no-restore"
                : $"Copy only {DependencyCommands.ManifestsOf(ecosystem)} first, run the restore, then copy the rest";

        /// <summary>"the whole build context" or "'src/'" when the source is a tree of source code; null for manifests and single files.</summary>
        private static string? DescribeSourceTree(CopySource source, Func<BuildContext> getContext)
        {
            if (source.Kind != CopySourceKind.ContextPath) return null;
            string path = source.ContextPath!;
            var buildContext = getContext();
            if (!buildContext.Exists)
            {
                // Without the files, only what is a tree by its very form counts.
                if (source.IsWholeContext) return "the whole build context";
                return !source.IsGlob && (source.Expanded.EndsWith("/", StringComparison.Ordinal) || source.Expanded.EndsWith("/.", StringComparison.Ordinal))
                    ? $"'{source.Expanded}'" : null;
            }

            IEnumerable<string> files;
            if (source.IsGlob)
            {
                if (path.IndexOf("**", StringComparison.Ordinal) >= 0) return null;
                var matches = buildContext.Glob(path).Visible;
                if (!matches.Any(e => e.Kind == ContextEntryKind.Directory) && path != "*") return null;
                files = matches.SelectMany(e => e.Kind == ContextEntryKind.Directory ? buildContext.FilesUnder(e.Path, IsSourceFile) : new[] { e.Path });
            }
            else
            {
                var entry = buildContext.Probe(path);
                if (!entry.IsVisible || entry.Kind != ContextEntryKind.Directory) return null;
                files = buildContext.FilesUnder(path, IsSourceFile);
            }
            // A directory of build settings or local packages (eng/, nuget/) may belong before the restore; one with code does not.
            if (!files.Any(IsSourceFile)) return null;
            return source.IsWholeContext ? "the whole build context" : $"'{source.Expanded}'";
        }

        private static bool IsSourceFile(string path)
        {
            int slash = path.LastIndexOf('/');
            int dot = path.LastIndexOf('.');
            if (dot <= slash + 1) return false;
            int length = path.Length - dot;
            // Extensions are short: skip the lookup (and its substring) for anything longer than the longest one.
            if (length > 8) return false;
            // The common extensions are compared in place; the set (and a substring) only for the rest.
            if (EndsWithIgnoreCase(path, ".cs") || EndsWithIgnoreCase(path, ".js") || EndsWithIgnoreCase(path, ".ts")) return true;
            return SourceExtensions.Contains(path.Substring(dot));
        }

        private static bool EndsWithIgnoreCase(string path, string extension) =>
            string.Compare(path, path.Length - extension.Length, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
