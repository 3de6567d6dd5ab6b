using System;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class EndOfLifeDotNetImageTests
    {
        private const string Id = "DKR612";

        private static ProjectFacts On(int year, int month, int day) =>
            new ProjectFacts(dotNet: new DotNetProjectFacts(today: new DateTime(year, month, day)));

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:6.0\n", "DKR612@1:6")]
        [InlineData("FROM mcr.microsoft.com/dotnet/core/aspnet:3.1-buster-slim\n", "DKR612@1:6")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:7.0.5-alpine3.17\n", "DKR612@1:6")]
        [InlineData("ARG V=5.0\nFROM mcr.microsoft.com/dotnet/aspnet:${V}\n", "DKR612@2:6")]
        public void Out_of_support_image(string dockerfile, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, On(2025, 6, 1)));

        [Fact]
        public void Message_names_the_end_and_the_version_to_move_to()
        {
            var d = Assert.Single(Run("FROM mcr.microsoft.com/dotnet/aspnet:6.0\n", On(2025, 6, 1)), x => x.Id == Id);
            Assert.Equal("'mcr.microsoft.com/dotnet/aspnet:6.0' is .NET 6.0, out of support since 2024-11-12: it gets no more security fixes. Move to .NET 8.0 (supported until 2026-11-10)", d.Message);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        [Fact]
        public void The_day_decides()
        {
            const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n";
            Assert.Empty(Findings(dockerfile, Id, On(2026, 11, 10)));
            var d = Assert.Single(Run(dockerfile, On(2026, 11, 11)), x => x.Id == Id);
            Assert.Contains("Move to .NET 10.0 (supported until 2028-11-14)", d.Message);
        }

        [Fact]
        public void Build_stage_gets_a_suggestion()
        {
            var found = Run("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", On(2025, 6, 1));
            var d = Assert.Single(found, x => x.Id == Id);
            Assert.Equal((1, 6, DiagnosticSeverity.Suggestion), (d.Line, d.Column, d.Severity));
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:9.0.3-bookworm-slim\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\n")]
        // Versions the table does not know yet, floating tags and other images.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:12.0\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:latest\n")]
        [InlineData("FROM node:6\n")]
        [InlineData("ARG V\nFROM mcr.microsoft.com/dotnet/aspnet:$V\n")]
        // FROM base names a stage: reported once, where the image is named.
        public void Supported_or_unknown_is_silent(string dockerfile) =>
            Assert.Empty(Findings(dockerfile, Id, On(2025, 6, 1)));

        [Fact]
        public void Stage_chain_is_reported_once_at_the_image()
        {
            Assert.Equal(new[] { "DKR612@1:6" }, Findings("FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS base\nFROM base AS final\n", Id, On(2025, 6, 1)));
        }
    }
}
