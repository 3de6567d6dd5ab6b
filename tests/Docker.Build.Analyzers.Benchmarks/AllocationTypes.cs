using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// Which types one analysis allocates: listens to the runtime's allocation-tick events (one about every 100 KB,
    /// naming the type that crossed the mark) over many analyses, and prints the share of each type.
    /// </summary>
    public static class AllocationTypes
    {
        internal sealed class Listener : EventListener
        {
            public readonly Dictionary<string, long> Bytes = new Dictionary<string, long>();
            public bool Recording;

            protected override void OnEventSourceCreated(EventSource source)
            {
                if (source.Name == "Microsoft-Windows-DotNETRuntime")
                    EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1 /* GC */);
            }

            protected override void OnEventWritten(EventWrittenEventArgs e)
            {
                if (!Recording || e.EventName == null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames == null) return;
                int typeAt = e.PayloadNames.IndexOf("TypeName");
                int amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
                if (typeAt < 0 || amountAt < 0) return;
                string type = e.Payload![typeAt] as string ?? "?";
                long amount = Convert.ToInt64(e.Payload[amountAt]);
                lock (Bytes) Bytes[type] = (Bytes.TryGetValue(type, out var b) ? b : 0) + amount;
            }
        }

        public static void Run(int lines, string shape, int analyses)
        {
            var setup = new AnalysisBenchmarks { Lines = lines, Shape = shape };
            setup.Setup();
            try
            {
                var analyzer = new DockerAnalyzer();
                for (int i = 0; i < 100; i++) analyzer.Analyze(setup.Request);
                using var listener = new Listener();
                listener.Recording = true;
                for (int i = 0; i < analyses; i++) analyzer.Analyze(setup.Request);
                listener.Recording = false;
                System.Threading.Thread.Sleep(500);
                long total;
                List<KeyValuePair<string, long>> rows;
                lock (listener.Bytes)
                {
                    total = listener.Bytes.Values.Sum();
                    rows = listener.Bytes.OrderByDescending(p => p.Value).Take(40).ToList();
                }
                Console.WriteLine($"{lines}-line {shape} Dockerfile, {analyses} analyses: sampled {total / analyses / 1024} KB per analysis");
                foreach (var p in rows)
                    Console.WriteLine($"{100.0 * p.Value / total,6:F1}%  {p.Value / analyses / 1024,6} KB  {p.Key}");
            }
            finally
            {
                setup.Cleanup();
            }
        }
    }
}
