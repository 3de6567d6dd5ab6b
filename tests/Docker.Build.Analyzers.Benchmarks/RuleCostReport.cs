using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Rules;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// Which rule costs what: the document, its model, RUN parses and build context are built once; then each rule
    /// alone runs over them many times. Prints each rule's median time and allocation, slowest first, and their sum.
    /// A quick way to find the rule to optimise; BenchmarkDotNet gives the precise totals.
    /// </summary>
    public static class RuleCostReport
    {
        public static void Run(int lines, string shape, int iterations)
        {
            var setup = new AnalysisBenchmarks { Lines = lines, Shape = shape };
            setup.Setup();
            try
            {
                var request = setup.Request;
                var text = AssetReader.TryRead(request.FileSystem, request.Assets[0].Path, out _)!;
                var document = new DockerfileDocument(DockerfileParser.Parse(text), request.ProjectDirectory);
                var workspace = new Workspace(request.ProjectDirectory, request.Project, request.FileSystem, new[] { document });
                _ = document.Model;
                _ = document.RunScripts;
                _ = workspace.GetBuildContext(document).Files;
                var sink = new List<Diagnostic>();

                // Warm every rule past tiered JIT first.
                for (int i = 0; i < 300; i++)
                    foreach (var rule in RuleCatalog.Rules.OfType<DockerfileRule>())
                    {
                        sink.Clear();
                        rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, sink));
                    }

                var rows = new List<(string Id, string Name, double Ms, long Bytes)>();
                foreach (var rule in RuleCatalog.Rules.OfType<DockerfileRule>())
                {
                    void Once()
                    {
                        sink.Clear();
                        rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, sink));
                    }
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    Once();
                    long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                    var times = new double[iterations];
                    for (int i = 0; i < iterations; i++)
                    {
                        var sw = Stopwatch.StartNew();
                        Once();
                        times[i] = sw.Elapsed.TotalMilliseconds;
                    }
                    Array.Sort(times);
                    rows.Add((rule.Descriptor.Id, rule.GetType().Name, times[iterations / 2], bytes));
                }

                Console.WriteLine($"{lines}-line {shape} Dockerfile; each rule alone over a document whose model, RUN parses and context walk are built (median of {iterations} runs):");
                foreach (var r in rows.OrderByDescending(r => r.Ms))
                    Console.WriteLine($"{r.Id}  {r.Ms,8:F4} ms  {r.Bytes / 1024.0,8:F1} KB  {r.Name}");
                Console.WriteLine($"all rules   {rows.Sum(r => r.Ms),8:F3} ms  {rows.Sum(r => r.Bytes) / 1024.0,8:F1} KB");
            }
            finally
            {
                setup.Cleanup();
            }
        }
    }
}
