using System.Linq;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.DockerIgnore
{
    /// <summary>Docker's documented .dockerignore behaviour, one case per test, with Linux semantics (backslash escapes).</summary>
    public class DockerIgnoreMatcherTests
    {
        private static DockerIgnoreMatcher Matcher(string text) =>
            DockerIgnoreParser.Parse(SourceText.From(text, "/ctx/.dockerignore"), backslashEscapes: true).Matcher;

        [Theory]
        [InlineData("somedir/temporary.txt", true)]
        [InlineData("somedir/temp", true)]
        [InlineData("temporary.txt", false)]
        [InlineData("a/b/temp.txt", false)]
        public void Star_slash_temp_star_matches_one_level_below_the_root(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("*/temp*").IsExcluded(path));

        [Theory]
        [InlineData("somedir/subdir/temporary.txt", true)]
        [InlineData("somedir/temporary.txt", false)]
        public void Two_stars_match_two_levels_below_the_root(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("*/*/temp*").IsExcluded(path));

        [Theory]
        [InlineData("tempa", true)]
        [InlineData("tempb", true)]
        [InlineData("temp", false)]
        [InlineData("tempab", false)]
        [InlineData("dir/tempa", false)]
        public void Question_mark_is_exactly_one_character(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("temp?").IsExcluded(path));

        [Theory]
        [InlineData("main.go", true)]
        [InlineData("cmd/app/main.go", true)]
        [InlineData("main.go.txt", false)]
        public void Double_star_matches_any_number_of_directories_including_none(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("**/*.go").IsExcluded(path));

        [Theory]
        [InlineData("bin", true)]
        [InlineData("bin/Debug/app.dll", true)]
        [InlineData("src/App/bin/Debug/app.dll", false)]
        public void Patterns_are_anchored_at_the_context_root_and_exclude_what_is_under_a_matched_directory(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("bin").IsExcluded(path));

        [Theory]
        [InlineData("bin/Debug/app.dll", true)]
        [InlineData("src/App/bin/Debug/app.dll", true)]
        [InlineData("src/App/binary.txt", false)]
        public void Double_star_slash_name_matches_at_every_depth(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("**/bin").IsExcluded(path));

        [Theory]
        [InlineData("docs", false)]
        [InlineData("docs/a.md", true)]
        [InlineData("docs/deep/b.md", true)]
        public void Trailing_double_star_matches_the_content_but_not_the_directory(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("docs/**").IsExcluded(path));

        [Theory]
        [InlineData("foo/bar", true)]
        [InlineData("foo/bar/x", true)]
        [InlineData("foo", false)]
        public void Leading_and_trailing_slashes_and_dot_segments_are_cleaned(string path, bool excluded)
        {
            Assert.Equal(excluded, Matcher("/foo/bar/").IsExcluded(path));
            Assert.Equal(excluded, Matcher("./foo/./baz/../bar").IsExcluded(path));
        }

        [Theory]
        [InlineData("README.md", false)]
        [InlineData("CHANGES.md", true)]
        [InlineData("docs/README.md", false)]
        public void Exception_re_includes_a_file(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("*.md\n!README.md").IsExcluded(path));

        [Theory]
        [InlineData("README.md", false)]
        [InlineData("README-public.md", false)]
        [InlineData("README-secret.md", true)]
        [InlineData("CHANGES.md", true)]
        public void Last_matching_line_wins(string path, bool excluded) =>
            Assert.Equal(excluded, Matcher("*.md\n!README*.md\nREADME-secret.md").IsExcluded(path));

        [Fact]
        public void A_later_exception_overrides_an_earlier_exclusion()
        {
            var m = Matcher("*.md\nREADME-secret.md\n!README*.md");
            Assert.False(m.IsExcluded("README-secret.md"));
            Assert.True(m.IsExcluded("CHANGES.md"));
        }

        [Fact]
        public void Exception_can_re_include_a_file_inside_an_excluded_directory()
        {
            var m = Matcher(".git\n!.git/HEAD");
            Assert.True(m.IsExcluded(".git/config"));
            Assert.False(m.IsExcluded(".git/HEAD"));
        }

        [Fact]
        public void Comments_need_the_hash_in_the_first_column_and_blank_lines_are_skipped()
        {
            var file = DockerIgnoreParser.Parse(SourceText.From("# comment\n\n   \n  # not a comment\n*.log  \n"), backslashEscapes: true);
            Assert.Equal(new[] { "# not a comment", "*.log" }, file.Patterns.Select(p => p.Pattern).ToArray());
            Assert.True(file.Matcher.IsExcluded("# not a comment"));
            Assert.True(file.Matcher.IsExcluded("app.log"));
        }

        [Fact]
        public void Star_matches_dotfiles_and_matching_is_case_sensitive()
        {
            var m = Matcher("*.env\n*.PFX");
            Assert.True(m.IsExcluded(".env"));
            Assert.False(m.IsExcluded("cert.pfx"));
            Assert.True(m.IsExcluded("cert.PFX"));
        }

        [Theory]
        [InlineData("[abc].txt", "b.txt", true)]
        [InlineData("[a-c].txt", "d.txt", false)]
        [InlineData("[^a].txt", "b.txt", true)]
        [InlineData("[^a].txt", "a.txt", false)]
        [InlineData("[!a].txt", "!.txt", true)]
        [InlineData("[!a].txt", "b.txt", false)]
        [InlineData("a\\*b", "a*b", true)]
        [InlineData("a\\*b", "axb", false)]
        [InlineData("file.(1)+$", "file.(1)+$", true)]
        public void Character_classes_and_escapes_follow_go_filepath_match(string pattern, string path, bool excluded) =>
            Assert.Equal(excluded, Matcher(pattern).IsExcluded(path));

        [Theory]
        [InlineData("**.txt", "a/b/c.txt", true)]
        [InlineData("abc**", "abc/def/x", true)]
        [InlineData("abc**", "abcdef", true)]
        [InlineData("**", "anything/at/all", true)]
        public void Double_star_without_a_slash_degrades_to_prefix_or_suffix(string pattern, string path, bool excluded) =>
            Assert.Equal(excluded, Matcher(pattern).IsExcluded(path));

        // The table below checks one documented rule per group. Sources: Docker's ".dockerignore file" reference
        // (docs.docker.com/build/concepts/context/#dockerignore-files) and the pattern matcher it names
        // (moby/patternmatcher), as summarised in section 6 of the research notes.
        [Theory]
        // Anchoring: "the root of the context is considered to be both the working and the root directory";
        // there is no implicit "**/" in front of a pattern (unlike .gitignore).
        [InlineData("foo/bar", "foo/bar", true)]
        [InlineData("foo/bar", "x/foo/bar", false)]
        [InlineData("/foo/bar", "foo/bar", true)]
        [InlineData("*.pfx", "cert.pfx", true)]
        [InlineData("*.pfx", "certs/cert.pfx", false)]
        [InlineData("bin", "src/bin", false)]
        // Parent directories: a path is excluded when a pattern matches it or any directory above it.
        [InlineData("node_modules", "node_modules/a/b/c.js", true)]
        [InlineData("src/*", "src/a/b.cs", true)]
        [InlineData("*/obj", "App/obj/x/y", true)]
        [InlineData("a/b", "a", false)]
        // Exceptions: a "!" line re-includes, even inside an excluded directory.
        [InlineData("bin\n!bin/keep", "bin/keep", false)]
        [InlineData("bin\n!bin/keep", "bin/keep/x", false)]
        [InlineData("bin\n!bin/keep", "bin/other", true)]
        [InlineData("*\n!src", "src/a.cs", false)]
        [InlineData("*\n!src", "README.md", true)]
        [InlineData("*\n!src/**", "src/a.cs", false)]
        [InlineData("*\n!src/**", "src", true)]
        // Order: "the last line that matches a particular file determines whether it is included or excluded".
        [InlineData("!a\na", "a", true)]
        [InlineData("a\n!a", "a", false)]
        [InlineData("a\n!a\na", "a", true)]
        [InlineData("*.md\n!README.md\nREADME.md", "README.md", true)]
        // "**" matches any number of directories, including zero; "x/**" is the content of x, not x itself.
        [InlineData("**/x", "x", true)]
        [InlineData("**/x", "a/b/x", true)]
        [InlineData("**/x", "ax", false)]
        [InlineData("a/**/b", "a/b", true)]
        [InlineData("a/**/b", "a/x/y/b", true)]
        [InlineData("a/**/b", "ab", false)]
        [InlineData("a/**", "a", false)]
        [InlineData("a/**", "a/b", true)]
        [InlineData("**", "a", true)]
        [InlineData("**/*.cs", "x.cs", true)]
        [InlineData("**/**/**/x", "x", true)]
        [InlineData("**/**/**/x", "a/b/c/d/x", true)]
        [InlineData("**/**/**/x", "a/b/c/d/y", false)]
        // "**" next to other characters: Docker turns "**" into "any directories" ("(.*/)?"), and a leading or
        // trailing "**" into a plain suffix or prefix test.
        [InlineData("a**b", "a/b", true)]
        [InlineData("a**b", "a/x/b", true)]
        [InlineData("a**b", "axb", false)]
        [InlineData("**x", "a/bx", true)]
        [InlineData("x**", "xy/z", true)]
        // Character classes (Go filepath.Match): ranges, "^" negation, and "!" is an ordinary member.
        [InlineData("[a-c]x", "bx", true)]
        [InlineData("[a-c]x", "dx", false)]
        [InlineData("[^a-c]x", "dx", true)]
        [InlineData("[^a-c]x", "ax", false)]
        [InlineData("[!a]x", "!x", true)]
        [InlineData("[!a]x", "bx", false)]
        [InlineData("[\\]a]x", "]x", true)]
        [InlineData("[\\-a]x", "-x", true)]
        [InlineData("[\\-a]x", "bx", false)]
        // Escapes (Linux and macOS): "\" makes the next character literal.
        [InlineData("\\*", "*", true)]
        [InlineData("\\*", "a", false)]
        [InlineData("a\\?", "a?", true)]
        [InlineData("a\\?", "ab", false)]
        [InlineData("\\[x]", "[x]", true)]
        [InlineData("\\#x", "#x", true)]
        // Cleaning with Go's filepath.Clean, then one leading "/" removed.
        [InlineData("./a", "a", true)]
        [InlineData("a/", "a/b", true)]
        [InlineData("/a", "a", true)]
        [InlineData("a/../b", "b", true)]
        [InlineData("a/../b", "a", false)]
        [InlineData("a//b", "a/b", true)]
        // "*" and "?" match any character but "/", dots included: dotfiles are not special.
        [InlineData("*", ".env", true)]
        [InlineData(".*", ".git/config", true)]
        [InlineData("*/.env", "app/.env", true)]
        [InlineData("?env", ".env", true)]
        // Matching is case-sensitive.
        [InlineData("Bin", "bin", false)]
        [InlineData("bin", "BIN", false)]
        // Comments need "#" in column 1; lines are trimmed of white space.
        [InlineData("#a", "#a", false)]
        [InlineData(" #a", "#a", true)]
        [InlineData("  a  ", "a", true)]
        [InlineData("\ta\t", "a", true)]
        [InlineData("a\n!   a", "a", false)]
        public void Documented_pattern_rules(string ignoreFile, string path, bool excluded) =>
            Assert.Equal(excluded, Matcher(ignoreFile).IsExcluded(path));

        [Fact]
        public void Spaces_after_the_exception_mark_are_ignored()
        {
            var file = DockerIgnoreParser.Parse(SourceText.From("*.md\n!  README.md"), backslashEscapes: true);
            Assert.True(file.Patterns[1].IsException);
            Assert.Equal("README.md", file.Patterns[1].Pattern);
            Assert.False(file.Matcher.IsExcluded("README.md"));
        }

        [Fact]
        public void A_lone_exception_mark_and_a_malformed_class_are_errors_and_match_nothing()
        {
            var file = DockerIgnoreParser.Parse(SourceText.From("!\n[abc\nbin\n"), backslashEscapes: true);
            Assert.Equal(new[] { 1, 2 }, file.Errors.Select(e => e.Line).ToArray());
            Assert.False(file.Matcher.IsExcluded("[abc"));
            Assert.True(file.Matcher.IsExcluded("bin/x"));
        }

        [Fact]
        public void Patterns_keep_their_line_and_column_spans()
        {
            var source = SourceText.From("# header\n  bin/  \n! obj\n", "/ctx/.dockerignore");
            var file = DockerIgnoreParser.Parse(source, backslashEscapes: true);
            var bin = file.Patterns[0];
            Assert.Equal(2, bin.Line);
            Assert.Equal(new LinePosition(2, 3), source.GetLinePosition(bin.Span.Start));
            Assert.Equal("bin/", source.ToString(bin.Span));
            Assert.Equal("bin", bin.Pattern);
            var obj = file.Patterns[1];
            Assert.Equal("! obj", source.ToString(obj.Span));
            Assert.Equal("obj", source.ToString(obj.PatternSpan));
            Assert.Equal(new LinePosition(3, 3), source.GetLinePosition(obj.PatternSpan.Start));
        }

        [Fact]
        public void The_deciding_pattern_is_the_last_that_matched()
        {
            var file = DockerIgnoreParser.Parse(SourceText.From("*.json\n!appsettings.json\nappsettings.json\n"), backslashEscapes: true);
            var match = file.Matcher.Match("appsettings.json");
            Assert.True(match.IsExcluded);
            Assert.Equal(3, match.DecidingPattern!.Line);
        }

        [Fact]
        public void Crlf_line_endings_and_a_byte_order_mark_do_not_leak_into_patterns()
        {
            var text = Docker.Build.Analyzers.Analysis.AssetReader.Decode(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'b', (byte)'i', (byte)'n', 13, 10, (byte)'o', (byte)'b', (byte)'j', 13, 10 }, "/ctx/.dockerignore", out _)!;
            var file = DockerIgnoreParser.Parse(text, backslashEscapes: true);
            Assert.Equal(new[] { "bin", "obj" }, file.Patterns.Select(p => p.Pattern).ToArray());
        }

        [Fact]
        public void On_windows_a_backslash_separates_directories()
        {
            var file = DockerIgnoreParser.Parse(SourceText.From("src\\*\\bin"), backslashEscapes: false);
            Assert.True(file.Matcher.IsExcluded("src/App/bin/x.dll"));
            var linux = DockerIgnoreParser.Parse(SourceText.From("src\\*\\bin"), backslashEscapes: true);
            Assert.False(linux.Matcher.IsExcluded("src/App/bin/x.dll"));
        }

        [Fact]
        public void Walk_evaluation_agrees_with_whole_path_evaluation()
        {
            var m = Matcher("**/bin\n!**/bin/keep.txt\n*.md\n!docs/**\nsecret\n");
            string[] paths = { "bin", "bin/a.dll", "bin/keep.txt", "src/App/bin/keep.txt", "src/App/bin/x", "a.md", "docs/a.md", "secret/x", "docs/secret" };
            foreach (var path in paths)
            {
                var state = DockerIgnoreMatcher.WalkState.Root;
                var segments = path.Split('/');
                for (int i = 0; i < segments.Length; i++) state = m.Evaluate(string.Join("/", segments.Take(i + 1)), state);
                Assert.True(m.IsExcluded(path) == state.IsExcluded, path);
            }
        }

        [Fact]
        public void Excluded_directories_are_skipped_only_when_no_exception_reaches_inside()
        {
            Assert.True(Matcher("node_modules").CanSkipExcludedDirectory("node_modules"));
            Assert.False(Matcher(".git\n!.git/HEAD").CanSkipExcludedDirectory(".git"));
            Assert.True(Matcher(".git\n!.git/HEAD").CanSkipExcludedDirectory("bin"));
            Assert.False(Matcher("bin\n!**/keep.txt").CanSkipExcludedDirectory("bin"));
        }
    }
}
