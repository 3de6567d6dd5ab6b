using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class CopySourceNotInContextTests
    {
        private const string Id = "DKR121";

        [Fact]
        public void Reports_a_source_missing_from_the_context()
        {
            var files = Project();
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY App.csproj Api.csproj Program.cs ./\n";
            AssertFindings(dockerfile, files, Id, "DKR121@3:17");
            var d = Single(dockerfile, Project(), Id);
            Assert.Contains("'Api.csproj' does not exist in the build context '/repo/src/App'", d.Message);
            Assert.StartsWith("COPY source", d.Message);
        }

        [Fact]
        public void Reports_a_source_that_dockerignore_excludes_and_names_the_pattern()
        {
            var files = Project()
                .AddFile(TestAnalysis.ProjectDir + "/.dockerignore", "# docs\n*.md\n")
                .AddFile(TestAnalysis.ProjectDir + "/README.md", "hello");
            string dockerfile = "FROM nginx:1.27\nCOPY [\"README.md\", \"/usr/share/nginx/html/\"]\n";
            AssertFindings(dockerfile, files, Id, "DKR121@2:7");
            var d = Single(dockerfile, files, Id);
            Assert.Contains("is excluded by .dockerignore (.dockerignore line 2: '*.md')", d.Message);
            Assert.Contains("'!README.md'", d.Message);
        }

        [Fact]
        public void The_dockerfile_specific_ignore_file_is_the_one_that_counts()
        {
            var files = Project()
                .AddFile(TestAnalysis.ProjectDir + "/.dockerignore", "nothing-relevant")
                .AddFile(TestAnalysis.ProjectDir + "/Dockerfile.dockerignore", "appsettings.*.json")
                .AddFile(TestAnalysis.ProjectDir + "/appsettings.Production.json", "{}");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY appsettings.Production.json .\n";
            AssertFindings(dockerfile, files, Id, "DKR121@3:6");
            Assert.Contains("Dockerfile.dockerignore line 1", Single(dockerfile, files, Id).Message);
        }

        [Fact]
        public void Reports_a_file_inside_an_excluded_directory()
        {
            var files = Project()
                .AddFile(TestAnalysis.ProjectDir + "/.dockerignore", "**/bin\n**/obj\n")
                .AddFile(TestAnalysis.ProjectDir + "/bin/Release/net8.0/publish/App.dll", "x");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY bin/Release/net8.0/publish/ .\n";
            AssertFindings(dockerfile, files, Id, "DKR121@3:6");
        }

        [Fact]
        public void Reports_a_wildcard_that_matches_nothing_when_it_is_the_only_source()
        {
            var files = Project();
            // The other sources exist, so the project directory is the context and the wildcard is the mistake.
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY *.sln ./\nCOPY App.csproj ./\nCOPY Program.cs ./\nRUN dotnet restore\n";
            AssertFindings(dockerfile, files, Id, "DKR121@3:6");
            Assert.Contains("matches nothing", Single(dockerfile, Project(), Id).Message);
        }

        [Fact]
        public void A_parent_path_cannot_leave_the_context_and_the_message_says_so()
        {
            var files = Project().AddFile("/repo/src/Shared/Shared.csproj", "<Project/>");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "WORKDIR /src\n" +
                "COPY App.csproj Program.cs .\n" +
                "COPY ../Shared/Shared.csproj ../Shared/\n";
            AssertFindings(dockerfile, files, Id, "DKR121@4:6");
            Assert.Contains("cannot leave the context", Single(dockerfile, files, Id).Message);
        }

        [Fact]
        public void Expands_build_arguments_with_defaults_before_checking()
        {
            var files = Project();
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "ARG PROJECT=Api\n" +
                "COPY ${PROJECT}.csproj ./\n" +
                "COPY App.csproj Program.cs ./\n";
            AssertFindings(dockerfile, files, Id, "DKR121@3:6");
            Assert.Contains("'Api.csproj'", Single(dockerfile, Project(), Id).Message);
        }

        [Fact]
        public void Absolute_looking_sources_are_relative_to_the_context_root()
        {
            AssertSilent("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY /App.csproj /src/\n", Project(), Id);
            AssertFindings("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY /src/App.csproj /src/\nCOPY /App.csproj /Program.cs /src/\n", Project(), Id, "DKR121@2:6");
        }

        [Fact]
        public void Silent_for_copies_that_do_not_read_the_context()
        {
            string dockerfile =
                "# syntax=docker/dockerfile:1\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "ARG SOURCE\n" +
                "COPY $SOURCE /src/\n" +
                "COPY <<EOF /src/settings.json\n" +
                "{}\n" +
                "EOF\n" +
                "ADD https://example.com/tool.tar.gz /tools/\n" +
                "ADD git@github.com:org/repo.git /repo\n" +
                "FROM nginx:1.27\n" +
                "COPY --from=build /app/publish /app\n" +
                "COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n" +
                "COPY --from=assets /logo.png /app/\n";
            AssertSilent(dockerfile, Project(), Id);
        }

        [Fact]
        public void Silent_for_wildcards_that_match_and_for_optional_wildcards_beside_a_real_source()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "WORKDIR /src\n" +
                "COPY *.csproj ./\n" +
                "COPY App.csproj packages.lock.json* ./\n" +
                "COPY . .\n" +
                "COPY ./ /src/\n";
            AssertSilent(dockerfile, Project(), Id);
        }

        [Fact]
        public void Silent_for_an_excluded_directory_that_an_exception_re_opens()
        {
            var files = Project()
                .AddFile(TestAnalysis.ProjectDir + "/.dockerignore", ".git\n!.git/HEAD\n")
                .AddFile(TestAnalysis.ProjectDir + "/.git/HEAD", "ref: refs/heads/main");
            AssertSilent("FROM alpine:3.20\nCOPY .git /src/.git\nCOPY .git/HEAD /src/HEAD\n", files, Id);
        }

        private static InMemoryFileSystem VisualStudioSolution() => new InMemoryFileSystem()
            .AddFile("/repo/.dockerignore", "**/.vs\n**/bin\n**/obj\n**/Dockerfile*\nLICENSE\nREADME.md\n!**/.gitignore\n")
            .AddFile("/repo/App.sln", "")
            .AddFile("/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"/>")
            .AddFile("/repo/src/App/Program.cs", "")
            .AddFile("/repo/src/Lib/Lib.csproj", "<Project/>")
            .AddFile("/repo/src/App/bin/Debug/App.dll", "x");

        private const string VisualStudioDockerfile =
            "#See https://aka.ms/customizecontainer to learn how to customize your debug container.\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
            "USER $APP_UID\n" +
            "WORKDIR /app\n" +
            "EXPOSE 8080\n" +
            "EXPOSE 8081\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "WORKDIR /src\n" +
            "COPY [\"src/App/App.csproj\", \"src/App/\"]\n" +
            "COPY [\"src/Lib/Lib.csproj\", \"src/Lib/\"]\n" +
            "RUN dotnet restore \"./src/App/App.csproj\"\n" +
            "COPY . .\n" +
            "WORKDIR \"/src/src/App\"\n" +
            "RUN dotnet build \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
            "\n" +
            "FROM build AS publish\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "RUN dotnet publish \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
            "\n" +
            "FROM base AS final\n" +
            "WORKDIR /app\n" +
            "COPY --from=publish /app/publish .\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        [Fact]
        public void Silent_for_the_visual_studio_template_built_from_the_solution_directory()
        {
            AssertSilent(VisualStudioDockerfile, VisualStudioSolution(), Id, contextDirectory: "/repo");
        }

        [Fact]
        public void Silent_for_the_visual_studio_template_when_the_project_names_no_context()
        {
            // Nothing it copies is in the project directory, everything is in the solution: that is the context it is built with.
            AssertSilent(VisualStudioDockerfile, VisualStudioSolution(), Id);
        }

        [Fact]
        public void The_inferred_solution_context_still_catches_a_wrong_path()
        {
            var files = VisualStudioSolution();
            string dockerfile = VisualStudioDockerfile.Replace("COPY . .\n", "COPY . .\nCOPY [\"src/Gone/Gone.csproj\", \"src/Gone/\"]\n");
            // One missing source among existing ones: the solution is still the context, and the slip is reported.
            Assert.Equal(new[] { "DKR121@15:7" }, Findings(dockerfile, Id, files));
        }

        [Fact]
        public void Silent_for_a_windows_dockerfile_with_backtick_escape_and_backslash_paths()
        {
            var files = Project().AddFile(TestAnalysis.ProjectDir + "/publish/App.dll", "x");
            string dockerfile =
                "# escape=`\n" +
                "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\n" +
                "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\n" +
                "WORKDIR C:\\inetpub\\wwwroot\n" +
                "COPY .\\publish\\ C:\\inetpub\\wwwroot\\\n" +
                "RUN Remove-Item -Recurse C:\\inetpub\\wwwroot\\*.config; `\n" +
                "    Write-Host done\n";
            AssertSilent(dockerfile, files, Id);
        }

        [Fact]
        public void Silent_when_the_context_directory_does_not_exist()
        {
            AssertSilent("FROM alpine:3.20\nCOPY missing.txt /\n", new InMemoryFileSystem(), Id, contextDirectory: "/elsewhere/ctx");
        }

        [Fact]
        public void Suppressed_by_the_next_line_comment()
        {
            AssertSilent("FROM alpine:3.20\n# dkr-disable-next-line DKR121\nCOPY generated.txt /\n", Project(), Id);
        }
    }
}
