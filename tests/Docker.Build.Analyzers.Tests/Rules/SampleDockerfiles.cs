using Xunit;

namespace Docker.Build.Analyzers.Tests.Rules
{
    /// <summary>Real-world shapes that linters often misread; rules must stay quiet on what is correct in them.</summary>
    public static class SampleDockerfiles
    {
        /// <summary>The names of the samples, for theories.</summary>
        public static TheoryData<string> Names => new TheoryData<string> { nameof(VisualStudioTemplate), nameof(Windows), nameof(Heredocs), nameof(ArgumentsAndPlatforms) };

        public static string Get(string name) => name switch
        {
            nameof(VisualStudioTemplate) => VisualStudioTemplate,
            nameof(Windows) => Windows,
            nameof(Heredocs) => Heredocs,
            nameof(ArgumentsAndPlatforms) => ArgumentsAndPlatforms,
            _ => throw new System.ArgumentException(name),
        };

        /// <summary>Visual Studio's container template for an ASP.NET Core project (.NET 8).</summary>
        public const string VisualStudioTemplate =
            "#See https://aka.ms/customizecontainer to learn how to customize your debug container.\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
            "USER $APP_UID\n" +
            "WORKDIR /app\n" +
            "EXPOSE 8080\n" +
            "EXPOSE 8081\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "WORKDIR /src\n" +
            "COPY [\"WebApp/WebApp.csproj\", \"WebApp/\"]\n" +
            "RUN dotnet restore \"./WebApp/WebApp.csproj\"\n" +
            "COPY . .\n" +
            "WORKDIR \"/src/WebApp\"\n" +
            "RUN dotnet build \"./WebApp.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
            "\n" +
            "FROM build AS publish\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "RUN dotnet publish \"./WebApp.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
            "\n" +
            "FROM base AS final\n" +
            "WORKDIR /app\n" +
            "COPY --from=publish /app/publish .\n" +
            "ENTRYPOINT [\"dotnet\", \"WebApp.dll\"]\n";

        /// <summary>A Windows Dockerfile with the backtick escape, PowerShell as SHELL and Windows paths.</summary>
        public const string Windows =
            "# escape=`\n" +
            "\n" +
            "ARG REPO=mcr.microsoft.com/dotnet/runtime\n" +
            "FROM $REPO:8.0-nanoserver-ltsc2022 AS runtime\n" +
            "\n" +
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS installer\n" +
            "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';\"]\n" +
            "RUN $version = '8.0.0'; `\n" +
            "    Invoke-WebRequest -OutFile aspnetcore.zip https://dotnetcli.azureedge.net/dotnet/aspnetcore/Runtime/$version/aspnetcore-runtime-$version-win-x64.zip; `\n" +
            "    mkdir $Env:ProgramFiles\\dotnet\\shared\\Microsoft.AspNetCore.App; `\n" +
            "    tar -oxzf aspnetcore.zip -C $Env:ProgramFiles\\dotnet ./shared/Microsoft.AspNetCore.App; `\n" +
            "    Remove-Item -Force aspnetcore.zip\n" +
            "\n" +
            "FROM runtime\n" +
            "ENV ASPNETCORE_HTTP_PORTS=8080\n" +
            "COPY --from=installer [\"/Program Files/dotnet/shared/Microsoft.AspNetCore.App\", \"/Program Files/dotnet/shared/Microsoft.AspNetCore.App\"]\n" +
            "WORKDIR C:\\app\n" +
            "COPY . .\n" +
            "COPY *.dll C:\\app\\\n" +
            "USER ContainerUser\n" +
            "ENTRYPOINT [\"C:\\\\app\\\\App.exe\"]\n";

        /// <summary>BuildKit heredocs for RUN and COPY.</summary>
        public const string Heredocs =
            "# syntax=docker/dockerfile:1\n" +
            "FROM alpine:3.20 AS base\n" +
            "RUN <<EOF\n" +
            "set -e\n" +
            "apk add --no-cache curl\n" +
            "echo \"$HOME\" [ \"a\", 'b' ]\n" +
            "EOF\n" +
            "COPY <<EOF /etc/app.conf\n" +
            "port=8080\n" +
            "EOF\n" +
            "COPY --chmod=755 <<-EOT /app/run.sh\n" +
            "\t#!/bin/sh\n" +
            "\texec \"$@\"\n" +
            "\tEOT\n" +
            "USER 1000\n" +
            "CMD [\"/app/run.sh\"]\n";

        /// <summary>Images named through build arguments, platform flags and copies from images and stages.</summary>
        public const string ArgumentsAndPlatforms =
            "ARG REGISTRY=docker.io\n" +
            "ARG TAG=1.27\n" +
            "ARG BASE\n" +
            "FROM ${REGISTRY}/library/nginx:${TAG} AS web\n" +
            "\n" +
            "FROM --platform=$BUILDPLATFORM golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build\n" +
            "ARG TARGETOS TARGETARCH\n" +
            "RUN --mount=type=cache,target=/root/.cache/go-build GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n" +
            "\n" +
            "FROM $BASE\n" +
            "COPY --from=build /out/app /usr/local/bin/app\n" +
            "COPY --from=web /etc/nginx/nginx.conf /etc/nginx/\n" +
            "COPY --from=nginx:1.27-alpine /etc/nginx/mime.types /etc/nginx/\n" +
            "COPY --from=mcr.microsoft.com/dotnet/sdk:8.0 /usr/share/dotnet /usr/share/dotnet\n" +
            "RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt\n" +
            "USER 65532\n" +
            "ENTRYPOINT [\"/usr/local/bin/app\"]\n";
    }
}
