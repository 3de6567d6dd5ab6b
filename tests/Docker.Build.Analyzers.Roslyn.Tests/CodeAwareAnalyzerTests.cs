using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Docker.Build.Analyzers.Roslyn.Tests
{
    /// <summary>
    /// The analyzer in a real C# build (no design-time switch, the targets' _DockerAnalyzersCodeAwareInCompiler=true):
    /// it reads the compilation's code and reports only the rules that need it; the task reports the rest.
    /// </summary>
    public sealed class CodeAwareAnalyzerTests
    {
        private const string Program =
            "var builder = WebApplication.CreateBuilder(args);\n" +
            "var app = builder.Build();\n" +
            "app.MapHealthChecks(\"/healthz\");\n" +
            "app.Run();\n";

        // Root final stage (DKR201 for the task), EXPOSE 80 on .NET 8 (DKR604), a probe of /health (DKR605).
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
            "WORKDIR /app\n" +
            "COPY . .\n" +
            "EXPOSE 80\n" +
            "HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private static LiveCompilation Build(string dockerfile, string program, bool codeAware = true)
        {
            var project = new LiveCompilation(live: false) { ProgramText = program };
            if (codeAware) project.SetGlobal("build_property._DockerAnalyzersCodeAwareInCompiler", "true");
            string path = project.WriteFile("Dockerfile", dockerfile);
            project.AddAdditionalFile(path, dockerfile);
            return project;
        }

        private static string[] Describe(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return $"{d.Id}@{System.IO.Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
            }).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

        [Fact]
        public async Task Real_build_reports_only_the_code_aware_rules_with_the_codes_facts()
        {
            using var project = Build(Dockerfile, Program);
            var (diagnostics, exceptions) = await project.AnalyzeAsync();
            Assert.Empty(exceptions);
            Assert.Equal(new[] { "DKR604@Dockerfile:4:8", "DKR605@Dockerfile:5:25" }, Describe(diagnostics));
            Assert.Contains("maps its health checks at /healthz", diagnostics.Single(d => d.Id == "DKR605").GetMessage());
        }

        [Fact]
        public async Task Without_the_targets_switch_a_real_build_reports_nothing()
        {
            using var project = Build(Dockerfile, Program, codeAware: false);
            var (diagnostics, _) = await project.AnalyzeAsync();
            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task Missing_healthcheck_is_reported_here_with_the_path_when_the_code_maps_health_checks()
        {
            const string noProbe = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nUSER app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            using (var project = Build(noProbe, Program))
            {
                var (diagnostics, _) = await project.AnalyzeAsync();
                var finding = Assert.Single(diagnostics);
                Assert.Equal("DKR301", finding.Id);
                Assert.Equal(0, finding.Location.GetLineSpan().StartLinePosition.Line);
                Assert.EndsWith("The app maps its health checks at /healthz: probe /healthz", finding.GetMessage());
            }
            // No health-check mapping in the code: the task reports DKR301 (plain), not the compiler.
            using (var project = Build(noProbe, "var app = WebApplication.Create(); app.Run();"))
            {
                var (diagnostics, _) = await project.AnalyzeAsync();
                Assert.Empty(diagnostics);
            }
        }

        [Fact]
        public async Task Clean_app_is_silent()
        {
            const string clean = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nUSER app\n" +
                                 "HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            using var project = Build(clean, Program);
            var (diagnostics, _) = await project.AnalyzeAsync();
            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task ContainerPort_items_handed_in_as_properties_are_checked_at_their_element()
        {
            using var project = new LiveCompilation(live: false) { ProgramText = "var app = WebApplication.Create(); app.Run();" };
            project.SetGlobal("build_property._DockerAnalyzersCodeAwareInCompiler", "true");
            project.SetGlobal("build_property._DockerAnalyzersContainerPorts", "80|tcp");
            const string csproj = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <ItemGroup>\n    <ContainerPort Include=\"80\" Type=\"tcp\" />\n  </ItemGroup>\n</Project>\n";
            System.IO.File.WriteAllText(project.ProjectPath, csproj);
            project.AddAdditionalFile(project.ProjectPath, csproj, input: "Project");

            var (diagnostics, exceptions) = await project.AnalyzeAsync();

            Assert.Empty(exceptions);
            Assert.Equal(new[] { "DKR620@App.csproj:3:5" }, Describe(diagnostics));

            project.SetGlobal("build_property._DockerAnalyzersContainerPorts", "8080|tcp");
            (diagnostics, _) = await project.AnalyzeAsync();
            Assert.Empty(diagnostics);
        }
    }
}
