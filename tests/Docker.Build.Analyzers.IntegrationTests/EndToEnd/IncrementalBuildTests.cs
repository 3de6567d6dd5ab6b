using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// Builds after the first: a no-op build reports what the first reported (and fails the same way when warnings are
    /// errors), an edit to any asset kind shows in the very next build, and Visual Studio's fast up-to-date check is
    /// told about every file that can change the findings.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class IncrementalBuildTests
    {
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/aspnet:latest\n" +
            "WORKDIR /app\n" +
            "COPY . .\n" +
            "USER app\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private readonly PackageFixture _package;

        public IncrementalBuildTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void No_op_build_under_MSBuildTreatWarningsAsErrors_fails_with_the_first_builds_findings_and_edits_show_at_once()
        {
            var consumer = _package.CreateConsumer("edits");
            consumer.WriteProject("App.csproj");
            consumer.WriteFile("Dockerfile", Dockerfile);
            string[] initial =
            {
                // A console project on the ASP.NET Core image (DKR603, a suggestion: never promoted).
                "message DKR603 Dockerfile(1,6,1,44)",
                "warning DKR101 Dockerfile(1,6,1,44)",
                "warning DKR401 Dockerfile(3,6,3,7)",
            };

            var first = consumer.Build();
            var noOpAsErrors = consumer.Build("--no-restore", "-p:MSBuildTreatWarningsAsErrors=true");

            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Equal(initial, first.Build.Describe(consumer.Directory));
            Assert.NotEqual(0, noOpAsErrors.ExitCode);
            Assert.Equal(initial.Select(w => w.Replace("warning ", "error ")).OrderBy(w => w, StringComparer.Ordinal), noOpAsErrors.Build.Describe(consumer.Directory));

            // A .dockerignore that keeps bin/ and obj/ out of the context: DKR401 goes.
            consumer.WriteFile(".dockerignore", "bin/\nobj/\n");
            var afterIgnore = consumer.Build("--no-restore");
            Assert.Equal(new[] { "message DKR603 Dockerfile(1,6,1,44)", "warning DKR101 Dockerfile(1,6,1,44)" }, afterIgnore.Build.Describe(consumer.Directory));

            // The tag pinned: DKR101 goes; the digest and image-family suggestions are left.
            consumer.WriteFile("Dockerfile", Dockerfile.Replace("aspnet:latest", "aspnet:10.0"));
            var afterPin = consumer.Build("--no-restore");
            Assert.Equal(new[] { "message DKR102 Dockerfile(1,6,1,42)", "message DKR603 Dockerfile(1,6,1,42)" }, afterPin.Build.Describe(consumer.Directory));

            // A compose file appears beside the project: its finding shows in the next build.
            consumer.WriteFile("compose.yaml", "services:\n  app:\n    build: .\n    restart: unless-stopped\n    mem_limit: 512m\n    cpus: \"1.0\"\n    depends_on:\n      - db\n");
            var afterCompose = consumer.Build("--no-restore");
            Assert.True(afterCompose.ExitCode == 0, afterCompose.ToString());
            Assert.Equal(new[] { "message DKR102 Dockerfile(1,6,1,42)", "message DKR603 Dockerfile(1,6,1,42)", "warning DKR518 compose.yaml(8,9,8,11)" },
                afterCompose.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Fast_up_to_date_check_inputs_cover_every_asset_kind_here_and_above_the_project()
        {
            var consumer = _package.CreateConsumer("up-to-date");
            consumer.WriteProject("src/Api/Api.csproj");
            consumer.WriteFile("src/Api/Dockerfile", Dockerfile);
            consumer.WriteFile("src/Api/Dockerfile.dockerignore", "bin/\n");
            consumer.WriteFile("src/Api/api.Dockerfile", Dockerfile);
            consumer.WriteFile("src/Api/docker-compose.override.yml", "services: {}\n");
            consumer.WriteFile("src/Api/notes.txt", "not an asset\n");
            consumer.WriteFile("compose.yaml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: src/Api/Dockerfile\n");
            consumer.WriteFile("compose.override.yaml", "services: {}\n");
            consumer.WriteFile(".dockerignore", "**/bin/\n**/obj/\n");
            consumer.WriteFile(".editorconfig", "root = true\n");
            consumer.WriteFile("src/.globalconfig", "is_global = true\n");

            var restore = consumer.Run("restore", "src/Api/Api.csproj", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var evaluation = consumer.Run("msbuild", "src/Api/Api.csproj", "-getItem:UpToDateCheckInput", "-nodeReuse:false", "-nologo");
            Assert.True(evaluation.ExitCode == 0, evaluation.ToString());

            var inputs = new SortedSet<string>(StringComparer.Ordinal);
            using (var json = JsonDocument.Parse(evaluation.Output.Substring(evaluation.Output.IndexOf('{'))))
            {
                foreach (var item in json.RootElement.GetProperty("Items").GetProperty("UpToDateCheckInput").EnumerateArray())
                {
                    string path = item.GetProperty("FullPath").GetString()!;
                    // Folders above the consumer are the test machine's, not the project's.
                    if (!path.StartsWith(consumer.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
                    Assert.Equal("DockerAssets", item.GetProperty("Set").GetString());
                    inputs.Add(Path.GetRelativePath(consumer.Directory, path).Replace('\\', '/'));
                }
            }

            Assert.Equal(new[]
            {
                ".dockerignore",
                ".editorconfig",
                "compose.override.yaml",
                "compose.yaml",
                "src/.globalconfig",
                "src/Api/Dockerfile",
                "src/Api/Dockerfile.dockerignore",
                "src/Api/api.Dockerfile",
                "src/Api/docker-compose.override.yml",
            }, inputs.ToArray());
        }
    }
}
