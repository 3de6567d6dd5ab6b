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
        public static void Run(int lines, string shape, int iterations, bool listTypes = true)
        {
            string text = shape == "dense-run" ? DockerfileCorpus.GenerateDenseRuns(lines) : DockerfileCorpus.Generate(lines);
            var model = DockerfileModel.Create(DockerfileParser.Parse(text));
            for (int i = 0; i < 500; i++) RunScripts.Create(model);

            long before = GC.GetAllocatedBytesForCurrentThread();
            var scripts = RunScripts.Create(model);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var times = new List<double>(iterations);
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1);
            var pause = GC.GetTotalPauseDuration();
            long cpu = ThreadCpuNanoseconds();
            for (int i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                RunScripts.Create(model);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            double cpuPerCall = cpu < 0 ? double.NaN : (ThreadCpuNanoseconds() - cpu) / 1e6 / iterations;
            double pauses = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds / iterations;
            g0 = GC.CollectionCount(0) - g0;
            g1 = GC.CollectionCount(1) - g1;
            times.Sort();
            int commands = scripts.All.Sum(r => r.Scripts.Sum(s => s.Commands.Count));
            Console.WriteLine($"{lines}-line {shape}: {scripts.All.Count} RUN, {commands} simple commands");
            Console.WriteLine($"RunScripts.Create   median {times[times.Count / 2]:F4} ms   p10 {times[times.Count / 10]:F4} ms   allocates {allocated / 1024} KB ({allocated} bytes)");
            Console.WriteLine($"over {iterations} calls: mean {times.Average():F4} ms, on the CPU {cpuPerCall:F4} ms (the rest: waiting for a core), GC pauses {pauses:F4} ms; collections gen0 {g0}, gen1 {g1}");

            if (!listTypes) return;
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

        /// <summary>
        /// Time this thread has spent on a CPU (Linux: /proc/thread-self/schedstat), or -1 elsewhere: on a busy machine
        /// the wall-clock time includes waiting for a core, the CPU time does not.
        /// </summary>
        private static long ThreadCpuNanoseconds()
        {
            try
            {
                string stat = System.IO.File.ReadAllText("/proc/thread-self/schedstat");
                return long.Parse(stat.Substring(0, stat.IndexOf(' ')), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is FormatException || e is ArgumentException)
            {
                return -1;
            }
        }
    }
}
