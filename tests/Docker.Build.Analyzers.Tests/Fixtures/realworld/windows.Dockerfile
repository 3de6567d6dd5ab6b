# escape=`
FROM mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b AS build
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
WORKDIR C:\src
COPY LegacyApp.sln .
COPY LegacyApp\LegacyApp.csproj LegacyApp\
RUN nuget restore LegacyApp.sln
COPY LegacyApp\ LegacyApp\
RUN msbuild LegacyApp.sln /p:Configuration=Release `
    /p:DeployOnBuild=true `
    /p:OutputPath=C:\out\ ; `
    Get-ChildItem C:\out | Select-Object -First 5

FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022@sha256:7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\inetpub\wwwroot
COPY --from=build C:\out\_PublishedWebsites\LegacyApp .
EXPOSE 80
USER ContainerUser
HEALTHCHECK CMD powershell -Command "try { Invoke-WebRequest http://localhost -UseBasicParsing | Out-Null; exit 0 } catch { exit 1 }"
