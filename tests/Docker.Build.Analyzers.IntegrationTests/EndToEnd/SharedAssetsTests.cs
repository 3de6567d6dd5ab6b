using System;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// Solutions whose Docker assets are shared: Visual Studio's layout (one compose file and one .dockerignore at the
    /// solution folder, a Dockerfile per project built with the solution folder as context) and a repository-root
    /// Dockerfile that builds a project below it. One <c>dotnet build</c> of the solution must report each finding
    /// exactly once, each shared file from a single project, and no COPY source as missing.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class SharedAssetsTests
    {
        private readonly PackageFixture _package;

        public SharedAssetsTests(PackageFixture package)
        {
            _package = package;
        }

        private static string VsDockerfile(string name) =>
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\n" +
            "USER $APP_UID\n" +
            "WORKDIR /app\n" +
            "EXPOSE 8080\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "WORKDIR /src\n" +
            $"COPY [\"{name}/{name}.csproj\", \"{name}/\"]\n" +
            $"RUN dotnet restore \"./{name}/{name}.csproj\"\n" +
            "COPY . .\n" +
            $"WORKDIR \"/src/{name}\"\n" +
            $"RUN dotnet build \"./{name}.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
            "\n" +
            "FROM build AS publish\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            $"RUN dotnet publish \"./{name}.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
            "\n" +
            "FROM base AS final\n" +
            "WORKDIR /app\n" +
            "COPY --from=publish /app/publish .\n" +
            $"ENTRYPOINT [\"dotnet\", \"{name}.dll\"]\n";

        private const string Compose =
            "version: '3.4'\n" +
            "\n" +
            "services:\n" +
            "  api:\n" +
            "    image: ${DOCKER_REGISTRY-}api\n" +
            "    build:\n" +
            "      context: .\n" +
            "      dockerfile: Api/Dockerfile\n" +
            "  worker:\n" +
            "    image: ${DOCKER_REGISTRY-}worker\n" +
            "    build:\n" +
            "      context: .\n" +
            "      dockerfile: Worker/Dockerfile\n" +
            "  web:\n" +
            "    image: ${DOCKER_REGISTRY-}web\n" +
            "    build:\n" +
            "      context: .\n" +
            "      dockerfile: Web/Dockerfile\n" +
            "    depends_on:\n" +
            "      - missing\n";

        [Fact]
        public void A_solution_sharing_one_compose_file_and_one_dockerignore_reports_each_finding_once()
        {
            var consumer = _package.CreateConsumer("shared");
            foreach (var name in new[] { "Api", "Worker", "Web" })
            {
                consumer.WriteProject($"{name}/{name}.csproj", sdk: "Microsoft.NET.Sdk.Web");
                consumer.WriteFile($"{name}/Program.cs", "var app = Microsoft.AspNetCore.Builder.WebApplication.Create(args);\napp.Run();\n");
                consumer.WriteFile($"{name}/Dockerfile", VsDockerfile(name));
            }
            consumer.WriteFile("docker-compose.yml", Compose);
            // Root-only bin/obj: the classic .dockerignore miss (the projects live in subfolders).
            consumer.WriteFile(".dockerignore", "bin/\nobj/\n.git\n");
            WriteSolution(consumer, "Shop", "Api/Api.csproj", "Worker/Worker.csproj", "Web/Web.csproj");

            var result = consumer.Build("Shop.sln");

            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            var described = result.Build.Describe(consumer.Directory);
            // Each finding once: the same code at the same place never comes from two projects.
            Assert.Equal(described.Distinct().Count(), described.Length);
            // The contexts come from the compose file: no COPY source is missing.
            Assert.DoesNotContain(result.Build.Diagnostics, d => d.Code == "DKR121");
            // Findings in the shared files are reported, and all by the same project.
            var shared = result.Build.Diagnostics.Where(d => Path.GetFileName(d.File) == "docker-compose.yml" || Path.GetFileName(d.File) == ".dockerignore").ToList();
            string output = "\n" + result;
            Assert.True(shared.Any(d => d.Code == "DKR509" && Path.GetFileName(d.File) == "docker-compose.yml" && d.Line == 1), "No DKR509:" + output);
            Assert.True(shared.Any(d => d.Code == "DKR518" && d.Line == 20), "No DKR518:" + output);
            Assert.True(shared.Any(d => d.Code == "DKR403" && Path.GetFileName(d.File) == ".dockerignore"), "No DKR403:" + output);
            Assert.Single(shared.Select(d => d.Project).Distinct());
            Assert.Equal(consumer.PathOf("Api/Api.csproj"), shared[0].Project);
            // Each Dockerfile's findings come from its own project.
            foreach (var d in result.Build.Diagnostics.Where(d => Path.GetFileName(d.File) == "Dockerfile"))
            {
                string project = Path.GetFileName(Path.GetDirectoryName(d.File))!;
                Assert.Equal(consumer.PathOf($"{project}/{project}.csproj"), d.Project);
            }
        }

        [Fact]
        public void A_repository_root_dockerfile_is_reported_by_the_project_it_builds_and_by_no_other()
        {
            var consumer = _package.CreateConsumer("rootdockerfile");
            consumer.WriteFile(".git/HEAD", "ref: refs/heads/main\n");
            consumer.WriteProject("src/Conduit/Conduit.csproj", sdk: "Microsoft.NET.Sdk.Web");
            consumer.WriteFile("src/Conduit/Program.cs", "var app = Microsoft.AspNetCore.Builder.WebApplication.Create(args);\napp.Run();\n");
            consumer.WriteProject("src/Lib/Lib.csproj");
            consumer.WriteFile("Dockerfile",
                "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
                "WORKDIR /app\n" +
                "COPY . .\n" +
                "RUN dotnet publish src/Conduit/Conduit.csproj -c Release -o /out\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
                "COPY --from=build /out /app\n" +
                "ENTRYPOINT [\"dotnet\", \"/app/Conduit.dll\"]\n");
            WriteSolution(consumer, "Conduit", "src/Conduit/Conduit.csproj", "src/Lib/Lib.csproj");

            var result = consumer.Build("Conduit.sln");

            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            var root = result.Build.Diagnostics.Where(d => d.File == consumer.PathOf("Dockerfile")).ToList();
            Assert.True(root.Any(d => d.Code == "DKR201" && d.Line == 5), "No DKR201 on the root Dockerfile:\n" + result);
            Assert.All(root, d => Assert.Equal(consumer.PathOf("src/Conduit/Conduit.csproj"), d.Project));
            var described = result.Build.Describe(consumer.Directory);
            Assert.Equal(described.Distinct().Count(), described.Length);

            // Built alone, the library reports nothing about a Dockerfile that does not build it.
            var library = consumer.Build("src/Lib/Lib.csproj");
            Assert.True(library.ExitCode == 0, "The build failed:\n" + library);
            Assert.DoesNotContain(library.Build.Diagnostics, d => d.File == consumer.PathOf("Dockerfile"));
        }

        /// <summary>A classic .sln, written by the SDK itself as Visual Studio would.</summary>
        private static void WriteSolution(ConsumerProject consumer, string name, params string[] projects)
        {
            var created = consumer.Run("new", "sln", "-n", name, "--format", "sln");
            Assert.True(created.ExitCode == 0, created.ToString());
            var added = consumer.Run(new[] { "sln", name + ".sln", "add" }.Concat(projects).ToArray());
            Assert.True(added.ExitCode == 0, added.ToString());
        }
    }
}
