using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// Where one analysis spends its time: read + parse, the stage model, the RUN shell parses, the build-context
    /// walk, then all rules. Medians of many runs, each step measured on fresh objects.
    /// </summary>
    public static class CostBreakdown
    {
        public static void Run(int lines, string shape, int iterations)
        {
            var setup = new AnalysisBenchmarks { Lines = lines, Shape = shape };
            setup.Setup();
            try
            {
                var request = setup.Request;
                var asset = request.Assets[0];
                var analyzer = new DockerAnalyzer();
                for (int i = 0; i < 300; i++) analyzer.Analyze(request);

                DockerfileDocument Load()
                {
                    var text = AssetReader.TryRead(request.FileSystem, asset.Path, out _)!;
                    return new DockerfileDocument(DockerfileParser.Parse(text), request.ProjectDirectory);
                }

                var text = AssetReader.TryRead(request.FileSystem, asset.Path, out _)!;
                Console.WriteLine($"{lines}-line {shape} Dockerfile: {text.Length} characters, {text.LineCount} lines");
                Report("read only", iterations, () => AssetReader.TryRead(request.FileSystem, asset.Path, out _));
                Report("parse only", iterations, () => DockerfileParser.Parse(text));
                Report("read + parse", iterations, () => Load());
                Report("  + stage model", iterations, () => { var d = Load(); _ = d.Model; });
                Report("  + RUN shell parses", iterations, () => { var d = Load(); _ = d.RunScripts; });
                Report("  + build-context walk", iterations, () =>
                {
                    var d = Load();
                    var w = new Workspace(request.ProjectDirectory, request.Project, request.FileSystem, new[] { d });
                    _ = w.GetBuildContext(d).Files;
                });
                Report("whole analysis, all rules", iterations, () => analyzer.Analyze(request));
                int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
                var pause = GC.GetTotalPauseDuration();
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < 1000; i++) analyzer.Analyze(request);
                Console.WriteLine($"1,000 analyses in a row: mean {clock.Elapsed.TotalMilliseconds / 1000:F3} ms, of which GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / 1000:F3} ms; " +
                    $"collections gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}");
                var findings = analyzer.Analyze(request).Diagnostics;
                Console.WriteLine($"{findings.Count} findings: " + string.Join(", ", findings.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}")));
            }
            finally
            {
                setup.Cleanup();
            }
        }

        private static void Report(string what, int iterations, Action action)
        {
            var times = new List<double>(iterations);
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            for (int i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                action();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{what,-28} median {times[times.Count / 2]:F3} ms   p10 {times[times.Count / 10]:F3} ms   allocates {allocated / 1024} KB");
        }
    }
}
