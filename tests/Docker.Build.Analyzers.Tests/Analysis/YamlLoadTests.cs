using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>
    /// A project with a Dockerfile and no compose file pays nothing for compose support: YamlDotNet is not even loaded.
    /// The test process has loaded it long ago, so the engine runs in a fresh load context of its own that records
    /// every assembly the engine asks it for.
    /// </summary>
    public class YamlLoadTests
    {
        private sealed class RecordingContext : AssemblyLoadContext
        {
            private readonly string _directory;

            public RecordingContext(string directory) : base("engine-alone", isCollectible: true) => _directory = directory;

            public List<string> Requested { get; } = new List<string>();

            protected override Assembly? Load(AssemblyName name)
            {
                lock (Requested) Requested.Add(name.Name ?? "");
                string candidate = Path.Combine(_directory, name.Name + ".dll");
                // The engine's own dependencies load here, from its folder; the framework from the default context.
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }

        private static List<string> AssembliesAnalysing(string dockerfile, string? compose)
        {
            string directory = Path.Combine(Path.GetTempPath(), "dba-yaml-load-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var context = new RecordingContext(Path.GetDirectoryName(typeof(Docker.Build.Analyzers.Analysis.DockerAnalyzer).Assembly.Location)!);
            try
            {
                File.WriteAllText(Path.Combine(directory, "Dockerfile"), dockerfile);
                var engine = context.LoadFromAssemblyPath(typeof(Docker.Build.Analyzers.Analysis.DockerAnalyzer).Assembly.Location);
                Type T(string name) => engine.GetType("Docker.Build.Analyzers.Analysis." + name, throwOnError: true)!;
                var kind = T("AssetKind");
                var assets = new List<object>
                {
                    Activator.CreateInstance(T("AssetInput"), Path.Combine(directory, "Dockerfile"), Enum.Parse(kind, "Dockerfile"), null, null)!,
                };
                if (compose != null)
                {
                    File.WriteAllText(Path.Combine(directory, "compose.yaml"), compose);
                    assets.Add(Activator.CreateInstance(T("AssetInput"), Path.Combine(directory, "compose.yaml"), Enum.Parse(kind, "Compose"), null, null)!);
                }
                var array = Array.CreateInstance(T("AssetInput"), assets.Count);
                for (int i = 0; i < assets.Count; i++) array.SetValue(assets[i], i);
                var request = Activator.CreateInstance(T("AnalysisRequest"), directory, array, null, null, false)!;
                var analyzer = Activator.CreateInstance(T("DockerAnalyzer"))!;
                var analyze = analyzer.GetType().GetMethod("Analyze")!;
                var result = analyze.Invoke(analyzer, new[] { request, (object)default(System.Threading.CancellationToken) })!;
                Assert.NotNull(result);
                lock (context.Requested) return new List<string>(context.Requested);
            }
            finally
            {
                context.Unload();
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void A_dockerfile_only_analysis_does_not_load_YamlDotNet()
        {
            const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY . .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            Assert.DoesNotContain("YamlDotNet", AssembliesAnalysing(dockerfile, null));
            // The recording works: a compose file does load it.
            Assert.Contains("YamlDotNet", AssembliesAnalysing(dockerfile, "services:\n  app:\n    build: .\n"));
        }
    }
}
