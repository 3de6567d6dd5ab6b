using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Rules.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// DKR614: <c>COPY --from=&lt;stage&gt;</c> takes a path that the stage's <c>dotnet publish -o &lt;dir&gt;</c> did not
    /// produce. Judged only when everything that writes to the stage is known (dotnet restore/build/publish/test, COPY,
    /// WORKDIR): any other command could have made the path, and then the rule stays silent.
    /// </summary>
    public sealed class CopyFromOutsidePublishOutput : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR614", "COPY --from takes a path the publish did not produce", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "'{0}' is not in stage '{1}': its 'dotnet publish' writes to {2} (line {3}) and nothing else in the stage creates '{0}', so the build fails with 'not found'. Copy '{4}' instead",
            "The published app is where 'dotnet publish -o' put it; a COPY --from of another folder (a renamed -o, a relative -o under another WORKDIR, the default bin/Release/... path) finds nothing and fails the build.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>Top-level folders of the SDK image's own file system: a copy from there takes what the image ships.</summary>
        private static readonly HashSet<string> SystemFolders = new HashSet<string>(StringComparer.Ordinal)
        {
            "bin", "boot", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "media", "mnt", "opt", "proc", "root",
            "run", "sbin", "srv", "sys", "tmp", "usr", "var",
        };

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            var runs = context.Document.RunScripts;
            var writersByStage = new Dictionary<Stage, StageWriters?>();
            foreach (var stage in model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (!(instruction is CopyInstruction copy) || copy.From?.ValueWord == null || copy.Destination == null) continue;
                    var reference = new StageReference(copy, StageReferenceKind.CopyFrom, copy.From.ValueWord);
                    string? name = StageReferences.Resolve(reference, model, stage);
                    var source = name == null ? null : model.FindEarlierStage(name, stage);
                    if (source == null) continue;
                    if (!writersByStage.TryGetValue(source, out var writers)) writersByStage[source] = writers = StageWriters.Of(context, source, runs);
                    if (writers == null || writers.Outputs.Count == 0) continue;
                    var scope = stage.ScopeBefore(instruction);
                    foreach (var word in copy.Sources)
                    {
                        string expanded = model.Expand(copy.IsJsonForm ? word.Value : word.Raw, scope, out bool complete);
                        if (!complete || expanded.IndexOf('$') >= 0 || SlashPath.HasGlobCharacters(expanded)) continue;
                        string path = StageFileFlow.Absolute(expanded, "/").TrimEnd('/');
                        if (path.Length == 0 || path == "/") continue;
                        if (!writers.Misses(path)) continue;
                        var (output, line) = writers.Outputs[0];
                        string outputs = writers.Outputs.Count == 1 ? "'" + output + "'" : string.Join(", ", writers.Outputs.ConvertAll(o => "'" + o.Directory + "'"));
                        context.Report(word.Span, expanded, source.Name ?? source.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), outputs, line.ToString(System.Globalization.CultureInfo.InvariantCulture), output);
                    }
                }
            }
        }

        /// <summary>What writes to a stage's file system, when all of it is known.</summary>
        private sealed class StageWriters
        {
            private readonly List<string> _exactPaths = new List<string>();
            private readonly List<string> _coveringFolders = new List<string>();
            private readonly List<(string Destination, CopyInstruction Copy, Stage Stage)> _contextCopies = new List<(string, CopyInstruction, Stage)>();
            private readonly DockerfileContext _context;
            private bool _buildsInPlace;

            private StageWriters(DockerfileContext context) => _context = context;

            /// <summary>The publish output folders, with the line of their publish.</summary>
            public List<(string Directory, int Line)> Outputs { get; } = new List<(string, int)>();

            /// <summary>Null when a writer is not known (a RUN of another program, a publish into a folder from a variable).</summary>
            public static StageWriters? Of(DockerfileContext context, Stage stage, RunScripts runs)
            {
                var model = context.Model;
                // Only the SDK image's own content is known (nothing under /app, /src, /out...): another base may hold anything.
                var root = stage.RootImage;
                if (root == null || !ImageFacts.IsDotNetSdk(root)) return null;
                var writers = new StageWriters(context);
                var chain = stage.SelfAndAncestors;
                for (int c = chain.Count - 1; c >= 0; c--)
                {
                    var s = chain[c];
                    for (int i = 0; i < s.Instructions.Count; i++)
                    {
                        var instruction = s.Instructions[i];
                        switch (instruction.Kind)
                        {
                            case InstructionKind.Run:
                                if (!writers.AddRun(model, runs.Get(instruction), s, i)) return null;
                                break;
                            case InstructionKind.Copy:
                            case InstructionKind.Add:
                                if (!(instruction is CopyInstruction copy) || copy.Destination == null) return null;
                                string destination = model.Expand(copy.IsJsonForm ? copy.Destination.Value : copy.Destination.Raw, s.ScopeBefore(i), out bool complete);
                                if (!complete) return null;
                                string target = StageFileFlow.Absolute(destination, StageFileFlow.WorkdirAt(model, s, i));
                                if (CopySources.ReadsBuildContext(copy) && instruction.Kind == InstructionKind.Copy) writers._contextCopies.Add((target, copy, s));
                                else writers._coveringFolders.Add(target);
                                break;
                            case InstructionKind.Workdir:
                                writers._exactPaths.Add(StageFileFlow.WorkdirAt(model, s, i + 1));
                                break;
                            case InstructionKind.Onbuild:
                                return null;
                        }
                    }
                }
                return writers;
            }

            private bool AddRun(DockerfileModel model, RunInstructionScripts? run, Stage stage, int index)
            {
                if (run == null || run.Instruction.Heredocs.Count > 0) return false;
                foreach (var script in run.Scripts)
                    if (!script.Script.IsParsed || script.Script.HasErrors) return false;
                foreach (var command in run.Commands)
                {
                    var e = command.EffectiveCommand;
                    if (e.CommandName != "dotnet") return false;
                    var verb = e.Subcommand;
                    if (verb == null || verb.ContainsExpansion) return false;
                    switch (verb.Value)
                    {
                        case "restore":
                            // obj/ of the projects and the NuGet folder under /root.
                            _buildsInPlace = true;
                            break;
                        case "build":
                        case "test":
                        case "publish":
                            var output = e.OptionValue("-o", "--output");
                            if (output == null)
                            {
                                // bin/ and obj/ beside each project.
                                _buildsInPlace = true;
                                if (verb.Value == "publish") return false; // bin/<Configuration>/<tfm>/publish: not judged
                                break;
                            }
                            string value = model.Expand(output.Raw, run.Scope, out bool complete);
                            if (!complete || value.Length == 0 || value.IndexOf('$') >= 0) return false;
                            string directory = StageFileFlow.Absolute(value.Trim('"', '\''), StageFileFlow.WorkdirAt(model, stage, index)).TrimEnd('/');
                            if (directory.Length == 0) return false;
                            if (verb.Value == "publish")
                            {
                                int line = _context.Syntax.Source.GetLinePosition(command.Span.Start).Line;
                                Outputs.Add((directory, line));
                            }
                            else _coveringFolders.Add(directory);
                            _buildsInPlace = true;
                            break;
                        case "--info":
                        case "--version":
                        case "--list-sdks":
                        case "--list-runtimes":
                        case "nuget":
                            break;
                        default:
                            return false;
                    }
                }
                return true;
            }

            /// <summary>Nothing known writes the path: not a publish output (or a folder above one), not a copy, not the image's own folders.</summary>
            public bool Misses(string path)
            {
                string[] segments = path.TrimStart('/').Split('/');
                if (segments.Length == 0 || SystemFolders.Contains(segments[0])) return false;
                foreach (var (directory, _) in Outputs)
                    if (StageFileFlow.Covers(directory, path) || StageFileFlow.Covers(path, directory)) return false;
                foreach (var folder in _coveringFolders)
                    if (StageFileFlow.Covers(folder, path) || StageFileFlow.Covers(path, folder)) return false;
                foreach (var exact in _exactPaths)
                    if (exact == path || StageFileFlow.Covers(path, exact)) return false;
                // Build outputs beside the projects.
                if (_buildsInPlace)
                    foreach (var segment in segments)
                        if (segment == "bin" || segment == "obj" || segment == "TestResults") return false;
                foreach (var (destination, copy, _) in _contextCopies)
                    if (ContextCopyMayHold(destination, copy, path)) return false;
                return true;
            }

            /// <summary>A COPY of the build context put the path there: the matching file or folder exists in the context (or cannot be ruled out).</summary>
            private bool ContextCopyMayHold(string destination, CopyInstruction copy, string path)
            {
                if (StageFileFlow.Covers(path, destination) && path != destination) return true; // a folder above the copy's target
                if (!StageFileFlow.Covers(destination, path)) return false;
                var buildContext = _context.BuildContext;
                if (!buildContext.Exists || buildContext.Decision.Source == ContextSource.Undecided) return true;
                string relative = path == destination ? "" : path.Substring(destination == "/" ? 1 : destination.Length + 1);
                foreach (var source in CopySources.Resolve(_context.Model, copy))
                {
                    if (source.Kind != CopySourceKind.ContextPath || source.IsGlob) return true;
                    string root = source.ContextPath!;
                    var entry = buildContext.Probe(root);
                    if (!entry.Exists) continue;
                    if (entry.Kind == ContextEntryKind.File)
                    {
                        // A file lands at the destination itself, or inside it under its own name.
                        if (relative.Length == 0 || relative == SlashPath.FileName(root)) return true;
                        continue;
                    }
                    if (relative.Length == 0) return true;
                    if (buildContext.Probe(SlashPath.Combine(root, relative)).Exists) return true;
                }
                return false;
            }
        }
    }
}
