using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;

namespace Docker.Build.Analyzers.Tests
{
    /// <summary>
    /// Runs the engine over a Dockerfile with a build context made of in-memory files, optionally with an explicit
    /// context directory (the project's DockerfileContext), the way the MSBuild task does over real files.
    /// </summary>
    internal static class ContextTestAnalysis
    {
        public const string SolutionDir = "/repo";
        public const string ProjectDir = TestAnalysis.ProjectDir;

        public static IReadOnlyList<Diagnostic> Run(string dockerfile, InMemoryFileSystem files, string? contextDirectory = null, string dockerfilePath = TestAnalysis.DockerfilePath)
        {
            files.AddFile(dockerfilePath, dockerfile);
            var request = new AnalysisRequest(ProjectDir, new[] { new AssetInput(dockerfilePath, AssetKind.Dockerfile, contextDirectory) }, null, files);
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        public static string[] Findings(string dockerfile, string id, InMemoryFileSystem files, string? contextDirectory = null) =>
            Run(dockerfile, files, contextDirectory).Where(d => d.Id == id).Select(d => $"{d.Id}@{d.Line}:{d.Column}").ToArray();

        public static void AssertFindings(string dockerfile, InMemoryFileSystem files, string id, params string[] expected) =>
            Assert.Equal(expected, Findings(dockerfile, id, files));

        public static void AssertFindingsWithContext(string dockerfile, InMemoryFileSystem files, string contextDirectory, string id, params string[] expected) =>
            Assert.Equal(expected, Findings(dockerfile, id, files, contextDirectory));

        /// <summary>No finding of the rule, and the file parsed and every rule ran (a silent rule must not hide a broken run).</summary>
        public static void AssertSilent(string dockerfile, InMemoryFileSystem files, string id, string? contextDirectory = null)
        {
            var all = Run(dockerfile, files, contextDirectory);
            Assert.DoesNotContain(all, d => d.Id == "DKR901" || d.Id == "DKR902" || d.Id == "DKR903");
            Assert.Empty(all.Where(d => d.Id == id).Select(d => $"{d.Id}@{d.Line}:{d.Column} {d.Message}"));
        }

        /// <summary><see cref="TestAnalysis.AssertSilent"/> with the same guard against parse errors and rule crashes.</summary>
        public static void AssertSilent(string dockerfile, string id) => AssertSilent(dockerfile, new InMemoryFileSystem(), id);

        /// <summary><see cref="TestAnalysis.AssertFindings"/> for Dockerfiles that need no build context.</summary>
        public static void AssertFindings(string dockerfile, string id, params string[] expected) =>
            Assert.Equal(expected, Findings(dockerfile, id, new InMemoryFileSystem()));

        public static Diagnostic Single(string dockerfile, string id) => Single(dockerfile, new InMemoryFileSystem(), id);

        /// <summary>The single finding of a rule (asserting there is exactly one).</summary>
        public static Diagnostic Single(string dockerfile, InMemoryFileSystem files, string id, string? contextDirectory = null) =>
            Assert.Single(Run(dockerfile, files, contextDirectory), d => d.Id == id);

        /// <summary>A project directory with a csproj and a Program.cs, like the smallest real project.</summary>
        public static InMemoryFileSystem Project() => new InMemoryFileSystem()
            .AddFile(ProjectDir + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"/>")
            .AddFile(ProjectDir + "/Program.cs", "var app = WebApplication.Create(); app.Run();");
    }
}
