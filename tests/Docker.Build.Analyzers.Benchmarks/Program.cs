using BenchmarkDotNet.Running;

namespace Docker.Build.Analyzers.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// Run on demand, not in CI: dotnet run -c Release --project tests/Docker.Build.Analyzers.Benchmarks -- --filter '*'
        /// </summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
