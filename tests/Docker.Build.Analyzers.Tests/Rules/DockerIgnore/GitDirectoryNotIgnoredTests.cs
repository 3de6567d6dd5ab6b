using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class GitDirectoryNotIgnoredTests
    {
        private const string Id = "DKR402";

        private static InMemoryFileSystem WithGit() => Project().AddFile(ProjectDir + "/.git/HEAD", "ref: refs/heads/main");

        [Fact]
        public void Reports_at_line_1_when_git_is_in_the_context_root_and_not_excluded()
        {
            Assert.Equal(new[] { "DKR402@.dockerignore:1:1" }, Findings(Id, WithGit(), CopyAll, "# build output\n**/bin\n**/obj\n"));
            var d = Single(Id, WithGit(), CopyAll, "**/bin\n");
            Assert.StartsWith(".dockerignore does not exclude '.git', and the build context '/repo/src/App' holds it", d.Message);
        }

        [Fact]
        public void Reports_a_git_file_of_a_worktree_and_without_any_dockerfile()
        {
            var files = Project().AddFile(ProjectDir + "/.git", "gitdir: /repo/.git/worktrees/app");
            Assert.Equal(new[] { "DKR402@.dockerignore:1:1" }, Findings(Id, files, null, "**/bin\n"));
        }

        [Fact]
        public void A_root_only_dotgit_in_a_subfolder_pattern_is_not_enough()
        {
            Assert.Equal(new[] { "DKR402@.dockerignore:1:1" }, Findings(Id, WithGit(), CopyAll, "src/.git\n"));
        }

        [Theory]
        [InlineData(".git\n")]
        [InlineData("/.git/\n")]
        [InlineData("**/.git\n")]
        [InlineData(".git/*\n")]
        [InlineData(".*\n")]
        [InlineData("*\n!App.csproj\n!Program.cs\n")]
        [InlineData(".git\n!.git/HEAD\n")]
        public void Silent_when_excluded(string ignore)
        {
            Assert.Empty(Findings(Id, WithGit(), CopyAll, ignore));
        }

        [Fact]
        public void Silent_when_there_is_no_git_in_the_context_root()
        {
            // The repository root is above the project: the context does not hold .git.
            var files = Project().AddFile("/repo/.git/HEAD", "ref: refs/heads/main");
            Assert.Empty(Findings(Id, files, CopyAll, "**/bin\n"));
        }

        [Fact]
        public void Silent_for_a_dockerfile_specific_ignore_file_no_dockerfile_uses()
        {
            Assert.Empty(Findings(Id, WithGit(), null, "**/bin\n", ignorePath: ProjectDir + "/Other.Dockerfile.dockerignore"));
        }

        [Fact]
        public void Suppressed_by_a_file_level_comment_on_the_first_line()
        {
            Assert.Empty(Findings(Id, WithGit(), CopyAll, "# dkr-disable DKR402\n**/bin\n"));
        }
    }
}
