using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Rules;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// Which rule costs what: runs the analysis once per rule (each rule alone, same files) and prints the mean time
    /// per run, slowest first. A quick way to find the rule to optimise; BenchmarkDotNet gives the precise totals.
    /// </summary>
    public static class RuleCostReport
    {
        public static void Run(int lines, int iterations)
        {
            var setup = new AnalysisBenchmarks { Lines = lines };
            setup.Setup();
            try
            {
                var request = setup.Request;
                // Warm every code path past tiered JIT first, or the first rule measured pays for everyone.
                var all = new DockerAnalyzer();
                for (int i = 0; i < 300; i++) all.Analyze(request);
                var rows = RuleCatalog.Rules.Select(rule =>
                {
                    var analyzer = new DockerAnalyzer(new[] { rule });
                    for (int i = 0; i < 20; i++) analyzer.Analyze(request);
                    var sw = Stopwatch.StartNew();
                    for (int i = 0; i < iterations; i++) analyzer.Analyze(request);
                    return (rule.Descriptor.Id, Name: rule.GetType().Name, Ms: sw.Elapsed.TotalMilliseconds / iterations);
                }).OrderByDescending(r => r.Ms).ToList();

                var none = new DockerAnalyzer(Array.Empty<Rule>());
                for (int i = 0; i < 20; i++) none.Analyze(request);
                var baseline = Stopwatch.StartNew();
                for (int i = 0; i < iterations; i++) none.Analyze(request);
                double load = baseline.Elapsed.TotalMilliseconds / iterations;

                Console.WriteLine($"{lines}-line Dockerfile, {iterations} runs each; read + parse with no rule: {load:F3} ms");
                foreach (var r in rows) Console.WriteLine($"{r.Id}  {r.Ms - load,8:F3} ms  {r.Name}");
            }
            finally
            {
                setup.Cleanup();
            }
        }
    }
}
