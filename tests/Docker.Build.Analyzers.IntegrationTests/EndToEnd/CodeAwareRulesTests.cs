using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The rules that need the app's C# code, in a real <c>dotnet build</c> of a web project: the package's analyzer
    /// reads Program.cs inside the compiler and reports DKR604/DKR605 (and DKR301 with its hint); the task does not
    /// report them again; with analyzers off the task reports DKR301 plainly and the code rules stay silent.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class CodeAwareRulesTests
    {
        private const string Program =
            "using Microsoft.AspNetCore.Builder;\n" +
            "using Microsoft.Extensions.DependencyInjection;\n" +
            "var builder = WebApplication.CreateBuilder(args);\n" +
            "builder.Services.AddHealthChecks();\n" +
            "var app = builder.Build();\n" +
            "app.MapHealthChecks(\"/healthz\");\n" +
            "app.Run();\n";

        private static string Dockerfile(string port, string probe) =>
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY App.csproj .\n" +
            "RUN dotnet restore\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c Release -o /app --no-restore\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app .\n" +
            "EXPOSE " + port + "\n" +
            "USER $APP_UID\n" +
            probe +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private readonly PackageFixture _package;

        public CodeAwareRulesTests(PackageFixture package)
        {
            _package = package;
        }

        private static string[] CodeFindings(CommandResult result, string directory)
        {
            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            return result.Build.Describe(directory).Where(l => l.Contains(" DKR301 ") || l.Contains(" DKR604 ") || l.Contains(" DKR605 ")).ToArray();
        }

        [Fact]
        public void Compiler_reports_port_and_health_path_findings_once_and_the_fixed_app_is_silent()
        {
            var consumer = _package.CreateConsumer("code-aware");
            consumer.WriteProject("App.csproj", sdk: "Microsoft.NET.Sdk.Web");
            consumer.WriteFile("Program.cs", Program);
            consumer.WriteFile(".dockerignore", "**/bin/\n**/obj/\n");
            // The .NET 8+ habit broken twice: EXPOSE 80, and a probe of /health where the app maps /healthz.
            consumer.WriteFile("Dockerfile", Dockerfile("80", "HEALTHCHECK CMD [\"/app/probe\", \"http://localhost:8080/health\"]\n"));

            var first = consumer.Build();
            // The compiler prints line and column only (the task adds the end): the position format shows which host reported.
            Assert.Equal(new[] { "warning DKR604 Dockerfile(10,8,10,8)", "warning DKR605 Dockerfile(12,32,12,32)" }, CodeFindings(first, consumer.Directory));
            Assert.Contains(first.Build.Diagnostics, d => d.Code == "DKR605" && d.Message.Contains("maps its health checks at /healthz"));

            // No HEALTHCHECK: DKR301 comes from the compiler, with the path the app maps.
            consumer.WriteFile("Dockerfile", Dockerfile("8080", ""));
            var second = consumer.Build("--no-restore");
            Assert.Equal(new[] { "warning DKR301 Dockerfile(7,1,7,1)" }, CodeFindings(second, consumer.Directory));
            Assert.Contains("The app maps its health checks at /healthz: probe /healthz", second.Build.Diagnostics.Single(d => d.Code == "DKR301").Message);

            // Analyzers off: the task reports DKR301 with its plain message; nothing reads the code.
            var analyzersOff = consumer.Build("--no-restore", "-p:RunAnalyzers=false");
            Assert.Equal(new[] { "warning DKR301 Dockerfile(7,1,7,42)" }, CodeFindings(analyzersOff, consumer.Directory));
            Assert.DoesNotContain("maps its health checks", analyzersOff.Build.Diagnostics.Single(d => d.Code == "DKR301").Message);

            // Fixed: the app's port, the mapped path.
            consumer.WriteFile("Dockerfile", Dockerfile("8080", "HEALTHCHECK CMD [\"/app/probe\", \"http://localhost:8080/healthz\"]\n"));
            var fixedBuild = consumer.Build("--no-restore");
            Assert.Empty(CodeFindings(fixedBuild, consumer.Directory));

            // Suppressed as any finding is: an inline comment for DKR604 (which no host calls unnecessary), NoWarn for DKR605.
            consumer.WriteFile("Dockerfile", Dockerfile("80", "HEALTHCHECK CMD [\"/app/probe\", \"http://localhost:8080/health\"]\n")
                .Replace("EXPOSE 80\n", "# dkr-disable-next-line DKR604\nEXPOSE 80\n"));
            var suppressed = consumer.Build("--no-restore", "-p:NoWarn=DKR605");
            Assert.Empty(CodeFindings(suppressed, consumer.Directory));
            Assert.DoesNotContain(suppressed.Build.Diagnostics, d => d.Code == "DKR904");
        }
    }
}
