using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.DockerIgnore;
using Xunit;

namespace Docker.Build.Analyzers.Tests.DockerIgnore
{
    /// <summary>
    /// The walk skips an excluded directory only when no exception can match anything below it, and then gives exactly
    /// the files a walk into every directory gives.
    /// </summary>
    public class ExcludedDirectorySkipTests
    {
        [Theory]
        [InlineData("**/bin\n!src/*/README.md\n", "src/Api/bin", true)]
        [InlineData("**/bin\n!**/.gitignore\n", "src/Api/bin", false)]
        [InlineData("**/bin\n!src/Api/bin/keep.txt\n", "src/Api/bin", false)]
        [InlineData("**/bin\n!src/Api/bin/keep.txt\n", "src/Web/bin", true)]
        [InlineData("**/bin\n!src/*/bin/*.json\n", "src/Web/bin", false)]
        [InlineData("**/bin\n!src/*/bin/*.json\n", "tools/bin", true)]
        [InlineData(".git\n!.git/HEAD\n", ".git", false)]
        [InlineData(".git\n!.git/HEAD\n", ".git/objects", true)]
        [InlineData("docs\n!docs/**\n", "docs", false)]
        [InlineData("**/obj\n![a-c]*/obj/x\n", "bin/obj", false)]
        [InlineData("**/obj\n![a-c]*/obj/x\n", "src/obj", true)]
        [InlineData("*\n!*.md\n", "src", true)]
        [InlineData("*\n!src\n", "lib", true)]
        public void Skips_only_what_no_exception_can_reach(string ignore, string directory, bool skip) =>
            Assert.Equal(skip, DockerIgnoreParser.Parse(ignore).Matcher.CanSkipExcludedDirectory(directory));

        [Fact]
        public void The_walk_with_skips_equals_a_walk_into_every_directory()
        {
            var random = new Random(20261202);
            string[] names = { "src", "bin", "obj", "Api", "docs", "a", "b", ".git", "keep.txt", "README.md", "x.json", "y.cs", ".gitignore" };
            string[] pieces = { "**/bin", "**/obj", "bin", "src/*/bin", "docs", "*.md", "**/*.json", "src/**", ".git", "a/b", "**/a", "*", "[a-c]*", "src/?pi" };
            for (int round = 0; round < 300; round++)
            {
                var files = new InMemoryFileSystem();
                var all = new List<string>();
                for (int f = 0; f < 40; f++)
                {
                    int depth = 1 + random.Next(4);
                    string path = string.Join("/", Enumerable.Range(0, depth).Select(_ => names[random.Next(names.Length)]));
                    if (all.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal) || path.StartsWith(p + "/", StringComparison.Ordinal)) || all.Contains(path)) continue;
                    all.Add(path);
                    files.AddFile("/ctx/" + path, "x");
                }
                var lines = new List<string>();
                for (int l = 0; l < 1 + random.Next(6); l++)
                {
                    string piece = pieces[random.Next(pieces.Length)];
                    if (random.Next(3) == 0) piece = piece + "/" + names[random.Next(names.Length)];
                    lines.Add(random.Next(3) == 0 ? "!" + piece : piece);
                }
                var ignore = DockerIgnoreParser.Parse(string.Join("\n", lines));
                var walked = new BuildContext(files, "/ctx", ignore).Files.Files.OrderBy(p => p, StringComparer.Ordinal).ToArray();
                // The walk leaves out marker files ('.gitignore') that an exception re-includes inside an excluded
                // folder, and only those: anything else the build sees is walked.
                var expected = BruteForce(files, ignore.Matcher)
                    .Where(p => !(IsInsideExcludedFolder(p, ignore.Matcher) && p.Split('/').Contains(".gitignore")))
                    .OrderBy(p => p, StringComparer.Ordinal).ToArray();
                var omittedWrongly = walked.Except(BruteForce(files, ignore.Matcher)).ToArray();
                Assert.Empty(omittedWrongly);
                Assert.True(expected.All(walked.Contains), $"patterns:\n{string.Join("\n", lines)}\nfiles:\n{string.Join("\n", all)}\nexpected:\n{string.Join("\n", expected)}\nwalked:\n{string.Join("\n", walked)}");
            }
        }

        private static bool IsInsideExcludedFolder(string path, DockerIgnoreMatcher matcher)
        {
            var state = DockerIgnoreMatcher.WalkState.Root;
            var parts = path.Split('/');
            string prefix = "";
            for (int i = 0; i < parts.Length - 1; i++)
            {
                prefix = prefix.Length == 0 ? parts[i] : prefix + "/" + parts[i];
                state = matcher.Evaluate(prefix, state);
                if (state.IsExcluded) return true;
            }
            return false;
        }

        [Fact]
        public void Visual_Studio_template_walk_does_not_list_excluded_output_folders_for_gitignore_files()
        {
            var files = new RecordingFileSystem();
            files.AddFile("/ctx/src/Api/Api.csproj", "<Project />");
            files.AddFile("/ctx/src/Api/Program.cs", "");
            files.AddFile("/ctx/src/Api/.gitignore", "bin/");
            files.AddFile("/ctx/src/Api/bin/Debug/net8.0/Api.dll", "");
            files.AddFile("/ctx/src/Api/bin/.gitignore", "*");
            files.AddFile("/ctx/src/Api/obj/project.assets.json", "{}");
            files.AddFile("/ctx/src/Api/node_modules/pkg/index.js", "");
            var ignore = DockerIgnoreParser.Parse("**/bin\n**/obj\n**/node_modules\n!**/.gitignore\n");

            var walked = new BuildContext(files, "/ctx", ignore).Files.Files;

            Assert.Equal(new[] { "src/Api/.gitignore", "src/Api/Api.csproj", "src/Api/Program.cs" }, walked.OrderBy(p => p, StringComparer.Ordinal));
            Assert.DoesNotContain(files.Listed, d => d.Contains("/bin") || d.Contains("/obj") || d.Contains("node_modules"));
            // A question about one path still gets Docker's exact answer: the .gitignore inside bin/ is sent.
            Assert.True(new BuildContext(files, "/ctx", ignore).Probe("src/Api/bin/.gitignore").IsVisible);
        }

        [Fact]
        public void A_wildcard_exception_that_may_bring_back_more_than_marker_files_still_walks_the_folder()
        {
            var files = new RecordingFileSystem();
            files.AddFile("/ctx/src/Api/bin/appsettings.json", "{}");
            files.AddFile("/ctx/src/Api/bin/Api.dll", "");
            var ignore = DockerIgnoreParser.Parse("**/bin\n!**/*.json\n");

            var walked = new BuildContext(files, "/ctx", ignore).Files.Files;

            Assert.Equal(new[] { "src/Api/bin/appsettings.json" }, walked);
        }

        [Fact]
        public void A_filtered_query_asks_the_ignore_file_only_about_the_files_it_accepts()
        {
            var files = new InMemoryFileSystem();
            files.AddFile("/ctx/a/one.cs", "");
            files.AddFile("/ctx/a/.env", "X=1");
            files.AddFile("/ctx/b/two.cs", "");
            files.AddFile("/ctx/b/.env", "X=1");
            var ignore = DockerIgnoreParser.Parse("b/.env\n");
            var context = new BuildContext(files, "/ctx", ignore);
            var asked = new List<string>();

            var found = context.FilesUnder("", p => { asked.Add(p); return p.EndsWith(".env", StringComparison.Ordinal); }).ToList();

            Assert.Equal(new[] { "a/.env" }, found);
            Assert.Equal(new[] { "a/.env", "a/one.cs", "b/.env", "b/two.cs" }, asked.OrderBy(p => p, StringComparer.Ordinal));
            // The same answer as filtering the full walk.
            Assert.Equal(found, context.Files.Files.Where(p => p.EndsWith(".env", StringComparison.Ordinal)));
            Assert.Equal(new[] { "b/two.cs" }, context.FilesUnder("b", p => p.EndsWith(".cs", StringComparison.Ordinal)));
        }

        /// <summary>An in-memory file system that records which directories were listed.</summary>
        private sealed class RecordingFileSystem : IFileSystem
        {
            private readonly InMemoryFileSystem _inner = new InMemoryFileSystem();
            public readonly List<string> Listed = new List<string>();

            public RecordingFileSystem AddFile(string path, string text)
            {
                _inner.AddFile(path, text);
                return this;
            }

            public bool FileExists(string path) => _inner.FileExists(path);
            public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
            public long GetFileLength(string path) => _inner.GetFileLength(path);
            public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);

            public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
            {
                lock (Listed) Listed.Add(directory);
                return _inner.EnumerateEntries(directory);
            }
        }

        /// <summary>Every directory evaluated, none skipped.</summary>
        private static List<string> BruteForce(InMemoryFileSystem files, DockerIgnoreMatcher matcher)
        {
            var result = new List<string>();
            var stack = new Stack<(string Path, DockerIgnoreMatcher.WalkState State)>();
            stack.Push(("", DockerIgnoreMatcher.WalkState.Root));
            while (stack.Count > 0)
            {
                var (directory, state) = stack.Pop();
                foreach (var entry in files.EnumerateEntries(directory.Length == 0 ? "/ctx" : "/ctx/" + directory))
                {
                    string path = directory.Length == 0 ? entry.Name : directory + "/" + entry.Name;
                    var child = matcher.Evaluate(path, state);
                    if (entry.IsDirectory) stack.Push((path, child));
                    else if (!child.IsExcluded) result.Add(path);
                }
            }
            return result;
        }
    }
}
