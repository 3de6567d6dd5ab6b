using System.Diagnostics;
using System.Text;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Shell
{
    public class ShellPerformanceTests
    {
        /// <summary>
        /// A guard against quadratic work, not a benchmark: a 1,000-line Dockerfile takes about 3 ms with every rule
        /// in a release build; the bound leaves room for debug builds and busy machines.
        /// </summary>
        [Fact]
        public void A_thousand_line_dockerfile_is_analysed_in_milliseconds()
        {
            var sb = new StringBuilder();
            int lines = 0;
            for (int s = 0; lines < 1000; s++)
            {
                sb.Append($"FROM debian:12 AS s{s}\nARG NUGET_PAT\nENV A=1\n");
                sb.Append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl git \\\n    && curl -fsSL https://x/y.sh | bash \\\n    && rm -rf /var/lib/apt/lists/*\n");
                sb.Append("RUN <<EOF\nset -eux\nfor p in a b c; do echo \"$p $(date)\"; done\nif [ -f x ]; then cd /app && make; fi\nEOF\n");
                sb.Append("WORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && npm ci && chmod 755 /app\n");
                lines += 15;
            }
            var dockerfile = sb.ToString();
            Run(dockerfile);
            long best = long.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var findings = Run(dockerfile);
                best = System.Math.Min(best, watch.ElapsedMilliseconds);
                Assert.NotEmpty(findings);
            }
            Assert.True(best < 250, $"analysis took {best} ms");
        }
    }
}
