using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>
    /// DKR407: the ignore file excludes a file that the build needs and would get through a directory copy
    /// (<c>COPY . .</c>, <c>COPY src/ src/</c>): a script a later <c>RUN</c>/<c>ENTRYPOINT</c>/<c>CMD</c> names, the
    /// tool manifest of <c>dotnet tool restore</c>, or an input MSBuild and NuGet pick up implicitly
    /// (<c>Directory.Build.props</c>, <c>Directory.Packages.props</c>, <c>NuGet.config</c>, <c>global.json</c>...).
    /// An ignore-file rule, so each excluding line is reported once however many Dockerfiles use the file.
    /// </summary>
    public sealed class BuildInputExcludedByDockerIgnore : DockerIgnoreRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR407", ".dockerignore excludes a file the build needs", RuleCategory.DockerIgnore, DiagnosticSeverity.Warning,
            "'{0}' excludes {1}, which the build needs: {2}. Add an exception such as '!{3}' after this line, or narrow the pattern",
            "A directory copy brings everything the build uses only if .dockerignore lets it through. Scripts that a RUN or ENTRYPOINT names, the dotnet tool manifest, and the files MSBuild and NuGet read without being told (Directory.Build.props, Directory.Packages.props, NuGet.config, global.json) fail the build, or change it silently, when a broad pattern excludes them.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerIgnoreContext context)
        {
            var matcher = context.File.Matcher;
            if (matcher.IsEmpty) return;
            var needs = new List<Need>();
            foreach (var dockerfile in context.Workspace.DockerfilesUsing(context.Document))
            {
                var buildContext = context.Workspace.GetBuildContext(dockerfile);
                if (!buildContext.Exists) continue;
                new Simulation(dockerfile, buildContext, matcher, needs).Run();
            }
            if (needs.Count == 0) return;

            // One finding per excluding line, naming every needed file it excludes.
            var byPattern = new List<(DockerIgnorePattern Pattern, List<Need> Needs)>();
            foreach (var need in needs)
            {
                var pattern = matcher.Match(need.ContextPath).DecidingPattern;
                if (pattern == null) continue;
                int at = byPattern.FindIndex(g => ReferenceEquals(g.Pattern, pattern));
                if (at < 0) byPattern.Add((pattern, new List<Need> { need }));
                else if (!byPattern[at].Needs.Exists(n => n.ContextPath == need.ContextPath)) byPattern[at].Needs.Add(need);
            }
            foreach (var (pattern, group) in byPattern)
            {
                var severity = group.Exists(n => n.Severity == DiagnosticSeverity.Warning) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Suggestion;
                var first = group.Find(n => n.Severity == severity)!;
                context.Report(pattern.Span, severity, pattern.Raw,
                    IgnoreFileContexts.ListPaths(group.ConvertAll(n => n.ContextPath)), first.Why, first.ContextPath);
            }
        }

        private sealed class Need
        {
            public Need(string contextPath, string why, DiagnosticSeverity severity)
            {
                ContextPath = contextPath;
                Why = why;
                Severity = severity;
            }

            public string ContextPath { get; }
            public string Why { get; }
            public DiagnosticSeverity Severity { get; }
        }

        /// <summary>What a stage has in its file system so far: its working directory and what directory copies put where.</summary>
        private sealed class StageFiles
        {
            /// <summary>Absolute, cleaned; null when unknown (a base image's own WORKDIR, an unresolved variable).</summary>
            public string? Workdir;

            /// <summary>Directory copies in order: the image directory and the context directory whose content it got.</summary>
            public readonly List<(string Image, string Context, string Copy)> DirectoryCopies = new List<(string, string, string)>();

            /// <summary>File names and wildcards of every other copy (single files, other stages, images): the file may come from there.</summary>
            public readonly List<string> OtherSources = new List<string>();

            public StageFiles Clone()
            {
                var copy = new StageFiles { Workdir = Workdir };
                copy.DirectoryCopies.AddRange(DirectoryCopies);
                copy.OtherSources.AddRange(OtherSources);
                return copy;
            }
        }

        private sealed class Simulation
        {
            private static readonly string[] Interpreters = { "sh", "bash", "dash", "ash", "zsh", "ksh", "source", ".", "pwsh", "python", "python3", "node", "perl", "ruby" };
            private static readonly string[] BuildCommands = { "restore", "build", "publish", "test", "pack", "run" };
            private static readonly string[] MsBuildFiles = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" };
            private static readonly string[] NuGetConfigNames = { "NuGet.Config", "NuGet.config", "nuget.config" };

            private readonly DockerfileDocument _dockerfile;
            private readonly BuildContext _context;
            private readonly DockerIgnoreMatcher _matcher;
            private readonly List<Need> _needs;
            private readonly string _dockerfileName;

            public Simulation(DockerfileDocument dockerfile, BuildContext context, DockerIgnoreMatcher matcher, List<Need> needs)
            {
                _dockerfile = dockerfile;
                _context = context;
                _matcher = matcher;
                _needs = needs;
                _dockerfileName = System.IO.Path.GetFileName(dockerfile.Path);
            }

            public void Run()
            {
                var model = _dockerfile.Model;
                var atEnd = new Dictionary<Stage, StageFiles>();
                foreach (var stage in model.Stages)
                {
                    var files = stage.BaseStage != null && atEnd.TryGetValue(stage.BaseStage, out var inherited) ? inherited.Clone() : new StageFiles();
                    atEnd[stage] = files;
                    if (StagePlatform.IsWindowsOrNonPosix(stage, _dockerfile.Syntax)) continue;
                    for (int i = 0; i < stage.Instructions.Count; i++)
                    {
                        var instruction = stage.Instructions[i];
                        switch (instruction)
                        {
                            case WordsInstruction workdir when instruction.Kind == InstructionKind.Workdir:
                                files.Workdir = workdir.FirstWord == null ? null : Resolve(Expand(workdir.FirstWord.Raw, stage, i), files.Workdir);
                                break;
                            case CopyInstruction copy:
                                Copy(copy, stage, i, files);
                                break;
                            case CommandInstruction run when instruction.Kind == InstructionKind.Run:
                                Run(run, files);
                                break;
                            case CommandInstruction start when instruction.Kind == InstructionKind.Entrypoint || instruction.Kind == InstructionKind.Cmd:
                                Start(start, files);
                                break;
                        }
                    }
                }
            }

            private string? Expand(string raw, Stage stage, int index)
            {
                string value = _dockerfile.Model.Expand(raw, stage.ScopeBefore(index), out bool complete);
                return complete ? value : null;
            }

            /// <summary>An image path made absolute against the working directory and cleaned; null when that is not known.</summary>
            private static string? Resolve(string? path, string? workdir)
            {
                if (string.IsNullOrEmpty(path)) return null;
                if (path![0] == '/') return SlashPath.Clean(path);
                return workdir == null ? null : SlashPath.Clean(workdir + "/" + path);
            }

            private void Copy(CopyInstruction copy, Stage stage, int index, StageFiles files)
            {
                var destination = copy.Destination == null ? null
                    : Resolve(Expand(copy.IsJsonForm ? copy.Destination.Value : copy.Destination.Raw, stage, index), files.Workdir);
                bool plain = CopySources.ReadsBuildContext(copy) && !copy.HasFlag("parents") && !copy.HasFlag("exclude");
                if (plain)
                {
                    foreach (var source in CopySources.Resolve(_dockerfile.Model, copy))
                    {
                        if (source.Kind == CopySourceKind.ContextPath && !source.IsGlob
                            && (source.ContextPath!.Length == 0 || _context.Probe(source.ContextPath).Kind == ContextEntryKind.Directory))
                        {
                            if (destination != null) files.DirectoryCopies.Add((destination, source.ContextPath!, copy.Name + " " + source.Expanded));
                            continue;
                        }
                        files.OtherSources.Add(SlashPath.FileName(source.Expanded.TrimEnd('/')));
                    }
                    return;
                }
                foreach (var word in copy.Sources)
                    files.OtherSources.Add(SlashPath.FileName(word.Value.TrimEnd('/')));
            }

            private void Run(CommandInstruction run, StageFiles files)
            {
                var scripts = _dockerfile.RunScripts.Get(run);
                if (scripts == null) return;
                bool secretMount = false;
                foreach (var mount in scripts.Mounts)
                {
                    if (mount.IsBind) return; // the files may come from the mount
                    if (mount.IsSecret) secretMount = true;
                }
                int line = Line(run);
                foreach (var command in scripts.Commands)
                {
                    if (command.CommandName == "cd" || command.CommandName == "pushd") return; // the working directory is no longer known
                    var invocation = command.EffectiveCommand;
                    var name = invocation.Name;
                    if (name == null) continue;
                    if (name.IsLiteral && name.Value.IndexOf('/') >= 0)
                        Needs(name.Value, files, $"{_dockerfileName} line {line} runs '{name.Value}'");
                    string program = invocation.CommandName;
                    if (Array.IndexOf(Interpreters, program) >= 0)
                    {
                        if (invocation.HasOption("-c") || invocation.HasOption("-m") || invocation.HasOption("-e") && program == "node") continue;
                        var operands = invocation.Operands;
                        if (operands.Count > 0 && operands[0].IsLiteral && !operands[0].Value.StartsWith("-", StringComparison.Ordinal))
                            Needs(operands[0].Value, files, $"{_dockerfileName} line {line} runs '{program} {operands[0].Value}'");
                    }
                    else if (program == "chmod" || program == "dos2unix")
                    {
                        var operands = invocation.Operands;
                        for (int k = program == "chmod" ? 1 : 0; k < operands.Count; k++)
                            if (operands[k].IsLiteral) Needs(operands[k].Value, files, $"{_dockerfileName} line {line} runs '{program}' on it");
                    }
                    else if (program == "dotnet")
                    {
                        Dotnet(invocation, files, line, secretMount);
                    }
                }
            }

            private void Dotnet(CommandInvocation invocation, StageFiles files, int line, bool secretMount)
            {
                var operands = invocation.Operands;
                if (operands.Count == 0 || files.Workdir == null) return;
                string verb = operands[0].Value;
                if (verb == "tool" && operands.Count > 1 && operands[1].Value == "restore")
                {
                    if (invocation.HasOption("--tool-manifest")) return;
                    FirstFoundUpwards(files.Workdir, new[] { ".config/dotnet-tools.json", "dotnet-tools.json" }, files,
                        $"{_dockerfileName} line {line} runs 'dotnet tool restore', which fails without the tool manifest", DiagnosticSeverity.Warning);
                    return;
                }
                if (Array.IndexOf(BuildCommands, verb) < 0) return;

                string projectDirectory = files.Workdir;
                if (operands.Count > 1 && operands[1].IsLiteral)
                {
                    string target = operands[1].Value;
                    string? resolved = Resolve(target, files.Workdir);
                    if (resolved != null)
                    {
                        if (LooksLikeProject(target)) projectDirectory = SlashPath.Parent(resolved.Substring(1)) is var p && p.Length > 0 ? "/" + p : "/";
                        else if (target == "." || target.IndexOf('/') >= 0) projectDirectory = resolved;
                    }
                }
                string command = $"'dotnet {verb}'";
                foreach (var name in MsBuildFiles)
                {
                    FirstFoundUpwards(projectDirectory, new[] { name }, files,
                        name == "Directory.Packages.props"
                            ? $"{_dockerfileName} line {line} runs {command}, and without it the package versions it pins centrally are missing, so the restore fails or picks other versions"
                            : $"{_dockerfileName} line {line} runs {command}, which imports it from the project's folder or above; without it the image is built with other settings than the host",
                        DiagnosticSeverity.Warning);
                }
                if (!invocation.HasOption("--no-restore") && !invocation.HasOption("--configfile") && !secretMount)
                    EveryLevelUpwards(projectDirectory, NuGetConfigNames, files,
                        $"{_dockerfileName} line {line} runs {command}, which reads the NuGet configuration of the project's folder and above; without it the restore uses other package sources");
                FirstFoundUpwards(files.Workdir, new[] { "global.json" }, files,
                    $"{_dockerfileName} line {line} runs {command}, and without global.json the SDK version and settings it pins are ignored",
                    DiagnosticSeverity.Suggestion);
            }

            private static bool LooksLikeProject(string path) =>
                IgnoreFileContexts.IsProjectFile(path) || path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".proj", StringComparison.OrdinalIgnoreCase);

            private void Start(CommandInstruction start, StageFiles files)
            {
                var words = new List<string>();
                if (start.Command is ExecForm exec)
                {
                    foreach (var w in exec.Arguments) words.Add(w.Value);
                }
                else if (start.Command is ShellForm shell)
                {
                    string text = shell.Script.Value;
                    if (text.IndexOfAny(new[] { '"', '\'', '$', '\\', '`' }) >= 0) return;
                    words.AddRange(text.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
                }
                if (words.Count == 0) return;
                int line = Line(start);
                if (words[0].IndexOf('/') >= 0 && words[0].IndexOf('$') < 0)
                    Needs(words[0], files, $"{_dockerfileName} line {line} starts the container with '{words[0]}', so it fails to start");
                string program = SimpleCommand.BaseName(words[0]);
                if ((program == "sh" || program == "bash") && words.Count > 1 && !words[1].StartsWith("-", StringComparison.Ordinal) && words[1].IndexOf('$') < 0)
                    Needs(words[1], files, $"{_dockerfileName} line {line} starts the container with '{program} {words[1]}', so it fails to start");
            }

            private int Line(Instruction instruction) =>
                _dockerfile.Syntax.Source.GetLinePosition(instruction.Span.Start).Line;

            /// <summary>
            /// A file the build needs at an image path: it counts when only directory copies could bring it, each of
            /// them maps it to a context path, and the context holds it there but the ignore file excludes it.
            /// </summary>
            private void Needs(string imagePath, StageFiles files, string why)
            {
                string? path = Resolve(imagePath, files.Workdir);
                if (path == null || MayComeFromElsewhere(SlashPath.FileName(path), files)) return;
                var verdict = Look(path, files);
                if (verdict.Excluded != null && !verdict.Visible)
                    _needs.Add(new Need(verdict.Excluded, $"{why} after '{verdict.Copy}', so it fails with 'not found'", DiagnosticSeverity.Warning));
            }

            /// <summary>MSBuild's rule for Directory.Build.props and friends, and dotnet's for tool manifests and global.json: the nearest one wins.</summary>
            private void FirstFoundUpwards(string directory, string[] names, StageFiles files, string why, DiagnosticSeverity severity)
            {
                for (string? d = directory; d != null; d = ParentOf(d))
                {
                    foreach (var name in names)
                    {
                        string path = d == "/" ? "/" + name : d + "/" + name;
                        if (MayComeFromElsewhere(SlashPath.FileName(name), files)) return;
                        var verdict = Look(path, files);
                        if (verdict.Visible) return;
                        if (verdict.Excluded == null) continue;
                        if (!IsPassedAsSecret(verdict.Excluded)) _needs.Add(new Need(verdict.Excluded, $"{why} (it would arrive with '{verdict.Copy}')", severity));
                        return;
                    }
                }
            }

            /// <summary>NuGet merges the configuration files of every folder up to the root: each one counts.</summary>
            private void EveryLevelUpwards(string directory, string[] names, StageFiles files, string why)
            {
                for (string? d = directory; d != null; d = ParentOf(d))
                {
                    string? excluded = null, copy = null;
                    bool visible = false;
                    foreach (var name in names)
                    {
                        if (MayComeFromElsewhere(name, files)) return;
                        var verdict = Look(d == "/" ? "/" + name : d + "/" + name, files);
                        visible |= verdict.Visible;
                        if (verdict.Excluded != null && excluded == null) { excluded = verdict.Excluded; copy = verdict.Copy; }
                    }
                    if (!visible && excluded != null && !IsPassedAsSecret(excluded))
                        _needs.Add(new Need(excluded, $"{why} (it would arrive with '{copy}')", DiagnosticSeverity.Warning));
                }
            }

            /// <summary>A NuGet.config with a clear-text password is excluded on purpose (and DKR203/DKR404 want it so).</summary>
            private bool IsPassedAsSecret(string contextPath)
            {
                var evidence = SecretFiles.Classify(contextPath, out _, out _);
                if (evidence == SecretFileEvidence.None) return false;
                if (evidence == SecretFileEvidence.Name) return true;
                var text = _context.TryReadText(contextPath);
                return text == null || SecretFiles.ContentHoldsSecret(contextPath, text);
            }

            private static string? ParentOf(string directory)
            {
                if (directory == "/") return null;
                int slash = directory.LastIndexOf('/');
                return slash <= 0 ? "/" : directory.Substring(0, slash);
            }

            /// <summary>
            /// Where the directory copies so far would have taken an image path from: whether one of them delivers it
            /// (visible), or the first context path that exists but that the ignore file excludes.
            /// </summary>
            private (bool Visible, string? Excluded, string? Copy) Look(string imagePath, StageFiles files)
            {
                bool visible = false;
                string? excluded = null, copy = null;
                foreach (var (image, contextDirectory, copyText) in files.DirectoryCopies)
                {
                    string? relative = RelativeTo(imagePath, image);
                    if (relative == null) continue;
                    string contextPath = SlashPath.Combine(contextDirectory, relative);
                    var entry = _context.Probe(contextPath);
                    if (entry.Kind != ContextEntryKind.File) continue;
                    if (_matcher.IsExcluded(contextPath))
                    {
                        if (excluded == null) { excluded = contextPath; copy = copyText; }
                    }
                    else
                    {
                        visible = true;
                    }
                }
                return (visible, excluded, copy);
            }

            private static string? RelativeTo(string path, string directory)
            {
                if (directory == "/") return path.Length > 1 ? path.Substring(1) : null;
                if (path.Length <= directory.Length + 1 || !path.StartsWith(directory, StringComparison.Ordinal) || path[directory.Length] != '/') return null;
                return path.Substring(directory.Length + 1);
            }

            /// <summary>A file of that name arrives by another copy (a single file, another stage, an image): then the build may well have it.</summary>
            private static bool MayComeFromElsewhere(string fileName, StageFiles files)
            {
                foreach (var source in files.OtherSources)
                    if (WildcardMatches(source, fileName)) return true;
                return false;
            }

            /// <summary><c>*</c> and <c>?</c> only; anything fancier is taken to match (the safe side here).</summary>
            private static bool WildcardMatches(string pattern, string name)
            {
                if (pattern.IndexOf('[') >= 0 || pattern.IndexOf('$') >= 0) return true;
                return Match(pattern, 0, name, 0);
            }

            private static bool Match(string p, int i, string s, int j)
            {
                while (i < p.Length)
                {
                    char c = p[i];
                    if (c == '*')
                    {
                        for (int k = j; k <= s.Length; k++)
                            if (Match(p, i + 1, s, k)) return true;
                        return false;
                    }
                    if (j >= s.Length || (c != '?' && c != s[j])) return false;
                    i++;
                    j++;
                }
                return j == s.Length;
            }
        }
    }
}
