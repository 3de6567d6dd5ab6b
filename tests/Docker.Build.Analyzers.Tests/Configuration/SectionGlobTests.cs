using System.Linq;
using Docker.Build.Analyzers.Configuration;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Configuration
{
    /// <summary>Section names the compiler's regular expressions would take exponential time on (not asked of the compiler).</summary>
    public class SectionGlobTests
    {
        [Fact]
        public void Hostile_stars_fail_without_backtracking()
        {
            var glob = SectionGlob.TryCreate(string.Concat(Enumerable.Repeat("*a", 40)) + "*c");
            Assert.NotNull(glob);
            Assert.False(glob!.IsMatch("/" + new string('a', 4000) + "b"));
            Assert.True(glob.IsMatch("/" + new string('a', 4000) + "c"));
        }

        [Fact]
        public void Hostile_double_stars_and_choices_fail_without_backtracking()
        {
            var glob = SectionGlob.TryCreate(string.Concat(Enumerable.Repeat("**/{a,a*}", 30)) + "/x");
            Assert.NotNull(glob);
            string path = "/" + string.Join("/", Enumerable.Repeat("a", 2000));
            Assert.False(glob!.IsMatch(path));
            Assert.True(glob.IsMatch(path + "/x"));
        }

        [Fact]
        public void Deeply_nested_choices_are_invalid_not_a_stack_overflow()
        {
            Assert.Null(SectionGlob.TryCreate(new string('{', 100000) + "a" + new string('}', 100000)));
            Assert.NotNull(SectionGlob.TryCreate(new string('{', 10) + "a" + new string('}', 10)));
        }

        [Theory]
        [InlineData("*", "/Dockerfile", true)]
        [InlineData("*.yml", "/deploy/compose.yml", true)]
        [InlineData("src/*", "/src/Api/Dockerfile", false)]
        [InlineData("src/**", "/src/Api/Dockerfile", true)]
        [InlineData("file{1..3}", "/file3", true)]
        [InlineData("file{1..3}", "/file0", false)]
        [InlineData("[!a]x", "/bx", true)]
        [InlineData("[!a]x", "/ax", false)]
        public void Hand_checked_matches(string section, string path, bool expected)
        {
            Assert.Equal(expected, SectionGlob.TryCreate(section)!.IsMatch(path));
        }
    }
}
