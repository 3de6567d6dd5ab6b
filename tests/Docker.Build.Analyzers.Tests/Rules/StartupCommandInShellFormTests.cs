using Docker.Build.Analyzers.Diagnostics;
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
            // aspnet:8.0 is Debian 12, whose dash execs a lone simple command: the app is PID 1, but only thanks to dash.
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains("the app is PID 1 only because dash (Debian 12: dash 0.5.11 or later) replaces itself with a lone simple command", d.Message);
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
            Assert.Contains("BusyBox ash", Single(dockerfile, Id).Message);
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
            var d = Single(dockerfile, Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("with several commands ('&&'), so the shell is PID 1", d.Message);
            Assert.Contains("[\"executable\", \"argument\"]", d.Message);
        }

        [Fact]
        public void Invalid_json_is_reported_once_by_DKR124_not_twice()
        {
            // Single quotes are not JSON: Docker runs the text through /bin/sh. DKR124 says so, at the same span.
            string dockerfile = "FROM python:3.12-slim\nCMD ['python', 'app.py']\n";
            AssertSilent(dockerfile, Id);
            AssertFindings(dockerfile, "DKR124", "DKR124@2:5");
            AssertSilent("FROM alpine:3.20\nENTRYPOINT ['dotnet', 'app.dll']\n", Id);
            AssertFindings("FROM alpine:3.20\nENTRYPOINT ['dotnet', 'app.dll']\n", "DKR124", "DKR124@2:12");
        }

        [Theory]
        [InlineData("FROM ubuntu:20.04\nCMD ./server --port 8080\n", "runs the command as its child")]
        [InlineData("FROM debian:10-slim\nCMD ./server\n", "dash 0.5.10 or earlier")]
        [InlineData("FROM node:20-buster\nCMD node server.js\n", "runs the command as its child")]
        [InlineData("FROM myregistry.example.com/base:1.0\nCMD ./server\n", "may never reach the app")]
        [InlineData("FROM python:3.12-slim\nCMD python app.py\n", "may never reach the app")]
        [InlineData("FROM alpine:3.20\nCMD ./server | tee /var/log/server.log\n", "with a pipe ('|')")]
        [InlineData("FROM alpine:3.20\nCMD ./migrate; ./server\n", "with several commands (';')")]
        [InlineData("FROM alpine:3.20\nCMD ./server &\n", "with a background job ('&')")]
        [InlineData("FROM alpine:3.20\nCMD (cd /app && ./server)\n", "with a subshell")]
        [InlineData("FROM fedora:40\nCMD ./server > /var/log/server.log\n", "forks a command that has a redirection")]
        public void Warns_where_the_shell_stays_PID_1_or_may(string dockerfile, string says)
        {
            var d = Single(dockerfile, Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal((2, 5), (d.Line, d.Column));
            Assert.Contains(says, d.Message);
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nCMD ./server --port 8080\n", "BusyBox ash")]
        [InlineData("FROM ubuntu:24.04\nCMD ./server\n", "dash (Ubuntu 24.04")]
        [InlineData("FROM debian:bookworm-slim\nCMD ./server\n", "dash (bookworm")]
        [InlineData("FROM ubuntu:jammy\nCMD ./server\n", "dash (jammy")]
        [InlineData("FROM python:3.12-slim-bookworm\nCMD python app.py\n", "dash (bookworm")]
        [InlineData("FROM redhat/ubi9:9.4\nCMD ./server\n", "bash")]
        [InlineData("FROM python:3.12-slim\nSHELL [\"/bin/bash\", \"-c\"]\nCMD python app.py\n", "bash (the stage's SHELL)")]
        [InlineData("FROM alpine:3.20\nCMD ./server > /var/log/server.log\n", "BusyBox ash")]
        public void Suggests_the_exec_form_where_the_shell_execs_a_lone_command(string dockerfile, string shell)
        {
            var d = Single(dockerfile, Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains("the app is PID 1 only because " + shell, d.Message);
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
