using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class BaseImageNotPinnedTests
    {
        private const string Id = "DKR101";

        [Theory]
        [InlineData("FROM node\n", "DKR101@1:6")]
        [InlineData("FROM node:latest\n", "DKR101@1:6")]
        [InlineData("FROM  mcr.microsoft.com/dotnet/aspnet AS final\n", "DKR101@1:7")]
        [InlineData("FROM node:lts\n", "DKR101@1:6")]
        [InlineData("FROM node:lts-alpine\n", "DKR101@1:6")]
        [InlineData("FROM debian:stable-slim\n", "DKR101@1:6")]
        [InlineData("FROM node:current\n", "DKR101@1:6")]
        [InlineData("FROM alpine:edge\n", "DKR101@1:6")]
        [InlineData("FROM rust:nightly\n", "DKR101@1:6")]
        [InlineData("FROM ubuntu:rolling\n", "DKR101@1:6")]
        [InlineData("FROM nginx:mainline\n", "DKR101@1:6")]
        [InlineData("FROM --platform=$BUILDPLATFORM golang AS build\n", "DKR101@1:32")]
        public void Floating_or_missing_tags(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

        [Fact]
        public void Resolves_arg_defaults()
        {
            AssertFindings("ARG IMAGE=node\nFROM ${IMAGE}\n", Id, "DKR101@2:6");
            AssertFindings("ARG TAG=latest\nFROM node:${TAG} AS build\n", Id, "DKR101@2:6");
        }

        [Fact]
        public void Reports_each_unpinned_stage()
        {
            AssertFindings("FROM mcr.microsoft.com/dotnet/sdk AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:latest\nCOPY --from=build /app /app\n",
                Id, "DKR101@1:6", "DKR101@3:6");
        }

        [Theory]
        [InlineData("FROM node:20.11-alpine\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
        [InlineData("FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
        [InlineData("FROM scratch\n")]
        [InlineData("FROM alpine:3.20 AS build\nFROM build AS publish\n")]
        [InlineData("FROM alpine:3.20 AS Build\nFROM build\n")]
        [InlineData("ARG TAG=8.0\nFROM mcr.microsoft.com/dotnet/aspnet:${TAG}\n")]
        [InlineData("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n")]
        [InlineData("ARG REGISTRY\nFROM ${REGISTRY}/img:${TAG} AS x\n")]
        [InlineData("FROM $BASE\n")]
        [InlineData("FROM ubuntu:latestversion\n")]
        public void Pinned_stage_and_unresolvable_images_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);
    }
}
