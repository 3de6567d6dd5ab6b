FROM mcr.microsoft.com/dotnet/runtime:8.0@sha256:7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b
WORKDIR "/src/app"
COPY ["Worker/bin/Release/net8.0/publish/", "./"]
USER $APP_UID
ENTRYPOINT ["dotnet", "Worker.dll"]
