# syntax=docker/dockerfile:1
# The multi-stage shape the .NET container docs recommend.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b AS build
ARG TARGETARCH
WORKDIR /source

# Restore with only the project files, so the layer is reused until they change.
COPY aspnetapp/*.csproj .
RUN dotnet restore -a $TARGETARCH

COPY aspnetapp/. .
RUN dotnet publish -a $TARGETARCH --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:8.0@sha256:7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b
EXPOSE 8080
WORKDIR /app
COPY --link --from=build /app .
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["./aspnetapp", "--health-check"]
ENTRYPOINT ["./aspnetapp"]
