using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class ShellFormInShellLessImageTests
    {
        private const string Id = "DKR306";

        [Fact]
        public void Reports_a_shell_form_run_in_a_chiseled_stage()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\n" +
                "WORKDIR /app\n" +
                "RUN mkdir -p /app/data\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            AssertFindings(dockerfile, Id, "DKR306@3:5");
            var d = Single(dockerfile, Id);
            Assert.Contains("built on a .NET chiseled image ('mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled'), which has no shell", d.Message);
            Assert.Contains("the build fails at this step", d.Message);
            Assert.Equal(23, d.EndColumn);
        }

        [Fact]
        public void Reports_a_shell_form_start_command_in_a_scratch_image()
        {
            string dockerfile = "FROM scratch\nCOPY app /app\nENTRYPOINT /app --serve\n";
            AssertFindings(dockerfile, Id, "DKR306@3:12");
            Assert.Contains("the container cannot start", Single(dockerfile, Id).Message);
        }

        [Fact]
        public void Reports_a_shell_form_healthcheck_in_a_distroless_image()
        {
            string dockerfile =
                "FROM gcr.io/distroless/java21-debian12:nonroot\n" +
                "COPY app.jar /app.jar\n" +
                "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/health || exit 1\n" +
                "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n";
            AssertFindings(dockerfile, Id, "DKR306@3:32");
        }

        [Fact]
        public void Follows_the_stage_chain_to_the_shell_less_root()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled AS base\n" +
                "WORKDIR /app\n" +
                "FROM base AS final\n" +
                "COPY --from=build /out .\n" +
                "RUN [\"/app/migrate\"]\n" +
                "CMD ./App\n";
            AssertFindings(dockerfile, Id, "DKR306@6:5");
        }

        [Fact]
        public void Silent_for_a_chiseled_image_used_as_intended()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /app\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app .\n" +
                "EXPOSE 8080\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n" +
                "CMD --urls http://+:8080\n";
            AssertSilent(dockerfile, Id);
        }

        [Fact]
        public void Silent_when_a_shell_is_brought_in_or_the_image_has_one()
        {
            string withShell =
                "FROM busybox:1.36 AS shell\n" +
                "FROM gcr.io/distroless/base-debian12\n" +
                "COPY --from=shell /bin/busybox /busybox/sh\n" +
                "SHELL [\"/busybox/sh\", \"-c\"]\n" +
                "RUN echo ready > /ready\n";
            AssertSilent(withShell, Id);
            AssertSilent("FROM gcr.io/distroless/base-debian12:debug\nRUN echo ok\n", Id);
            AssertSilent("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN mkdir /data\nCMD dotnet App.dll\n", Id);
        }
    }
}
