using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class CopyOrRunBeforeWorkdirTests
    {
        private const string Id = "DKR304";

        [Fact]
        public void Reports_a_relative_copy_destination_before_any_workdir_as_a_suggestion()
        {
            string dockerfile =
                "FROM node:20.11-alpine\n" +
                "COPY . .\n" +
                "CMD [\"node\", \"server.js\"]\n";
            AssertFindings(dockerfile, Id, "DKR304@2:8");
            var d = Single(dockerfile, Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains("COPY to '.' comes before any WORKDIR in the final image, so the files land directly in '/'", d.Message);
            Assert.Contains("Add 'WORKDIR /app' before it: the same 'COPY . .' then puts them in /app", d.Message);
        }

        [Fact]
        public void Reports_a_copy_from_a_build_stage_into_the_root_directory()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "RUN dotnet publish /src/App.csproj -o /app/publish\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "COPY --from=build /app/publish ./\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            AssertFindings(dockerfile, Id, "DKR304@4:32");
            Assert.Contains("the same 'COPY --from=build /app/publish ./' then puts them in /app", Single(dockerfile, Id).Message);
        }

        [Theory]
        [InlineData("FROM python:3.12-slim\nCOPY requirements.txt reqs.txt\n", "DKR304@2:23", "as '/reqs.txt'", "/app/reqs.txt")]
        [InlineData("FROM python:3.12-slim\nCOPY app/main.py main.py\n", "DKR304@2:18", "as '/main.py'", "/app/main.py")]
        [InlineData("FROM python:3.12-slim\nCOPY app.py /\n", "DKR304@2:13", "land directly in '/'", "'COPY app.py /app/'")]
        public void Reports_single_files_that_land_directly_in_the_root_directory(string dockerfile, string expected, string where, string fix)
        {
            AssertFindings(dockerfile, Id, expected);
            var d = Single(dockerfile, Id);
            Assert.Contains(where, d.Message);
            Assert.Contains(fix, d.Message);
        }

        [Theory]
        [InlineData("FROM node:20.11-alpine\nCOPY src/ app/\n")]
        [InlineData("FROM node:20.11-alpine\nCOPY . app\n")]
        [InlineData("FROM node:20.11-alpine\nCOPY . ./app/\n")]
        [InlineData("FROM node:20.11-alpine\nCOPY publish app\n")]
        [InlineData("FROM node:20.11-alpine\nCOPY [\"src\", \"app/src/\"]\n")]
        [InlineData("FROM alpine:3.20\nCOPY rootfs/ /\n")]
        [InlineData("FROM alpine:3.20\nCOPY x /x\n")]
        [InlineData("FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=build /out /\n")]
        public void Silent_when_files_land_in_a_directory_of_their_own_or_at_an_explicit_absolute_path(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Reports_a_project_command_that_runs_in_the_root_directory()
        {
            string dockerfile =
                "FROM node:20.11-alpine\n" +
                "RUN apk add --no-cache tini\n" +
                "COPY package.json package-lock.json /app/\n" +
                "RUN npm ci --omit=dev\n" +
                "WORKDIR /app\n";
            AssertFindings(dockerfile, Id, "DKR304@4:5");
            Assert.Contains("'npm ci --omit=dev' runs before any WORKDIR", Single(dockerfile, Id).Message);
            Assert.Contains("Add 'WORKDIR /app' (or the absolute directory that holds the project) before it", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Reports_where_it_is_written_in_a_stage_the_final_image_is_built_on()
        {
            string dockerfile =
                "FROM python:3.12-slim AS base\n" +
                "COPY requirements.txt .\n" +
                "FROM base AS final\n" +
                "WORKDIR /app\n";
            AssertFindings(dockerfile, Id, "DKR304@2:23");
        }

        [Fact]
        public void Silent_once_a_workdir_is_set_and_for_absolute_destinations()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "USER $APP_UID\n" +
                "WORKDIR /app\n" +
                "FROM base AS final\n" +
                "COPY --from=build /app/publish .\n";
            AssertSilent(dockerfile, Id);
            AssertSilent("FROM nginx:1.27\nCOPY dist/ /usr/share/nginx/html/\nCOPY [\"nginx.conf\", \"/etc/nginx/\"]\n", Id);
            AssertSilent("FROM alpine:3.20\nARG APP_HOME=/opt/app\nCOPY app $APP_HOME/\n", Id);
        }

        [Fact]
        public void Silent_for_system_package_installs_and_commands_that_change_directory()
        {
            string dockerfile =
                "FROM node:20.11-alpine\n" +
                "RUN apk add --no-cache tini && npm install -g pm2\n" +
                "RUN cd /opt/tool && make install\n" +
                "WORKDIR /app\n" +
                "COPY . .\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_scratch_for_images_that_set_a_workdir_and_for_unknown_bases()
        {
            AssertSilent("FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /out/app .\nENTRYPOINT [\"/app\"]\n", Id);
            AssertSilent("FROM golang:1.22-alpine\nCOPY . .\nRUN go build -o /bin/app\n", Id);
            AssertSilent("FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py .\n", Id);
            AssertSilent("ARG BASE\nFROM $BASE\nCOPY . .\n", Id);
        }

        [Fact]
        public void Silent_for_build_stages_that_are_not_the_final_image()
        {
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "COPY . .\n" +
                "RUN npm ci && npm run build\n" +
                "FROM nginx:1.27\n" +
                "COPY --from=build /dist /usr/share/nginx/html\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_windows_dockerfiles()
        {
            string dockerfile =
                "# escape=`\n" +
                "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\n" +
                "SHELL [\"powershell\", \"-Command\"]\n" +
                "COPY publish/ .\n";
            AssertSilent(dockerfile, Id);
        }
    }
}
