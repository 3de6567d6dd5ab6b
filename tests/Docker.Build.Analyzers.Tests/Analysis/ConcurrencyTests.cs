using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Rules;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>
    /// One analyzer serves every project of a parallel build, and the parsed trees fill several members lazily (word
    /// strings, the model, RUN parses, command lists, the stage-name index, the context listings). Whatever the
    /// interleaving, the findings must be those of a single-threaded run.
    /// </summary>
    public class ConcurrencyTests
    {
        private static readonly string[] FixtureFiles =
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.Dockerfile", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        /// <summary>A file that draws findings from many rules, so a race would show in the output.</summary>
        private const string FindingHeavy =
            "ARG BASE=debian:12\n" +
            "FROM ${BASE} AS Build\n" +
            "ARG NUGET_TOKEN\n" +
            "RUN apt-get update && apt-get install curl git\n" +
            "RUN curl -k https://user:pass@example.com/install.sh | bash && cd /src && sudo chmod 777 /src\n" +
            "COPY . .\n" +
            "RUN echo $NUGET_TOKEN > /root/.npmrc && npm install && pip install requests\n" +
            "FROM build\n" +
            "EXPOSE 22 99999\n" +
            "CMD dotnet App.dll\n";

        private static string Render(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} {d.Message}"));

        private static AnalysisRequest Request(InMemoryFileSystem files, string dockerfile) =>
            new AnalysisRequest("/repo/src/App", new[] { new AssetInput(dockerfile, AssetKind.Dockerfile) }, TestAnalysis.WebProject, files);

        [Fact]
        public void One_analyzer_on_many_threads_gives_the_sequential_findings()
        {
            var files = new InMemoryFileSystem().AddFile("/repo/src/App/App.csproj", "<Project/>").AddFile("/repo/src/App/Program.cs", "x");
            var paths = new List<string>();
            for (int i = 0; i < FixtureFiles.Length; i++)
            {
                string path = "/repo/src/App/Dockerfile." + i;
                files.AddFile(path, File.ReadAllText(FixtureFiles[i]));
                paths.Add(path);
            }
            files.AddFile("/repo/src/App/Dockerfile.heavy", FindingHeavy);
            paths.Add("/repo/src/App/Dockerfile.heavy");

            var analyzer = new DockerAnalyzer();
            var expected = paths.Select(p => Render(analyzer.Analyze(Request(files, p)).Diagnostics)).ToArray();
            Assert.Contains("DKR205", expected[expected.Length - 1]);

            var actual = new string[8 * paths.Count];
            Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
                actual[i] = Render(analyzer.Analyze(Request(files, paths[i % paths.Count])).Diagnostics));
            for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i % paths.Count], actual[i]);
        }

        [Fact]
        public void Rules_running_at_once_over_one_shared_document_see_the_same_tree()
        {
            var files = new InMemoryFileSystem().AddFile("/repo/src/App/App.csproj", "<Project/>").AddFile("/repo/src/App/Dockerfile", FindingHeavy);
            var rules = RuleCatalog.Rules.OfType<DockerfileRule>().ToArray();

            string RunAll(DockerfileDocument document, Workspace workspace, IEnumerable<DockerfileRule> order)
            {
                var found = new List<Diagnostic>();
                foreach (var rule in order)
                {
                    var sink = new List<Diagnostic>();
                    rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, sink));
                    found.AddRange(sink);
                }
                found.Sort(Diagnostic.Comparer);
                return Render(found);
            }

            DockerfileDocument Load() => new DockerfileDocument(DockerfileParser.Parse(Text.SourceText.From(FindingHeavy, "/repo/src/App/Dockerfile")), "/repo/src/App");

            var baselineDocument = Load();
            string expected = RunAll(baselineDocument, new Workspace("/repo/src/App", TestAnalysis.WebProject, files, new[] { baselineDocument }), rules);
            Assert.Contains("DKR209", expected);

            for (int round = 0; round < 20; round++)
            {
                // A fresh tree each round, its lazy members filled by whichever thread gets there first.
                var document = Load();
                var workspace = new Workspace("/repo/src/App", TestAnalysis.WebProject, files, new[] { document });
                var results = new string[4];
                using (var start = new Barrier(results.Length))
                {
                    var threads = Enumerable.Range(0, results.Length).Select(t => new Thread(() =>
                    {
                        // Each thread runs every rule, in its own order, so different members are touched first.
                        var order = t % 2 == 0 ? rules : rules.Reverse().ToArray();
                        start.SignalAndWait();
                        results[t] = RunAll(document, workspace, order);
                    })).ToList();
                    threads.ForEach(th => th.Start());
                    threads.ForEach(th => th.Join());
                }
                foreach (var result in results) Assert.Equal(expected, result);
            }
        }
    }
}
