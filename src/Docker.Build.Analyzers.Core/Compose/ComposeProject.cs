using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Compose
{
    /// <summary>
    /// What Docker Compose runs for a compose file: the file, with the standard override file of its folder merged
    /// on top (<c>compose.override.yml</c>... for <c>compose.yaml</c>..., and the base for an override file), every
    /// <c>extends</c> followed (same file or <c>file:</c>, cycles and depth bounded), and the services of
    /// <c>include</c>d files known by name. Values keep their own file and span; values inherited through
    /// <c>extends</c> are reported at the <c>extends</c> key.
    /// </summary>
    public sealed class ComposeProject
    {
        /// <summary>Base file names, in the order Compose looks for them.</summary>
        public static readonly IReadOnlyList<string> BaseFileNames = new[] { "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml" };

        /// <summary>Override file names, in the order Compose looks for them (the first found is merged).</summary>
        public static readonly IReadOnlyList<string> OverrideFileNames = new[] { "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml" };

        /// <summary>How many <c>extends</c> a chain may follow, and how deep <c>include</c>s go.</summary>
        public const int MaxReferenceDepth = 16;

        /// <summary>At most this many files are loaded through <c>extends</c> and <c>include</c> for one project.</summary>
        public const int MaxReferencedFiles = 64;

        private readonly Func<string, ComposeFile?> _load;
        private readonly Dictionary<ComposeFile, IReadOnlyList<ComposeService>> _servicesByFile = new Dictionary<ComposeFile, IReadOnlyList<ComposeService>>();
        private readonly List<ComposeProblem> _problems = new List<ComposeProblem>();
        private int _copyBudget = Compose.YamlTreeBuilder.MaxAliasNodes;
        private int _loadedFiles;

        private ComposeProject(Func<string, ComposeFile?> load)
        {
            _load = load;
        }

        /// <summary>The files merged, base first (one file, or a base and its override).</summary>
        public IReadOnlyList<ComposeFile> Files { get; private set; } = Array.Empty<ComposeFile>();

        /// <summary>The services of all <see cref="Files"/>, merged by name (a service of the override builds on the base one).</summary>
        public IReadOnlyList<ComposeService> Services { get; private set; } = Array.Empty<ComposeService>();

        /// <summary>The services of <c>include</c>d files (their own projects), by file order.</summary>
        public IReadOnlyList<ComposeService> IncludedServices { get; private set; } = Array.Empty<ComposeService>();

        /// <summary>Problems following <c>extends</c> and <c>include</c>: missing files or services, cycles, depth.</summary>
        public IReadOnlyList<ComposeProblem> Problems => _problems;

        /// <summary>The services one file of the project defines, each with its <c>extends</c> chain (no override merged).</summary>
        public IReadOnlyList<ComposeService> ServicesOf(ComposeFile file)
        {
            if (_servicesByFile.TryGetValue(file, out var services)) return services;
            return file.Services;
        }

        /// <summary>A merged service by name, or null.</summary>
        public ComposeService? FindService(string name)
        {
            foreach (var s in Services)
                if (s.Name == name) return s;
            return null;
        }

        /// <summary>A service with this name exists in the project or in a file it includes.</summary>
        public bool HasService(string name)
        {
            if (FindService(name) != null) return true;
            foreach (var s in IncludedServices)
                if (s.Name == name) return true;
            return false;
        }

        /// <summary>True for <c>compose.override.yml</c> and the other standard override names.</summary>
        public static bool IsOverrideFileName(string path) => IndexOf(OverrideFileNames, Path.GetFileName(path)) >= 0;

        public static bool IsBaseFileName(string path) => IndexOf(BaseFileNames, Path.GetFileName(path)) >= 0;

        private static int IndexOf(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
                if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        /// <summary>
        /// Builds the project of <paramref name="file"/>. <paramref name="load"/> returns the parsed file at a full
        /// path, or null when it does not exist or cannot be read (it should cache: the same file is asked for often).
        /// </summary>
        public static ComposeProject Load(ComposeFile file, Func<string, ComposeFile?> load)
        {
            var project = new ComposeProject(load);
            var files = new List<ComposeFile> { file };
            string directory = Path.GetDirectoryName(file.Path) ?? "";
            if (IsBaseFileName(file.Path))
            {
                var over = FirstFound(directory, OverrideFileNames, load);
                if (over != null) files.Add(over);
            }
            else if (IsOverrideFileName(file.Path))
            {
                var baseFile = FirstFound(directory, BaseFileNames, load);
                if (baseFile != null) files.Insert(0, baseFile);
            }
            project.Files = files;

            var merged = new List<ComposeService>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in files)
            {
                var services = new List<ComposeService>();
                foreach (var s in f.Services)
                {
                    var layers = project.ResolveLayers(f, s, new List<(string, string)>(), 0);
                    var service = new ComposeService(f, s.NameNode, layers);
                    services.Add(service);
                    if (index.TryGetValue(service.Name, out int i))
                    {
                        var combined = new List<ComposeServiceLayer>(merged[i].Layers);
                        combined.AddRange(layers);
                        merged[i] = new ComposeService(merged[i].File, merged[i].NameNode, combined);
                    }
                    else
                    {
                        index[service.Name] = merged.Count;
                        merged.Add(service);
                    }
                }
                project._servicesByFile[f] = services;
            }
            project.Services = merged;

            var included = new List<ComposeService>();
            var visited = new HashSet<string>(Analysis.DockerAnalyzer.PathComparer);
            foreach (var f in files) visited.Add(f.Path);
            foreach (var f in files) project.CollectIncludes(f, included, visited, 0);
            project.IncludedServices = included;
            return project;
        }

        private static ComposeFile? FirstFound(string directory, IReadOnlyList<string> names, Func<string, ComposeFile?> load)
        {
            foreach (var name in names)
            {
                var f = load(Path.Combine(directory, name));
                if (f != null) return f;
            }
            return null;
        }

        private ComposeFile? LoadReferenced(ComposeFile from, YamlScalar pathNode)
        {
            string? relative = pathNode.ValueWithDefaults;
            if (string.IsNullOrWhiteSpace(relative) || pathNode.HasVariables) return null;
            string full = Analysis.WorkspaceLoader.Normalize(relative!, Path.GetDirectoryName(from.Path) ?? "");
            if (DockerPaths.SameFile(full, from.Path)) return from;
            if (++_loadedFiles > MaxReferencedFiles)
            {
                _problems.Add(new ComposeProblem(pathNode.ReportSource, pathNode.ReportSpan, ComposeProblemKind.Reference, $"more than {MaxReferencedFiles} files are referenced through extends and include; '{relative}' was not read"));
                return null;
            }
            var file = _load(full);
            if (file == null)
                _problems.Add(new ComposeProblem(pathNode.ReportSource, pathNode.ReportSpan, ComposeProblemKind.Reference, $"the file '{relative}' does not exist or cannot be read"));
            return file;
        }

        /// <summary>The definitions of a service, lowest first, following <c>extends</c>.</summary>
        private IReadOnlyList<ComposeServiceLayer> ResolveLayers(ComposeFile file, ComposeService service, List<(string File, string Service)> chain, int depth)
        {
            var own = new ComposeServiceLayer(file, service.Definition);
            var extends = service.Extends;
            if (extends == null) return new[] { own };
            if (extends.Service.HasVariables) return new[] { own };
            chain.Add((file.Path, service.Name));
            var key = extends.Entry.Key;
            if (depth >= MaxReferenceDepth)
            {
                _problems.Add(new ComposeProblem(key.ReportSource, key.ReportSpan, ComposeProblemKind.Reference, $"extends goes more than {MaxReferenceDepth} levels deep"));
                return new[] { own };
            }
            var target = extends.File == null ? file : LoadReferenced(file, extends.File);
            if (target == null) return new[] { own };
            string name = extends.Service.Value;
            foreach (var (f, s) in chain)
            {
                if (s == name && DockerPaths.SameFile(f, target.Path))
                {
                    _problems.Add(new ComposeProblem(extends.Service.ReportSource, extends.Service.ReportSpan, ComposeProblemKind.Reference, $"extends makes a cycle: '{service.Name}' ends up extending itself through '{name}'"));
                    return new[] { own };
                }
            }
            var baseService = target.FindService(name);
            if (baseService == null)
            {
                _problems.Add(new ComposeProblem(extends.Service.ReportSource, extends.Service.ReportSpan, ComposeProblemKind.Reference,
                    extends.File == null ? $"extends names the service '{name}', which this file does not define" : $"extends names the service '{name}', which '{extends.File.Value}' does not define"));
                return new[] { own };
            }
            var baseLayers = ResolveLayers(target, baseService, chain, depth + 1);
            var result = new List<ComposeServiceLayer>(baseLayers.Count + 1);
            foreach (var layer in baseLayers)
            {
                if (layer.Definition == null) continue;
                YamlMapping copy;
                try
                {
                    copy = (YamlMapping)layer.Definition.CopyReportedAt(file.Source, key.Span, ref _copyBudget);
                }
                catch (YamlNodeBudgetExceededException)
                {
                    _problems.Add(new ComposeProblem(key.ReportSource, key.ReportSpan, ComposeProblemKind.Limit, $"extends copies more than {Compose.YamlTreeBuilder.MaxAliasNodes:N0} nodes; not followed"));
                    return new[] { own };
                }
                // Values of the base are reported at this file's 'extends' key; the base file still owns the text.
                result.Add(new ComposeServiceLayer(layer.File, copy));
            }
            result.Add(own);
            return result;
        }

        private void CollectIncludes(ComposeFile file, List<ComposeService> services, HashSet<string> visited, int depth)
        {
            if (depth >= MaxReferenceDepth) return;
            foreach (var include in file.Includes)
            {
                var included = LoadReferenced(file, include.PathNode);
                if (included == null || !visited.Add(included.Path)) continue;
                services.AddRange(included.Services);
                CollectIncludes(included, services, visited, depth + 1);
            }
        }
    }

    internal static class DockerPaths
    {
        public static bool SameFile(string a, string b) => Analysis.DockerAnalyzer.PathComparer.Equals(a, b);
    }
}
