using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class BaseImageNotPinnedByDigestTests
    {
        private const string Id = "DKR102";

        [Fact]
        public void Reports_a_version_tag_without_digest_at_the_image() =>
            AssertFindings("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n", Id, "DKR102@1:6");

        [Fact]
        public void Is_a_suggestion_that_shows_the_digest_form()
        {
            var finding = Run("FROM node:20.11-alpine AS build\n").Single(d => d.Id == Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
            Assert.Contains("'node:20.11-alpine@sha256:<digest>'", finding.Message);
            Assert.Contains("':20.11-alpine'", finding.Message);
        }

        [Fact]
        public void Reports_every_stage_that_starts_from_an_image() =>
            AssertFindings(
                "FROM node:20.11-alpine AS build\n" +
                "RUN npm ci\n" +
                "FROM nginx:1.27.0\n" +
                "COPY --from=build /app/dist /usr/share/nginx/html\n",
                Id, "DKR102@1:6", "DKR102@3:6");

        [Fact]
        public void Reports_after_a_platform_flag() =>
            AssertFindings("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n", Id, "DKR102@1:32");

        [Theory]
        [InlineData("FROM nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
        [InlineData("FROM nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
        [InlineData("FROM nginx\n")] // no tag: DKR101's finding
        [InlineData("FROM nginx:latest\n")]
        [InlineData("FROM node:lts-alpine\n")]
        [InlineData("FROM scratch\n")]
        [InlineData("ARG BASE\nFROM $BASE\n")]
        [InlineData("ARG BASE=alpine:3.20\nFROM $BASE\n")]
        [InlineData("ARG REGISTRY=docker.io\nARG TAG=1.27\nFROM ${REGISTRY}/library/nginx:${TAG} AS web\n")]
        [InlineData("FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS base\nFROM base AS final\n")]
        [InlineData("FROM build AS final\nFROM golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build\n")]
        public void Stays_silent_without_a_pinned_tag_to_complete(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Suggests_the_digest_for_the_images_of_the_Visual_Studio_template() =>
            AssertFindings(SampleDockerfiles.VisualStudioTemplate, Id, "DKR102@3:6", "DKR102@9:6");

        [Fact]
        public void Ignores_the_argument_image_of_a_Windows_Dockerfile_but_not_its_literal_one() =>
            AssertFindings(SampleDockerfiles.Windows, Id, "DKR102@6:6");

        [Fact]
        public void Stays_silent_on_images_named_by_arguments_or_pinned_by_digest() =>
            AssertSilent(SampleDockerfiles.ArgumentsAndPlatforms, Id);
    }
}
