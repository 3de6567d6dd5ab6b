using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class FinalStageRunsAsRootTests
    {
        private const string Id = "DKR201";

        [Fact]
        public void No_user_points_at_the_final_from()
        {
            AssertFindings("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nUSER app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id, "DKR201@3:1");
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nUSER root\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER 0\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER root:root\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER 0:0\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER app\nRUN echo\nUSER root\n", "DKR201@4:6")]
        [InlineData("FROM alpine:3.20\nARG RUNAS=root\nUSER $RUNAS\n", "DKR201@3:6")]
        [InlineData("FROM alpine:3.20 AS base\nUSER root\nFROM base\n", "DKR201@2:6")]
        [InlineData("FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n", "DKR201@1:1")]
        [InlineData("FROM scratch AS base\nCMD [\"/app\"]\nFROM base\nCOPY app /app\n", "DKR201@3:1")]
        public void Root_users(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

        [Theory]
        [InlineData("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app/ C:/app/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/windows:ltsc2019\nCOPY app/ C:/app/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\nCOPY app/ C:/inetpub/wwwroot/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\nCOPY app/ C:/app/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n", "DKR201@3:6")]
        [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER containeradministrator\n", "DKR201@3:6")]
        public void Windows_images_that_run_as_the_container_administrator(string dockerfile, string expected)
        {
            // The FROM line is the second line here: a leading comment keeps the escape directive out of the way.
            dockerfile = "# app\n" + dockerfile;
            AssertFindings(dockerfile, Id, expected);
            var d = Assert.Single(Run(dockerfile), x => x.Id == Id);
            Assert.Contains("runs as an administrator", d.Message);
            Assert.Contains("USER ContainerUser", d.Message);
            Assert.DoesNotContain("APP_UID", d.Message);
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app/ C:/app/\nENTRYPOINT [\"C:\\\\app\\\\app.exe\"]\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCOPY app/ C:/app/\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-1809\n")]
        [InlineData("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/framework/runtime:4.8\nUSER ContainerUser\n")]
        public void Windows_images_that_run_as_container_user_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Linux_root_message_suggests_app_uid()
        {
            var d = Assert.Single(Run("FROM alpine:3.20\nUSER root\n"), x => x.Id == Id);
            Assert.StartsWith("The container runs as root: the last USER of the final stage is 'root'.", d.Message);
            Assert.Contains("USER $APP_UID", d.Message);
        }

        [Theory]
        [InlineData("FROM scratch\nCOPY app /app\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\nFROM scratch AS export\nCOPY --from=build /out /\n")]
        [InlineData("FROM scratch AS files\nCOPY a /a\nFROM files AS export\nCOPY b /b\n")]
        public void Export_only_scratch_stages_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Root_user_span_covers_only_the_user_part()
        {
            var d = Assert.Single(Run("FROM alpine:3.20\nUSER root:wheel\n"), x => x.Id == Id);
            Assert.Equal((2, 6, 2, 10), (d.Line, d.Column, d.EndLine, d.EndColumn));
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\n")]
        [InlineData("FROM alpine:3.20\nUSER 1000:1000\n")]
        [InlineData("FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER nobody\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM base AS final\nCOPY --from=build /app .\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCOPY app /app\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled-extra\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless\n")]
        [InlineData("FROM gcr.io/distroless/static-debian12:nonroot\n")]
        [InlineData("ARG BASE\nFROM $BASE\n")]
        [InlineData("FROM alpine:3.20\nUSER ${APP_USER}\n")]
        public void Non_root_is_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);
    }
}
