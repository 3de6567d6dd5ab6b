using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class FinalStageIsBuildImageTests
    {
        private const string Id = "DKR103";

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n", "DKR103@1:1")]
        [InlineData("FROM golang:1.22\nRUN go build -o /app\n", "DKR103@1:1")]
        [InlineData("FROM maven:3.9-eclipse-temurin-21\n", "DKR103@1:1")]
        [InlineData("FROM gradle:8.7-jdk21\n", "DKR103@1:1")]
        [InlineData("FROM node:20\nCMD [\"node\", \"server.js\"]\n", "DKR103@1:1")]
        [InlineData("FROM alpine:3.20 AS tools\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS final\n", "DKR103@3:1")]
        public void Final_stage_on_a_toolchain(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n")]
        [InlineData("FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\n")]
        [InlineData("FROM node:20-alpine\n")]
        [InlineData("FROM node:20-slim\n")]
        [InlineData("FROM eclipse-temurin:21-jre\n")]
        [InlineData("ARG BASE\nFROM $BASE\n")]
        public void Runtime_final_stages_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Export_only_final_stage_after_a_toolchain_stage_is_silent()
        {
            AssertSilent("FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM scratch AS export\nCOPY --from=build /out/ /\n", "DKR103");
            AssertSilent("FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM scratch AS export\nCOPY --from=build /out/ /\n", "DKR201");
        }
    }
}
