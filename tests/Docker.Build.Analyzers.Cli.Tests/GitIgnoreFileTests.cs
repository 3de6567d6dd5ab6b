using Docker.Build.Analyzers.Cli.Folders;
using Xunit;

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary>The .gitignore reader, in-process: git's pattern rules the folder walk relies on.</summary>
    public class GitIgnoreFileTests
    {
        [Theory]
        [InlineData("build", "build", true, true)]
        [InlineData("build", "src/build", true, true)]
        [InlineData("/build", "src/build", true, null)]
        [InlineData("build/", "build", false, null)]
        [InlineData("build/", "build", true, true)]
        [InlineData("src/gen", "src/gen", true, true)]
        [InlineData("src/gen", "x/src/gen", true, null)]
        [InlineData("*.log", "a/b/c.log", false, true)]
        [InlineData("a/**/z", "a/z", true, true)]
        [InlineData("a/**/z", "a/b/c/z", true, true)]
        [InlineData("a/**", "a", true, null)]
        [InlineData("a/**", "a/b", false, true)]
        [InlineData("**/logs", "x/y/logs", true, true)]
        [InlineData("Docker[fF]ile.?", "Dockerfile.a", false, true)]
        [InlineData("Docker[!f]ile", "Dockerfile", false, null)]
        [InlineData("\\#file", "#file", false, true)]
        [InlineData("# comment", "# comment", false, null)]
        [InlineData("keep\\ ", "keep ", false, true)]
        public void Patterns_match_as_git_reads_them(string pattern, string path, bool isDirectory, bool? excluded)
        {
            Assert.Equal(excluded, GitIgnoreFile.Parse(pattern).Decide(path, isDirectory));
        }

        [Fact]
        public void The_last_matching_pattern_wins_and_negation_reincludes()
        {
            var file = GitIgnoreFile.Parse("*.yml\n!compose.yml\n");
            Assert.Equal(true, file.Decide("other.yml", false));
            Assert.Equal(false, file.Decide("compose.yml", false));
        }

        [Fact]
        public void Many_stars_against_a_long_name_do_not_backtrack_exponentially()
        {
            var file = GitIgnoreFile.Parse(new string('*', 64) + "b\n" + string.Join("/", System.Linq.Enumerable.Repeat("**", 40)) + "/x");
            Assert.Null(file.Decide(new string('a', 5000), false));
            Assert.Null(file.Decide(string.Join("/", System.Linq.Enumerable.Repeat("a", 2000)), false));
        }
    }
}
