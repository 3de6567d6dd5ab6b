using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    /// <summary>
    /// The shapes every rule of the catalog must leave alone (they come from real, correct Dockerfiles that other
    /// linters misread), run through DKR104, DKR116, DKR121, DKR203, DKR302, DKR304 and DKR306 at once.
    /// </summary>
    public class CatalogRulesBSilenceTests
    {
        private static readonly string[] Ids = { "DKR104", "DKR116", "DKR121", "DKR203", "DKR302", "DKR304", "DKR306" };

        private static void AssertNoneOfTheRules(string dockerfile, InMemoryFileSystem files, string? contextDirectory = null)
        {
            var findings = Run(dockerfile, files, contextDirectory);
            Assert.DoesNotContain(findings, d => d.Id == "DKR901" || d.Id == "DKR902" || d.Id == "DKR903");
            Assert.Empty(findings.Where(d => Ids.Contains(d.Id)).Select(d => d.ToString()));
        }

        [Fact]
        public void Windows_dockerfile_with_backtick_escape_and_powershell()
        {
            var files = Project().AddFile(TestAnalysis.ProjectDir + "/publish/App.dll", "x");
            string dockerfile =
                "# escape=`\n" +
                "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\n" +
                "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';\"]\n" +
                "ARG SITE=C:\\inetpub\\wwwroot\n" +
                "RUN Remove-Item -Recurse -Force $env:SITE\\*; `\n" +
                "    New-Item -ItemType Directory -Path C:\\logs | Out-Null\n" +
                "COPY .\\publish\\ ${SITE}\n" +
                "HEALTHCHECK CMD powershell -Command try { Invoke-WebRequest http://localhost -UseBasicParsing } catch { exit 1 }\n" +
                "CMD C:\\ServiceMonitor.exe w3svc\n";
            AssertNoneOfTheRules(dockerfile, files);
        }

        [Fact]
        public void Heredocs_in_run_and_copy()
        {
            var files = new InMemoryFileSystem()
                .AddFile(TestAnalysis.ProjectDir + "/package.json", "{}")
                .AddFile(TestAnalysis.ProjectDir + "/package-lock.json", "{}")
                .AddFile(TestAnalysis.ProjectDir + "/server.js", "");
            string dockerfile =
                "# syntax=docker/dockerfile:1\n" +
                "FROM node:20.11-alpine\n" +
                "WORKDIR /app\n" +
                "COPY package.json package-lock.json ./\n" +
                "RUN <<EOF\n" +
                "set -eu\n" +
                "npm ci --omit=dev\n" +
                "echo \"$HOME\" > /tmp/home\n" +
                "EOF\n" +
                "COPY <<-EOF /app/config.json\n" +
                "\t{ \"port\": \"${PORT}\" }\n" +
                "\tEOF\n" +
                "COPY . .\n" +
                "USER node\n" +
                "CMD [\"node\", \"server.js\"]\n";
            AssertNoneOfTheRules(dockerfile, files);
        }

        [Fact]
        public void From_a_build_argument_and_copies_from_images_and_named_contexts()
        {
            string dockerfile =
                "ARG BASE_IMAGE\n" +
                "ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "FROM ${SDK_IMAGE} AS build\n" +
                "WORKDIR /src\n" +
                "COPY --from=shared-assets /logo.png /src/wwwroot/\n" +
                "COPY --from=mcr.microsoft.com/dotnet/runtime-deps:8.0 /etc/os-release /tmp/\n" +
                "COPY App.csproj .\n" +
                "RUN dotnet restore\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /app --no-restore\n" +
                "FROM $BASE_IMAGE\n" +
                "WORKDIR \"/src/app\"\n" +
                "COPY --from=build /app .\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            AssertNoneOfTheRules(dockerfile, Project());
        }

        [Fact]
        public void User_inherited_from_base_and_chiseled_without_user()
        {
            string inherited =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "RUN groupadd -r app && useradd -r -g app app\n" +
                "USER app\n" +
                "WORKDIR /app\n" +
                "FROM base AS final\n" +
                "COPY --from=mcr.microsoft.com/dotnet/samples:aspnetapp /app .\n" +
                "ENTRYPOINT [\"dotnet\", \"aspnetapp.dll\"]\n";
            AssertNoneOfTheRules(inherited, Project());

            string chiseled =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /source\n" +
                "COPY *.csproj .\n" +
                "RUN dotnet restore\n" +
                "COPY . .\n" +
                "RUN dotnet publish --no-restore -o /app\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\n" +
                "EXPOSE 8080\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app .\n" +
                "ENTRYPOINT [\"./App\"]\n";
            AssertNoneOfTheRules(chiseled, Project());
        }

        [Fact]
        public void Visual_studio_template_built_from_the_solution_directory()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/.dockerignore",
                    "**/.classpath\n**/.dockerignore\n**/.env\n**/.git\n**/.gitignore\n**/.project\n**/.settings\n**/.toolstarget\n" +
                    "**/.vs\n**/.vscode\n**/*.*proj.user\n**/*.dbmdl\n**/*.jfm\n**/azds.yaml\n**/bin\n**/charts\n**/docker-compose*\n" +
                    "**/Dockerfile*\n**/node_modules\n**/npm-debug.log\n**/obj\n**/secrets.dev.yaml\n**/values.dev.yaml\nLICENSE\nREADME.md\n" +
                    "!**/.gitignore\n!.git/HEAD\n!.git/config\n!.git/packed-refs\n!.git/refs/heads/**\n")
                .AddFile("/repo/App.sln", "")
                .AddFile("/repo/.env", "SA_PASSWORD=Your_password123")
                .AddFile("/repo/.git/HEAD", "ref: refs/heads/main")
                .AddFile("/repo/.git/config", "")
                .AddFile("/repo/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"/>")
                .AddFile("/repo/src/Api/Program.cs", "")
                .AddFile("/repo/src/Api/bin/Debug/net8.0/Api.dll", "x")
                .AddFile("/repo/src/Api/obj/project.assets.json", "{}")
                .AddFile("/repo/src/Domain/Domain.csproj", "<Project/>")
                .AddFile("/repo/src/Domain/Order.cs", "");
            string dockerfile =
                "#See https://aka.ms/customizecontainer to learn how to customize your debug container and how Visual Studio uses this Dockerfile to build your images for faster debugging.\n" +
                "\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "USER $APP_UID\n" +
                "WORKDIR /app\n" +
                "EXPOSE 8080\n" +
                "EXPOSE 8081\n" +
                "\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "ARG BUILD_CONFIGURATION=Release\n" +
                "WORKDIR /src\n" +
                "COPY [\"src/Api/Api.csproj\", \"src/Api/\"]\n" +
                "COPY [\"src/Domain/Domain.csproj\", \"src/Domain/\"]\n" +
                "RUN dotnet restore \"./src/Api/Api.csproj\"\n" +
                "COPY . .\n" +
                "WORKDIR \"/src/src/Api\"\n" +
                "RUN dotnet build \"./Api.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
                "\n" +
                "FROM build AS publish\n" +
                "ARG BUILD_CONFIGURATION=Release\n" +
                "RUN dotnet publish \"./Api.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
                "\n" +
                "FROM base AS final\n" +
                "WORKDIR /app\n" +
                "COPY --from=publish /app/publish .\n" +
                "ENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";
            files.AddFile("/repo/src/Api/Dockerfile", dockerfile);
            AssertNoneOfTheRules(dockerfile, files, contextDirectory: "/repo");
            // Also when the project does not say so: the context is inferred from the Dockerfile's sources.
            AssertNoneOfTheRules(dockerfile, files);
        }
    }
}
