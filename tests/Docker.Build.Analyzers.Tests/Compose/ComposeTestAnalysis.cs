using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Compose
{
    /// <summary>Runs the engine over in-memory compose files, the way the MSBuild task does over real ones.</summary>
    internal static class ComposeTestAnalysis
    {
        public const string ProjectDir = "/repo/src/App";
        public const string ComposePath = ProjectDir + "/compose.yaml";
        public const string OverridePath = ProjectDir + "/compose.override.yaml";

        /// <summary>Analyses the compose files given as (path, text) pairs; every one is an asset of the request.</summary>
        public static IReadOnlyList<Diagnostic> Run(InMemoryFileSystem? files, params (string Path, string Text)[] composeFiles)
        {
            files ??= new InMemoryFileSystem();
            foreach (var (path, text) in composeFiles) files.AddFile(path, text);
            var assets = composeFiles.Select(f => new AssetInput(f.Path, AssetKind.Compose)).ToArray();
            var request = new AnalysisRequest(ProjectDir, assets, null, files);
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        public static string[] Findings(string compose, string id, InMemoryFileSystem? files = null) =>
            Format(Run(files, (ComposePath, compose)), id);

        public static string[] Format(IEnumerable<Diagnostic> diagnostics, string id) =>
            diagnostics.Where(d => d.Id == id).Select(d => $"{d.Id}@{d.Line}:{d.Column}").ToArray();

        public static void AssertFindings(string compose, string id, params string[] expected) =>
            Assert.Equal(expected, Findings(compose, id));

        public static void AssertSilent(string compose, string id, InMemoryFileSystem? files = null) =>
            Assert.Empty(Findings(compose, id, files));

        public static ComposeFile Parse(string text, string path = ComposePath) => ComposeFile.Parse(SourceText.From(text, path));

        /// <summary>"line:column" of where a node is reported.</summary>
        public static string At(YamlNode node)
        {
            var p = node.ReportPosition;
            return $"{p.Line}:{p.Column}";
        }
    }
}
