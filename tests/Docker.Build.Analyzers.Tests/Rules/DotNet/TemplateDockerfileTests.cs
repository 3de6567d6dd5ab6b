using System;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    /// <summary>
    /// The Dockerfiles .NET teams start from must draw only true findings: the one Visual Studio's "Add Docker support"
    /// generates (Container Tools, .NET 8/9/10 web project: stages base/build/publish/final, USER $APP_UID, EXPOSE 8080
    /// and 8081, solution-relative COPY paths, ARG BUILD_CONFIGURATION=Release, /p:UseAppHost=false), and the multi-stage
    /// shape of Microsoft's ASP.NET Core container sample. Both are written here from what Microsoft documents for them.
    /// </summary>
    public class TemplateDockerfileTests
    {
        private const string Solution = "/repo";
        private const string ProjectFolder = Solution + "/WebApp";

        /// <summary>A date when .NET 8, 9 and 10 are all supported.</summary>
        private static readonly DateTime Today = new DateTime(2026, 1, 15);

        /// <summary>The Dockerfile Visual Studio writes into the project folder for a web project named WebApp of a solution.</summary>
        private static string VisualStudioDockerfile(int major) =>
            "# See https://aka.ms/customizecontainer to learn how to customize your debug container and how Visual Studio uses this Dockerfile to build your images for faster debugging.\n" +
            "\n" +
            "# This stage is used when running from VS in fast mode (Default for Debug configuration)\n" +
            $"FROM mcr.microsoft.com/dotnet/aspnet:{major}.0 AS base\n" +
            "USER $APP_UID\n" +
            "WORKDIR /app\n" +
            "EXPOSE 8080\n" +
            "EXPOSE 8081\n" +
            "\n" +
            "\n" +
            "# This stage is used to build the service project\n" +
            $"FROM mcr.microsoft.com/dotnet/sdk:{major}.0 AS build\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "WORKDIR /src\n" +
            "COPY [\"WebApp/WebApp.csproj\", \"WebApp/\"]\n" +
            "RUN dotnet restore \"./WebApp/WebApp.csproj\"\n" +
            "COPY . .\n" +
            "WORKDIR \"/src/WebApp\"\n" +
            "RUN dotnet build \"./WebApp.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
            "\n" +
            "# This stage is used to publish the service project to be copied to the final stage\n" +
            "FROM build AS publish\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "RUN dotnet publish \"./WebApp.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
            "\n" +
            "# This stage is used in production or when running from VS in regular mode (Default when not using the Debug configuration)\n" +
            "FROM base AS final\n" +
            "WORKDIR /app\n" +
            "COPY --from=publish /app/publish .\n" +
            "ENTRYPOINT [\"dotnet\", \"WebApp.dll\"]\n";

        /// <summary>The .dockerignore Visual Studio adds beside the solution (the entries that matter here).</summary>
        private const string VisualStudioDockerIgnore =
            "**/.classpath\n**/.dockerignore\n**/.env\n**/.git\n**/.gitignore\n**/.project\n**/.settings\n**/.toolstarget\n**/.vs\n**/.vscode\n" +
            "**/*.*proj.user\n**/*.dbmdl\n**/*.jfm\n**/azds.yaml\n**/bin\n**/charts\n**/docker-compose*\n**/Dockerfile*\n**/node_modules\n" +
            "**/npm-debug.log\n**/obj\n**/secrets.dev.yaml\n**/values.dev.yaml\nLICENSE\nREADME.md\n";

        private static System.Collections.Generic.IReadOnlyList<Docker.Build.Analyzers.Diagnostics.Diagnostic> AnalyzeVisualStudio(int major, InMemoryFileSystem files, DotNetProjectFacts facts)
        {
            string dockerfile = VisualStudioDockerfile(major);
            TestAnalysis.AssertRoundTrip(dockerfile);
            files.AddFile(ProjectFolder + "/Dockerfile", dockerfile)
                .AddFile(ProjectFolder + "/WebApp.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                .AddFile(ProjectFolder + "/Program.cs", "var app = WebApplication.Create(args); app.Run();")
                .AddFile(ProjectFolder + "/appsettings.json", "{}")
                .AddFile(Solution + "/WebApp.sln", "")
                .AddFile(Solution + "/.dockerignore", VisualStudioDockerIgnore);
            var project = new ProjectFacts(ProjectFolder + "/WebApp.csproj", "WebApp", new[] { $"net{major}.0" }, isWebProject: true, dotNet: facts);
            // Visual Studio builds with the solution folder as context (DockerfileContext="..").
            var request = new AnalysisRequest(ProjectFolder, new[] { new AssetInput(ProjectFolder + "/Dockerfile", AssetKind.Dockerfile, Solution) }, project, files);
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        [Theory]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(10)]
        public void Visual_Studio_dockerfile_draws_only_its_true_findings(int major)
        {
            var found = AnalyzeVisualStudio(major, new InMemoryFileSystem(), new DotNetProjectFacts(today: Today))
                .Select(d => $"{d.Id}@{d.Line}:{d.Column}").ToArray();
            // Tags without digests (suggestions) and no HEALTHCHECK on a serving image: nothing of the DKR6xx checks.
            Assert.Equal(new[] { "DKR102@4:6", "DKR102@12:6", "DKR301@27:1" }, found);
        }

        [Fact]
        public void Visual_Studio_dockerfile_in_a_solution_with_build_files_misses_them_in_the_restore_layer()
        {
            // Visual Studio's template copies only the project file; a solution with Directory.Build.props, central
            // package management and a referenced project needs them for that restore: DKR611 is a true finding.
            var files = new InMemoryFileSystem()
                .AddFile(Solution + "/Directory.Build.props", "<Project />")
                .AddFile(Solution + "/Directory.Packages.props", "<Project />")
                .AddFile(Solution + "/Shared/Shared.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            var facts = new DotNetProjectFacts(projectReferences: new[] { Solution + "/Shared/Shared.csproj" }, centralPackageManagement: true,
                directoryPackagesPropsPath: Solution + "/Directory.Packages.props", directoryBuildPropsPath: Solution + "/Directory.Build.props", today: Today);
            var dotNetFindings = AnalyzeVisualStudio(9, files, facts).Where(d => d.Id.StartsWith("DKR6", StringComparison.Ordinal)).ToList();
            var d = Assert.Single(dotNetFindings);
            Assert.Equal("DKR611@16:12", $"{d.Id}@{d.Line}:{d.Column}");
            Assert.Contains("'Directory.Packages.props', 'Directory.Build.props' and 'Shared/Shared.csproj' are copied", d.Message);
        }

        /// <summary>The multi-stage shape of Microsoft's ASP.NET Core container sample, for a .NET 10 project.</summary>
        private const string RecommendedAspNetCore =
            "# syntax=docker/dockerfile:1\n" +
            "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "ARG TARGETARCH\n" +
            "WORKDIR /source\n" +
            "\n" +
            "# Copy the project file and restore as a distinct layer\n" +
            "COPY --link aspnetapp/*.csproj .\n" +
            "RUN dotnet restore -a $TARGETARCH\n" +
            "\n" +
            "# Copy the sources and publish the app\n" +
            "COPY --link aspnetapp/. .\n" +
            "RUN dotnet publish -a $TARGETARCH --no-restore -o /app\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
            "EXPOSE 8080\n" +
            "WORKDIR /app\n" +
            "COPY --link --from=build /app .\n" +
            "USER $APP_UID\n" +
            "ENTRYPOINT [\"./aspnetapp\"]\n";

        [Theory]
        [InlineData(RecommendedAspNetCore)]
        // The same with a health probe the image can run and the chiseled image for an app that says it is invariant.
        [InlineData(RecommendedAspNetCore + "HEALTHCHECK CMD [\"./aspnetapp\", \"--health-check\"]\n")]
        public void Recommended_aspnetcore_shape_draws_no_dotnet_finding(string dockerfile)
        {
            TestAnalysis.AssertRoundTrip(dockerfile);
            foreach (string image in new[] { "aspnet:10.0", "aspnet:10.0-noble-chiseled", "aspnet:10.0-alpine" })
            {
                string text = dockerfile.Replace("aspnet:10.0\n", image + "\n");
                var files = new InMemoryFileSystem()
                    .AddFile("/repo/aspnetapp/Dockerfile", text)
                    .AddFile("/repo/aspnetapp/aspnetapp.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                    .AddFile("/repo/aspnetapp/Program.cs", "")
                    .AddFile("/repo/.dockerignore", "**/bin/\n**/obj/\n**/.git\n");
                var project = new ProjectFacts("/repo/aspnetapp/aspnetapp.csproj", "aspnetapp", new[] { "net10.0" }, isWebProject: true,
                    dotNet: new DotNetProjectFacts(invariantGlobalization: true, today: Today));
                var request = new AnalysisRequest("/repo/aspnetapp", new[] { new AssetInput("/repo/aspnetapp/Dockerfile", AssetKind.Dockerfile, "/repo") }, project, files);
                var found = new DockerAnalyzer().Analyze(request).Diagnostics;
                // The rules judge this Dockerfile with the project's facts (it lives in the project's folder).
                Assert.Contains(found, d => d.Id == "DKR102");
                Assert.DoesNotContain(found, d => d.Id == "DKR901" || d.Id == "DKR902" || d.Id == "DKR903");
                Assert.Empty(found.Where(d => d.Id.StartsWith("DKR6", StringComparison.Ordinal)).Select(d => $"{image}: {d.Id}@{d.Line}:{d.Column} {d.Message}"));
            }
        }
    }
}
