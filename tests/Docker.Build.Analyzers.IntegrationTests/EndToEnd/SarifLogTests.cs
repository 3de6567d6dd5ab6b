using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Docker.Build.Analyzers.Tests.Reporting;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary><c>-p:DockerAnalyzersSarifFile</c> with the packed package: the log is valid SARIF and says what the build printed.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class SarifLogTests
    {
        /// <summary>Untagged final stage, root user suppressed inline, EXPOSE without HEALTHCHECK, COPY . . without .dockerignore.</summary>
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY App.csproj nuget.config ./\n" +
            "RUN dotnet restore\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c Release -o /app --no-restore\n" +
            "\n" +
            "# dkr-disable-next-line DKR201 -- runs rootless on the platform\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app .\n" +
            "EXPOSE 8080\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private readonly PackageFixture _package;

        public SarifLogTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void Sarif_log_is_schema_valid_and_matches_the_builds_findings()
        {
            var consumer = _package.CreateConsumer("sarif");
            consumer.WriteProject("App.csproj");
            consumer.WriteFile("Dockerfile", Dockerfile);
            string sarifPath = consumer.PathOf("reports/docker analyzers.sarif");

            var result = consumer.Build("-p:DockerAnalyzersSarifFile=" + sarifPath);

            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            string json = File.ReadAllText(sarifPath);
            Assert.Equal(Array.Empty<string>(), SarifSchema.Validate(json));
            var run = JsonDocument.Parse(json).RootElement.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray().ToList();

            // Every line the build printed is one unsuppressed result: same code, file, span, kind and message.
            var printed = result.Build.Diagnostics
                .Select(d => $"{(d.Kind == "message" ? "note" : d.Kind)} {d.Code} {Relative(consumer, d.File)}({d.Line},{d.Column},{d.EndLine},{d.EndColumn}): {d.Message}")
                .OrderBy(s => s, StringComparer.Ordinal).ToArray();
            var logged = results.Where(r => r.GetProperty("suppressions").GetArrayLength() == 0)
                .Select(r => Describe(consumer, run, r)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "DKR101", "DKR102", "DKR301", "DKR401", "DKR603" }, result.Build.Diagnostics.Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal));
            Assert.Equal(printed, logged);

            // The suppressed root user is in the log, flagged, and was not printed.
            var suppressed = Assert.Single(results, r => r.GetProperty("suppressions").GetArrayLength() > 0);
            Assert.StartsWith("warning DKR201 Dockerfile(9,1,9,37): ", Describe(consumer, run, suppressed));
            Assert.Equal("inSource", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
            Assert.DoesNotContain(result.Build.Diagnostics, d => d.Code == "DKR201");

            // Rule metadata and help links for every result.
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            foreach (var r in results)
            {
                var rule = rules[r.GetProperty("ruleIndex").GetInt32()];
                Assert.Equal(r.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
                Assert.EndsWith("/docs/rules/" + rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString());
            }
            Assert.StartsWith("0.1.0-e2e.", run.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());

            // 'true' writes the same log under obj/, listed in FileWrites so that clean removes it.
            var second = consumer.Build("-p:DockerAnalyzersSarifFile=true", "--no-restore");
            Assert.True(second.ExitCode == 0, "The second build failed:\n" + second);
            string defaultPath = consumer.PathOf("obj/Debug/net10.0/DockerAnalyzers.sarif");
            Assert.True(File.Exists(defaultPath), "No log at " + defaultPath + "\n" + second);
            Assert.Equal(json, File.ReadAllText(defaultPath));

            var clean = consumer.Run("clean", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo");
            Assert.True(clean.ExitCode == 0, "dotnet clean failed:\n" + clean);
            Assert.False(File.Exists(defaultPath), "dotnet clean left " + defaultPath);
        }

        private static string Relative(ConsumerProject consumer, string path) =>
            Path.GetRelativePath(consumer.Directory, path).Replace('\\', '/');

        /// <summary>"level id path(region): message" with the path resolved through %SRCROOT% and made relative to the consumer.</summary>
        private static string Describe(ConsumerProject consumer, JsonElement run, JsonElement result)
        {
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            var uri = new Uri(artifact.GetProperty("uri").GetString()!, UriKind.RelativeOrAbsolute);
            if (artifact.TryGetProperty("uriBaseId", out var baseId))
            {
                var root = new Uri(run.GetProperty("originalUriBaseIds").GetProperty(baseId.GetString()!).GetProperty("uri").GetString()!);
                uri = new Uri(root, uri);
            }
            var region = physical.GetProperty("region");
            return $"{result.GetProperty("level").GetString()} {result.GetProperty("ruleId").GetString()} {Relative(consumer, uri.LocalPath)}" +
                $"({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()},{region.GetProperty("endLine").GetInt32()},{region.GetProperty("endColumn").GetInt32()}): " +
                result.GetProperty("message").GetProperty("text").GetString();
        }
    }
}
