using BenchmarkDotNet.Running;

namespace Docker.Build.Analyzers.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// Run on demand, not in CI: dotnet run -c Release --project tests/Docker.Build.Analyzers.Benchmarks -- --filter '*'
        /// </summary>
        public static void Main(string[] args)
        {
            // --rules [lines] [shape]: per-rule cost report instead of the BenchmarkDotNet suites.
            if (args.Length > 0 && args[0] == "--rules")
            {
                RuleCostReport.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? args[2] : "realistic", iterations: 300);
                return;
            }
            // --loop [seconds] [shape] [shell]: analyse the 1,000-line file over and over, for a profiler (dotnet-trace) to
            // sample; with "shell", only the RUN shell parses (RunScripts.Create on a prebuilt model).
            if (args.Length > 0 && args[0] == "--loop")
            {
                var until = System.DateTime.UtcNow.AddSeconds(args.Length > 1 ? int.Parse(args[1]) : 20);
                string shape = args.Length > 2 ? args[2] : "realistic";
                if (args.Length > 3 && args[3] == "shell")
                {
                    string text = shape == "dense-run" ? DockerfileCorpus.GenerateDenseRuns(1000) : DockerfileCorpus.Generate(1000);
                    var model = Docker.Build.Analyzers.Dockerfile.DockerfileModel.Create(Docker.Build.Analyzers.Dockerfile.DockerfileParser.Parse(text));
                    while (System.DateTime.UtcNow < until)
                        for (int i = 0; i < 100; i++) Docker.Build.Analyzers.Shell.RunScripts.Create(model);
                    return;
                }
                var setup = new AnalysisBenchmarks { Lines = 1000, Shape = shape };
                setup.Setup();
                var analyzer = new Docker.Build.Analyzers.Analysis.DockerAnalyzer();
                while (System.DateTime.UtcNow < until) analyzer.Analyze(setup.Request);
                setup.Cleanup();
                return;
            }
            // --types [lines] [shape]: which types an analysis allocates (sampled by the runtime's allocation ticks).
            if (args.Length > 0 && args[0] == "--types")
            {
                AllocationTypes.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? args[2] : "realistic", analyses: 2000);
                return;
            }
            // --alloc: bytes the parser allocates per instruction, by instruction shape.
            if (args.Length > 0 && args[0] == "--alloc")
            {
                foreach (var line in new[]
                {
                    "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS final\n",
                    "WORKDIR /app\n",
                    "COPY --link --from=build /app/publish .\n",
                    "ENV A=1 B=two\n",
                    "RUN dotnet publish -c Release -o /app/publish --no-restore\n",
                    "RUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n",
                    "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n",
                    "# a comment line\n",
                })
                {
                    string text = "FROM alpine:3.20\n" + string.Concat(System.Linq.Enumerable.Repeat(line, 1000));
                    Docker.Build.Analyzers.Dockerfile.DockerfileParser.Parse(text);
                    long before = System.GC.GetAllocatedBytesForCurrentThread();
                    Docker.Build.Analyzers.Dockerfile.DockerfileParser.Parse(text);
                    long per = (System.GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
                    System.Console.WriteLine($"{per,6} bytes per  {line.Replace("\n", "\\n")}");
                }
                return;
            }
            // --shell [lines] [shape] [notypes]: the RUN shell parses alone (RunScripts.Create on a prebuilt model), with the types they allocate.
            if (args.Length > 0 && args[0] == "--shell")
            {
                ShellCost.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? args[2] : "realistic", iterations: 2000,
                    listTypes: !(args.Length > 3 && args[3] == "notypes"));
                return;
            }
            // --breakdown [lines] [shape]: where the time of one analysis goes.
            if (args.Length > 0 && args[0] == "--breakdown")
            {
                CostBreakdown.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? args[2] : "realistic", iterations: 500);
                return;
            }
            // --assets [iterations]: the issue's acceptance point, a 2,000-line compose file and a 500-line .dockerignore
            // over a 20,000-file context written to a temporary folder: whole analysis and its breakdown.
            if (args.Length > 0 && args[0] == "--assets")
            {
                AssetsBenchmarks.RunReport(args.Length > 1 ? int.Parse(args[1]) : 30);
                return;
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
