using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class BuildInputExcludedByDockerIgnoreTests
    {
        private const string Id = "DKR407";

        [Fact]
        public void Reports_a_script_a_run_names_at_the_excluding_pattern()
        {
            var files = Project().AddFile(ProjectDir + "/build.sh", "#!/bin/sh");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN chmod +x build.sh && ./build.sh\n";
            var all = Run(files, dockerfile, "**/bin\n*.sh\n");
            Assert.Equal(new[] { "DKR407@.dockerignore:2:1" }, Findings(Id, all));
            var d = Assert.Single(all, x => x.Id == Id);
            Assert.Equal("'*.sh' excludes 'build.sh', which the build needs: Dockerfile line 4 runs 'chmod' on it after 'COPY .', so it fails with 'not found'. Add an exception such as '!build.sh' after this line, or narrow the pattern", d.Message);
        }

        [Fact]
        public void Maps_the_path_through_workdir_and_the_copy_destination()
        {
            var files = Project().AddFile(ProjectDir + "/scripts/entrypoint.sh", "#!/bin/sh");
            string dockerfile =
                "FROM alpine:3.20\n" +
                "WORKDIR /app\n" +
                "COPY scripts/ tools/\n" +
                "ENTRYPOINT [\"/app/tools/entrypoint.sh\"]\n";
            Assert.Equal(new[] { "DKR407@.dockerignore:1:1" }, Findings(Id, files, dockerfile, "scripts/*.sh\n"));
            Assert.Contains("starts the container with '/app/tools/entrypoint.sh'", Single(Id, files, dockerfile, "scripts/*.sh\n").Message);
        }

        [Fact]
        public void Reports_msbuild_and_nuget_inputs_above_the_restored_project_once_per_pattern()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/Directory.Build.props", "<Project/>")
                .AddFile("/repo/Directory.Packages.props", "<Project/>")
                .AddFile("/repo/NuGet.config", "<configuration/>")
                .AddFile("/repo/global.json", "{}")
                .AddFile("/repo/src/App/App.csproj", "<Project/>");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet restore src/App/App.csproj\n";
            var all = Run(files, dockerfile, "*.props\n*.config\nglobal.json\n", ignorePath: "/repo/.dockerignore", contextDirectory: "/repo");
            Assert.Equal(new[] { "DKR407@.dockerignore:1:1", "DKR407@.dockerignore:2:1", "DKR407@.dockerignore:3:1" }, Findings(Id, all));
            var props = Assert.Single(all, x => x.Id == Id && x.Line == 1);
            Assert.Contains("'*.props' excludes 'Directory.Build.props' and 'Directory.Packages.props', which the build needs", props.Message);
            Assert.Equal(DiagnosticSeverity.Warning, props.Severity);
            Assert.Contains("'NuGet.config'", Assert.Single(all, x => x.Id == Id && x.Line == 2).Message);
            // Leaving global.json out can be deliberate (the image's SDK differs): a suggestion.
            Assert.Equal(DiagnosticSeverity.Suggestion, Assert.Single(all, x => x.Id == Id && x.Line == 3).Severity);
        }

        [Fact]
        public void Reports_the_tool_manifest_before_dotnet_tool_restore()
        {
            var files = Project().AddFile(ProjectDir + "/.config/dotnet-tools.json", "{}");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet tool restore\n";
            Assert.Equal(new[] { "DKR407@.dockerignore:2:1" }, Findings(Id, files, dockerfile, "**/bin\n.*\n"));
        }

        [Fact]
        public void Reported_once_when_two_dockerfiles_use_the_ignore_file()
        {
            var files = Project().AddFile(ProjectDir + "/build.sh", "#!/bin/sh");
            string dockerfile = "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN ./build.sh\n";
            files.AddFile(ProjectDir + "/Dockerfile.dev", dockerfile);
            var all = Run(files, dockerfile, "*.sh\n", moreAssets: new[] { new AssetInput(ProjectDir + "/Dockerfile.dev", AssetKind.Dockerfile) });
            Assert.Equal(new[] { "DKR407@.dockerignore:1:1" }, Findings(Id, all));
        }

        [Fact]
        public void Silent_when_the_file_arrives_another_way_or_is_not_needed()
        {
            var files = Project().AddFile(ProjectDir + "/build.sh", "#!/bin/sh").AddFile(ProjectDir + "/Directory.Build.props", "<Project/>");
            // Copied by name (DKR405 speaks then), run with a bind mount, or after 'cd'.
            Assert.Empty(Findings(Id, files, "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nCOPY build.sh .\nRUN ./build.sh\n", "*.sh\n*.props\n"));
            Assert.Empty(Findings(Id, files, "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN --mount=type=bind,source=build.sh,target=/src/build.sh ./build.sh\n", "*.sh\n"));
            Assert.Empty(Findings(Id, files, "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN cd /tmp && ./build.sh\n", "*.sh\n"));
            // No RUN needs it; no directory copy brings it; the workdir of the base image is unknown.
            Assert.Empty(Findings(Id, files, "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN echo hi\n", "*.sh\n*.props\n"));
            Assert.Empty(Findings(Id, files, "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore\n", "*.props\n"));
            Assert.Empty(Findings(Id, files, "FROM alpine:3.20\nCOPY . .\nRUN ./build.sh\n", "*.sh\n"));
        }

        [Fact]
        public void Silent_for_files_that_do_not_exist_or_are_not_excluded()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN ./build.sh && dotnet publish App.csproj\n";
            Assert.Empty(Findings(Id, Project(), dockerfile, "*.sh\n*.props\n"));
            var files = Project().AddFile(ProjectDir + "/build.sh", "#!/bin/sh");
            Assert.Empty(Findings(Id, files, dockerfile, "*.sh\n!build.sh\n"));
        }

        [Fact]
        public void Silent_for_a_nuget_config_with_a_clear_text_password()
        {
            var files = Project().AddFile(ProjectDir + "/NuGet.config",
                "<configuration><packageSourceCredentials><feed><add key=\"ClearTextPassword\" value=\"hunter2\" /></feed></packageSourceCredentials></configuration>");
            Assert.Empty(Findings(Id, files, "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\n", "NuGet.config\n"));
        }

        [Fact]
        public void Suppressed_by_the_next_line_comment_in_the_ignore_file()
        {
            var files = Project().AddFile(ProjectDir + "/build.sh", "#!/bin/sh");
            Assert.Empty(Findings(Id, files, "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN ./build.sh\n", "# dkr-disable-next-line DKR407\n*.sh\n"));
        }
    }
}
