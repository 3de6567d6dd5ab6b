using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    /// <summary>
    /// Runs the engine over a project with a Dockerfile and a .dockerignore, both passed as assets (the ignore file as
    /// <see cref="AssetKind.DockerIgnore"/>), over in-memory files. Findings read "DKR4nn@file:line:column".
    /// </summary>
    internal static class IgnoreTestAnalysis
    {
        public const string ProjectDir = TestAnalysis.ProjectDir;
        public const string DockerfilePath = TestAnalysis.DockerfilePath;
        public const string IgnorePath = ProjectDir + "/.dockerignore";

        /// <summary>A web project: csproj, Program.cs, and a Dockerfile that copies the whole context.</summary>
        public static InMemoryFileSystem Project() => new InMemoryFileSystem()
            .AddFile(ProjectDir + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"/>")
            .AddFile(ProjectDir + "/Program.cs", "var app = WebApplication.Create(); app.Run();");

        public const string CopyAll =
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c Release -o /app/publish\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app/publish .\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        /// <param name="dockerfile">Written to <paramref name="dockerfilePath"/> and passed as an asset; null for none.</param>
        /// <param name="ignore">Written to <paramref name="ignorePath"/>; passed as an asset unless <paramref name="ignoreIsAsset"/> is false.</param>
        public static IReadOnlyList<Diagnostic> Run(InMemoryFileSystem files, string? dockerfile, string? ignore, string ignorePath = IgnorePath,
            string? contextDirectory = null, string dockerfilePath = DockerfilePath, bool ignoreIsAsset = true, ProjectFacts? project = null,
            IEnumerable<AssetInput>? moreAssets = null)
        {
            var assets = new List<AssetInput>();
            if (dockerfile != null)
            {
                TestAnalysis.AssertRoundTrip(dockerfile);
                files.AddFile(dockerfilePath, dockerfile);
                assets.Add(new AssetInput(dockerfilePath, AssetKind.Dockerfile, contextDirectory));
            }
            if (ignore != null)
            {
                files.AddFile(ignorePath, ignore);
                if (ignoreIsAsset) assets.Add(new AssetInput(ignorePath, AssetKind.DockerIgnore));
            }
            if (moreAssets != null) assets.AddRange(moreAssets);
            var request = new AnalysisRequest(ProjectDir, assets, project, files);
            var all = new DockerAnalyzer().Analyze(request).Diagnostics;
            // A rule must never crash or leave a file unread behind a silent result.
            Assert.DoesNotContain(all, d => d.Id == "DKR901" || d.Id == "DKR902" || d.Id == "DKR903");
            return all;
        }

        public static string[] Findings(string id, IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.Id == id).Select(d => $"{d.Id}@{Path.GetFileName(d.FilePath)}:{d.Line}:{d.Column}").ToArray();

        public static string[] Findings(string id, InMemoryFileSystem files, string? dockerfile, string? ignore, string ignorePath = IgnorePath, string? contextDirectory = null) =>
            Findings(id, Run(files, dockerfile, ignore, ignorePath, contextDirectory));

        public static Diagnostic Single(string id, InMemoryFileSystem files, string? dockerfile, string? ignore, string ignorePath = IgnorePath, string? contextDirectory = null) =>
            Assert.Single(Run(files, dockerfile, ignore, ignorePath, contextDirectory), d => d.Id == id);
    }
}
