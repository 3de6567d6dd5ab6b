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
        private sealed class SharedStructures : DockerfileRule
        {
            public override Docker.Build.Analyzers.Diagnostics.RuleDescriptor Descriptor { get; } = new Docker.Build.Analyzers.Diagnostics.RuleDescriptor(
                "DKR999", "shared structures", "bench", Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, "");

            public override void Analyze(DockerfileContext context)
            {
                _ = context.Model;
                _ = context.Document.RunScripts;
                _ = context.BuildContext.Files;
            }
        }

        private static double Median(Action action, int iterations)
        {
            var times = new double[iterations];
            for (int i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                action();
                times[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            return times[iterations / 2];
        }

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
                    var analyzer = new DockerAnalyzer(new[] { new SharedStructures(), rule });
                    for (int i = 0; i < 20; i++) analyzer.Analyze(request);
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    analyzer.Analyze(request);
                    long kb = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024;
                    return (rule.Descriptor.Id, Name: rule.GetType().Name, Ms: Median(() => analyzer.Analyze(request), iterations), Kb: kb);
                }).OrderByDescending(r => r.Ms).ToList();

                // The baseline builds everything rules share (model, RUN parses, context walk), so each row is a rule's own cost.
                var none = new DockerAnalyzer(new Rule[] { new SharedStructures() });
                for (int i = 0; i < 20; i++) none.Analyze(request);
                double load = Median(() => none.Analyze(request), iterations);
                long b0 = GC.GetAllocatedBytesForCurrentThread();
                none.Analyze(request);
                long loadKb = (GC.GetAllocatedBytesForCurrentThread() - b0) / 1024;

                Console.WriteLine($"{lines}-line Dockerfile, {iterations} runs each; read, parse, model, RUN parses and context walk (median): {load:F3} ms, {loadKb} KB");
                Console.WriteLine("Each rule's own cost beyond that:");
                foreach (var r in rows) Console.WriteLine($"{r.Id}  {r.Ms - load,8:F3} ms  {r.Kb - loadKb,7} KB  {r.Name}");
            }
            finally
            {
                setup.Cleanup();
            }
        }
    }
}
