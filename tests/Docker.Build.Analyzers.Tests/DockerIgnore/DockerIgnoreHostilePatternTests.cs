using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.DockerIgnore
{
    /// <summary>
    /// Lines that make a backtracking matcher take exponential time, and files with very many lines: the answers
    /// stay right and the work stays within the automaton's bound of (tokens + 1) × path length per test. Work is
    /// counted, not timed; the only clock is a generous ceiling (the machine may be shared) that turns a hang into a failure.
    /// </summary>
    public class DockerIgnoreHostilePatternTests
    {
        private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);

        private static DockerIgnoreFile Parse(string text) =>
            DockerIgnoreParser.Parse(SourceText.From(text, "/ctx/.dockerignore"), backslashEscapes: true);

        private static T Within<T>(Func<T> work)
        {
            var task = Task.Run(work);
            Assert.True(task.Wait(Ceiling), "did not finish within " + Ceiling);
            return task.Result;
        }

        private static long Bound(DockerIgnorePattern pattern, string path) => (long)(pattern.TokenCount + 1) * (path.Length + 1) + 1;

        [Fact]
        public void Many_stars_against_a_long_name_read_the_name_once()
        {
            var file = Parse(string.Concat(Enumerable.Repeat("a*", 12)) + "b");
            var pattern = file.Patterns[0];
            string name = new string('a', 40);

            long steps = 0;
            Assert.False(Within(() => pattern.IsMatch(name)));
            Assert.False(pattern.IsMatch(name, ref steps));
            Assert.InRange(steps, 1, Bound(pattern, name));

            steps = 0;
            Assert.True(pattern.IsMatch(name + "b", ref steps));
            Assert.InRange(steps, 1, Bound(pattern, name + "b"));
            Assert.True(file.Matcher.IsExcluded(name + "b/inside"));
            Assert.False(file.Matcher.IsExcluded(name + "/b"));
        }

        [Fact]
        public void Twenty_double_star_segments_against_a_deep_path_stay_linear()
        {
            var file = Parse(string.Concat(Enumerable.Repeat("**/", 20)) + "x");
            var pattern = file.Patterns[0];
            string deep = string.Join("/", Enumerable.Repeat("d", 30));

            long steps = 0;
            Assert.False(Within(() => pattern.IsMatch(deep + "/y")));
            Assert.False(pattern.IsMatch(deep + "/y", ref steps));
            Assert.InRange(steps, 0, Bound(pattern, deep + "/y"));
            Assert.True(pattern.IsMatch(deep + "/x"));
            Assert.True(pattern.IsMatch("x"));
            Assert.True(file.Matcher.IsExcluded(deep + "/x/file"));
            Assert.False(file.Matcher.IsExcluded(deep + "/xy"));
        }

        [Fact]
        public void Hostile_lines_over_a_deep_context_walk_in_bounded_work()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/ctx/.dockerignore", string.Concat(Enumerable.Repeat("**/", 20)) + "x\n" + string.Concat(Enumerable.Repeat("a*", 12)) + "b\n");
            string deep = "/ctx/" + string.Join("/", Enumerable.Repeat("d", 30));
            files.AddFile(deep + "/x", "hidden").AddFile(deep + "/y", "seen").AddFile("/ctx/" + new string('a', 40), "seen");
            var context = new BuildContext(files, "/ctx", BuildContext.LoadIgnoreFile(files, "/ctx/.dockerignore"), limits: new BuildContextLimits(20000, 40));

            var list = Within(() => context.Files);
            Assert.False(list.Truncated);
            Assert.Contains(deep.Substring(5) + "/y", list.Files);
            Assert.Contains(new string('a', 40), list.Files);
            Assert.DoesNotContain(deep.Substring(5) + "/x", list.Files);
        }

        [Fact]
        public void A_hundred_thousand_lines_load_and_match_with_a_few_tests_per_path()
        {
            var text = new StringBuilder();
            for (int i = 0; i < 25000; i++)
            {
                text.Append("generated/file").Append(i).Append(".txt\n");
                text.Append("*.ext").Append(i).Append('\n');
                text.Append("**/name").Append(i).Append('\n');
                text.Append("dir").Append(i).Append("/**\n");
            }
            text.Append("!generated/file7.txt\n");

            var file = Within(() => Parse(text.ToString()));
            Assert.Equal(100001, file.Patterns.Count);
            var matcher = file.Matcher;

            (string Path, bool Excluded)[] cases =
            {
                ("generated/file3.txt", true),
                ("generated/file7.txt", false),
                ("generated/file25000.txt", false),
                ("a.ext24999", true),
                ("src/a.ext5", false),
                ("src/deep/name123", true),
                ("name9/inside", true),
                ("dir42", false),
                ("dir42/x/y", true),
                ("src/Program.cs", false),
            };
            foreach (var (path, excluded) in cases)
            {
                long work = 0;
                Assert.True(excluded == matcher.Match(path, ref work).IsExcluded, path);
                // A few dozen candidates, not 100,000 tests.
                Assert.True(work <= 2000, path + ": " + work);
            }

            var files = new InMemoryFileSystem().AddFile("/ctx/.dockerignore", text.ToString());
            for (int i = 0; i < 300; i++)
                files.AddFile("/ctx/src/f" + i + ".cs", "").AddFile("/ctx/generated/file" + i + ".txt", "").AddFile("/ctx/a" + i + ".ext" + i, "");
            var context = new BuildContext(files, "/ctx", BuildContext.LoadIgnoreFile(files, "/ctx/.dockerignore"));
            var list = Within(() => context.Files);
            Assert.False(list.Truncated);
            Assert.Contains("generated/file7.txt", list.Files);
            Assert.DoesNotContain("generated/file8.txt", list.Files);
            Assert.Contains("src/f8.cs", list.Files);
            Assert.DoesNotContain("a8.ext8", list.Files);
        }

        [Fact]
        public void Lines_that_no_index_can_narrow_stop_the_walk_at_the_work_budget()
        {
            // Every line starts and ends with a wildcard, so every one must be tried on every path.
            var text = new StringBuilder();
            for (int i = 0; i < 100000; i++) text.Append("*q").Append(i).Append("*\n");
            var files = new InMemoryFileSystem().AddFile("/ctx/.dockerignore", text.ToString());
            for (int i = 0; i < 200; i++) files.AddFile("/ctx/f" + i + ".cs", "");
            var context = new BuildContext(files, "/ctx", BuildContext.LoadIgnoreFile(files, "/ctx/.dockerignore"), limits: new BuildContextLimits(20000, 24, maxMatchWork: 5_000_000));

            var list = Within(() => context.Files);
            Assert.True(list.Truncated);
            Assert.All(list.Files, f => Assert.True(f == ".dockerignore" || f.StartsWith("f", StringComparison.Ordinal), f));
        }

        /// <summary>
        /// The automaton against the backtracking regular expression the previous implementation built (the same
        /// translation Docker makes), on random short patterns and paths where backtracking is still affordable.
        /// </summary>
        [Fact]
        public void Agrees_with_the_regular_expression_translation_on_random_cases()
        {
            string[] pieces = { "a", "b", "/", "*", "?", "**", "**/", "[ab]", "[^a]", "[!a]", "[a-b]", "\\*", "." };
            var random = new Random(4711);
            for (int round = 0; round < 3000; round++)
            {
                var pattern = new StringBuilder();
                int count = random.Next(1, 7);
                for (int k = 0; k < count; k++) pattern.Append(pieces[random.Next(pieces.Length)]);
                var file = Parse(pattern.ToString());
                if (file.Errors.Count > 0) continue;
                var compiled = file.Patterns[0];
                var reference = ReferenceTranslation(compiled.Pattern);
                for (int t = 0; t < 20; t++)
                {
                    var path = new StringBuilder();
                    int length = random.Next(1, 9);
                    for (int k = 0; k < length; k++) path.Append("ab/*!.-"[random.Next(7)]);
                    string p = path.ToString();
                    bool expected = reference(p);
                    Assert.True(expected == compiled.IsMatch(p), $"pattern '{compiled.Pattern}' path '{p}': expected {expected}");
                }
            }
        }

        /// <summary>Docker's four match kinds, with its regex translation for the last; Linux escapes.</summary>
        private static Func<string, bool> ReferenceTranslation(string pattern)
        {
            var regex = new StringBuilder("^");
            string kind = "exact";
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    bool atStart = i == 0;
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/') i++;
                    if (i + 1 >= pattern.Length)
                    {
                        if (kind == "exact") kind = "prefix";
                        else { regex.Append(".*"); kind = "regex"; }
                    }
                    else { regex.Append("(.*/)?"); kind = "regex"; }
                    if (atStart) kind = "suffix";
                }
                else if (c == '*') { regex.Append("[^/]*"); kind = "regex"; }
                else if (c == '?') { regex.Append("[^/]"); kind = "regex"; }
                else if (c == '\\') { regex.Append(Regex.Escape(pattern[++i].ToString())); kind = "regex"; }
                else if (c == '[')
                {
                    int close = pattern.IndexOf(']', i + 2);
                    regex.Append(pattern, i, close - i + 1);
                    i = close;
                    kind = "regex";
                }
                else regex.Append(Regex.Escape(c.ToString()));
            }
            switch (kind)
            {
                case "exact": return p => p == pattern;
                case "prefix": return p => p.StartsWith(pattern.Substring(0, pattern.Length - 2), StringComparison.Ordinal);
                case "suffix":
                    {
                        string suffix = pattern.Substring(2);
                        return p => p.EndsWith(suffix, StringComparison.Ordinal) || suffix.Length > 0 && suffix[0] == '/' && p == suffix.Substring(1);
                    }
                default:
                    var re = new Regex(regex.Append("\\z").ToString(), RegexOptions.CultureInvariant);
                    return p => re.IsMatch(p);
            }
        }
    }
}
