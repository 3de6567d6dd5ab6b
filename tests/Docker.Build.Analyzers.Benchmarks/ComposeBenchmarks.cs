using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// The cost of a compose file: YamlDotNet's parse plus our tree, and the whole analysis with every compose rule.
    /// Budget: a 2,000-line compose file in a few milliseconds.
    /// </summary>
    [MemoryDiagnoser]
    public class ComposeBenchmarks
    {
        private string _directory = "";
        private string _text = "";
        private AnalysisRequest _request = null!;
        private readonly DockerAnalyzer _analyzer = new DockerAnalyzer();

        [Params(200, 2000)]
        public int Lines { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _directory = Path.Combine(Path.GetTempPath(), "dba-compose-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            _text = Generate(Lines);
            string compose = Path.Combine(_directory, "compose.yaml");
            File.WriteAllText(compose, _text);
            _request = new AnalysisRequest(_directory, new[] { new AssetInput(compose, AssetKind.Compose) });
        }

        [GlobalCleanup]
        public void Cleanup() => Directory.Delete(_directory, recursive: true);

        [Benchmark]
        public int Parse() => ComposeFile.Parse(SourceText.From(_text, "compose.yaml")).Services.Count;

        [Benchmark]
        public int AnalyzeWithAllRules() => _analyzer.Analyze(_request).Diagnostics.Count;

        /// <summary>Services of realistic shape: merge key, image with a defaulted tag, ports, environment, depends_on, healthcheck, limits.</summary>
        /// <param name="buildProjects">When above 0, every service also builds <c>src/P{n % buildProjects}/Dockerfile</c> with <c>context: .</c>.</param>
        internal static string Generate(int lines, int buildProjects = 0)
        {
            var sb = new StringBuilder("name: shop\nx-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file\nservices:\n");
            int n = 0, count = 6;
            while (count < lines)
            {
                sb.Append($"  svc{n}:\n    <<: *defaults\n    image: registry.example.com/svc{n}:${{TAG:-1.0.{n}}}\n    container_name: svc{n}\n")
                  .Append($"    ports:\n      - \"{10000 + n}:8080\"\n    environment:\n      ASPNETCORE_ENVIRONMENT: Production\n      ConnectionStrings__Db: \"Host=db;Password=${{DB_PASSWORD}}\"\n")
                  .Append("    depends_on:\n      db:\n        condition: service_healthy\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n      interval: 30s\n")
                  .Append("    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: '0.5'\n");
                count += 20;
                if (buildProjects > 0)
                {
                    sb.Append($"    build:\n      context: .\n      dockerfile: src/P{n % buildProjects}/Dockerfile\n");
                    count += 3;
                }
                n++;
            }
            sb.Append("  db:\n    image: postgres:16\n");
            return sb.ToString();
        }
    }
}
