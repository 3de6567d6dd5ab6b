using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class VariableNotDefinedInScopeTests
    {
        private const string Id = "DKR116";

        [Fact]
        public void Reports_an_arg_used_in_from_but_declared_after_the_first_from()
        {
            string dockerfile =
                "FROM alpine:3.20 AS tools\n" +
                "ARG DOTNET_VERSION=8.0\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:$DOTNET_VERSION\n";
            AssertFindings(dockerfile, Id, "DKR116@3:38");
            var d = Single(dockerfile, Id);
            Assert.Contains("declared at line 2 inside stage 'tools'", d.Message);
            Assert.Contains("Move 'ARG DOTNET_VERSION'", d.Message);
        }

        [Fact]
        public void Reports_an_undeclared_variable_in_from_and_in_its_platform_flag()
        {
            string dockerfile = "FROM --platform=$PLATFORM node:${NODE_TAG}\n";
            AssertFindings(dockerfile, Id, "DKR116@1:17", "DKR116@1:32");
            Assert.Contains("no ARG declares it", Single("FROM node:${NODE_TAG}\n", Id).Message);
        }

        [Fact]
        public void Reports_a_global_arg_used_inside_a_stage_without_redeclaring_it()
        {
            string dockerfile =
                "ARG CONFIGURATION=Release\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "LABEL configuration=$CONFIGURATION\n";
            AssertFindings(dockerfile, Id, "DKR116@3:21");
            var d = Single(dockerfile, Id);
            Assert.Contains("declared at line 1 before the first FROM", d.Message);
            Assert.Contains("Add 'ARG CONFIGURATION'", d.Message);
        }

        [Fact]
        public void Reports_a_platform_argument_without_its_arg_line_in_the_stage()
        {
            string dockerfile =
                "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n" +
                "WORKDIR /src\n" +
                "COPY bin/${TARGETARCH}/tool /usr/local/bin/tool\n";
            AssertFindings(dockerfile, Id, "DKR116@3:10");
            Assert.Contains("predefined platform argument", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Reports_an_arg_of_another_stage_and_of_the_stage_this_one_is_built_on()
        {
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "ARG VERSION=1.0.0\n" +
                "ARG APP_DIR=/app\n" +
                "FROM build AS test\n" +
                "WORKDIR $APP_DIR\n" +
                "FROM nginx:1.27\n" +
                "LABEL org.opencontainers.image.version=$VERSION\n";
            AssertFindings(dockerfile, Id, "DKR116@5:9", "DKR116@7:40");
            var messages = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(Run(dockerfile, new InMemoryFileSystem()), x => x.Id == Id), x => x.Message));
            Assert.Contains("which this stage is built on; an ARG does not carry over", messages[0]);
            Assert.Contains("declared at line 2 in stage 'build'; an ARG is visible only in its own stage", messages[1]);
        }

        [Fact]
        public void Reports_an_arg_declared_after_its_use_in_the_same_stage()
        {
            string dockerfile =
                "FROM alpine:3.20\n" +
                "WORKDIR /opt/$APP\n" +
                "ARG APP=tool\n";
            AssertFindings(dockerfile, Id, "DKR116@2:14");
            Assert.Contains("declared at line 3, after this use", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Reports_a_value_that_refers_to_a_variable_set_by_the_same_env()
        {
            string dockerfile = "FROM alpine:3.20\nENV TOOLS=/opt/tools BIN=$TOOLS/bin\n";
            AssertFindings(dockerfile, Id, "DKR116@2:26");
            Assert.Contains("Set it in a separate ENV line above", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void In_a_stage_from_scratch_nothing_can_come_from_the_base_image()
        {
            string dockerfile =
                "FROM scratch\n" +
                "COPY app /$APP_DIR/\n" +
                "ENV PATH=$PATH:/bin\n";
            AssertFindings(dockerfile, Id, "DKR116@2:11", "DKR116@3:10");
            Assert.Contains("FROM scratch inherits no variables", Single("FROM scratch\nCOPY app /$APP_DIR/\n", Id).Message);
        }

        [Fact]
        public void Reports_a_global_arg_default_that_uses_an_undeclared_arg()
        {
            AssertFindings("ARG IMAGE=app:$TAG\nFROM ${IMAGE}\n", Id, "DKR116@1:15");
        }

        [Fact]
        public void Silent_for_variables_a_base_image_may_set()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "USER $APP_UID\n" +
                "ENV PATH=$PATH:/opt/tools\n" +
                "WORKDIR $HOME/app\n" +
                "LABEL node=$NODE_VERSION java=${JAVA_HOME}\n" +
                "EXPOSE $ASPNETCORE_HTTP_PORTS\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_defaults_declared_args_and_predefined_args()
        {
            string dockerfile =
                "ARG BASE_TAG=8.0\n" +
                "ARG CONFIGURATION=Release\n" +
                "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${BASE_TAG} AS build\n" +
                "ARG TARGETARCH\n" +
                "ARG CONFIGURATION\n" +
                "COPY bin/$TARGETARCH/ /tools/\n" +
                "LABEL configuration=$CONFIGURATION fallback=${MISSING:-none} alt=${OTHER:+set}\n" +
                "ENV http_proxy=$HTTP_PROXY\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:${RUNTIME_TAG:-8.0}\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_env_inherited_from_a_base_stage()
        {
            string dockerfile =
                "FROM scratch AS base\n" +
                "ENV APP_HOME=/app\n" +
                "FROM base AS final\n" +
                "WORKDIR $APP_HOME\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_run_cmd_entrypoint_healthcheck_heredocs_and_copy_from()
        {
            string dockerfile =
                "# syntax=docker/dockerfile:1\n" +
                "FROM scratch AS empty\n" +
                "FROM alpine:3.20\n" +
                "ARG SOURCE_STAGE=empty\n" +
                "RUN echo $UNDEFINED_IN_SHELL\n" +
                "COPY <<EOF /etc/motd\n" +
                "Hello $USER\n" +
                "EOF\n" +
                "COPY --from=$SOURCE_STAGE / /\n" +
                "HEALTHCHECK CMD wget -q http://localhost:$PORT/health || exit 1\n" +
                "CMD echo $GREETING\n" +
                "ENTRYPOINT [\"/bin/sh\", \"-c\", \"exec app --port $PORT\"]\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_the_visual_studio_template()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "USER $APP_UID\n" +
                "WORKDIR /app\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "ARG BUILD_CONFIGURATION=Release\n" +
                "WORKDIR /src\n" +
                "COPY [\"Api/Api.csproj\", \"Api/\"]\n" +
                "RUN dotnet restore \"./Api/Api.csproj\"\n" +
                "COPY . .\n" +
                "WORKDIR \"/src/Api\"\n" +
                "RUN dotnet build \"./Api.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
                "FROM build AS publish\n" +
                "ARG BUILD_CONFIGURATION=Release\n" +
                "RUN dotnet publish \"./Api.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
                "FROM base AS final\n" +
                "WORKDIR /app\n" +
                "COPY --from=publish /app/publish .\n" +
                "ENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_for_a_windows_dockerfile_with_backtick_escape()
        {
            string dockerfile =
                "# escape=`\n" +
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" +
                "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\n" +
                "ENV TOOLS=C:\\tools\n" +
                "RUN $env:PATH = $env:TOOLS + ';' + $env:PATH; `\n" +
                "    [Environment]::SetEnvironmentVariable('PATH', $env:PATH, 'Machine')\n" +
                "WORKDIR $TOOLS\n" +
                "ENV PATH=\"${TOOLS};${PATH}\"\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Reports_a_global_arg_read_by_a_run_in_a_stage_that_does_not_redeclare_it()
        {
            string dockerfile =
                "ARG BUILD_CONFIGURATION=Release\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet build -c \"$BUILD_CONFIGURATION\" -o /app/build\n" +
                "FROM build AS publish\n" +
                "RUN dotnet publish -c ${BUILD_CONFIGURATION} -o /app/publish\n";
            AssertFindings(dockerfile, Id, "DKR116@5:22", "DKR116@7:23");
            var first = System.Linq.Enumerable.First(Run(dockerfile, new InMemoryFileSystem()), x => x.Id == Id);
            Assert.Contains("'BUILD_CONFIGURATION' is not defined here", first.Message);
            Assert.Contains("declared at line 1 before the first FROM", first.Message);
            Assert.Contains("Add 'ARG BUILD_CONFIGURATION'", first.Message);
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, first.Severity);
        }

        [Fact]
        public void Reports_a_global_arg_in_run_whatever_the_base_image_and_inside_chains()
        {
            string dockerfile =
                "ARG APP_VERSION=1.2.3\n" +
                "FROM node:20.11-alpine\n" +
                "RUN npm ci && npm version $APP_VERSION --no-git-tag-version\n";
            AssertFindings(dockerfile, Id, "DKR116@3:27");
        }

        [Fact]
        public void Silent_when_the_run_can_see_the_global_arg_or_a_value_of_that_name()
        {
            string dockerfile =
                "ARG BUILD_CONFIGURATION=Release\n" +
                "ARG DOTNET_VERSION=8.0\n" +
                "ARG NODE_VERSION=20\n" +
                "ARG TOKEN\n" +
                "ARG TAG=1\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build\n" +
                "ARG BUILD_CONFIGURATION\n" +
                "RUN dotnet build -c $BUILD_CONFIGURATION && echo $DOTNET_VERSION\n" +
                "FROM build AS publish\n" +
                "ENV BUILD_CONFIGURATION=Debug\n" +
                "RUN dotnet publish -c $BUILD_CONFIGURATION\n" +
                "FROM node:${NODE_VERSION}-alpine AS web\n" +
                "RUN echo $NODE_VERSION ${TAG:-latest} ${TAG:=2} '$TAG' \\$TAG\n" +
                "RUN --mount=type=secret,id=token,env=TOKEN curl -H \"Authorization: $TOKEN\" https://example.com\n" +
                "RUN TAG=3 && echo $TAG\n" +
                "RUN for TAG in a b; do echo $TAG; done\n" +
                "RUN . ./versions.env && echo $TAG\n" +
                "RUN [\"sh\", \"-c\", \"echo $TAG\"]\n" +
                "RUN echo $PATH $HOME $APP_UID $UNDECLARED $HTTP_PROXY\n" +
                "FROM alpine:3.20\n" +
                "ARG TARGETARCH\n" +
                "RUN echo $TARGETARCH $BUILDPLATFORM\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_in_a_stage_whose_image_may_set_the_same_env()
        {
            // Docker expands the base image's ENV too: the .NET images set DOTNET_VERSION.
            string dockerfile =
                "ARG DOTNET_VERSION=8.0\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "WORKDIR /opt/$DOTNET_VERSION\n" +
                "RUN echo $DOTNET_VERSION\n";
            AssertSilent(dockerfile, Id);
        }
    }
}
