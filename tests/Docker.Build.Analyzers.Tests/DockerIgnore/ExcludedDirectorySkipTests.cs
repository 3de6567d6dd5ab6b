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
                var expected = BruteForce(files, ignore.Matcher).OrderBy(p => p, StringComparer.Ordinal).ToArray();
                Assert.True(expected.SequenceEqual(walked), $"patterns:\n{string.Join("\n", lines)}\nfiles:\n{string.Join("\n", all)}\nexpected:\n{string.Join("\n", expected)}\nwalked:\n{string.Join("\n", walked)}");
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
