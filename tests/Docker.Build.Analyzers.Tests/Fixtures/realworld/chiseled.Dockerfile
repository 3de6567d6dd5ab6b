FROM mcr.microsoft.com/dotnet/sdk:8.0@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b AS build
WORKDIR /src
COPY Api.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish --no-restore -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled@sha256:7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080
HEALTHCHECK CMD ["/app/Api", "--health"]
ENTRYPOINT ["/app/Api"]
