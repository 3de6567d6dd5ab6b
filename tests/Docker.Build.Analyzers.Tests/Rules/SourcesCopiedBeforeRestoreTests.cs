using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class SourcesCopiedBeforeRestoreTests
    {
        private const string Id = "DKR104";
        private const string Dir = TestAnalysis.ProjectDir;

        private static InMemoryFileSystem NodeProject() => new InMemoryFileSystem()
            .AddFile(Dir + "/package.json", "{}")
            .AddFile(Dir + "/package-lock.json", "{}")
            .AddFile(Dir + "/src/server.js", "");

        [Fact]
        public void Reports_the_whole_context_copied_before_dotnet_restore()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet restore\n" +
                "RUN dotnet publish -c Release -o /app --no-restore\n";
            AssertFindings(dockerfile, Project(), Id, "DKR104@3:6");
            var d = Single(dockerfile, Project(), Id);
            Assert.Contains("COPY of the whole build context comes before the dependency restore 'dotnet restore' at line 4", d.Message);
            Assert.Contains("Copy only the *.csproj/*.sln files", d.Message);
        }

        [Fact]
        public void Reports_a_whole_context_copy_before_a_publish_that_restores_implicitly()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY [\".\", \"./\"]\n" +
                "RUN dotnet publish \"App.csproj\" -c Release -o /app\n";
            AssertFindings(dockerfile, Project(), Id, "DKR104@3:7");
            Assert.Contains("which restores packages itself", Single(dockerfile, Project(), Id).Message);
        }

        [Fact]
        public void Reports_npm_ci_after_copying_everything_even_inside_a_chain()
        {
            string dockerfile =
                "FROM node:20.11-alpine\n" +
                "WORKDIR /app\n" +
                "COPY . .\n" +
                "RUN apk add --no-cache git && \\\n" +
                "    npm ci --omit=dev\n";
            AssertFindings(dockerfile, NodeProject(), Id, "DKR104@3:6");
            var d = Single(dockerfile, NodeProject(), Id);
            Assert.Contains("'npm ci --omit=dev' at line 5", d.Message);
            Assert.Contains("package.json and package-lock.json", d.Message);
        }

        [Fact]
        public void Reports_a_source_directory_copied_before_pip_install()
        {
            var files = new InMemoryFileSystem()
                .AddFile(Dir + "/app/main.py", "")
                .AddFile(Dir + "/app/requirements.txt", "flask");
            string dockerfile =
                "FROM python:3.12-slim\n" +
                "WORKDIR /srv\n" +
                "COPY app/ ./app/\n" +
                "RUN python -m pip install --no-cache-dir -r app/requirements.txt\n";
            AssertFindings(dockerfile, files, Id, "DKR104@3:6");
            Assert.Contains("COPY of 'app/'", Single(dockerfile, files, Id).Message);
        }

        [Fact]
        public void Reports_a_heredoc_restore_too()
        {
            string dockerfile =
                "# syntax=docker/dockerfile:1\n" +
                "FROM node:20.11-alpine\n" +
                "WORKDIR /app\n" +
                "COPY . .\n" +
                "RUN <<EOF\n" +
                "set -e\n" +
                "yarn install --frozen-lockfile\n" +
                "EOF\n";
            AssertFindings(dockerfile, NodeProject(), Id, "DKR104@4:6");
        }

        [Fact]
        public void Silent_for_the_dotnet_sample_shape()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /source\n" +
                "COPY *.csproj .\n" +
                "RUN dotnet restore\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /app\n";
            AssertSilent(dockerfile, Project(), Id);
        }

        [Fact]
        public void Silent_for_the_visual_studio_template_built_from_the_solution()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/src/App/App.csproj", "<Project/>")
                .AddFile("/repo/src/App/Program.cs", "")
                .AddFile("/repo/src/Lib/Lib.csproj", "<Project/>")
                .AddFile("/repo/src/Lib/Class1.cs", "");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "USER $APP_UID\n" +
                "WORKDIR /app\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "ARG BUILD_CONFIGURATION=Release\n" +
                "WORKDIR /src\n" +
                "COPY [\"src/App/App.csproj\", \"src/App/\"]\n" +
                "COPY [\"src/Lib/Lib.csproj\", \"src/Lib/\"]\n" +
                "RUN dotnet restore \"./src/App/App.csproj\"\n" +
                "COPY . .\n" +
                "WORKDIR \"/src/src/App\"\n" +
                "RUN dotnet build \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
                "FROM build AS publish\n" +
                "ARG BUILD_CONFIGURATION=Release\n" +
                "RUN dotnet publish \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
                "FROM base AS final\n" +
                "WORKDIR /app\n" +
                "COPY --from=publish /app/publish .\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            AssertSilent(dockerfile, files, Id, contextDirectory: "/repo");
        }

        [Fact]
        public void Silent_when_the_restore_was_done_in_the_stage_this_one_is_built_on()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS restore\n" +
                "WORKDIR /src\n" +
                "COPY App.csproj .\n" +
                "RUN dotnet restore\n" +
                "FROM restore AS build\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /app\n";
            AssertSilent(dockerfile, Project(), Id);
        }

        [Fact]
        public void Silent_for_directories_without_source_code_and_for_commands_that_are_not_restores()
        {
            var files = Project()
                .AddFile(Dir + "/nuget/local.1.0.0.nupkg", "x")
                .AddFile(Dir + "/eng/Versions.props", "<Project/>");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "WORKDIR /src\n" +
                "COPY nuget/ ./nuget/\n" +
                "COPY eng/ ./eng/\n" +
                "COPY App.csproj .\n" +
                "RUN dotnet restore\n" +
                "COPY . .\n" +
                "RUN npm install -g npm@10 && dotnet build --no-restore\n";
            AssertSilent(dockerfile, files, Id);
        }

        [Fact]
        public void Silent_for_copies_from_other_stages_and_stages_without_restore()
        {
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "WORKDIR /app\n" +
                "COPY package.json package-lock.json ./\n" +
                "RUN npm ci\n" +
                "COPY . .\n" +
                "RUN npm run build\n" +
                "FROM node:20.11-alpine\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app .\n" +
                "RUN npm ci --omit=dev\n" +
                "FROM nginx:1.27\n" +
                "COPY . /usr/share/nginx/html\n";
            AssertSilent(dockerfile, NodeProject(), Id);
        }

        [Theory]
        [InlineData("RUN --mount=type=cache,target=/root/.nuget/packages dotnet publish \"App.csproj\" -c Release -o /app\n")]
        [InlineData("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \\\n    dotnet restore && dotnet publish -c Release -o /app --no-restore\n")]
        [InlineData("RUN --mount=type=cache,target=$HOME/.nuget/packages dotnet publish -c Release -o /app\n")]
        [InlineData("RUN --mount=type=cache,target=/home/app/.nuget/packages,uid=1654 dotnet build -c Release\n")]
        [InlineData("RUN --mount=type=cache,target=/root/.nuget dotnet restore\n")]
        [InlineData("ENV NUGET_PACKAGES=/nuget/packages\nRUN --mount=type=cache,target=/nuget/packages dotnet publish -c Release -o /app\n")]
        [InlineData("ENV NUGET_PACKAGES=/nuget/packages\nRUN --mount=type=cache,target=/nuget dotnet publish -c Release -o /app\n")]
        [InlineData("RUN --mount=type=cache,target=${NUGET_PACKAGES} dotnet publish -c Release -o /app\n")]
        [InlineData("RUN --mount=type=cache,target=/pkgs dotnet restore --packages /pkgs\n")]
        [InlineData("RUN --mount=type=cache,target=/pkgs NUGET_PACKAGES=/pkgs dotnet publish -c Release -o /app\n")]
        public void Silent_when_the_nuget_packages_folder_is_a_cache_mount(string restore)
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                restore;
            AssertSilent(dockerfile, Project(), Id);
        }

        [Theory]
        [InlineData("RUN --mount=type=cache,target=/root/.npm npm ci\n")]
        [InlineData("RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n")]
        [InlineData("RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile\n")]
        public void Silent_when_the_node_package_cache_is_a_cache_mount(string restore)
        {
            string dockerfile = "FROM node:20.11-alpine\nWORKDIR /app\nCOPY . .\n" + restore;
            AssertSilent(dockerfile, NodeProject(), Id);
        }

        [Theory]
        // A cache of another ecosystem or another folder does not keep NuGet's packages.
        [InlineData("RUN --mount=type=cache,target=/root/.npm dotnet publish -c Release -o /app\n", "DKR104@3:6")]
        [InlineData("RUN --mount=type=cache,target=/src/obj dotnet publish -c Release -o /app\n", "DKR104@3:6")]
        // tmpfs is empty on every build: everything is downloaded again.
        [InlineData("RUN --mount=type=tmpfs,target=/root/.nuget/packages dotnet publish -c Release -o /app\n", "DKR104@3:6")]
        [InlineData("RUN --mount=type=secret,id=nuget,target=/root/.nuget/NuGet/NuGet.Config dotnet publish -c Release -o /app\n", "DKR104@3:6")]
        // The cache is on a RUN other than the restore's.
        [InlineData("RUN --mount=type=cache,target=/root/.nuget/packages dotnet --info\nRUN dotnet publish -c Release -o /app\n", "DKR104@3:6")]
        public void Reports_a_restore_whose_package_folder_is_not_a_cache_mount(string restore, string expected)
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                restore;
            AssertFindings(dockerfile, Project(), Id, expected);
        }

        [Fact]
        public void A_cached_restore_still_counts_as_the_restore_of_its_ecosystem()
        {
            // The later publish's implicit restore is not the first one: no finding for it either.
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore\n" +
                "RUN dotnet publish -c Release -o /app\n";
            AssertSilent(dockerfile, Project(), Id);
        }
    }
}
