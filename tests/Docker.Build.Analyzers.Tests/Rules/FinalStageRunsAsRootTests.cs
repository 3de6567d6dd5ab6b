using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class FinalStageRunsAsRootTests
    {
        private const string Id = "DKR201";

        [Fact]
        public void No_user_points_at_the_final_from()
        {
            AssertFindings("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nUSER app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n", Id, "DKR201@3:1");
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nUSER root\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER 0\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER root:root\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER 0:0\n", "DKR201@2:6")]
        [InlineData("FROM alpine:3.20\nUSER app\nRUN echo\nUSER root\n", "DKR201@4:6")]
        [InlineData("FROM alpine:3.20\nARG RUNAS=root\nUSER $RUNAS\n", "DKR201@3:6")]
        [InlineData("FROM alpine:3.20 AS base\nUSER root\nFROM base\n", "DKR201@2:6")]
        [InlineData("FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n", "DKR201@1:1")]
        [InlineData("FROM scratch AS base\nCMD [\"/app\"]\nFROM base\nCOPY app /app\n", "DKR201@3:1")]
        public void Root_users(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

        [Theory]
        [InlineData("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app/ C:/app/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/windows:ltsc2019\nCOPY app/ C:/app/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\nCOPY app/ C:/inetpub/wwwroot/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\nCOPY app/ C:/app/\n", "DKR201@2:1")]
        [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n", "DKR201@3:6")]
        [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER containeradministrator\n", "DKR201@3:6")]
        public void Windows_images_that_run_as_the_container_administrator(string dockerfile, string expected)
        {
            // The FROM line is the second line here: a leading comment keeps the escape directive out of the way.
            dockerfile = "# app\n" + dockerfile;
            AssertFindings(dockerfile, Id, expected);
            var d = Assert.Single(Run(dockerfile), x => x.Id == Id);
            Assert.Contains("runs as an administrator", d.Message);
            Assert.Contains("USER ContainerUser", d.Message);
            Assert.DoesNotContain("APP_UID", d.Message);
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app/ C:/app/\nENTRYPOINT [\"C:\\\\app\\\\app.exe\"]\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCOPY app/ C:/app/\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-1809\n")]
        [InlineData("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/framework/runtime:4.8\nUSER ContainerUser\n")]
        public void Windows_images_that_run_as_container_user_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Linux_root_message_suggests_app_uid()
        {
            var d = Assert.Single(Run("FROM alpine:3.20\nUSER root\n"), x => x.Id == Id);
            Assert.StartsWith("The container runs as root: the last USER of the final stage is 'root'.", d.Message);
            Assert.Contains("USER $APP_UID", d.Message);
        }

        [Theory]
        [InlineData("FROM scratch\nCOPY app /app\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\nFROM scratch AS export\nCOPY --from=build /out /\n")]
        [InlineData("FROM scratch AS files\nCOPY a /a\nFROM files AS export\nCOPY b /b\n")]
        public void Export_only_scratch_stages_are_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Fact]
        public void Root_user_span_covers_only_the_user_part()
        {
            var d = Assert.Single(Run("FROM alpine:3.20\nUSER root:wheel\n"), x => x.Id == Id);
            Assert.Equal((2, 6, 2, 10), (d.Line, d.Column, d.EndLine, d.EndColumn));
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\n")]
        [InlineData("FROM alpine:3.20\nUSER 1000:1000\n")]
        [InlineData("FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER nobody\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM base AS final\nCOPY --from=build /app .\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCOPY app /app\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled-extra\n")]
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless\n")]
        [InlineData("FROM gcr.io/distroless/static-debian12:nonroot\n")]
        [InlineData("ARG BASE\nFROM $BASE\n")]
        [InlineData("FROM alpine:3.20\nUSER ${APP_USER}\n")]
        public void Non_root_is_silent(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        private static Docker.Build.Analyzers.Diagnostics.Diagnostic Only(string dockerfile, InMemoryFileSystem? files = null) =>
            Assert.Single(Run(dockerfile, files: files), x => x.Id == Id);

        [Theory]
        [InlineData("FROM debian:12\nENTRYPOINT [\"gosu\", \"app\", \"dotnet\", \"App.dll\"]\n", "'gosu app' in its ENTRYPOINT")]
        [InlineData("FROM alpine:3.20\nENTRYPOINT [\"su-exec\", \"app:app\", \"dotnet\", \"App.dll\"]\n", "'su-exec app:app' in its ENTRYPOINT")]
        [InlineData("FROM debian:12\nENTRYPOINT [\"setpriv\", \"--reuid=1000\", \"--regid=1000\", \"--init-groups\", \"dotnet\", \"App.dll\"]\n", "'setpriv --reuid=1000' in its ENTRYPOINT")]
        [InlineData("FROM debian:12\nENTRYPOINT exec runuser -u app -- dotnet App.dll\n", "'runuser -u app' in its ENTRYPOINT")]
        [InlineData("FROM debian:12\nCMD chroot --userspec=app:app / dotnet /app/App.dll\n", "'chroot --userspec=app:app' in its CMD")]
        [InlineData("FROM debian:12\nCMD [\"su\", \"-s\", \"/bin/sh\", \"-c\", \"dotnet App.dll\", \"app\"]\n", "'su app' in its CMD")]
        [InlineData("FROM alpine:3.20\nENTRYPOINT [\"/init\"]\nCMD [\"s6-setuidgid\", \"app\", \"dotnet\", \"App.dll\"]\n", null)]
        [InlineData("FROM debian:12\nENTRYPOINT [\"/bin/sh\", \"-c\", \"chown -R app /data && exec gosu app dotnet App.dll\"]\n", "'gosu app' in its ENTRYPOINT")]
        [InlineData("FROM alpine:3.20\nENTRYPOINT [\"tini\", \"--\", \"s6-setuidgid\", \"app\", \"dotnet\", \"App.dll\"]\n", "'s6-setuidgid app' in its ENTRYPOINT")]
        public void Startup_command_that_drops_privileges_is_a_suggestion(string dockerfile, string? why)
        {
            var d = Only(dockerfile);
            Assert.Equal("DKR201@1:1", $"{d.Id}@{d.Line}:{d.Column}");
            if (why == null)
            {
                // An ENTRYPOINT replaces the startup: its CMD is only arguments to it.
                Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
                return;
            }
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains(why, d.Message);
            Assert.Contains("drops to a non-root user itself", d.Message);
        }

        [Theory]
        [InlineData("FROM debian:12\nENTRYPOINT [\"gosu\", \"root\", \"dotnet\", \"App.dll\"]\n")]
        [InlineData("FROM debian:12\nENTRYPOINT [\"setpriv\", \"--reuid=0\", \"dotnet\", \"App.dll\"]\n")]
        [InlineData("FROM debian:12\nCMD su -c \"dotnet App.dll\" root\n")]
        [InlineData("FROM debian:12\nCMD [\"dotnet\", \"App.dll\"]\n")]
        [InlineData("FROM debian:12\nRUN gosu app true\nCMD [\"dotnet\", \"App.dll\"]\n")]
        public void Startup_that_stays_root_is_a_warning(string dockerfile)
        {
            var d = Only(dockerfile);
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        }

        private const string EntrypointScript =
            "#!/bin/sh\nset -e\nchown -R app:app /data\nif [ \"$(id -u)\" = '0' ]; then\n  exec gosu app \"$@\"\nfi\nexec \"$@\"\n";

        [Theory]
        [InlineData("COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n")]
        [InlineData("COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"/usr/local/bin/docker-entrypoint.sh\", \"dotnet\", \"App.dll\"]\n")]
        [InlineData("COPY docker-entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n")]
        [InlineData("COPY docker-entrypoint.sh /entrypoint.sh\nENTRYPOINT /entrypoint.sh dotnet App.dll\n")]
        [InlineData("COPY docker-entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"tini\", \"--\", \"/entrypoint.sh\"]\n")]
        [InlineData("COPY docker-entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/bin/sh\", \"/entrypoint.sh\"]\n")]
        [InlineData("COPY [\"docker-entrypoint.sh\", \"/usr/local/bin/\"]\nCMD [\"docker-entrypoint.sh\", \"dotnet\", \"App.dll\"]\n")]
        public void Entrypoint_script_from_the_context_that_drops_privileges_is_a_suggestion(string tail)
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/docker-entrypoint.sh", EntrypointScript);
            var d = Only("FROM debian:12\n" + tail, files);
            Assert.Equal("DKR201@1:1", $"{d.Id}@{d.Line}:{d.Column}");
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains("'gosu app' in the entrypoint script", d.Message);
        }

        [Fact]
        public void Entrypoint_script_with_user_root_is_a_suggestion_at_the_user()
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/docker-entrypoint.sh", EntrypointScript);
            var d = Only("FROM debian:12\nUSER root\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n", files);
            Assert.Equal("DKR201@2:6", $"{d.Id}@{d.Line}:{d.Column}");
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, d.Severity);
        }

        [Theory]
        [InlineData("#!/bin/sh\nset -e\ncmd=\"gosu app\"\nif [ \"$(id -u)\" != '0' ]; then cmd=\"\"; fi\nexec $cmd \"$@\"\n", true)]
        [InlineData("#!/bin/sh\n# switch with: gosu root\nexec \"$@\"\n", false)]
        [InlineData("#!/bin/sh\n# no gosu here, on purpose\nexec \"$@\"\n", false)]
        public void Entrypoint_script_that_keeps_the_drop_command_in_a_variable_is_read(string script, bool drops)
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/docker-entrypoint.sh", script);
            var d = Only("FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n", files);
            Assert.Equal(drops ? Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion : Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        }

        [Fact]
        public void Entrypoint_script_written_by_heredoc_is_read()
        {
            var d = Only("FROM debian:12\nCOPY --chmod=755 <<EOF /entrypoint.sh\n#!/bin/sh\nexec su-exec app \"$@\"\nEOF\nENTRYPOINT [\"/entrypoint.sh\"]\n");
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, d.Severity);
        }

        [Theory]
        [InlineData("#!/bin/sh\nexec \"$@\"\n", "COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n")]
        [InlineData(null, "COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n")]
        [InlineData("#!/bin/sh\nexec gosu app \"$@\"\n", "COPY other.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n")]
        public void Entrypoint_script_that_keeps_root_or_cannot_be_read_stays_a_warning(string? script, string tail)
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/other.sh", "#!/bin/sh\nexec \"$@\"\n");
            if (script != null) files.AddFile(ProjectDir + "/docker-entrypoint.sh", script);
            var d = Only("FROM debian:12\n" + tail, files);
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        }
    }
}
