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
            Assert.Contains("COPY to the relative destination '.' comes before any WORKDIR", d.Message);
            Assert.Contains("Add 'WORKDIR /app'", d.Message);
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
        }

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
