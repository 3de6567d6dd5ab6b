using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class StartupCommandInShellFormTests
    {
        private const string Id = "DKR302";

        [Fact]
        public void Reports_a_shell_form_cmd_in_the_final_stage_and_suggests_the_exec_form()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "WORKDIR /app\n" +
                "CMD dotnet App.dll\n";
            AssertFindings(dockerfile, Id, "DKR302@3:5");
            var d = Single(dockerfile, Id);
            Assert.Contains("the shell is PID 1", d.Message);
            Assert.Contains("CMD [\"dotnet\", \"App.dll\"]", d.Message);
            Assert.Equal(3, d.EndLine);
            Assert.Equal(19, d.EndColumn);
        }

        [Fact]
        public void Reports_a_shell_form_entrypoint_and_says_the_cmd_is_ignored()
        {
            string dockerfile =
                "FROM node:20.11-alpine\n" +
                "ENTRYPOINT node server.js\n" +
                "CMD [\"--port\", \"8080\"]\n";
            AssertFindings(dockerfile, Id, "DKR302@2:12");
            Assert.Contains("ignore the CMD", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Reports_a_shell_form_cmd_handed_to_an_exec_form_entrypoint()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n" +
                "CMD --urls http://+:8080\n";
            AssertFindings(dockerfile, Id, "DKR302@3:5");
            var d = Single(dockerfile, Id);
            Assert.Contains("exec-form ENTRYPOINT (line 2) as the arguments '/bin/sh' '-c'", d.Message);
            Assert.Contains("CMD [\"--urls\", \"http://+:8080\"]", d.Message);
        }

        [Fact]
        public void Reports_the_effective_command_where_it_is_written_in_a_base_stage()
        {
            string dockerfile =
                "FROM node:20.11-alpine AS base\n" +
                "WORKDIR /app\n" +
                "CMD npm start && echo stopped\n" +
                "FROM base AS final\n" +
                "COPY . .\n";
            AssertFindings(dockerfile, Id, "DKR302@3:5");
            Assert.Contains("[\"executable\", \"argument\"]", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Reports_invalid_json_that_docker_runs_through_a_shell()
        {
            string dockerfile = "FROM python:3.12-slim\nCMD ['python', 'app.py']\n";
            AssertFindings(dockerfile, Id, "DKR302@2:5");
            Assert.Contains("not valid JSON", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Silent_for_exec_form_and_for_shell_form_that_execs()
        {
            AssertSilent("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", Id);
            AssertSilent("FROM node:20.11-alpine\nCMD exec node server.js --port \"$PORT\"\n", Id);
            AssertSilent("FROM node:20.11-alpine\nENTRYPOINT exec node server.js\nCMD ignored\n", Id);
        }

        [Fact]
        public void Silent_when_the_shell_form_is_not_the_command_the_final_image_starts()
        {
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "CMD npm test\n" +
                "FROM node:20.11-alpine AS base\n" +
                "CMD npm start\n" +
                "FROM base AS final\n" +
                "ENTRYPOINT [\"node\", \"server.js\"]\n";
            // The final ENTRYPOINT clears the CMD inherited from 'base'; 'build' is not the final image.
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_windows_dockerfiles_with_powershell()
        {
            string dockerfile =
                "# escape=`\n" +
                "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\n" +
                "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\n" +
                "WORKDIR C:\\app\n" +
                "CMD C:\\ServiceMonitor.exe w3svc; `\n" +
                "    Write-Host stopped\n";
            AssertSilent(dockerfile, Id);
            AssertSilent("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD app.exe --serve\n", Id);
        }

        [Fact]
        public void Silent_for_the_visual_studio_template()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "USER $APP_UID\n" +
                "WORKDIR /app\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet publish -o /app/publish\n" +
                "FROM base AS final\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app/publish .\n" +
                "ENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_in_images_without_a_shell_where_DKR306_reports_it()
        {
            AssertSilent("FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCMD dotnet App.dll\n", Id);
            AssertSilent("FROM scratch\nCOPY app /app\nENTRYPOINT /app --serve\n", Id);
        }

        [Fact]
        public void Suppressed_by_a_hadolint_comment()
        {
            AssertSilent("FROM node:20.11-alpine\n# hadolint ignore=DL3025\nCMD node server.js\n", Id);
        }
    }
}
