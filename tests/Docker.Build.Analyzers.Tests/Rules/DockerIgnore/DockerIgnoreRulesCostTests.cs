using System.Diagnostics;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Rules;
using Xunit;
using Xunit.Abstractions;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    /// <summary>An in-memory file system that lists a directory without scanning every file (for large trees).</summary>
    internal sealed class IndexedFileSystem : IFileSystem
    {
        private readonly System.Collections.Generic.Dictionary<string, byte[]> _files = new System.Collections.Generic.Dictionary<string, byte[]>(System.StringComparer.Ordinal);
        private readonly System.Collections.Generic.Dictionary<string, System.Collections.Generic.SortedDictionary<string, bool>> _children =
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.SortedDictionary<string, bool>>(System.StringComparer.Ordinal);

        public IndexedFileSystem AddFile(string path, string text)
        {
            _files[path] = Encoding.UTF8.GetBytes(text);
            string child = path;
            bool isDirectory = false;
            while (true)
            {
                int slash = child.LastIndexOf('/');
                if (slash <= 0) break;
                string parent = child.Substring(0, slash);
                if (!_children.TryGetValue(parent, out var entries)) _children[parent] = entries = new System.Collections.Generic.SortedDictionary<string, bool>(System.StringComparer.Ordinal);
                entries[child.Substring(slash + 1)] = isDirectory;
                child = parent;
                isDirectory = true;
            }
            return this;
        }

        private static string Normalize(string path) => System.IO.Path.GetFullPath(path).TrimEnd('/');
        public bool FileExists(string path) => _files.ContainsKey(Normalize(path));
        public bool DirectoryExists(string path) => _children.ContainsKey(Normalize(path));
        public long GetFileLength(string path) => _files.TryGetValue(Normalize(path), out var b) ? b.Length : -1;
        public byte[] ReadAllBytes(string path) => _files.TryGetValue(Normalize(path), out var b) ? b : throw new System.IO.FileNotFoundException(path);

        public System.Collections.Generic.IEnumerable<DirectoryEntry> EnumerateEntries(string directory) =>
            _children.TryGetValue(Normalize(directory), out var entries)
                ? entries.Select(e => new DirectoryEntry(e.Key, e.Value)).ToList()
                : new System.Collections.Generic.List<DirectoryEntry>();
    }

    /// <summary>The DKR4xx rules reuse the context's one walk and listings: a big ignore file over a big context stays cheap.</summary>
    public class DockerIgnoreRulesCostTests
    {
        private readonly ITestOutputHelper _output;

        public DockerIgnoreRulesCostTests(ITestOutputHelper output) => _output = output;

        private static void Run(Rule rule, Workspace workspace, System.Collections.Generic.List<Diagnostics.Diagnostic> sink)
        {
            if (rule is DockerfileRule dockerfileRule) dockerfileRule.Analyze(new DockerfileContext(rule.Descriptor, workspace.Dockerfiles[0], workspace, sink));
            else ((DockerIgnoreRule)rule).Analyze(new DockerIgnoreContext(rule.Descriptor, workspace.DockerIgnores[0], workspace, sink));
        }

        [Fact]
        public void A_500_line_ignore_file_over_a_20000_file_context_analyses_quickly()
        {
            var files = new IndexedFileSystem();
            for (int p = 0; p < 40; p++)
            {
                string project = $"/repo/src/P{p}";
                files.AddFile($"{project}/P{p}.csproj", "<Project/>");
                files.AddFile($"{project}/obj/project.assets.json", "{}");
                for (int f = 0; f < 480; f++) files.AddFile($"{project}/Folder{f % 12}/File{f}.cs", "");
            }
            files.AddFile("/repo/build.sh", "#!/bin/sh").AddFile("/repo/.env", "A=1");
            var ignore = new StringBuilder("**/bin\n*.sh\n");
            for (int i = 0; i < 500; i++) ignore.Append(i % 50 == 0 ? "**/generated" : "docs/generated").Append(i).Append(i % 2 == 0 ? "/\n" : "/*.g.cs\n");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN ./build.sh && dotnet publish src/P0/P0.csproj\n";
            files.AddFile("/repo/.dockerignore", ignore.ToString()).AddFile("/repo/Dockerfile", dockerfile);
            var request = new AnalysisRequest("/repo/src/P0", new[]
            {
                new AssetInput("/repo/Dockerfile", AssetKind.Dockerfile, "/repo"),
                new AssetInput("/repo/.dockerignore", AssetKind.DockerIgnore),
            }, null, files);

            var all = new DockerAnalyzer().Analyze(request).Diagnostics; // warm up: JIT, regexes
            var ids = all.Select(d => d.Id).ToList();
            Assert.Contains("DKR403", ids);
            Assert.Contains("DKR404", ids);
            Assert.Contains("DKR407", ids);

            // The context is walked once per analysis, whatever the rules; time the DKR4xx rules on top of that walk.
            var rules = RuleCatalog.Rules.Where(r => r.Descriptor.Id.StartsWith("DKR4")).ToList();
            double best = double.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                var workspace = WorkspaceLoader.Load(request, new System.Collections.Generic.List<Diagnostics.Diagnostic>());
                var walked = workspace.GetBuildContext(workspace.Dockerfiles[0]).Files;
                Assert.False(walked.Truncated);
                var sink = new System.Collections.Generic.List<Diagnostics.Diagnostic>();
                var watch = Stopwatch.StartNew();
                foreach (var rule in rules)
                    Run(rule, workspace, sink);
                watch.Stop();
                best = System.Math.Min(best, watch.Elapsed.TotalMilliseconds);
                _output.WriteLine($"{walked.Files.Count} visible files, {walked.EntriesVisited} entries: DKR4xx rules {watch.Elapsed.TotalMilliseconds:F1} ms");
            }
            // Generous: the machine is shared (a quiet one takes a few milliseconds); this catches a rule that walks or matches per file.
            Assert.True(best < 500, $"the DKR4xx rules took {best:F1} ms");
        }
    }
}
