using Docker.Build.Analyzers.Analysis;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class BuildOutputNotIgnoredTests
    {
        private const string Id = "DKR403";

        /// <summary>A solution-folder context: projects in subfolders, each with host build output.</summary>
        private static InMemoryFileSystem Solution() => new InMemoryFileSystem()
            .AddFile("/repo/App.sln", "")
            .AddFile("/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"/>")
            .AddFile("/repo/src/App/bin/Debug/net8.0/App.dll", "x")
            .AddFile("/repo/src/App/obj/project.assets.json", "{}")
            .AddFile("/repo/src/Lib/Lib.csproj", "<Project/>")
            .AddFile("/repo/src/Lib/obj/project.assets.json", "{}");

        private const string SolutionDockerfile =
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY . .\n" +
            "RUN dotnet publish src/App/App.csproj -c Release -o /app/publish\n";

        private static string[] SolutionFindings(string ignore) =>
            Findings(Id, Run(Solution(), SolutionDockerfile, ignore, ignorePath: "/repo/.dockerignore", contextDirectory: "/repo"));

        [Fact]
        public void Reports_root_only_patterns_when_the_projects_live_in_subfolders()
        {
            Assert.Equal(new[] { "DKR403@.dockerignore:1:1" }, SolutionFindings("bin/\nobj/\n"));
            var d = Assert.Single(Run(Solution(), SolutionDockerfile, "bin/\nobj/\n", ignorePath: "/repo/.dockerignore", contextDirectory: "/repo"), x => x.Id == Id);
            Assert.Contains("does not exclude the bin/ and obj/ folders of its projects ('src/App/bin/', 'src/App/obj/' and 'src/Lib/obj/')", d.Message);
            Assert.Contains("Add '**/bin/' and '**/obj/'", d.Message);
        }

        [Fact]
        public void Names_only_the_missing_pattern()
        {
            var d = Assert.Single(Run(Solution(), SolutionDockerfile, "**/bin\nobj\n", ignorePath: "/repo/.dockerignore", contextDirectory: "/repo"), x => x.Id == Id);
            Assert.Contains("the obj/ folders of its projects ('src/App/obj/' and 'src/Lib/obj/')", d.Message);
            Assert.Contains("Add '**/obj/'", d.Message);
            Assert.DoesNotContain("'**/bin/'", d.Message);
        }

        [Fact]
        public void Reports_output_beside_a_project_at_the_context_root()
        {
            var files = Project().AddFile(ProjectDir + "/obj/project.assets.json", "{}");
            Assert.Equal(new[] { "DKR403@.dockerignore:1:1" }, Findings(Id, files, CopyAll, ".git\n"));
        }

        [Theory]
        [InlineData("**/bin\n**/obj\n")]
        [InlineData("**/bin/\n**/obj/\n")]
        [InlineData("src/*/bin\nsrc/*/obj\n")]
        [InlineData("*\n!src\nsrc/**/bin\nsrc/**/obj\n")]
        [InlineData("**/[Bb]in/\n**/[Oo]bj/\n")]
        public void Silent_when_every_output_folder_is_excluded(string ignore)
        {
            Assert.Empty(SolutionFindings(ignore));
        }

        [Fact]
        public void Silent_when_no_output_folder_exists_yet()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/src/App/App.csproj", "<Project/>")
                .AddFile("/repo/src/Lib/Lib.csproj", "<Project/>");
            Assert.Empty(Findings(Id, Run(files, SolutionDockerfile, ".git\n", ignorePath: "/repo/.dockerignore", contextDirectory: "/repo")));
        }

        [Fact]
        public void Silent_for_bin_folders_that_are_not_beside_a_project()
        {
            // A Node tool's bin and a scripts folder named bin are not .NET build output.
            var files = Project()
                .AddFile(ProjectDir + "/tools/bin/run.sh", "#!/bin/sh")
                .AddFile(ProjectDir + "/node_modules/.bin/tsc", "x");
            Assert.Empty(Findings(Id, files, CopyAll, "**/obj\n"));
        }

        [Fact]
        public void Silent_when_a_dockerfile_copies_host_output_from_bin()
        {
            var files = Project().AddFile(ProjectDir + "/bin/Release/net8.0/publish/App.dll", "x");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY bin/Release/net8.0/publish/ .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            Assert.Empty(Findings(Id, files, dockerfile, ".git\n"));
        }

        [Fact]
        public void Silent_without_dotnet_projects()
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/package.json", "{}").AddFile(ProjectDir + "/bin/www", "x");
            Assert.Empty(Findings(Id, files, "FROM node:20\nWORKDIR /app\nCOPY . .\n", ".git\n"));
        }

        [Fact]
        public void Finds_the_project_being_built_even_when_the_walk_does_not()
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/obj/project.assets.json", "{}").AddFile(ProjectDir + "/App.csproj", "<Project/>");
            var project = new ProjectFacts(ProjectDir + "/App.csproj", "App", new[] { "net8.0" });
            var all = Run(files, CopyAll, "*.csproj\n", project: project);
            Assert.Equal(new[] { "DKR403@.dockerignore:1:1" }, Findings(Id, all));
        }
    }
}
