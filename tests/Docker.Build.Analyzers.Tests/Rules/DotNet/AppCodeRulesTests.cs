using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Rules.DotNet;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    /// <summary>
    /// The rules that need the app's code (DKR604 ports, DKR605 health paths, DKR301's hint, DKR620 SDK container ports),
    /// with the code facts the compiler host would read, over in-memory projects.
    /// </summary>
    public class AppCodeRulesTests
    {
        private const string ComposePath = ProjectDir + "/compose.yaml";

        /// <summary>The recommended shape, with a port and a probe to vary.</summary>
        private static string Dockerfile(string image = "mcr.microsoft.com/dotnet/aspnet:8.0", string finalLines = "EXPOSE 8080\n") =>
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY App.csproj .\n" +
            "RUN dotnet restore\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c Release -o /app --no-restore\n" +
            "FROM " + image + "\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app .\n" +
            finalLines +
            "USER $APP_UID\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private static ProjectFacts Web(AppCodeFacts? code = null, string tfm = "net8.0", SdkContainerFacts? container = null) =>
            new ProjectFacts(ProjectDir + "/App.csproj", "App", new[] { tfm }, isWebProject: true,
                dotNet: new DotNetProjectFacts(code: code ?? new AppCodeFacts(), container: container));

        private static AppCodeFacts Health(params string[] paths) => new AppCodeFacts(healthCheckPaths: paths);

        private static string[] Run(string dockerfile, string id, ProjectFacts project, InMemoryFileSystem? files = null, string? compose = null)
        {
            files ??= new InMemoryFileSystem();
            files.AddFile(DockerfilePath, dockerfile);
            var assets = new List<AssetInput> { new AssetInput(DockerfilePath, AssetKind.Dockerfile) };
            if (compose != null)
            {
                files.AddFile(ComposePath, compose);
                assets.Add(new AssetInput(ComposePath, AssetKind.Compose));
            }
            var result = new DockerAnalyzer().Analyze(new AnalysisRequest(ProjectDir, assets, project, files));
            return result.Diagnostics.Where(d => d.Id == id)
                .Select(d => $"{d.Id}@{System.IO.Path.GetFileName(d.FilePath)}:{d.Line}:{d.Column}").ToArray();
        }

        // ---------------- DKR604 ----------------

        [Theory]
        // .NET 8+ listens on 8080: EXPOSE 80 is the pre-8 habit.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "EXPOSE 80\n", "DKR604@Dockerfile:10:8")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:9.0-alpine", "EXPOSE 5000/tcp\n", "DKR604@Dockerfile:10:8")]
        // Before .NET 8 the images listen on 80.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:6.0", "EXPOSE 8080\n", "DKR604@Dockerfile:10:8")]
        // The environment moves the port; EXPOSE did not follow.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "ENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 8080\n", "DKR604@Dockerfile:11:8")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "ENV ASPNETCORE_URLS=http://+:5000\nEXPOSE 8080\n", "DKR604@Dockerfile:11:8")]
        // The probe asks the wrong port.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "EXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:80/healthz || exit 1\n", "DKR604@Dockerfile:11:25")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "EXPOSE 8080\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/healthz\"]\n", "DKR604@Dockerfile:11:32")]
        public void Port_the_app_does_not_listen_on(string image, string finalLines, string expected) =>
            Assert.Equal(new[] { expected }, Run(Dockerfile(image, finalLines), "DKR604", Web()));

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "EXPOSE 8080\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "EXPOSE 8080\nHEALTHCHECK CMD [\"/app/healthcheck\", \"http://localhost:8080/healthz\"]\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:6.0", "EXPOSE 80\nEXPOSE 443\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "ENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 5000\n")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "ENV ASPNETCORE_URLS=\"http://+:5000;https://+:5001\"\nEXPOSE 5000 5001\n")]
        // A port from a build argument: the build decides.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "ARG PORT=5000\nENV ASPNETCORE_HTTP_PORTS=$PORT\nEXPOSE 8080\n")]
        // Not an official .NET image: its defaults are unknown.
        [InlineData("ubuntu:24.04", "EXPOSE 80\n")]
        // UDP, another host, a variable in the probe.
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", "EXPOSE 8080 5353/udp\nHEALTHCHECK CMD curl -f http://other:9000/ http://localhost:$PORT/\n")]
        public void Ports_the_app_listens_on_are_silent(string image, string finalLines) =>
            Assert.Empty(Run(Dockerfile(image, finalLines), "DKR604", Web()));

        [Fact]
        public void Visual_Studio_template_exposing_8080_and_8081_is_silent()
        {
            const string template =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER $APP_UID\nWORKDIR /app\nEXPOSE 8080\nEXPOSE 8081\n\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY [\"App/App.csproj\", \"App/\"]\n" +
                "RUN dotnet restore \"./App/App.csproj\"\nCOPY . .\nWORKDIR \"/src/App\"\nRUN dotnet build \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n\n" +
                "FROM build AS publish\nARG BUILD_CONFIGURATION=Release\nRUN dotnet publish \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n\n" +
                "FROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            Assert.Empty(Run(template, "DKR604", Web(Health("/health"))));
            Assert.Empty(Run(template, "DKR605", Web(Health("/health"))));
        }

        [Fact]
        public void Code_that_sets_ports_wins_and_dynamic_or_unknown_code_is_silent()
        {
            var useUrls = new AppCodeFacts(listenPorts: new[] { 5000 });
            Assert.Equal(new[] { "DKR604@Dockerfile:10:8" }, Run(Dockerfile(), "DKR604", Web(useUrls)));
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 5000\n"), "DKR604", Web(useUrls)));
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 80\n"), "DKR604", Web(new AppCodeFacts(setsListenAddressesDynamically: true))));
            // The task's view: no code read, no finding.
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 80\n"), "DKR604", Web(AppCodeFacts.Unknown)));
            // A console project does not serve through Kestrel.
            var console = new ProjectFacts(ProjectDir + "/App.csproj", "App", new[] { "net8.0" }, dotNet: new DotNetProjectFacts(code: new AppCodeFacts()));
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 80\n"), "DKR604", console));
        }

        [Fact]
        public void Appsettings_Kestrel_endpoints_and_urls_count_and_an_unreadable_file_silences()
        {
            var files = new InMemoryFileSystem().AddFile(ProjectDir + "/appsettings.json",
                "{\n  // Kestrel endpoints replace ASPNETCORE_HTTP_PORTS\n  \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://0.0.0.0:5005\" }, }, },\n}\n");
            Assert.Equal(new[] { "DKR604@Dockerfile:10:8" }, Run(Dockerfile(), "DKR604", Web(), files));
            files = new InMemoryFileSystem().AddFile(ProjectDir + "/appsettings.json", "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://0.0.0.0:5005\" } } } }");
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 5005\n"), "DKR604", Web(), files));
            files = new InMemoryFileSystem().AddFile(ProjectDir + "/appsettings.json", "{ \"urls\": \"http://*:5001\" }");
            Assert.Equal(new[] { "DKR604@Dockerfile:10:8" }, Run(Dockerfile(), "DKR604", Web(), files));
            files = new InMemoryFileSystem().AddFile(ProjectDir + "/appsettings.json", "{ \"Kestrel\": ");
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 80\n"), "DKR604", Web(), files));
            // An environment's file that moves the port: which one applies depends on the deployment.
            files = new InMemoryFileSystem().AddFile(ProjectDir + "/appsettings.Production.json", "{ \"urls\": \"http://*:80\" }");
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 80\n"), "DKR604", Web(), files));
            // A development file does not ship its settings to production.
            files = new InMemoryFileSystem().AddFile(ProjectDir + "/appsettings.Development.json", "{ \"urls\": \"http://*:80\" }");
            Assert.Equal(new[] { "DKR604@Dockerfile:10:8" }, Run(Dockerfile(finalLines: "EXPOSE 80\n"), "DKR604", Web(), files));
        }

        [Fact]
        public void Compose_service_ports_and_environment()
        {
            // The container side of 'ports' is checked; the service's environment moves the port.
            string compose = "services:\n  app:\n    build: .\n    ports:\n      - \"8000:80\"\n";
            Assert.Equal(new[] { "DKR604@compose.yaml:5:9" }, Run(Dockerfile(), "DKR604", Web(), compose: compose));
            compose = "services:\n  app:\n    build: .\n    environment:\n      ASPNETCORE_HTTP_PORTS: \"80\"\n    ports:\n      - \"8000:80\"\n";
            // The service listens on 80 now; the Dockerfile's EXPOSE 8080 is then the container's business, not judged.
            Assert.Empty(Run(Dockerfile(), "DKR604", Web(), compose: compose));
            compose = "services:\n  app:\n    build: .\n    ports:\n      - \"8000:8080\"\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n";
            Assert.Empty(Run(Dockerfile(), "DKR604", Web(Health("/health")), compose: compose));
        }

        [Fact]
        public void Port_finding_says_where_the_port_comes_from()
        {
            var files = new InMemoryFileSystem();
            files.AddFile(DockerfilePath, Dockerfile(finalLines: "EXPOSE 80\n"));
            var d = Assert.Single(new DockerAnalyzer().Analyze(new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile) }, Web(), files)).Diagnostics, x => x.Id == "DKR604");
            Assert.Equal("EXPOSE names port 80, but the app listens on port 8080 (the default of .NET 8 and later images, ASPNETCORE_HTTP_PORTS=8080): nothing answers on 80. Use port 8080, or make the app listen on 80", d.Message);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        // ---------------- DKR605 and DKR301's hint ----------------

        [Theory]
        [InlineData("HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\n", "DKR605@Dockerfile:11:25")]
        [InlineData("HEALTHCHECK --interval=30s CMD [\"wget\", \"-qO-\", \"http://127.0.0.1:8080/\"]\n", "DKR605@Dockerfile:11:49")]
        public void Probe_of_a_path_the_app_does_not_map(string probe, string expected) =>
            Assert.Equal(new[] { expected }, Run(Dockerfile(finalLines: "EXPOSE 8080\n" + probe), "DKR605", Web(Health("/healthz"))));

        [Theory]
        [InlineData("HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1\n")]
        [InlineData("HEALTHCHECK CMD curl -f http://localhost:8080/HealthZ/?verbose=1 || exit 1\n")]
        [InlineData("HEALTHCHECK NONE\n")]
        public void Probe_of_a_mapped_path_is_silent(string probe) =>
            Assert.Empty(Run(Dockerfile(finalLines: "EXPOSE 8080\n" + probe), "DKR605", Web(Health("/healthz", "/ready"))));

        [Fact]
        public void Unknown_or_incomplete_health_paths_are_silent()
        {
            string dockerfile = Dockerfile(finalLines: "EXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\n");
            Assert.Empty(Run(dockerfile, "DKR605", Web(AppCodeFacts.Unknown)));
            Assert.Empty(Run(dockerfile, "DKR605", Web(new AppCodeFacts())));
            Assert.Empty(Run(dockerfile, "DKR605", Web(new AppCodeFacts(healthCheckPaths: new[] { "/healthz" }, healthCheckPathsIncomplete: true))));
        }

        [Fact]
        public void Compose_health_check_of_an_unmapped_path()
        {
            string compose = "services:\n  app:\n    build: .\n    healthcheck:\n      test: curl -f http://localhost:8080/status\n";
            Assert.Equal(new[] { "DKR605@compose.yaml:5:13" }, Run(Dockerfile(), "DKR605", Web(Health("/healthz")), compose: compose));
        }

        [Fact]
        public void Missing_healthcheck_names_the_mapped_path_when_the_code_is_known()
        {
            var files = new InMemoryFileSystem();
            files.AddFile(DockerfilePath, Dockerfile());
            var request = new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile) }, Web(Health("/healthz")), files);
            var d = Assert.Single(new DockerAnalyzer().Analyze(request).Diagnostics, x => x.Id == "DKR301");
            Assert.Equal((7, 1), (d.Line, d.Column));
            Assert.EndsWith("when an orchestrator probes it. The app maps its health checks at /healthz: probe /healthz", d.Message);

            var unknown = new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile) }, Web(AppCodeFacts.Unknown), files);
            Assert.EndsWith("when an orchestrator probes it", Assert.Single(new DockerAnalyzer().Analyze(unknown).Diagnostics, x => x.Id == "DKR301").Message);
        }

        [Fact]
        public void Unneeded_suppression_of_a_code_rule_is_not_judged_without_the_code()
        {
            string dockerfile = Dockerfile(finalLines: "# dkr-disable-next-line DKR604\nEXPOSE 8080\n");
            Assert.Empty(Run(dockerfile, "DKR904", Web(AppCodeFacts.Unknown)));
            Assert.Empty(Run(Dockerfile(finalLines: "# dkr-disable-next-line DKR604\nEXPOSE 80\n"), "DKR604", Web()));
        }

        // ---------------- DKR620 ----------------

        private static SdkContainerFacts Container(string port, params ContainerEnvironmentSetting[] environment) =>
            new SdkContainerFacts(ProjectDir + "/App.csproj",
                ports: new[] { new ContainerPortSetting(port, null, new ProjectFileSpot(ProjectDir + "/App.csproj", 9, 5)) },
                environmentVariables: environment);

        private static string[] RunContainer(ProjectFacts project, InMemoryFileSystem? files = null)
        {
            var request = new AnalysisRequest(ProjectDir, new AssetInput[0], project, files ?? new InMemoryFileSystem());
            return new DockerAnalyzer().Analyze(request).Diagnostics.Where(d => d.Id == "DKR620")
                .Select(d => $"{d.Id}@{System.IO.Path.GetFileName(d.FilePath)}:{d.Line}:{d.Column}").ToArray();
        }

        [Fact]
        public void ContainerPort_the_app_does_not_listen_on()
        {
            Assert.Equal(new[] { "DKR620@App.csproj:9:5" }, RunContainer(Web(container: Container("80"))));
            Assert.Equal(new[] { "DKR620@App.csproj:9:5" }, RunContainer(Web(container: Container("8080", new ContainerEnvironmentSetting("ASPNETCORE_HTTP_PORTS", "5000")))));
            Assert.Equal(new[] { "DKR620@App.csproj:9:5" }, RunContainer(Web(new AppCodeFacts(listenPorts: new[] { 5000 }), container: Container("8080"))));
        }

        [Fact]
        public void ContainerPort_the_app_listens_on_or_unknown_is_silent()
        {
            Assert.Empty(RunContainer(Web(container: Container("8080"))));
            Assert.Empty(RunContainer(Web(tfm: "net7.0", container: Container("80"))));
            Assert.Empty(RunContainer(Web(container: Container("5000", new ContainerEnvironmentSetting("ASPNETCORE_URLS", "http://+:5000")))));
            Assert.Empty(RunContainer(Web(AppCodeFacts.Unknown, container: Container("80"))));
            Assert.Empty(RunContainer(Web(new AppCodeFacts(setsListenAddressesDynamically: true), container: Container("80"))));
            Assert.Empty(RunContainer(Web(container: Container("80", new ContainerEnvironmentSetting("ASPNETCORE_HTTP_PORTS", "$(Port)")))));
        }

        // ---------------- appsettings.json reading ----------------

        [Fact]
        public void Appsettings_reader_is_tolerant_and_never_throws()
        {
            var settings = AppSettings.Parse("\uFEFF{ /* c */ \"urls\": \"http://+:5000;https://+:5001\", \"https_ports\": \"5001\", \"Logging\": { \"x\": [1, 2.5e3, true, null, \"\\u0041\"], }, }");
            Assert.True(settings.IsUnderstood);
            Assert.Equal("http://+:5000;https://+:5001", settings.Urls);
            Assert.Equal(new[] { 5001 }, settings.HttpsPorts);
            Assert.False(AppSettings.Parse("{ \"Kestrel\": { \"Endpoints\": { \"Sock\": { \"Url\": \"http://unix:/tmp/k.sock\" } } } }").IsUnderstood);
            Assert.False(AppSettings.Parse("[").IsUnderstood);
            Assert.False(AppSettings.Parse("{ \"a\": 1 } x").IsUnderstood);
            Assert.False(AppSettings.Parse(new string('[', 200)).IsUnderstood);
            Assert.True(AppSettings.Parse("{}").IsUnderstood);
        }

        [Theory]
        [InlineData("http://+:5000", 5000)]
        [InlineData("https://localhost", 443)]
        [InlineData("http://[::]:8081/", 8081)]
        [InlineData("http://*", 80)]
        public void Listen_url_ports(string url, int port) => Assert.Equal(port, ListenAddresses.PortOfUrl(url));

        [Theory]
        [InlineData("http://+:$PORT")]
        [InlineData("http://unix:/tmp/s.sock")]
        [InlineData("ftp://x:21")]
        [InlineData("http://+:99999")]
        public void Listen_urls_we_cannot_read(string url) => Assert.Null(ListenAddresses.PortOfUrl(url));
    }
}
