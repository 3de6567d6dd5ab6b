using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.DockerIgnore;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.DockerIgnore
{
    /// <summary>
    /// Above 32 lines the matcher tries on each path only the patterns its index files under the path's start, end
    /// and segments. The index may only skip patterns that cannot match: on random files its verdicts and deciding
    /// lines equal those of trying every line on every path, by whole path and along a walk.
    /// </summary>
    public class DockerIgnoreIndexTests
    {
        private static DockerIgnoreFile Parse(string text) =>
            DockerIgnoreParser.Parse(SourceText.From(text, "/ctx/.dockerignore"), backslashEscapes: true);

        [Fact]
        public void Indexed_matching_agrees_with_trying_every_line_on_random_files()
        {
            string[] pieces = { "a", "b", "gen", "gen1", "x.cs", "/", "/", "*", "?", "**", "**/", "[ab]", "[^a]", ".", "\\*", "bin" };
            string[] names = { "a", "b", "gen", "gen1", "x.cs", "bin", "ab", "a.cs", "*", "genx" };
            var random = new Random(20240611);
            for (int round = 0; round < 60; round++)
            {
                var text = new StringBuilder();
                int lines = random.Next(33, 90);
                for (int l = 0; l < lines; l++)
                {
                    if (random.Next(5) == 0) text.Append('!');
                    int count = random.Next(1, 6);
                    for (int k = 0; k < count; k++) text.Append(pieces[random.Next(pieces.Length)]);
                    text.Append('\n');
                }
                var file = Parse(text.ToString());
                var indexed = new DockerIgnoreMatcher(file.Patterns, useIndex: true);
                var linear = new DockerIgnoreMatcher(file.Patterns, useIndex: false);
                for (int t = 0; t < 200; t++)
                {
                    int depth = random.Next(1, 6);
                    var segments = new List<string>();
                    for (int k = 0; k < depth; k++) segments.Add(names[random.Next(names.Length)]);
                    string path = string.Join("/", segments);

                    var expected = linear.Match(path);
                    var actual = indexed.Match(path);
                    Assert.True(expected.IsExcluded == actual.IsExcluded, $"'{path}' with\n{text}");
                    Assert.Same(expected.DecidingPattern, actual.DecidingPattern);

                    var linearState = DockerIgnoreMatcher.WalkState.Root;
                    var indexedState = DockerIgnoreMatcher.WalkState.Root;
                    for (int k = 0; k < segments.Count; k++)
                    {
                        string prefix = string.Join("/", segments.Take(k + 1));
                        linearState = linear.Evaluate(prefix, linearState);
                        indexedState = indexed.Evaluate(prefix, indexedState);
                        Assert.True(linearState.IsExcluded == indexedState.IsExcluded, $"walk to '{prefix}' with\n{text}");
                        Assert.Same(linearState.DecidingPattern, indexedState.DecidingPattern);
                    }
                }
            }
        }

        [Fact]
        public void A_pattern_is_filed_under_a_segment_it_requires()
        {
            var text = new StringBuilder();
            for (int i = 0; i < 40; i++) text.Append("**/generated").Append(i).Append("/*.g.cs\n");
            text.Append("x**/generated3/y\n");
            var matcher = Parse(text.ToString()).Matcher;

            long work = 0;
            Assert.True(matcher.Match("src/App/generated7/Model.g.cs", ref work).IsExcluded);
            Assert.True(work <= 200, "work " + work); // one candidate and its automaton run, not forty
            Assert.False(matcher.IsExcluded("src/App/generated7x/Model.g.cs"));
            // "x**/" may match nothing, so "generated3" need not be a whole segment there.
            Assert.True(matcher.IsExcluded("xgenerated3/y"));
        }
    }
}
