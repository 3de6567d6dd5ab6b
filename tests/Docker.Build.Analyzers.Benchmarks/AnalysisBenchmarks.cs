using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// The cost the MSBuild task adds to a build: reading, parsing and analysing a Dockerfile with every rule on.
    /// Budget (issue 3): a 1,000-line Dockerfile in under 5 ms.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalysisBenchmarks
    {
        private string _directory = "";
        private string _text = "";
        private AnalysisRequest _request = null!;

        internal AnalysisRequest Request => _request;
        private readonly DockerAnalyzer _analyzer = new DockerAnalyzer();

        [Params(100, 1000)]
        public int Lines { get; set; }

        /// <summary>"realistic": multi-stage .NET/Node builds; "dense-run": a finding-heavy file of RUN scripts.</summary>
        [Params("realistic", "dense-run")]
        public string Shape { get; set; } = "realistic";

        [GlobalSetup]
        public void Setup()
        {
            _directory = Path.Combine(Path.GetTempPath(), "dba-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            _text = Shape == "dense-run" ? DockerfileCorpus.GenerateDenseRuns(Lines) : DockerfileCorpus.Generate(Lines);
            string dockerfile = Path.Combine(_directory, "Dockerfile");
            File.WriteAllText(dockerfile, _text);
            // A small but realistic build context.
            foreach (var f in new[] { "Directory.Packages.props", "Directory.Build.props", "web/package.json", "web/package-lock.json", "web/src/app.ts", ".dockerignore" })
            {
                string path = Path.Combine(_directory, f);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, f == ".dockerignore" ? "**/bin/\n**/obj/\n.git\n" : "x");
            }
            for (int i = 1; i <= 60; i++)
            {
                string project = Path.Combine(_directory, "src", "App" + i, "App" + i + ".csproj");
                Directory.CreateDirectory(Path.GetDirectoryName(project)!);
                File.WriteAllText(project, "<Project />");
            }
            _request = new AnalysisRequest(_directory, new[] { new AssetInput(dockerfile, AssetKind.Dockerfile) });
        }

        [GlobalCleanup]
        public void Cleanup() => Directory.Delete(_directory, recursive: true);

        [Benchmark]
        public int Parse() => DockerfileParser.Parse(_text).Instructions.Count;

        [Benchmark]
        public int ParseAndModel() => DockerfileModel.Create(DockerfileParser.Parse(_text)).Stages.Count;

        [Benchmark]
        public int AnalyzeWithAllRules() => _analyzer.Analyze(_request).Diagnostics.Count;
    }
}
