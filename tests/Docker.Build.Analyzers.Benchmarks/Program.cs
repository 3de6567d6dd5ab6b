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
            // --rules [lines]: per-rule cost report instead of the BenchmarkDotNet suites.
            if (args.Length > 0 && args[0] == "--rules")
            {
                RuleCostReport.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, iterations: 200);
                return;
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
