using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class IneffectiveIgnorePatternTests
    {
        private const string Id = "DKR406";

        private static string[] For(string ignore) => Findings(Id, Project(), null, ignore);

        [Fact]
        public void Reports_a_pattern_docker_rejects_at_the_pattern()
        {
            Assert.Equal(new[] { "DKR406@.dockerignore:2:3" }, For("**/bin\n  !\n"));
            Assert.Equal(new[] { "DKR406@.dockerignore:1:1" }, For("src/[a-\n**/obj\n"));
            var d = Single(Id, Project(), null, "**/bin\nsrc/[a-\n");
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("is rejected by Docker", d.Message);
        }

        [Fact]
        public void Reports_absolute_windows_paths_and_paths_above_the_context()
        {
            Assert.Equal(new[] { "DKR406@.dockerignore:2:1", "DKR406@.dockerignore:3:1" }, For("**/bin\nC:\\src\\App\\secrets.json\n../shared/obj\n"));
            var d = Single(Id, Project(), null, "**/bin\nC:/src/App/secrets.json\n");
            Assert.Contains("excludes nothing: patterns are paths relative to the build context root, never absolute Windows paths", d.Message);
            Assert.Contains("'**/secrets.json'", d.Message);
        }

        [Fact]
        public void Reports_a_file_of_only_exceptions_once()
        {
            Assert.Equal(new[] { "DKR406@.dockerignore:2:1" }, For("# keep these\n!src\n!App.csproj\n"));
            Assert.Contains("the file excludes nothing", Single(Id, Project(), null, "!src\n!App.csproj\n").Message);
        }

        [Fact]
        public void Reports_exceptions_that_come_before_any_exclusion_as_suggestions()
        {
            var all = Run(Project(), null, "!README.md\n*.md\n");
            Assert.Equal(new[] { "DKR406@.dockerignore:1:1" }, Findings(Id, all));
            Assert.Equal(DiagnosticSeverity.Suggestion, Assert.Single(all, x => x.Id == Id).Severity);
        }

        [Fact]
        public void Reports_a_plain_exception_that_no_plain_exclusion_before_it_touches()
        {
            Assert.Equal(new[] { "DKR406@.dockerignore:3:1" }, For("docs\ntests\n!src/App\n"));
        }

        [Theory]
        [InlineData("*.md\n!README.md\n")]
        [InlineData("**\n!src\n!*.csproj\n")]
        [InlineData("docs\n!docs/index.md\n")]
        [InlineData("docs/api\n!docs\n")]
        [InlineData("**/bin\n**/obj\n.git\n/secrets/\n./tmp\n")]
        [InlineData("src/*\n!src/App\n")]
        [InlineData("a/../b\n")]
        public void Silent_for_patterns_that_can_match(string ignore)
        {
            Assert.Empty(For(ignore));
        }

        [Fact]
        public void Suppressed_by_the_next_line_comment()
        {
            Assert.Empty(For("**/bin\n# dkr-disable-next-line DKR406\nC:\\temp\n"));
        }
    }
}
