using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// The cost of the RUN shell parses alone: <see cref="RunScripts.Create"/> over a model built once, so the
    /// Dockerfile parse and the stage model are not in the numbers. Median time, bytes per call, sampled types.
    /// </summary>
    public static class ShellCost
    {
        public static void Run(int lines, string shape, int iterations)
        {
            string text = shape == "dense-run" ? DockerfileCorpus.GenerateDenseRuns(lines) : DockerfileCorpus.Generate(lines);
            var model = DockerfileModel.Create(DockerfileParser.Parse(text));
            for (int i = 0; i < 500; i++) RunScripts.Create(model);

            long before = GC.GetAllocatedBytesForCurrentThread();
            var scripts = RunScripts.Create(model);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var times = new List<double>(iterations);
            for (int i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                RunScripts.Create(model);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            int commands = scripts.All.Sum(r => r.Scripts.Sum(s => s.Commands.Count));
            Console.WriteLine($"{lines}-line {shape}: {scripts.All.Count} RUN, {commands} simple commands");
            Console.WriteLine($"RunScripts.Create   median {times[times.Count / 2]:F4} ms   p10 {times[times.Count / 10]:F4} ms   allocates {allocated / 1024} KB ({allocated} bytes)");

            using var listener = new AllocationTypes.Listener();
            listener.Recording = true;
            const int sampled = 5000;
            for (int i = 0; i < sampled; i++) RunScripts.Create(model);
            listener.Recording = false;
            System.Threading.Thread.Sleep(500);
            lock (listener.Bytes)
            {
                long total = listener.Bytes.Values.Sum();
                foreach (var p in listener.Bytes.OrderByDescending(p => p.Value).Take(25))
                    Console.WriteLine($"{100.0 * p.Value / total,6:F1}%  {p.Value / sampled / 1024.0,7:F1} KB  {p.Key}");
            }
        }
    }
}
