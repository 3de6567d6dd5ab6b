using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>
    /// Shared assets above the project: which project of a solution reports them, decided from files alone so that
    /// projects built in parallel agree without talking to each other.
    /// </summary>
    public class SharedAssetsTests
    {
        private const string Solution =
            "Microsoft Visual Studio Solution File, Format Version 12.00\n" +
            "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Web\", \"src\\Web\\Web.csproj\", \"{1}\"\nEndProject\n" +
            "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Api\", \"src\\Api\\Api.csproj\", \"{2}\"\nEndProject\n" +
            "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Tools\", \"tools\\Tools.csproj\", \"{3}\"\nEndProject\n";

        private const string UsesAnalyzer = "<Import Project=\"$(NuGetPackageRoot)docker.build.analyzers/0.1.0/build/Docker.Build.Analyzers.targets\" />";

        private static InMemoryFileSystem Repository(bool apiUsesAnalyzer = true)
        {
            var files = new InMemoryFileSystem()
                .AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/Shop.sln", Solution)
                .AddFile("/r/src/Web/Web.csproj", "<Project/>")
                .AddFile("/r/src/Web/obj/Web.csproj.nuget.g.targets", UsesAnalyzer)
                .AddFile("/r/src/Api/Api.csproj", "<Project/>")
                .AddFile("/r/tools/Tools.csproj", "<Project/>")
                .AddFile("/r/tools/obj/Tools.csproj.nuget.g.targets", UsesAnalyzer)
                .AddFile("/r/docker-compose.yml", "version: '3.4'\nservices:\n  web:\n    image: web:1.0\n")
                .AddFile("/r/src/.dockerignore", "bin\n");
            if (apiUsesAnalyzer) files.AddFile("/r/src/Api/obj/Api.csproj.nuget.g.targets", UsesAnalyzer);
            return files;
        }

        private static IReadOnlyList<Diagnostic> Analyze(InMemoryFileSystem files, string project, bool inSolution = true)
        {
            string directory = Path.GetDirectoryName(project)!;
            var facts = new ProjectFacts(project, solutionPath: inSolution ? "/r/Shop.sln" : null);
            var request = new AnalysisRequest(directory, new AssetInput[0], facts, files, discoverSharedAssets: true);
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        private static string[] SharedFindings(IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.FilePath.EndsWith("docker-compose.yml") || d.FilePath.EndsWith(".dockerignore")).Select(d => $"{d.Id} {d.FilePath}({d.Line},{d.Column}) {d.Severity} {d.Message}").ToArray();

        [Fact]
        public void The_first_project_in_path_order_that_uses_the_analyzer_reports_a_shared_folder()
        {
            var files = Repository();
            // /r holds all three projects: src/Api/Api.csproj sorts first.
            Assert.True(new SharedAssets(files, new ProjectFacts("/r/src/Api/Api.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Api", "/r").IsOwner("/r"));
            Assert.False(new SharedAssets(files, new ProjectFacts("/r/src/Web/Web.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Web", "/r").IsOwner("/r"));
            Assert.False(new SharedAssets(files, new ProjectFacts("/r/tools/Tools.csproj", solutionPath: "/r/Shop.sln"), "/r/tools", "/r").IsOwner("/r"));
            // /r/src holds Api and Web only.
            Assert.True(new SharedAssets(files, new ProjectFacts("/r/src/Api/Api.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Api", "/r").IsOwner("/r/src"));
        }

        [Fact]
        public void A_project_that_does_not_use_the_analyzer_is_passed_over()
        {
            var files = Repository(apiUsesAnalyzer: false);
            Assert.False(new SharedAssets(files, new ProjectFacts("/r/src/Api/Api.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Api", "/r").IsOwner("/r"));
            Assert.True(new SharedAssets(files, new ProjectFacts("/r/src/Web/Web.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Web", "/r").IsOwner("/r"));
        }

        [Fact]
        public void A_project_the_solution_does_not_list_leaves_shared_files_to_the_solutions_projects()
        {
            var files = Repository().AddFile("/r/src/Stray/Stray.csproj", "<Project/>").AddFile("/r/src/Stray/obj/Stray.csproj.nuget.g.targets", UsesAnalyzer);
            Assert.False(new SharedAssets(files, new ProjectFacts("/r/src/Stray/Stray.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Stray", "/r").IsOwner("/r"));
            Assert.True(new SharedAssets(files, new ProjectFacts("/r/src/Api/Api.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Api", "/r").IsOwner("/r"));
        }

        [Fact]
        public void Outside_a_solution_build_the_project_reports_what_it_sees()
        {
            var files = Repository();
            Assert.True(new SharedAssets(files, new ProjectFacts("/r/src/Web/Web.csproj"), "/r/src/Web", "/r").IsOwner("/r"));
        }

        [Fact]
        public void Discovery_climbs_to_the_repository_root_and_never_into_sibling_folders()
        {
            var files = Repository().AddFile("/r/other/docker-compose.yml", "services: {}\n").AddFile("/outside/docker-compose.yml", "services: {}\n");
            var found = new SharedAssets(files, new ProjectFacts("/r/src/Api/Api.csproj", solutionPath: "/r/Shop.sln"), "/r/src/Api", "/r").Discover();
            Assert.Equal(new[] { "/r/src/.dockerignore", "/r/docker-compose.yml" }, found.Select(f => f.Path).ToArray());
            Assert.All(found, f => Assert.True(f.IsReported));
        }

        [Fact]
        public void Each_shared_finding_is_reported_by_exactly_one_project_of_the_solution()
        {
            var files = Repository();
            var reports = new[] { "/r/src/Api/Api.csproj", "/r/src/Web/Web.csproj", "/r/tools/Tools.csproj" }
                .SelectMany(p => SharedFindings(Analyze(files, p))).ToList();
            Assert.Contains(reports, r => r.StartsWith("DKR509 /r/docker-compose.yml(1,1)"));
            Assert.True(reports.Distinct().Count() == reports.Count, string.Join("\n", reports));
        }

        private const string RootDockerfile =
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /app\nCOPY . .\nRUN dotnet publish src/Conduit/Conduit.csproj -c Release -o /out\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\nENTRYPOINT [\"dotnet\", \"/app/Conduit.dll\"]\n";

        [Fact]
        public void A_repository_root_dockerfile_is_analysed_by_the_project_it_publishes_only()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/Dockerfile", RootDockerfile)
                .AddFile("/r/Dockerfile.original", "FROM scratch\n")
                .AddFile("/r/src/Conduit/Conduit.csproj", "<Project/>")
                .AddFile("/r/src/Lib/Lib.csproj", "<Project/>");
            var conduit = Analyze(files, "/r/src/Conduit/Conduit.csproj", inSolution: false);
            Assert.Contains(conduit, d => d.FilePath == "/r/Dockerfile" && d.Id == "DKR201");
            Assert.DoesNotContain(conduit, d => d.FilePath.EndsWith(".original"));
            Assert.DoesNotContain(conduit, d => d.Id == "DKR121");
            var lib = Analyze(files, "/r/src/Lib/Lib.csproj", inSolution: false);
            Assert.DoesNotContain(lib, d => d.FilePath == "/r/Dockerfile");
        }

        [Fact]
        public void A_service_folder_dockerfile_is_analysed_by_the_project_whose_file_it_copies()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/src/Services/Catalogs/Dockerfile",
                    "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\n" +
                    "COPY [\"src/Services/Catalogs/Catalogs.Api/Catalogs.Api.csproj\", \"Catalogs.Api/\"]\n" +
                    "COPY [\"src/Services/Catalogs/Catalogs/Catalogs.csproj\", \"Catalogs/\"]\n" +
                    "RUN dotnet restore Catalogs.Api/Catalogs.Api.csproj\nCOPY . .\nRUN dotnet publish Catalogs.Api/Catalogs.Api.csproj -o /out\n" +
                    "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\nCOPY --from=build /out .\nENTRYPOINT [\"dotnet\", \"Catalogs.Api.dll\"]\n")
                .AddFile("/r/src/Services/Catalogs/Catalogs.Api/Catalogs.Api.csproj", "<Project/>")
                .AddFile("/r/src/Services/Catalogs/Catalogs/Catalogs.csproj", "<Project/>");
            var api = Analyze(files, "/r/src/Services/Catalogs/Catalogs.Api/Catalogs.Api.csproj", inSolution: false);
            Assert.Contains(api, d => d.FilePath == "/r/src/Services/Catalogs/Dockerfile");
            Assert.DoesNotContain(api, d => d.Id == "DKR121");
            var library = Analyze(files, "/r/src/Services/Catalogs/Catalogs/Catalogs.csproj", inSolution: false);
            Assert.DoesNotContain(library, d => d.FilePath == "/r/src/Services/Catalogs/Dockerfile");
        }

        [Fact]
        public void Two_project_files_in_one_folder_report_its_dockerfile_once()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/svc/Api.csproj", "<Project/>")
                .AddFile("/r/svc/obj/Api.csproj.nuget.g.targets", UsesAnalyzer)
                .AddFile("/r/svc/Api - Backup.csproj", "<Project/>")
                .AddFile("/r/svc/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\n");
            IReadOnlyList<Diagnostic> Run(string project)
            {
                var request = new AnalysisRequest("/r/svc", new[] { new AssetInput("/r/svc/Dockerfile", AssetKind.Dockerfile) }, new ProjectFacts(project), files, discoverSharedAssets: true);
                return new DockerAnalyzer().Analyze(request).Diagnostics;
            }
            // "Api - Backup.csproj" sorts first but does not use the analyzer; Api.csproj reports.
            Assert.Contains(Run("/r/svc/Api.csproj"), d => d.Id == "DKR201");
            Assert.Empty(Run("/r/svc/Api - Backup.csproj"));

            // In a solution build, without any restore output, the project the solution lists owns the folder.
            files.AddFile("/r/All.sln", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Api\", \"svc\\Api.csproj\", \"{1}\"\nEndProject\n");
            var noRestore = new InMemoryFileSystem().AddFile("/r/.git/HEAD", "x").AddFile("/r/svc/Api.csproj", "").AddFile("/r/svc/Api - Backup.csproj", "")
                .AddFile("/r/svc/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\n").AddFile("/r/All.sln", files.ReadAllBytes("/r/All.sln"));
            Assert.False(new SharedAssets(noRestore, new ProjectFacts("/r/svc/Api.csproj", solutionPath: "/r/All.sln"), "/r/svc", "/r").AnotherProjectOwnsProjectDirectory());
            Assert.True(new SharedAssets(noRestore, new ProjectFacts("/r/svc/Api - Backup.csproj", solutionPath: "/r/All.sln"), "/r/svc", "/r").AnotherProjectOwnsProjectDirectory());
        }

        [Theory]
        [InlineData("Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"src\\A\\A.csproj\", \"{X}\"\nEndProject\nProject(\"{2150E333-8FDC-42A3-9474-1A3956D46DE8}\") = \"Folder\", \"Folder\", \"{Y}\"\nEndProject\n", "src\\A\\A.csproj")]
        [InlineData("<Solution>\n  <Folder Name=\"/src/\">\n    <Project Path=\"src/A/A.csproj\" />\n  </Folder>\n  <Project Path=\"B.fsproj\" Type=\"x\" />\n</Solution>\n", "src/A/A.csproj|B.fsproj")]
        public void Solution_files_list_their_projects(string text, string expected) =>
            Assert.Equal(expected.Split('|'), SolutionFile.ProjectPaths(text).ToArray());
    }
}
