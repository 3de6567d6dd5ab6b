using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Tests
{
    /// <summary>
    /// Whole Dockerfiles with every rule on: well-made ones must draw no finding at all, and the real-world shapes
    /// that break naive linters must draw exactly their true findings.
    /// </summary>
    public class FixtureTests
    {
        private const string Repo = "/repo";

        private sealed class Fixture
        {
            public string File = "";
            public string DockerfileAt = Repo + "/Dockerfile";
            public string Context = Repo;
            public bool Web;
            /// <summary>The project the Dockerfile builds, relative to the context (its facts drive the DKR6xx checks).</summary>
            public string Project = "App.csproj";
            public string[] ContextFiles = Array.Empty<string>();
            public string[] Expected = Array.Empty<string>();
        }

        private const string DotNetIgnore = "**/bin/\n**/obj/\n**/.git\n**/.vs\n**/*.user\n.env\n**/*.pfx\n";

        private static readonly Dictionary<string, Fixture> Fixtures = new Dictionary<string, Fixture>
        {
            ["clean/aspnetcore"] = new Fixture
            {
                File = "clean/aspnetcore.Dockerfile", Web = true, Project = "aspnetapp/aspnetapp.csproj",
                ContextFiles = new[] { "aspnetapp/aspnetapp.csproj", "aspnetapp/Program.cs", "aspnetapp/appsettings.json", ".dockerignore=" + DotNetIgnore },
            },
            ["clean/go-distroless"] = new Fixture
            {
                File = "clean/go-distroless.Dockerfile",
                ContextFiles = new[] { "go.mod", "go.sum", "cmd/server/main.go", ".dockerignore=.git\n*.md\n" },
            },
            ["clean/node"] = new Fixture
            {
                File = "clean/node.Dockerfile",
                ContextFiles = new[] { "package.json", "package-lock.json", "src/server.ts", ".dockerignore=node_modules\n.git\n.env\n" },
            },
            ["realworld/windows"] = new Fixture
            {
                File = "realworld/windows.Dockerfile",
                ContextFiles = new[] { "LegacyApp.sln", "LegacyApp/LegacyApp.csproj", "LegacyApp/Default.aspx", ".dockerignore=" + DotNetIgnore },
            },
            ["realworld/heredocs"] = new Fixture { File = "realworld/heredocs.Dockerfile" },
            ["realworld/from-args"] = new Fixture
            {
                File = "realworld/from-args.Dockerfile", Web = true, Project = "Api/Api.csproj",
                ContextFiles = new[] { "Api/Api.csproj", "Api/Program.cs", ".dockerignore=" + DotNetIgnore },
                // The final image is a build argument without a default: nothing about it can be known, so nothing is said.
            },
            ["realworld/copy-from-image"] = new Fixture { File = "realworld/copy-from-image.Dockerfile" },
            ["realworld/quoted-workdir"] = new Fixture
            {
                File = "realworld/quoted-workdir.Dockerfile",
                ContextFiles = new[] { "Worker/bin/Release/net8.0/publish/Worker.dll" },
            },
            ["realworld/chiseled"] = new Fixture
            {
                File = "realworld/chiseled.Dockerfile", Web = true, Project = "Api.csproj",
                ContextFiles = new[] { "Api.csproj", "Program.cs", ".dockerignore=" + DotNetIgnore },
                // The chiseled image runs in globalization-invariant mode and the project does not say InvariantGlobalization (a suggestion).
                Expected = new[] { "DKR615@8:6" },
            },
            ["realworld/vs-template"] = new Fixture
            {
                File = "realworld/vs-template.Dockerfile", Web = true, Project = "WebApp/WebApp.csproj",
                DockerfileAt = Repo + "/WebApp/Dockerfile", Context = Repo,
                ContextFiles = new[] { "WebApp/WebApp.csproj", "WebApp/Program.cs", "WebApp.sln", ".dockerignore=" + DotNetIgnore },
                // True findings only: tags without digests (suggestions) and no HEALTHCHECK.
                Expected = new[] { "DKR102@3:6", "DKR102@9:6", "DKR301@22:1" },
            },
        };

        public static IEnumerable<object[]> Names => Fixtures.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void Fixture_draws_exactly_its_true_findings(string name)
        {
            var f = Fixtures[name];
            string text = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", f.File));
            TestAnalysis.AssertRoundTrip(text);

            var files = new InMemoryFileSystem().AddFile(f.DockerfileAt, text);
            foreach (var entry in f.ContextFiles)
            {
                int eq = entry.IndexOf('=');
                string path = eq < 0 ? entry : entry.Substring(0, eq);
                string content = eq < 0 ? "x" : entry.Substring(eq + 1);
                files.AddFile(f.Context + "/" + path, content);
            }
            // Judged on a date when .NET 8 is supported, so that the fixtures keep testing what they test (DKR612 has its own tests).
            var dotNet = new DotNetProjectFacts(today: new DateTime(2025, 6, 1));
            var project = f.Web
                ? new ProjectFacts(f.Context + "/" + f.Project, Path.GetFileNameWithoutExtension(f.Project), new[] { "net8.0" }, isWebProject: true, dotNet: dotNet)
                : new ProjectFacts(dotNet: dotNet);
            var request = new AnalysisRequest(Path.GetDirectoryName(f.DockerfileAt)!,
                new[] { new AssetInput(f.DockerfileAt, AssetKind.Dockerfile, f.Context) }, project, files);
            var found = new DockerAnalyzer().Analyze(request).Diagnostics
                .Select(d => $"{d.Id}@{d.Line}:{d.Column}").ToArray();
            Assert.Equal(f.Expected, found);
        }

        [Fact]
        public void Every_fixture_file_is_covered()
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures");
            var onDisk = Directory.EnumerateFiles(dir, "*.Dockerfile", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/')).OrderBy(p => p).ToArray();
            Assert.Equal(onDisk, Fixtures.Values.Select(f => f.File).OrderBy(p => p).ToArray());
        }
    }
}
