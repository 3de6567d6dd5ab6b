# syntax=docker/dockerfile:1
ARG REGISTRY=mcr.microsoft.com
ARG DOTNET_TAG=8.0
ARG SDK_DIGEST=sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b
ARG RUNTIME_IMAGE
FROM --platform=$BUILDPLATFORM ${REGISTRY}/dotnet/sdk:${DOTNET_TAG}@${SDK_DIGEST} AS build
ARG TARGETARCH
WORKDIR /src
COPY Api/Api.csproj Api/
RUN dotnet restore Api/Api.csproj -a $TARGETARCH
COPY Api/ Api/
RUN dotnet publish Api/Api.csproj -a $TARGETARCH --no-restore -o /app

FROM $RUNTIME_IMAGE AS final
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
HEALTHCHECK CMD ["./Api", "--health-check"]
ENTRYPOINT ["./Api"]
