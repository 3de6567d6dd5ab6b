using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class CopySourceExcludedByDockerIgnoreTests
    {
        private const string Id = "DKR405";

        [Fact]
        public void Reports_an_explicit_source_and_names_the_pattern_its_file_and_line()
        {
            var files = Project().AddFile(ProjectDir + "/README.md", "hello");
            string dockerfile = "FROM nginx:1.27\nCOPY [\"README.md\", \"/usr/share/nginx/html/\"]\n";
            var all = Run(files, dockerfile, "# docs\n*.md\n");
            Assert.Equal(new[] { "DKR405@Dockerfile:2:7" }, Findings(Id, all));
            Assert.Empty(Findings("DKR121", all));
            var d = Assert.Single(all, x => x.Id == Id);
            Assert.Equal("COPY source 'README.md' is excluded by .dockerignore (.dockerignore line 2: '*.md'), so the build cannot see it and fails with 'not found'. Remove that pattern or add an exception '!README.md' after it", d.Message);
        }

        [Fact]
        public void The_dockerfile_specific_ignore_file_is_the_one_that_counts()
        {
            var files = Project()
                .AddFile(ProjectDir + "/.dockerignore", "nothing-relevant")
                .AddFile(ProjectDir + "/appsettings.Production.json", "{}");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY appsettings.Production.json .\n";
            var all = Run(files, dockerfile, "appsettings.*.json", ignorePath: DockerfilePath + ".dockerignore");
            Assert.Equal(new[] { "DKR405@Dockerfile:3:6" }, Findings(Id, all));
            Assert.Contains("Dockerfile.dockerignore line 1", Assert.Single(all, x => x.Id == Id).Message);
        }

        [Fact]
        public void Reports_a_file_inside_an_excluded_directory()
        {
            var files = Project().AddFile(ProjectDir + "/bin/Release/net8.0/publish/App.dll", "x");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY bin/Release/net8.0/publish/ .\n";
            Assert.Equal(new[] { "DKR405@Dockerfile:3:6" }, Findings(Id, files, dockerfile, "**/bin\n**/obj\n"));
        }

        [Fact]
        public void Reports_a_wildcard_whose_matches_are_all_excluded()
        {
            var files = Project().AddFile(ProjectDir + "/App.sln", "");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY *.sln ./\n";
            var all = Run(files, dockerfile, "*.sln\n");
            Assert.Equal(new[] { "DKR405@Dockerfile:3:6" }, Findings(Id, all));
            Assert.Empty(Findings("DKR121", all));
            Assert.Contains("matches only paths that .dockerignore excludes (.dockerignore line 1: '*.sln'), so nothing is copied", Assert.Single(all, x => x.Id == Id).Message);
        }

        [Fact]
        public void Works_when_the_ignore_file_is_not_an_asset()
        {
            var files = Project().AddFile(ProjectDir + "/README.md", "hello");
            var all = Run(files, "FROM nginx:1.27\nCOPY README.md /usr/share/nginx/html/\n", "*.md\n", ignoreIsAsset: false);
            Assert.Equal(new[] { "DKR405@Dockerfile:2:6" }, Findings(Id, all));
        }

        [Fact]
        public void Silent_for_missing_sources_visible_sources_and_reopened_directories()
        {
            var files = Project().AddFile(ProjectDir + "/.git/HEAD", "ref: refs/heads/main");
            string dockerfile = "FROM alpine:3.20\nCOPY missing.txt /\nCOPY App.csproj /src/\nCOPY .git /src/.git\nCOPY .git/HEAD /src/HEAD\nCOPY *.cs /src/\n";
            var all = Run(files, dockerfile, ".git\n!.git/HEAD\n");
            Assert.Empty(Findings(Id, all));
            Assert.Equal(new[] { "DKR121@Dockerfile:2:6" }, Findings("DKR121", all));
        }

        [Fact]
        public void Silent_without_an_ignore_file_or_context()
        {
            Assert.Empty(Findings(Id, Project(), "FROM alpine:3.20\nCOPY README.md /\n", null));
            Assert.Empty(Findings(Id, Project(), "FROM alpine:3.20\nCOPY README.md /\n", "*.md\n", contextDirectory: "/elsewhere/ctx"));
        }

        [Fact]
        public void Suppressed_by_the_next_line_comment_and_by_buildkit_check_skip()
        {
            var files = Project().AddFile(ProjectDir + "/README.md", "hello");
            Assert.Empty(Findings(Id, files, "FROM nginx:1.27\n# dkr-disable-next-line DKR405\nCOPY README.md /x/\n", "*.md\n"));
            Assert.Empty(Findings(Id, Project().AddFile(ProjectDir + "/README.md", "hello"), "# check=skip=CopyIgnoredFile\nFROM nginx:1.27\nCOPY README.md /x/\n", "*.md\n"));
        }
    }
}
