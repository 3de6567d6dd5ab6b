using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR203: a <c>COPY</c>/<c>ADD</c> puts a secret file (<c>.env</c>, <c>*.pfx</c>, <c>id_rsa</c>, an <c>.npmrc</c>
    /// with a token...) into an image: named explicitly, or swept in by a directory copy such as <c>COPY . .</c>
    /// because .dockerignore does not exclude it.
    /// </summary>
    public sealed class SecretFileCopiedIntoImage : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR203", "Secret file copied into the image", RuleCategory.Security, DiagnosticSeverity.Warning,
            "{0} copies {1} into {2}. {3}",
            "Files copied into an image stay in its layers for good, even if a later instruction deletes them; anyone who can pull the image, or read the build cache, can extract them.");

        /// <summary>How many offending paths a message lists before it says "and N more".</summary>
        private const int ListedPaths = 3;

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null) return;
            var buildContext = context.BuildContext;
            var copiedBy = new Dictionary<string, List<SecretFile>>(StringComparer.Ordinal);

            var instructions = context.Syntax.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (!(instructions[i] is CopyInstruction copy) || !CopySources.ReadsBuildContext(copy)) continue;
                var stage = context.Model.StageOf(copy);
                if (stage == null) continue;
                bool ships = final.IsSelfOrAncestor(stage);
                var excludes = ExcludeFlags(copy);

                var sources = CopySources.Resolve(context.Model, copy);
                for (int k = 0; k < sources.Count; k++)
                {
                    var source = sources[k];
                    if (source.Kind != CopySourceKind.ContextPath) continue;
                    List<SecretFile> secrets;
                    if (!buildContext.Exists) secrets = SecretsNamedBy(source);
                    else if (excludes != null) secrets = SecretsCopiedBy(source, buildContext, excludes);
                    else
                    {
                        // Build stages repeat the same copies (COPY . . in each): look at each source once.
                        string key = source.IsGlob ? "glob:" + source.ContextPath : source.ContextPath!; // a plain path has no "glob:" prefix
                        if (!copiedBy.TryGetValue(key, out secrets!)) copiedBy[key] = secrets = SecretsCopiedBy(source, buildContext, null);
                    }
                    if (secrets.Count == 0) continue;

                    string what = DescribeSecrets(source, secrets);
                    string where = ships
                        ? (stage.IsFinal ? "the final image" : $"stage '{StageLabel(stage)}', which the final image is built on") + ", where anyone who can pull the image can read it"
                        : $"build stage '{StageLabel(stage)}': the final image does not get it, but that stage's layers and the build cache keep it (and 'docker build --target' or a registry cache export ship it)";
                    string fix = NamesItself(source, secrets)
                        ? "Do not copy it: mount it for the one step that needs it with 'RUN --mount=type=secret', or give it to the container at run time"
                        : $"Exclude {(secrets.Count == 1 ? "it" : "them")} in .dockerignore ({string.Join(", ", secrets.Select(x => "'" + x.IgnorePattern + "'").Distinct().Take(ListedPaths))}), or copy only what the build needs";
                    context.Report(source.Word.Span, ships ? DiagnosticSeverity.Warning : DiagnosticSeverity.Suggestion, copy.Name, what, where, fix);
                }
            }
        }

        private static string StageLabel(Stage stage) => stage.Name ?? stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private sealed class SecretFile
        {
            public SecretFile(string path, string what, string ignorePattern)
            {
                Path = path;
                What = what;
                IgnorePattern = ignorePattern;
            }

            public string Path { get; }
            public string What { get; }
            public string IgnorePattern { get; }
        }

        /// <summary>The secret files among what the source copies from the context (after .dockerignore and --exclude).</summary>
        private static List<SecretFile> SecretsCopiedBy(CopySource source, BuildContext buildContext, DockerIgnoreMatcher? excludes)
        {
            var result = new List<SecretFile>();
            string path = source.ContextPath!;
            if (source.IsGlob)
            {
                if (path.IndexOf("**", StringComparison.Ordinal) >= 0) return result;
                foreach (var entry in buildContext.Glob(path).Visible)
                {
                    if (entry.Kind == ContextEntryKind.File) Check(entry.Path, null, buildContext, excludes, result);
                    else foreach (var f in buildContext.FilesUnder(entry.Path)) Check(f, entry.Path, buildContext, excludes, result);
                }
            }
            else
            {
                var entry = buildContext.Probe(path);
                if (!entry.IsVisible) return result; // missing or ignored: nothing is copied (DKR121 says so)
                if (entry.Kind == ContextEntryKind.File) Check(path, null, buildContext, excludes, result);
                else foreach (var f in buildContext.FilesUnder(path)) Check(f, path, buildContext, excludes, result);
            }
            return result;
        }

        /// <summary>
        /// Adds the file when it is a secret that the copy takes. <paramref name="root"/> is the copied directory, or
        /// null for a file copied by name (whose parent is then the root).
        /// </summary>
        private static void Check(string file, string? root, BuildContext buildContext, DockerIgnoreMatcher? excludes, List<SecretFile> result)
        {
            var evidence = SecretFiles.Classify(file, out var what, out var pattern);
            if (evidence == SecretFileEvidence.None) return;
            // BuildKit applies --exclude patterns to paths relative to the copied directory.
            if (excludes != null && excludes.IsExcluded(RelativeTo(file, root ?? SlashPath.Parent(file)))) return;
            if (evidence == SecretFileEvidence.Content)
            {
                var text = buildContext.TryReadText(file);
                bool secret = text != null
                    ? SecretFiles.ContentHoldsSecret(file, text)
                    : IsPem(file); // an unreadable .pem is judged by its name
                if (!secret) return;
            }
            result.Add(new SecretFile(file, what, pattern));
        }

        /// <summary>Without a context to look at, only a source that names a secret file by itself can be judged.</summary>
        private static List<SecretFile> SecretsNamedBy(CopySource source)
        {
            var result = new List<SecretFile>();
            string path = source.ContextPath!;
            string name = SlashPath.FileName(path);
            if (name.Length == 0) return result;
            // '*.pfx' names pfx files as surely as 'dev.pfx' does; classify the wildcard's literal tail.
            string probe = source.IsGlob ? name.TrimStart('*') : name;
            if (source.IsGlob && (probe.IndexOfAny(new[] { '*', '?', '[' }) >= 0 || !probe.StartsWith(".", StringComparison.Ordinal))) return result;
            var evidence = SecretFiles.Classify(source.IsGlob ? "x" + probe : probe, out var what, out var pattern);
            if (evidence == SecretFileEvidence.Name || (evidence == SecretFileEvidence.Content && IsPem(probe)))
                result.Add(new SecretFile(path, what, pattern));
            return result;
        }

        private static bool IsPem(string path) => path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase);

        private static string RelativeTo(string file, string root) =>
            root.Length == 0 ? file : file.Length > root.Length ? file.Substring(root.Length + 1) : SlashPath.FileName(file);

        /// <summary>The source names the secret itself ('dev.pfx', '*.pfx'), rather than a directory that happens to hold one.</summary>
        private static bool NamesItself(CopySource source, List<SecretFile> secrets) =>
            (secrets.Count == 1 && string.Equals(secrets[0].Path, source.ContextPath, StringComparison.Ordinal))
            || SecretsNamedBy(source).Count > 0;

        private static string DescribeSecrets(CopySource source, List<SecretFile> secrets)
        {
            if (secrets.Count == 1 && string.Equals(secrets[0].Path, source.ContextPath, StringComparison.Ordinal))
                return $"the secret file '{secrets[0].Path}' ({secrets[0].What})";
            var listed = secrets.Take(ListedPaths).Select(s => $"'{s.Path}' ({s.What})");
            string more = secrets.Count > ListedPaths ? $" and {secrets.Count - ListedPaths} more" : "";
            string subject = source.IsWholeContext ? "the whole build context" : $"'{source.Expanded}'";
            return $"{subject}, including {(secrets.Count == 1 ? "the secret file" : "secret files")} {string.Join(", ", listed)}{more},";
        }

        private static DockerIgnoreMatcher? ExcludeFlags(CopyInstruction copy)
        {
            var patterns = new List<string>();
            foreach (var flag in copy.GetFlags("exclude"))
                if (!string.IsNullOrEmpty(flag.Value)) patterns.Add(flag.Value!);
            return patterns.Count == 0 ? null : DockerIgnoreParser.CreateMatcher(patterns);
        }
    }
}
