using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Dockerfile;
using Xunit;
using Xunit.Abstractions;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class BuildContextTests
    {
        private readonly ITestOutputHelper _output;

        public BuildContextTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static BuildContext Context(InMemoryFileSystem files, string directory = "/ctx", string dockerfile = "/ctx/Dockerfile", BuildContextLimits? limits = null)
        {
            var ignore = BuildContext.LoadIgnoreFile(files, BuildContext.FindIgnoreFile(files, dockerfile, directory));
            return new BuildContext(files, directory, ignore, limits: limits);
        }

        [Fact]
        public void A_dockerfile_specific_ignore_file_wins_over_the_context_one()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/ctx/.dockerignore", "*.md")
                .AddFile("/ctx/src/Api/Dockerfile", "FROM scratch")
                .AddFile("/ctx/src/Api/Dockerfile.dockerignore", "*.txt");
            Assert.Equal(Path.GetFullPath("/ctx/src/Api/Dockerfile.dockerignore"), Path.GetFullPath(BuildContext.FindIgnoreFile(files, "/ctx/src/Api/Dockerfile", "/ctx")!));
            Assert.Equal(Path.GetFullPath("/ctx/.dockerignore"), Path.GetFullPath(BuildContext.FindIgnoreFile(files, "/ctx/src/Web/Dockerfile", "/ctx")!));
            Assert.Null(BuildContext.FindIgnoreFile(files, "/other/Dockerfile", "/other"));
        }

        [Fact]
        public void A_named_dockerfile_uses_its_own_path_plus_dockerignore_before_the_context_root_file()
        {
            // BuildKit: "<Dockerfile path>.dockerignore" next to the Dockerfile wins over the context's .dockerignore.
            var files = new InMemoryFileSystem()
                .AddFile("/ctx/.dockerignore", "*.md")
                .AddFile("/ctx/build/api.Dockerfile", "FROM scratch")
                .AddFile("/ctx/build/api.Dockerfile.dockerignore", "*.txt")
                .AddFile("/ctx/build/web.Dockerfile", "FROM scratch")
                .AddFile("/ctx/build/Dockerfile.dockerignore", "*.log");
            Assert.Equal(Path.GetFullPath("/ctx/build/api.Dockerfile.dockerignore"), Path.GetFullPath(BuildContext.FindIgnoreFile(files, "/ctx/build/api.Dockerfile", "/ctx")!));
            // Another Dockerfile's ignore file in the same folder is not used.
            Assert.Equal(Path.GetFullPath("/ctx/.dockerignore"), Path.GetFullPath(BuildContext.FindIgnoreFile(files, "/ctx/build/web.Dockerfile", "/ctx")!));
            var context = Context(files, dockerfile: "/ctx/build/api.Dockerfile");
            Assert.True(context.Matcher.IsExcluded("notes.txt"));
            Assert.False(context.Matcher.IsExcluded("README.md"));
        }

        [Fact]
        public void Probe_tells_files_directories_missing_and_excluded_paths_apart()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/ctx/.dockerignore", "**/bin\n*.md\n.git\n!.git/HEAD")
                .AddFile("/ctx/App.csproj", "<Project/>")
                .AddFile("/ctx/README.md", "x")
                .AddFile("/ctx/bin/Debug/App.dll", "x")
                .AddFile("/ctx/.git/HEAD", "ref")
                .AddFile("/ctx/.git/config", "x");
            var context = Context(files);
            Assert.True(context.Probe("App.csproj").IsVisible);
            Assert.Equal(ContextEntryKind.File, context.Probe("App.csproj").Kind);
            Assert.Equal(ContextEntryKind.Directory, context.Probe("bin").Kind);
            Assert.Equal(ContextEntryKind.Missing, context.Probe("Other.csproj").Kind);
            var readme = context.Probe("README.md");
            Assert.True(readme.IsExcluded);
            Assert.Equal("*.md", readme.Ignore.DecidingPattern!.Raw);
            Assert.True(context.Probe("bin/Debug/App.dll").IsExcluded);
            Assert.True(context.Probe(".git").IsVisible); // re-opened by the exception
            Assert.True(context.Probe(".git/config").IsExcluded);
            Assert.Equal(ContextEntryKind.Directory, context.Probe("").Kind);
        }

        [Fact]
        public void Glob_matches_segment_by_segment_and_separates_excluded_matches()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/ctx/.dockerignore", "src/Legacy")
                .AddFile("/ctx/src/Api/Api.csproj", "x")
                .AddFile("/ctx/src/Web/Web.csproj", "x")
                .AddFile("/ctx/src/Legacy/Legacy.csproj", "x")
                .AddFile("/ctx/src/Api/Program.cs", "x");
            var context = Context(files);
            var result = context.Glob("src/*/*.csproj");
            Assert.Equal(new[] { "src/Api/Api.csproj", "src/Web/Web.csproj" }, result.Visible.Select(e => e.Path).ToArray());
            Assert.Equal(new[] { "src/Legacy/Legacy.csproj" }, result.Excluded.Select(e => e.Path).ToArray());
            Assert.Empty(context.Glob("*.sln").Visible);
            Assert.Single(context.Glob("src/Ap?").Visible);
        }

        [Fact]
        public void Files_lists_what_the_build_sees_and_skips_excluded_directories()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/ctx/.dockerignore", "node_modules\n**/obj\n.git\n!.git/HEAD")
                .AddFile("/ctx/a.txt", "x")
                .AddFile("/ctx/node_modules/x/index.js", "x")
                .AddFile("/ctx/src/obj/project.assets.json", "x")
                .AddFile("/ctx/src/Program.cs", "x")
                .AddFile("/ctx/.git/HEAD", "x")
                .AddFile("/ctx/.git/config", "x");
            var list = Context(files).Files;
            Assert.Equal(new[] { ".dockerignore", "a.txt", ".git/HEAD", "src/Program.cs" }, list.Files.ToArray());
            Assert.False(list.Truncated);
        }

        [Fact]
        public void Reading_a_level_on_several_threads_gives_the_same_walk_as_reading_it_alone()
        {
            // Wide levels (more directories than the parallel-reading threshold), an excluded folder per project, an
            // exception that re-includes one file, and a limit that cuts the walk in the middle of a level.
            var files = new InMemoryFileSystem().AddFile("/ctx/.dockerignore", "**/bin\n**/*.md\n!src/P3/README.md\n");
            for (int p = 0; p < 30; p++)
            {
                files.AddFile($"/ctx/src/P{p}/P{p}.csproj", "x").AddFile($"/ctx/src/P{p}/README.md", "x").AddFile($"/ctx/src/P{p}/bin/app.dll", "x");
                for (int f = 0; f < 12; f++) files.AddFile($"/ctx/src/P{p}/F{f}/Class{f}.cs", "x");
            }
            foreach (int maxEntries in new[] { 20000, 150 })
            {
                var alone = Context(files, limits: new BuildContextLimits(maxEntries, 24, BuildContextLimits.DefaultMaxMatchWork, listingThreads: 1)).Files;
                var threaded = Context(files, limits: new BuildContextLimits(maxEntries, 24, BuildContextLimits.DefaultMaxMatchWork, listingThreads: 4)).Files;
                Assert.Equal(alone.Files.ToArray(), threaded.Files.ToArray());
                Assert.Equal(alone.Truncated, threaded.Truncated);
                Assert.Equal(alone.EntriesVisited, threaded.EntriesVisited);
            }
            var all = Context(files, limits: new BuildContextLimits(20000, 24, BuildContextLimits.DefaultMaxMatchWork, listingThreads: 4)).Files;
            Assert.Contains("src/P3/README.md", all.Files);
            Assert.DoesNotContain("src/P4/README.md", all.Files);
            Assert.DoesNotContain("src/P4/bin/app.dll", all.Files);
            Assert.Equal(30 * 13 + 2, all.Files.Count);
        }

        [Fact]
        public void Files_stops_at_the_limits_and_says_so()
        {
            var files = new InMemoryFileSystem();
            for (int i = 0; i < 50; i++) files.AddFile($"/ctx/f{i:D2}.txt", "x");
            files.AddFile("/ctx/a/b/c/d.txt", "x");
            var limited = Context(files, limits: new BuildContextLimits(10, 24)).Files;
            Assert.True(limited.Truncated);
            Assert.Equal(10, limited.Files.Count);
            var shallow = Context(files, limits: new BuildContextLimits(1000, 2)).Files;
            Assert.True(shallow.Truncated);
            Assert.DoesNotContain("a/b/c/d.txt", shallow.Files);
        }

        [Fact]
        public void A_missing_context_directory_answers_missing_without_throwing()
        {
            var context = Context(new InMemoryFileSystem(), "/nowhere", "/nowhere/Dockerfile");
            Assert.False(context.Exists);
            Assert.False(context.Probe("x").Exists);
            Assert.Empty(context.Files.Files);
            Assert.Empty(context.Glob("*").Visible);
        }

        [Fact]
        public void An_implicit_context_moves_to_the_solution_when_the_dockerfile_was_written_for_it()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/sln/Api/Api.csproj", "<Project/>")
                .AddFile("/sln/Lib/Lib.csproj", "<Project/>")
                .AddFile("/sln/.dockerignore", "**/bin");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"Api/Api.csproj\", \"Api/\"]\nCOPY [\"Lib/Lib.csproj\", \"Lib/\"]\nRUN dotnet restore \"Api/Api.csproj\"\nCOPY . .\n";
            files.AddFile("/sln/Api/Dockerfile", dockerfile);
            var implicitDoc = Document(dockerfile, "/sln/Api/Dockerfile", "/sln/Api", explicitContext: false);
            var workspace = new Workspace("/sln/Api", ProjectFacts.None, files, new[] { implicitDoc });
            var context = workspace.GetBuildContext(implicitDoc);
            Assert.True(context.IsInferred);
            Assert.Equal(Path.GetFullPath("/sln"), Path.GetFullPath(context.Directory));
            Assert.NotNull(context.IgnoreFile);
            Assert.Same(context, workspace.GetBuildContext(implicitDoc));

            var explicitDoc = Document(dockerfile, "/sln/Api/Dockerfile", "/sln/Api", explicitContext: true);
            var explicitContext = new Workspace("/sln/Api", ProjectFacts.None, files, new[] { explicitDoc }).GetBuildContext(explicitDoc);
            // A declared context that holds none of the sources while the solution folder holds them all is the one
            // mistake DKR129 reports; the analysis goes on with the folder the sources are written for.
            Assert.NotNull(explicitContext.Decision.Disagreement);
            Assert.Equal(Path.GetFullPath("/sln"), Path.GetFullPath(explicitContext.Directory));

            files.AddFile("/sln/Api/Api/Api.csproj", "<Project/>").AddFile("/sln/Api/Lib/Lib.csproj", "<Project/>");
            var agreeing = Document(dockerfile, "/sln/Api/Dockerfile", "/sln/Api", explicitContext: true);
            var declared = new Workspace("/sln/Api", ProjectFacts.None, files, new[] { agreeing }).GetBuildContext(agreeing);
            Assert.False(declared.IsInferred);
            Assert.Equal(ContextSource.Declared, declared.Decision.Source);
            Assert.Equal("/sln/Api", declared.Directory);
        }

        private static DockerfileDocument Document(string text, string path, string context, bool explicitContext) =>
            new DockerfileDocument(DockerfileParser.Parse(Text.SourceText.From(text, path)), context, explicitContext);

        /// <summary>A realistic context on disk: 40 projects with sources, bin/obj output and a node_modules tree.</summary>
        [Fact]
        public void Walking_a_few_thousand_files_on_disk_is_fast_and_prunes_ignored_trees()
        {
            string root = Path.Combine(Path.GetTempPath(), "dba-context-" + Guid.NewGuid().ToString("N"));
            try
            {
                int visibleExpected = 0;
                for (int p = 0; p < 40; p++)
                {
                    string project = Path.Combine(root, "src", "Project" + p);
                    Directory.CreateDirectory(Path.Combine(project, "Models"));
                    Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net8.0"));
                    Directory.CreateDirectory(Path.Combine(project, "obj"));
                    File.WriteAllText(Path.Combine(project, "Project" + p + ".csproj"), "<Project/>");
                    visibleExpected++;
                    for (int f = 0; f < 40; f++)
                    {
                        File.WriteAllText(Path.Combine(project, "Models", "Model" + f + ".cs"), "class C {}");
                        visibleExpected++;
                    }
                    for (int f = 0; f < 20; f++) File.WriteAllText(Path.Combine(project, "bin", "Debug", "net8.0", "Lib" + f + ".dll"), "x");
                    for (int f = 0; f < 10; f++) File.WriteAllText(Path.Combine(project, "obj", "o" + f + ".json"), "x");
                }
                for (int m = 0; m < 60; m++)
                {
                    string module = Path.Combine(root, "node_modules", "pkg" + m, "lib");
                    Directory.CreateDirectory(module);
                    for (int f = 0; f < 20; f++) File.WriteAllText(Path.Combine(module, "f" + f + ".js"), "x");
                }
                File.WriteAllText(Path.Combine(root, ".dockerignore"), "**/bin\n**/obj\nnode_modules\n");
                visibleExpected++;

                var fs = PhysicalFileSystem.Instance;
                var context = new BuildContext(fs, root, BuildContext.LoadIgnoreFile(fs, Path.Combine(root, ".dockerignore")));
                var list = context.Files;
                Assert.Equal(visibleExpected, list.Files.Count);
                Assert.False(list.Truncated);

                var unfiltered = new BuildContext(fs, root, null).Files;
                Assert.Equal(40 * 71 + 60 * 20 + 1, unfiltered.Files.Count);

                // Pruning: excluded bin/, obj/ and node_modules/ are never entered.
                Assert.True(list.EntriesVisited < unfiltered.EntriesVisited / 2, $"{list.EntriesVisited} entries visited with pruning, {unfiltered.EntriesVisited} without");
                for (int i = 0; i < 40; i++)
                    Assert.True(context.Probe("src/Project" + i + "/Project" + i + ".csproj").IsVisible);
            }
            finally
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>Counts what the context asks of the file system.</summary>
        private sealed class CountingFileSystem : IFileSystem
        {
            private readonly IFileSystem _inner;
            public CountingFileSystem(IFileSystem inner) { _inner = inner; }
            public int Stats;
            public System.Collections.Generic.List<string> Listed { get; } = new System.Collections.Generic.List<string>();
            public bool FileExists(string path) { Stats++; return _inner.FileExists(path); }
            public bool DirectoryExists(string path) { Stats++; return _inner.DirectoryExists(path); }
            public long GetFileLength(string path) => _inner.GetFileLength(path);
            public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);
            public System.Collections.Generic.IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
            {
                Listed.Add(directory);
                return _inner.EnumerateEntries(directory);
            }
        }

        [Fact]
        public void Probes_read_each_directory_once_and_share_the_listings_with_the_walk()
        {
            var inner = new InMemoryFileSystem()
                .AddFile("/ctx/a", "x")
                .AddFile("/ctx/a-b", "x")
                .AddFile("/ctx/a.b", "x")
                .AddFile("/ctx/B", "x")
                .AddFile("/ctx/_x", "x")
                .AddFile("/ctx/ab/c.txt", "x")
                .AddFile("/ctx/src/App/App.csproj", "x")
                .AddFile("/ctx/src/App/Program.cs", "x")
                .AddFile("/ctx/src/Lib/Lib.csproj", "x");
            var files = new CountingFileSystem(inner);
            var context = new BuildContext(files, "/ctx", null);
            int statsAfterCreation = files.Stats;

            // Names that sort next to each other are told apart exactly; case counts as on Linux's file systems.
            foreach (var name in new[] { "a", "a-b", "a.b", "B", "_x" })
                Assert.Equal(ContextEntryKind.File, context.Probe(name).Kind);
            Assert.Equal(ContextEntryKind.Directory, context.Probe("ab").Kind);
            Assert.Equal(ContextEntryKind.Missing, context.Probe("a.").Kind);
            Assert.Equal(ContextEntryKind.Missing, context.Probe("ab/c").Kind);
            Assert.Equal(ContextEntryKind.Missing, context.Probe("a/b").Kind); // under a file
            Assert.Equal(ContextEntryKind.Missing, context.Probe("nowhere/x").Kind);
            Assert.Equal(ContextEntryKind.File, context.Probe("src/App/App.csproj").Kind);
            Assert.Equal(ContextEntryKind.File, context.Probe("src/App/Program.cs").Kind);
            Assert.Equal(ContextEntryKind.Directory, context.Probe("src/Lib").Kind);
            if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux))
            {
                Assert.Equal(ContextEntryKind.Missing, context.Probe("b").Kind);
                Assert.Equal(statsAfterCreation, files.Stats); // no stat call per probed path
            }

            int listedBeforeWalk = files.Listed.Count;
            Assert.Equal(files.Listed.Count, files.Listed.Distinct().Count());
            Assert.Equal(5, context.Files.Files.Count(f => !f.Contains('/')));
            Assert.Equal(new[] { "ab/c.txt", "src/App/App.csproj", "src/App/Program.cs", "src/Lib/Lib.csproj" }, context.Files.Files.Where(f => f.Contains('/')).ToArray());
            // The walk reads only the directories no probe had read yet.
            Assert.Equal(files.Listed.Count, files.Listed.Distinct().Count());
            Assert.True(files.Listed.Count > listedBeforeWalk);
        }

        [Fact]
        public void The_disk_listing_names_kinds_and_treats_a_missing_directory_or_a_file_as_empty()
        {
            string root = Path.Combine(Path.GetTempPath(), "dba-listing-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(Path.Combine(root, "sub"));
                File.WriteAllText(Path.Combine(root, "a.txt"), "x");
                var fs = PhysicalFileSystem.Instance;
                var entries = fs.EnumerateEntries(root).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
                Assert.Equal(new[] { ("a.txt", false), ("sub", true) }, entries.Select(e => (e.Name, e.IsDirectory)).ToArray());
                Assert.Empty(fs.EnumerateEntries(Path.Combine(root, "missing")));
                Assert.Empty(fs.EnumerateEntries(Path.Combine(root, "a.txt")));
                Assert.Empty(fs.EnumerateEntries(Path.Combine(root, "a.txt", "below")));
            }
            finally
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { }
            }
        }
    }
}
