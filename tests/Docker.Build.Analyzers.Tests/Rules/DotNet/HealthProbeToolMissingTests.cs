using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class HealthProbeToolMissingTests
    {
        private const string Id = "DKR606";
        private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n";

        private static string Final(string image, string extra = "") =>
            Build + "FROM " + image + "\nWORKDIR /app\nCOPY --from=build /app .\n" + extra + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        [Theory]
        // Debian and Ubuntu runtime images have neither curl nor wget.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1\n", "DKR606@7:17")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:5.0", "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", "DKR606@7:17")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim", "HEALTHCHECK CMD wget -q --spider http://localhost:8080/ || exit 1\n", "DKR606@7:17")]
        [InlineData("mcr.microsoft.com/dotnet/runtime:9.0-noble", "HEALTHCHECK --interval=30s CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n", "DKR606@7:33")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "HEALTHCHECK CMD [\"/bin/sh\", \"-c\", \"curl -f http://localhost:8080/ || exit 1\"]\n", "DKR606@7:35")]
        // Alpine has BusyBox's wget, not curl.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "HEALTHCHECK CMD curl --fail http://localhost:8080/healthz\n", "DKR606@7:17")]
        // Chiseled images have nothing but dotnet.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "HEALTHCHECK CMD [\"wget\", \"-q\", \"http://localhost:8080/\"]\n", "DKR606@7:18")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled-extra", "HEALTHCHECK CMD [\"/usr/bin/healthcheck\"]\n", "DKR606@7:18")]
        public void Probe_tool_the_image_lacks(string image, string healthcheck, string expected) =>
            Assert.Equal(new[] { expected }, Findings(Final(image, healthcheck), Id, Web()));

        [Fact]
        public void Message_names_the_tool_the_image_and_the_fix()
        {
            var d = Assert.Single(Run(Final("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "HEALTHCHECK CMD curl -f http://localhost:8080/\n"), Web()), x => x.Id == Id);
            Assert.Contains("runs 'curl'", d.Message);
            Assert.Contains("'mcr.microsoft.com/dotnet/aspnet:8.0-alpine'", d.Message);
            Assert.Contains("BusyBox", d.Message);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        [Theory]
        // Installed in the final stage, or in the stage it is built on.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "RUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "RUN apt-get update && apt-get install -y $TOOLS\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "RUN ./install-tools.sh\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n")]
        // A copied binary.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "COPY --from=curlimages/curl:8.10.1 /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "COPY --from=build /tools/ /usr/local/bin/\nHEALTHCHECK CMD [\"probe\"]\n")]
        // Programs the image has: BusyBox wget on Alpine, dotnet on chiseled aspnet, the app's own files.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "HEALTHCHECK CMD wget -q --spider http://localhost:8080/ || exit 1\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "HEALTHCHECK CMD curl -f http://localhost:8080/ || wget -q --spider http://localhost:8080/ || exit 1\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "HEALTHCHECK CMD [\"dotnet\", \"App.dll\", \"--health\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled", "HEALTHCHECK CMD [\"/app/App\", \"--health\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled", "HEALTHCHECK CMD [\"./App\", \"--health\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "HEALTHCHECK CMD dotnet App.dll --health || exit 1\n")]
        // A shell form on a chiseled image is DKR306's finding.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "HEALTHCHECK CMD curl -f http://localhost:8080/\n")]
        // Images not judged: the SDK, other bases, Azure Linux; HEALTHCHECK NONE.
        [InlineData("mcr.microsoft.com/dotnet/sdk:8.0", "HEALTHCHECK CMD curl -f http://localhost:8080/\n")]
        [InlineData("ubuntu:24.04", "HEALTHCHECK CMD curl -f http://localhost:8080/\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0", "HEALTHCHECK CMD curl -f http://localhost:8080/\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "HEALTHCHECK NONE\n")]
        // Before .NET 5 the runtime and aspnet images had curl.
        [InlineData("mcr.microsoft.com/dotnet/core/aspnet:3.1", "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:3.1-buster-slim", "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")]
        public void Probe_the_image_can_run_is_silent(string image, string extra) =>
            Assert.Empty(Findings(Final(image, extra), Id, Web()));

        [Fact]
        public void Healthcheck_inherited_from_the_base_stage_is_judged_with_the_final_stage()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nHEALTHCHECK CMD curl -f http://localhost:8080/\n" + Build +
                "FROM base\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            Assert.Equal(new[] { "DKR606@2:17" }, Findings(dockerfile, Id, Web()));
            string installed = "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nHEALTHCHECK CMD curl -f http://localhost:8080/\n" + Build +
                "FROM base\nRUN apt-get update && apt-get install -y curl\nCOPY --from=build /app .\n";
            Assert.Empty(Findings(installed, Id, Web()));
        }

        private static System.Collections.Generic.IReadOnlyList<Diagnostic> RunWithCompose(string dockerfile, string compose)
        {
            var files = new InMemoryFileSystem();
            files.AddFile(ProjectDir + "/compose.yaml", compose);
            files.AddFile(DockerfilePath, dockerfile);
            var request = new AnalysisRequest(ProjectDir, new[]
            {
                new AssetInput(DockerfilePath, AssetKind.Dockerfile),
                new AssetInput(ProjectDir + "/compose.yaml", AssetKind.Compose),
            }, Web(), files);
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        private static string[] ComposeFindings(string dockerfile, string compose) =>
            RunWithCompose(dockerfile, compose).Where(d => d.Id == Id).Select(d => $"{System.IO.Path.GetFileName(d.FilePath)}@{d.Line}:{d.Column}").ToArray();

        [Theory]
        [InlineData("services:\n  app:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]\n", "compose.yaml@5:21")]
        [InlineData("services:\n  app:\n    build: .\n    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -f http://localhost:8080/ || exit 1\"]\n", "compose.yaml@5:27")]
        [InlineData("services:\n  app:\n    build: .\n    healthcheck:\n      test: curl -f http://localhost:8080/ || exit 1\n", "compose.yaml@5:13")]
        public void Compose_healthcheck_of_a_service_that_builds_the_Dockerfile(string compose, string expected) =>
            Assert.Equal(new[] { expected }, ComposeFindings(Final("mcr.microsoft.com/dotnet/aspnet:8.0"), compose));

        [Fact]
        public void Compose_shell_test_on_a_chiseled_image_has_no_shell()
        {
            var d = Assert.Single(RunWithCompose(Final("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled"),
                "services:\n  app:\n    build: .\n    healthcheck:\n      test: [\"CMD-SHELL\", \"wget -q http://localhost:8080/\"]\n"), x => x.Id == Id);
            Assert.Contains("'/bin/sh'", d.Message);
            Assert.Equal((5, 27), (d.Line, d.Column));
        }

        [Theory]
        // BusyBox wget on Alpine; a build target whose stage installs curl; a service that pulls an image.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "services:\n  app:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"wget\", \"-q\", \"--spider\", \"http://localhost:8080/\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "services:\n  app:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "services:\n  app:\n    build: .\n    healthcheck:\n      disable: true\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]\n")]
        public void Compose_probe_that_works_is_silent(string image, string compose) =>
            Assert.Empty(ComposeFindings(Final(image), compose));

        [Fact]
        public void Compose_target_stage_decides_the_image()
        {
            string dockerfile = Build + "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS debug\nRUN apt-get update && apt-get install -y curl\nCOPY --from=build /app .\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS release\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            const string Test = "    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]\n";
            Assert.Empty(ComposeFindings(dockerfile, "services:\n  app:\n    build:\n      context: .\n      target: debug\n" + Test));
            Assert.Equal(new[] { "compose.yaml@7:21" }, ComposeFindings(dockerfile, "services:\n  app:\n    build:\n      context: .\n      target: release\n" + Test));
        }
    }
}
