using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class ContextCopiedWithoutDockerIgnoreTests
    {
        private const string Id = "DKR401";

        [Fact]
        public void Reports_the_first_directory_copy_once_per_dockerfile()
        {
            string dockerfile = CopyAll.Replace("COPY . .\n", "COPY . .\nCOPY . /again\n");
            Assert.Equal(new[] { "DKR401@Dockerfile:3:6" }, Findings(Id, WithOutput(), dockerfile, null));
            var d = Single(Id, WithOutput(), dockerfile, null);
            Assert.Equal("COPY copies the directory '.' from the build context '/repo/src/App', which has no .dockerignore, so everything under it is copied, including host build output ('obj/') and '.git'; any change to those files also invalidates the layer cache. Add a .dockerignore at the context root with at least '**/bin/', '**/obj/', '.git' and '**/.env'", d.Message);
        }

        private static InMemoryFileSystem WithOutput() => Project()
            .AddFile(ProjectDir + "/obj/project.assets.json", "{}")
            .AddFile(ProjectDir + "/.git/HEAD", "ref: refs/heads/main");

        [Fact]
        public void Silent_when_the_copied_directory_holds_nothing_an_ignore_file_is_for()
        {
            // A clean source tree; a publish folder copied from the host; a Node app's bin/www.
            Assert.Empty(Findings(Id, Project(), CopyAll, null));
            var published = Project().AddFile(ProjectDir + "/Worker/bin/Release/net8.0/publish/Worker.dll", "x");
            Assert.Empty(Findings(Id, published, "FROM mcr.microsoft.com/dotnet/runtime:8.0\nWORKDIR /app\nCOPY [\"Worker/bin/Release/net8.0/publish/\", \"./\"]\n", null));
            var node = new InMemoryFileSystem().AddFile(ProjectDir + "/package.json", "{}").AddFile(ProjectDir + "/bin/www", "x");
            Assert.Empty(Findings(Id, node, "FROM node:20\nWORKDIR /app\nCOPY . .\n", null));
        }

        [Fact]
        public void Reports_a_subdirectory_copy_and_names_secrets_found_in_it()
        {
            var files = Project()
                .AddFile(ProjectDir + "/src/Api/Api.csproj", "<Project/>")
                .AddFile(ProjectDir + "/src/Api/.env", "DB_PASSWORD=x")
                .AddFile(ProjectDir + "/src/Api/.env.example", "DB_PASSWORD=");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY App.csproj ./\nCOPY [\"src/\", \"src/\"]\n";
            Assert.Equal(new[] { "DKR401@Dockerfile:4:7" }, Findings(Id, files, dockerfile, null));
            Assert.Contains("including the secret file 'src/Api/.env';", Single(Id, files, dockerfile, null).Message);
        }

        [Fact]
        public void Silent_when_the_context_has_an_ignore_file_of_either_kind()
        {
            Assert.Empty(Findings(Id, WithOutput(), CopyAll, "**/bin\n**/obj\n"));
            Assert.Empty(Findings(Id, WithOutput(), CopyAll, "**/bin\n**/obj\n", ignorePath: DockerfilePath + ".dockerignore"));
            // Not passed as an asset: the context still has it.
            Assert.Empty(Findings(Id, Run(WithOutput(), CopyAll, "**/bin\n", ignoreIsAsset: false)));
        }

        [Fact]
        public void Silent_for_single_file_copies_wildcards_and_other_stages()
        {
            var files = Project().AddFile(ProjectDir + "/src/a.txt", "x");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "COPY App.csproj Program.cs /src/\n" +
                "COPY src/*.txt /src/\n" +
                "COPY --from=mcr.microsoft.com/dotnet/aspnet:8.0 /usr/share/dotnet /dotnet\n" +
                "COPY missing/ /src/\n";
            Assert.Empty(Findings(Id, files, dockerfile, null));
        }

        [Fact]
        public void Silent_when_the_context_directory_does_not_exist()
        {
            Assert.Empty(Findings(Id, WithOutput(), CopyAll, null, contextDirectory: "/elsewhere/ctx"));
        }

        [Fact]
        public void Suppressed_by_the_next_line_comment()
        {
            string dockerfile = CopyAll.Replace("COPY . .\n", "# dkr-disable-next-line DKR401\nCOPY . .\n");
            Assert.Empty(Findings(Id, WithOutput(), dockerfile, null));
        }
    }
}
