#!/usr/bin/env bash
# Times the docker-analyzers command-line tool, whole process and wall clock, the way a CI step or a pre-commit
# hook runs it:
#   1. a folder of 1,000 real-world-shaped Dockerfiles (.NET multi-stage, Node, Python with apt, Go to distroless,
#      static nginx) with their build contexts, plus 100 compose files and 100 .dockerignore files;
#   2. a single Dockerfile.
# Budget (issue 11, on a 2-core machine): 1. under 1.5 s, 2. under 250 ms. Measure on a quiet machine: the figures
# move with the load average, which the script prints next to them.
#
#   eng/cli-benchmark.sh [--runs N] [--no-build] [--keep DIR]
#     (default)    packs the tool (with its ReadyToRun images) and installs it into a temporary --tool-path, so the
#                  figures are those of `dotnet tool install`'s docker-analyzers command
#     --no-build   times the existing build output instead (dotnet src/.../bin/Release/net10.0/docker-analyzers.dll,
#                  compiled just in time: slower to start)
#     --keep DIR   generate into DIR and keep it; a later run with the same DIR reuses the folder it finds there
#
# Uses hyperfine when it is installed (apt-get install hyperfine), else a loop over `date +%s%N` (min and median).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=10
build=1
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
if [[ $build == 1 ]]; then
  work="$(mktemp -d)"
  version="0.0.0-bench.$(date +%s)"
  echo "Packing and installing the tool ($version) ..."
  dotnet pack src/Docker.Build.Analyzers.Cli -c Release -o "$work/feed" -p:Version="$version" -nologo -v q >/dev/null
  NUGET_PACKAGES="$work/packages" dotnet tool install Docker.Build.Analyzers.Tool --tool-path "$work/tool" \
    --add-source "$work/feed" --version "$version" >/dev/null
  tool=("$work/tool/docker-analyzers")
else
  tool=(dotnet "$(pwd)/src/Docker.Build.Analyzers.Cli/bin/Release/net10.0/docker-analyzers.dll")
fi

root="${keep:-$(mktemp -d)}"
mkdir -p "$root"
bench="$root/repo"
reuse=0
if [[ -n "$keep" && -f "$bench/group-99/svc-9/Dockerfile" ]]; then reuse=1; fi
if [[ $reuse == 0 ]]; then
rm -rf "$bench"
mkdir -p "$bench"
git -C "$bench" init -q 2>/dev/null || mkdir -p "$bench/.git"
fi

dotnet_dockerfile() { # $1 service folder name, relative to the group (the context is the group folder)
  cat <<DOCKERFILE
# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY $1/src/App.csproj $1/src/
RUN dotnet restore $1/src/App.csproj
COPY $1/ $1/
RUN dotnet publish $1/src/App.csproj -c Release -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS final
WORKDIR /app
EXPOSE 8080
ENV ASPNETCORE_HTTP_PORTS=8080
COPY --from=build /app/publish .
USER \$APP_UID
ENTRYPOINT ["dotnet", "App.dll"]
DOCKERFILE
}

node_dockerfile() {
  cat <<'DOCKERFILE'
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
EXPOSE 3000
CMD node server.js
DOCKERFILE
}

python_dockerfile() {
  cat <<'DOCKERFILE'
FROM python:3.12-slim
RUN apt-get update && apt-get install -y curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
EXPOSE 5000
CMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]
DOCKERFILE
}

go_dockerfile() {
  cat <<'DOCKERFILE'
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
USER nonroot
ENTRYPOINT ["/app"]
DOCKERFILE
}

nginx_dockerfile() {
  cat <<'DOCKERFILE'
FROM nginx:1.27-alpine
MAINTAINER ops@example.com
COPY site/ /usr/share/nginx/html/
HEALTHCHECK CMD wget -qO- http://localhost/ || exit 1
DOCKERFILE
}

if [[ $reuse == 1 ]]; then echo "Reusing $bench"; fi
[[ $reuse == 1 ]] || echo "Generating 100 groups x 10 services in $bench ..."
for g in $( [[ $reuse == 1 ]] || seq -w 0 99); do
  group="$bench/group-$g"
  mkdir -p "$group"
  compose="services:"
  for s in $(seq 0 9); do
    name="svc-$s"
    dir="$group/$name"
    mkdir -p "$dir"
    case $((s % 5)) in
      0)
        mkdir -p "$dir/src"
        dotnet_dockerfile "$name" > "$dir/Dockerfile"
        printf '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n' > "$dir/src/App.csproj"
        printf 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => "ok");\napp.Run();\n' > "$dir/src/Program.cs"
        compose+=$'\n'"  $name:"$'\n'"    build:"$'\n'"      context: ."$'\n'"      dockerfile: $name/Dockerfile"$'\n'"    restart: unless-stopped"
        ;;
      1)
        node_dockerfile > "$dir/Dockerfile"
        echo '{"name":"app","version":"1.0.0"}' > "$dir/package.json"
        echo '{"lockfileVersion":3}' > "$dir/package-lock.json"
        echo 'require("http").createServer((q,r)=>r.end("ok")).listen(3000)' > "$dir/server.js"
        compose+=$'\n'"  $name:"$'\n'"    build: ./$name"$'\n'"    ports:"$'\n'"      - \"127.0.0.1:30$s:3000\""
        ;;
      2)
        python_dockerfile > "$dir/Dockerfile"
        echo 'flask==3.0.3' > "$dir/requirements.txt"
        echo 'from flask import Flask; app = Flask(__name__)' > "$dir/app.py"
        compose+=$'\n'"  $name:"$'\n'"    build: ./$name"
        ;;
      3)
        mkdir -p "$dir/cmd/app"
        go_dockerfile > "$dir/Dockerfile"
        printf 'module example.com/app\n\ngo 1.22\n' > "$dir/go.mod"
        : > "$dir/go.sum"
        printf 'package main\n\nfunc main() {}\n' > "$dir/cmd/app/main.go"
        compose+=$'\n'"  $name:"$'\n'"    build: ./$name"
        ;;
      4)
        mkdir -p "$dir/site"
        nginx_dockerfile > "$dir/Dockerfile"
        echo '<h1>ok</h1>' > "$dir/site/index.html"
        compose+=$'\n'"  $name:"$'\n'"    build: ./$name"$'\n'"    image: nginx:1.27-alpine"
        ;;
    esac
  done
  printf '%s\n' "$compose" > "$group/compose.yaml"
  printf '.git\n**/bin\n**/obj\n**/node_modules\n**/.env\n' > "$group/.dockerignore"
done
echo "Generated: $(find "$bench" -name Dockerfile | wc -l) Dockerfiles, $(find "$bench" -name compose.yaml | wc -l) compose files, $(find "$bench" -name .dockerignore | wc -l) .dockerignore files."

single="$bench/group-00/svc-0/Dockerfile"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

measure() { # $1 label, rest: command
  local label="$1"; shift
  if command -v hyperfine >/dev/null 2>&1; then
    echo "  $label:"
    hyperfine --warmup 2 --runs "$runs" -i -N --style basic "$*" | sed 's/^/    /'
    return
  fi
  "$@" >/dev/null 2>&1 || true # warm the disk cache
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '  %s: min %s ms, median %s ms over %s runs\n' "$label" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$runs"
}

echo "Timing (whole process, wall clock):"
measure "folder (1,000 Dockerfiles, 100 compose, 100 .dockerignore)" "${tool[@]}" "$bench"
measure "single Dockerfile" "${tool[@]}" "$single"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
findings=$("${tool[@]}" "$bench" --severity suggestion 2>/dev/null | wc -l || true)
echo "Findings over the folder (all severities): $findings"

if [[ -z "$keep" ]]; then rm -rf "$root"; fi
if [[ -n "${work:-}" ]]; then rm -rf "$work"; fi
