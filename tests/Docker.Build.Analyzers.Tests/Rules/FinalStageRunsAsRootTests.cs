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
        [InlineData("FROM scratch\nCOPY app /app\n", "DKR201@1:1")]
        public void Root_users(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

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
