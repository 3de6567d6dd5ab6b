# syntax=docker/dockerfile:1
FROM debian:12.6-slim@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b
WORKDIR /opt/tools
COPY --from=mcr.microsoft.com/dotnet/runtime:8.0@sha256:7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b /usr/share/dotnet /usr/share/dotnet
COPY --from=docker.io/library/busybox:1.36.1@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0 /bin/busybox /opt/tools/busybox
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
USER 1000
CMD ["dotnet", "--info"]
