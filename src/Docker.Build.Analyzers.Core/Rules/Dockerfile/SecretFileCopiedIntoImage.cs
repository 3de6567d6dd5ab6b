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
                    // A build stage's file still reaches the final image when a later COPY --from takes it (or its folder).
                    var carrier = ships ? null : CarrierIntoFinalImage(context, stage, copy, source, secrets);
                    string where = ships
                        ? (stage.IsFinal ? "the final image" : $"stage '{StageLabel(stage)}', which the final image is built on") + ", where anyone who can pull the image can read it"
                        : carrier != null
                            ? $"build stage '{StageLabel(stage)}', and '{carrier.Keyword.Raw} --from={carrier.From!.Value}' at line {LineOf(context, carrier)} carries {(secrets.Count == 1 ? "it" : "them")} on into the final image, where anyone who can pull the image can read it"
                            : $"build stage '{StageLabel(stage)}': the final image does not get it, but that stage's layers and the build cache keep it (and 'docker build --target' or a registry cache export ship it)";
                    ships |= carrier != null;
                    string fix = NamesItself(source, secrets)
                        ? "Do not copy it: mount it for the one step that needs it with 'RUN --mount=type=secret', or give it to the container at run time"
                        : $"Exclude {(secrets.Count == 1 ? "it" : "them")} in .dockerignore ({string.Join(", ", secrets.Select(x => "'" + x.IgnorePattern + "'").Distinct().Take(ListedPaths))}), or copy only what the build needs";
                    context.Report(source.Word.Span, ships ? DiagnosticSeverity.Warning : DiagnosticSeverity.Suggestion, copy.Name, what, where, fix);
                }
            }
            ReportPublishedSecrets(context, final, buildContext);
        }

        /// <summary>A secret the project's own build or publish output carries (a project item with CopyToPublishDirectory).</summary>
        private sealed class PublishedSecret
        {
            public PublishedSecret(PublishedFile file, string targetPath, string what, string? contextPath)
            {
                File = file;
                TargetPath = targetPath;
                What = what;
                ContextPath = contextPath;
            }

            public PublishedFile File { get; }

            /// <summary>Where it lands below the output folder, with forward slashes.</summary>
            public string TargetPath { get; }
            public string What { get; }

            /// <summary>The item's path in the build context, or null when it lies outside.</summary>
            public string? ContextPath { get; }
        }

        /// <summary>
        /// Reports the final-image COPY that brings in the project's publish output when that output carries a secret
        /// item: <c>COPY --from=publish /app/publish .</c> after a <c>dotnet publish -o /app/publish</c>, or a copy of
        /// the project's output folder from the context (<c>COPY bin/Release/net8.0/publish/ .</c>).
        /// </summary>
        private static void ReportPublishedSecrets(DockerfileContext context, Stage final, BuildContext buildContext)
        {
            var items = context.Project.PublishedFiles;
            if (items.Count == 0) return;
            var secrets = PublishedSecrets(items, buildContext);
            if (secrets.Count == 0) return;
            var model = context.Model;
            var outputs = OutputFoldersInContext(context.Project.OutputDirectories, buildContext);

            foreach (var stage in final.SelfAndAncestors)
            {
                for (int i = 0; i < stage.Instructions.Count; i++)
                {
                    if (!(stage.Instructions[i] is CopyInstruction copy) || copy.Destination == null || copy.Sources.Count == 0) continue;
                    var carried = new List<PublishedSecret>();
                    Text.TextSpan? span = null;
                    if (copy.HasFlag("from"))
                    {
                        var fromFlag = copy.GetFlag("from")!;
                        if (fromFlag.ValueWord == null) continue;
                        string? name = StageReferences.Resolve(new StageReference(copy, StageReferenceKind.CopyFrom, fromFlag.ValueWord), model, stage);
                        var source = name == null ? null : model.FindEarlierStage(name, stage);
                        if (source == null) continue;
                        var publishes = PublishOutputs(context, source);
                        if (publishes.Count == 0) continue;
                        var scope = stage.ScopeBefore(i);
                        foreach (var word in copy.Sources)
                        {
                            string expanded = model.Expand(copy.IsJsonForm ? word.Value : word.Raw, scope, out bool complete);
                            if (!complete) continue;
                            string from = SlashPath.Clean("/" + expanded);
                            foreach (var output in publishes)
                            {
                                foreach (var secret in secrets)
                                {
                                    // 'dotnet publish' inside the build only sees what the build context holds.
                                    if (secret.ContextPath == null || (buildContext.Exists && !buildContext.Probe(secret.ContextPath).IsVisible)) continue;
                                    bool takes = output.Length == 0
                                        ? SegmentIs(from, "publish")
                                        : StageFileFlow.Covers(from, output + "/" + secret.TargetPath);
                                    if (takes && !carried.Contains(secret)) carried.Add(secret);
                                }
                            }
                            if (carried.Count > 0 && span == null) span = word.Span;
                        }
                    }
                    else if (outputs.Count > 0)
                    {
                        foreach (var source in CopySources.Resolve(model, copy))
                        {
                            if (source.Kind != CopySourceKind.ContextPath || source.IsGlob) continue;
                            foreach (var output in outputs)
                            {
                                foreach (var secret in secrets)
                                {
                                    string file = output + "/" + secret.TargetPath;
                                    if (!SlashPath.IsUnder(file, source.ContextPath!) || buildContext.Matcher.IsExcluded(file)) continue;
                                    // A whole-context copy of a project whose output folder is in the context: only when that folder is really there.
                                    if (source.IsWholeContext && !(buildContext.Exists && buildContext.Probe(file).IsVisible)) continue;
                                    if (!carried.Contains(secret)) carried.Add(secret);
                                }
                            }
                            if (carried.Count > 0 && span == null) span = source.Word.Span;
                        }
                    }
                    if (carried.Count == 0 || span == null) continue;

                    var listed = carried.Take(ListedPaths).Select(x => $"'{x.TargetPath}' ({x.What})");
                    string more = carried.Count > ListedPaths ? $" and {carried.Count - ListedPaths} more" : "";
                    string what = $"the project's publish output, which carries the project {(carried.Count == 1 ? "item" : "items")} {string.Join(", ", listed)}{more},";
                    context.Report(span.Value, DiagnosticSeverity.Warning, copy.Name, what,
                        (stage.IsFinal ? "the final image" : $"stage '{StageLabel(stage)}', which the final image is built on") + ", where anyone who can pull the image can read it",
                        $"Stop publishing {(carried.Count == 1 ? "it" : "them")}: set CopyToPublishDirectory (and CopyToOutputDirectory) to Never on the item in the project, and give the container the secret at run time (a mounted secret or volume)");
                }
            }
        }

        private static bool SegmentIs(string path, string segment)
        {
            foreach (var part in path.Split('/'))
                if (string.Equals(part, segment, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static List<PublishedSecret> PublishedSecrets(IReadOnlyList<PublishedFile> items, BuildContext buildContext)
        {
            var result = new List<PublishedSecret>();
            string root = buildContext.Directory.Replace('\\', '/').TrimEnd('/');
            foreach (var item in items)
            {
                string target = item.TargetPath.Replace('\\', '/').TrimStart('/');
                string source = item.SourcePath.Replace('\\', '/');
                string? contextPath = source.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase) ? source.Substring(root.Length + 1) : null;
                string what;
                var evidence = SecretFiles.Classify(target, out what, out _);
                if (evidence == SecretFileEvidence.None) evidence = SecretFiles.Classify(SlashPath.FileName(source), out what, out _);
                if (evidence == SecretFileEvidence.Content)
                {
                    // Only a file whose text says so: a .pem with a private key, an .npmrc with a token.
                    var text = contextPath != null ? buildContext.TryReadText(contextPath) : null;
                    if (text == null || !SecretFiles.ContentHoldsSecret(target, text)) continue;
                }
                else if (evidence == SecretFileEvidence.None)
                {
                    // A local settings file is only a leak when it holds a credential: many name an environment
                    // ('Local') and hold nothing but routes and log levels.
                    if (!SecretFiles.IsLocalSettingsFile(target, out what)) continue;
                    var text = contextPath != null ? buildContext.TryReadText(contextPath) : null;
                    if (text == null || !SecretFiles.SettingsHoldCredential(text)) continue;
                }
                result.Add(new PublishedSecret(item, target, what, contextPath));
            }
            return result;
        }

        /// <summary>The project's output folders that lie in the build context, as context paths.</summary>
        private static List<string> OutputFoldersInContext(IReadOnlyList<string> directories, BuildContext buildContext)
        {
            var result = new List<string>();
            string root = buildContext.Directory.Replace('\\', '/').TrimEnd('/');
            foreach (var directory in directories)
            {
                string d = directory.Replace('\\', '/').TrimEnd('/');
                if (d.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)) result.Add(SlashPath.Clean(d.Substring(root.Length + 1)));
            }
            return result;
        }

        /// <summary>
        /// The folders <c>dotnet publish</c> writes to in the stage and the stages it is built on: the absolute
        /// <c>-o</c>/<c>--output</c> path, or "" for a publish whose output folder is not known.
        /// </summary>
        private static List<string> PublishOutputs(DockerfileContext context, Stage stage)
        {
            var result = new List<string>();
            foreach (var s in stage.SelfAndAncestors)
            {
                for (int i = 0; i < s.Instructions.Count; i++)
                {
                    if (s.Instructions[i].Kind != InstructionKind.Run) continue;
                    var run = context.Document.RunScripts.Get(s.Instructions[i]);
                    if (run == null) continue;
                    foreach (var command in run.Commands)
                    {
                        var e = command.EffectiveCommand;
                        if (e.CommandName != "dotnet" || e.Subcommand?.Value != "publish") continue;
                        string? output = null;
                        var args = e.Arguments;
                        for (int k = 0; k < args.Count; k++)
                        {
                            string a = args[k].Value;
                            if ((a == "-o" || a == "--output") && k + 1 < args.Count) output = args[k + 1].Value;
                            else if (a.StartsWith("--output=", StringComparison.Ordinal)) output = a.Substring(9);
                            else if (a.StartsWith("-o=", StringComparison.Ordinal) || a.StartsWith("-o:", StringComparison.Ordinal)) output = a.Substring(3);
                        }
                        if (output != null && output.IndexOf('$') >= 0)
                            output = context.Model.Expand(output, s.ScopeBefore(i), out bool complete) is var expanded && complete ? expanded : null;
                        result.Add(output == null ? "" : StageFileFlow.Absolute(output, StageFileFlow.WorkdirAt(context.Model, s, i)));
                    }
                }
            }
            return result;
        }

        private static int LineOf(DockerfileContext context, Instruction instruction) =>
            context.Syntax.Source.GetLinePosition(instruction.Span.Start).Line;

        /// <summary>The first COPY --from of the final image's stages that carries one of the secrets on, or null.</summary>
        private static CopyInstruction? CarrierIntoFinalImage(DockerfileContext context, Stage stage, CopyInstruction copy, CopySource source, List<SecretFile> secrets)
        {
            foreach (var secret in secrets)
            {
                string root = source.IsGlob ? SlashPath.Parent(secret.Path) : source.ContextPath!;
                string relative = string.Equals(secret.Path, source.ContextPath, StringComparison.Ordinal) ? ""
                    : root.Length == 0 ? secret.Path
                    : SlashPath.IsUnder(secret.Path, root) && secret.Path.Length > root.Length ? secret.Path.Substring(root.Length + 1)
                    : SlashPath.FileName(secret.Path);
                string? landed = StageFileFlow.Landing(context.Model, stage, copy, relative, SlashPath.FileName(secret.Path));
                if (landed == null) continue;
                var carrier = StageFileFlow.CarrierIntoFinalImage(context.Model, stage, landed, context.Document.RunScripts);
                if (carrier != null) return carrier;
            }
            return null;
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
                    else foreach (var f in buildContext.FilesUnder(entry.Path, MayBeSecret)) Check(f, entry.Path, buildContext, excludes, result);
                }
            }
            else
            {
                var entry = buildContext.Probe(path);
                // A secret named explicitly is often git-ignored, so absent from this checkout yet present where images
                // are built: judge it by its name (unless .dockerignore keeps it out, then nothing is copied).
                if (!entry.Exists && !buildContext.Matcher.IsExcluded(path)) return SecretsNamedBy(source, byNameOnly: true);
                if (!entry.IsVisible) return result; // ignored: nothing is copied (DKR121 says so)
                if (entry.Kind == ContextEntryKind.File) Check(path, null, buildContext, excludes, result);
                else foreach (var f in buildContext.FilesUnder(path, MayBeSecret)) Check(f, path, buildContext, excludes, result);
            }
            return result;
        }

        // Walks ask .dockerignore only about the files whose name may make them secrets.
        private static readonly Func<string, bool> MayBeSecret = file => SecretFiles.Classify(file, out _, out _) != SecretFileEvidence.None;

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
        private static List<SecretFile> SecretsNamedBy(CopySource source, bool byNameOnly = false)
        {
            var result = new List<SecretFile>();
            string path = source.ContextPath!;
            string name = SlashPath.FileName(path);
            if (name.Length == 0) return result;
            // '*.pfx' names pfx files as surely as 'dev.pfx' does; classify the wildcard's literal tail.
            string probe = source.IsGlob ? name.TrimStart('*') : name;
            if (source.IsGlob && (probe.IndexOfAny(new[] { '*', '?', '[' }) >= 0 || !probe.StartsWith(".", StringComparison.Ordinal))) return result;
            var evidence = SecretFiles.Classify(source.IsGlob ? "x" + probe : probe, out var what, out var pattern);
            // A .pem that is not there to read may as well be a public certificate: only the context-less guess takes it.
            if (evidence == SecretFileEvidence.Name || (!byNameOnly && evidence == SecretFileEvidence.Content && IsPem(probe)))
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
