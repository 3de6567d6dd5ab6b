using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;
using Xunit;

namespace Docker.Build.Analyzers.Tests
{
    /// <summary>Runs the engine over an in-memory project, the way the MSBuild task does over real files.</summary>
    internal static class TestAnalysis
    {
        public const string ProjectDir = "/repo/src/App";
        public const string DockerfilePath = ProjectDir + "/Dockerfile";

        public static IReadOnlyList<Diagnostic> Run(string dockerfile, ProjectFacts? project = null, InMemoryFileSystem? files = null, Rule? only = null)
        {
            AssertRoundTrip(dockerfile);
            files ??= new InMemoryFileSystem();
            files.AddFile(DockerfilePath, dockerfile);
            var request = new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile) }, project, files);
            var analyzer = only == null ? new DockerAnalyzer() : new DockerAnalyzer(new[] { only });
            return analyzer.Analyze(request).Diagnostics;
        }

        /// <summary>The findings of one rule id, as "DKRnnn@line:column" strings, in order.</summary>
        public static string[] Findings(string dockerfile, string id, ProjectFacts? project = null, InMemoryFileSystem? files = null) =>
            Run(dockerfile, project, files).Where(d => d.Id == id).Select(d => $"{d.Id}@{d.Line}:{d.Column}").ToArray();

        public static void AssertFindings(string dockerfile, string id, params string[] expected) =>
            Assert.Equal(expected, Findings(dockerfile, id));

        public static void AssertSilent(string dockerfile, string id, ProjectFacts? project = null) =>
            Assert.Empty(Findings(dockerfile, id, project));

        /// <summary>Every Dockerfile a test analyses must come back byte for byte from its tree.</summary>
        public static void AssertRoundTrip(string dockerfile)
        {
            var syntax = Docker.Build.Analyzers.Dockerfile.DockerfileParser.Parse(dockerfile);
            Assert.Equal(dockerfile, syntax.ToFullString());
            int expected = 0;
            foreach (var element in syntax.Elements)
            {
                Assert.Equal(expected, element.FullSpan.Start);
                expected = element.FullSpan.End;
            }
            Assert.Equal(dockerfile.Length, expected);
        }

        public static ProjectFacts WebProject => new ProjectFacts(ProjectDir + "/App.csproj", "App", new[] { "net8.0" }, isWebProject: true);
    }
}
