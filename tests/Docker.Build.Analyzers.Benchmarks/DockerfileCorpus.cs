using System.Text;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>Generates large, realistic Dockerfiles: every instruction kind, continuations, heredocs, variables.</summary>
    public static class DockerfileCorpus
    {
        public static string Generate(int targetLines)
        {
            var sb = new StringBuilder();
            sb.Append("# syntax=docker/dockerfile:1\n");
            sb.Append("ARG DOTNET_VERSION=8.0\nARG NODE_VERSION=20.11.1\n");
            int stage = 0;
            while (CountLines(sb) < targetLines)
            {
                stage++;
                sb.Append($"\n# stage {stage}\n");
                sb.Append($"FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${{DOTNET_VERSION}} AS build{stage}\n");
                sb.Append("ARG TARGETARCH\nARG BUILD_CONFIGURATION=Release\n");
                sb.Append("ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 NUGET_XMLDOC_MODE=skip\n");
                sb.Append("WORKDIR /src\n");
                sb.Append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        curl \\\n        git \\\n        unzip \\\n    && rm -rf /var/lib/apt/lists/*\n");
                sb.Append($"COPY [\"src/App{stage}/App{stage}.csproj\", \"src/App{stage}/\"]\n");
                sb.Append("COPY Directory.Packages.props Directory.Build.props ./\n");
                sb.Append($"RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore \"src/App{stage}/App{stage}.csproj\" -a $TARGETARCH\n");
                sb.Append("COPY . .\n");
                sb.Append($"RUN dotnet publish \"src/App{stage}/App{stage}.csproj\" -c $BUILD_CONFIGURATION -a $TARGETARCH --no-restore -o /app/publish /p:UseAppHost=false\n");
                sb.Append("RUN <<EOF\nset -eu\nfind /app/publish -name '*.pdb' -delete\necho \"published\" | tee /app/publish/stamp.txt\nEOF\n");
                sb.Append("LABEL org.opencontainers.image.source=\"https://example.com/repo\" org.opencontainers.image.version=\"1.0\"\n");
                sb.Append($"\nFROM node:${{NODE_VERSION}}-bookworm-slim AS assets{stage}\n");
                sb.Append("WORKDIR /web\nCOPY web/package.json web/package-lock.json ./\nRUN npm ci\nCOPY web/ ./\nRUN npm run build && npm cache clean --force\n");
                sb.Append($"\nFROM mcr.microsoft.com/dotnet/aspnet:${{DOTNET_VERSION}} AS final{stage}\n");
                sb.Append("EXPOSE 8080\nWORKDIR /app\n");
                sb.Append($"COPY --link --from=build{stage} /app/publish .\n");
                sb.Append($"COPY --from=assets{stage} /web/dist ./wwwroot\n");
                sb.Append("ENV ASPNETCORE_HTTP_PORTS=8080 \\\n    ConnectionStrings__Default=\"Server=db;Database=app;Password=${DB_PASSWORD}\"\n");
                sb.Append("USER $APP_UID\n");
                sb.Append("HEALTHCHECK --interval=30s --timeout=3s CMD [\"dotnet\", \"App.dll\", \"--health\"]\n");
                sb.Append("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
            }
            return sb.ToString();
        }

        /// <summary>
        /// A deliberately bad file: every stage full of RUN rule findings (piped installers, unpinned packages,
        /// heredoc scripts, cd), to catch work that grows faster than the file.
        /// </summary>
        public static string GenerateDenseRuns(int targetLines)
        {
            var sb = new StringBuilder();
            for (int s = 0; CountLines(sb) < targetLines; s++)
            {
                sb.Append($"FROM debian:12 AS s{s}\nARG NUGET_PAT\nENV A=1\n");
                sb.Append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl git \\\n    && curl -fsSL https://x/y.sh | bash \\\n    && rm -rf /var/lib/apt/lists/*\n");
                sb.Append("RUN <<EOF\nset -eux\nfor p in a b c; do echo \"$p $(date)\"; done\nif [ -f x ]; then cd /app && make; fi\nEOF\n");
                sb.Append("WORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && npm ci && chmod 755 /app\n");
            }
            return sb.ToString();
        }

        private static int CountLines(StringBuilder sb)
        {
            int n = 0;
            for (int i = 0; i < sb.Length; i++) if (sb[i] == '\n') n++;
            return n;
        }
    }
}
