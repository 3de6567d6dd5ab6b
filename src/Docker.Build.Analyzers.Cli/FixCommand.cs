using System.IO;
using Docker.Build.Analyzers.Cli.Output;

namespace Docker.Build.Analyzers.Cli
{
    /// <summary><c>--fix</c>: not available yet.</summary>
    internal static class FixCommand
    {
        public static int Run(AnalysisTarget target, bool dryRun, TextWriter output, Terminal terminal)
        {
            return AnalyzeCommand.Usage("--fix is not available yet in this version.");
        }
    }
}
