using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The command-line tool on a project or solution (<c>docker-analyzers App.csproj</c>, <c>X.sln</c>) evaluates it
    /// with MSBuild and must report exactly what <c>dotnet build</c> reports for it: the same codes, files, lines,
    /// columns and severities, with the project's warning properties, .editorconfig severities and .NET facts applied,
    /// and each shared file of a solution reported once.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class ToolEqualsBuildTests
    {
        private static readonly Regex ToolLine = new Regex(
            @"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\): (?<kind>warning|error|message) (?<code>DKR\d+): ", RegexOptions.CultureInvariant);

        private readonly PackageFixture _package;

        public ToolEqualsBuildTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void On_a_project_the_tool_reports_exactly_what_the_build_reports()
        {
            var consumer = _package.CreateConsumer("tool-project");
            consumer.WriteProject("App/App.csproj", sdk: "Microsoft.NET.Sdk.Web", properties:
                "    <NoWarn>$(NoWarn);DKR112</NoWarn>\n" +
                "    <WarningsAsErrors>DKR105</WarningsAsErrors>\n" +
                "    <InvariantGlobalization>true</InvariantGlobalization>\n" +
                // The container the SDK would publish (DKR617-DKR621): root user, a secret in its environment.
                "    <ContainerUser>root</ContainerUser>\n" +
                "    <ImplicitUsings>enable</ImplicitUsings>\n",
                items: "    <ContainerEnvironmentVariable Include=\"API_KEY\" Value=\"k3y-4bc-9f2e71\" />\n");
            consumer.WriteFile("App/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n");
            consumer.WriteFile("App/Dockerfile",
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "MAINTAINER someone@example.com\n" +
                "RUN apt-get update && apt-get install -y curl icu-libs\n" +
                "WORKDIR /app\n" +
                "COPY . .\n" +
                "ENTRYPOINT dotnet App.dll\n");
            consumer.WriteFile("App/.dockerignore", "bin/\n");
            // A severity from configuration: DKR201 (root user) becomes a suggestion, which the build prints as a message.
            consumer.WriteFile(".editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.DKR201.severity = suggestion\n");

            var build = consumer.Build("App/App.csproj");
            var tool = RunTool(consumer, "App/App.csproj");

            var expected = FromBuild(build, consumer.Directory);
            Assert.True(expected.Length >= 3, "The build reported too little to compare:\n" + build);
            Assert.Contains(expected, d => d.StartsWith("error DKR105 ", StringComparison.Ordinal));
            Assert.Contains(expected, d => d.StartsWith("message DKR201 ", StringComparison.Ordinal));
            Assert.DoesNotContain(expected, d => d.Contains("DKR112", StringComparison.Ordinal));
            Assert.True(expected.Any(d => d.StartsWith("warning DKR618 App/App.csproj(", StringComparison.Ordinal)), "No DKR618 in the build's findings:\n" + string.Join("\n", expected) + "\n" + build);
            Assert.True(expected.Any(d => d.StartsWith("warning DKR619 App/App.csproj(", StringComparison.Ordinal)), "No DKR619 in the build's findings:\n" + string.Join("\n", expected) + "\n" + build);
            Assert.Equal(expected, FromTool(tool, consumer.Directory));
            Assert.Equal(1, tool.ExitCode);
        }

        [Fact]
        public void On_a_solution_the_tool_reports_exactly_what_the_build_reports_each_shared_file_once()
        {
            var consumer = _package.CreateConsumer("tool-solution");
            foreach (var name in new[] { "Api", "Worker" })
            {
                consumer.WriteProject($"{name}/{name}.csproj", sdk: "Microsoft.NET.Sdk.Web", properties: "    <ImplicitUsings>enable</ImplicitUsings>\n");
                // Api maps /healthz while its image probes /health on a port it does not listen on: the build's compiler
                // reports DKR604/DKR605 (it has the code); the tool reads the same code.
                consumer.WriteFile($"{name}/Program.cs", name == "Api"
                    ? "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddHealthChecks();\nvar app = builder.Build();\napp.MapHealthChecks(\"/healthz\");\napp.Run();\n"
                    : "var app = WebApplication.Create(args);\napp.Run();\n");
                consumer.WriteFile($"{name}/Dockerfile",
                    "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
                    "WORKDIR /src\n" +
                    "COPY . .\n" +
                    $"RUN dotnet publish \"{name}/{name}.csproj\" -c Release -o /app/publish\n" +
                    "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
                    "WORKDIR /app\n" +
                    "COPY --from=build /app/publish .\n" +
                    (name == "Api" ? "EXPOSE 5000\nHEALTHCHECK CMD [\"dotnet\", \"Api.dll\", \"--probe\", \"http://localhost:8080/health\"]\n" : "") +
                    $"ENTRYPOINT [\"dotnet\", \"{name}.dll\"]\n");
            }
            consumer.WriteProject("Lib/Lib.csproj");
            consumer.WriteFile("docker-compose.yml",
                "version: '3.4'\n" +
                "services:\n" +
                "  api:\n" +
                "    build:\n" +
                "      context: .\n" +
                "      dockerfile: Api/Dockerfile\n" +
                "  worker:\n" +
                "    build:\n" +
                "      context: .\n" +
                "      dockerfile: Worker/Dockerfile\n" +
                "    depends_on:\n" +
                "      - missing\n");
            consumer.WriteFile(".dockerignore", "bin/\nobj/\n.git\n");
            var created = consumer.Run("new", "sln", "-n", "Shop", "--format", "sln");
            Assert.True(created.ExitCode == 0, created.ToString());
            var added = consumer.Run("sln", "Shop.sln", "add", "Api/Api.csproj", "Worker/Worker.csproj", "Lib/Lib.csproj");
            Assert.True(added.ExitCode == 0, added.ToString());

            var build = consumer.Build("Shop.sln");
            var tool = RunTool(consumer, "Shop.sln");

            var expected = FromBuild(build, consumer.Directory);
            Assert.Contains(expected, d => d.Contains("DKR509 docker-compose.yml", StringComparison.Ordinal));
            Assert.Contains(expected, d => d.Contains(" .dockerignore(", StringComparison.Ordinal));
            Assert.Contains(expected, d => d.Contains(" Api/Dockerfile(", StringComparison.Ordinal));
            foreach (string code in new[] { "DKR604", "DKR605" })
                Assert.True(expected.Any(d => d.StartsWith($"warning {code} Api/Dockerfile(", StringComparison.Ordinal)), $"No {code} in the build's findings:\n" + string.Join("\n", expected) + "\n" + build);
            Assert.Equal(expected.Distinct().Count(), expected.Length);
            Assert.Equal(expected, FromTool(tool, consumer.Directory));
        }

        /// <summary>The built tool, in the consumer's folder and package cache, with every severity shown (the build prints suggestions as messages).</summary>
        private CommandResult RunTool(ConsumerProject consumer, string target) =>
            DotNet.Run(consumer.Directory, _package.ConsumerEnvironment, new[] { ToolPath, target, "--severity", "suggestion" });

        private static string ToolPath
        {
            get
            {
                string? directory = typeof(ToolEqualsBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .FirstOrDefault(a => a.Key == "ToolDirectory")?.Value;
                string path = Path.GetFullPath(Path.Combine(directory ?? "", "docker-analyzers.dll"));
                Assert.True(File.Exists(path), "The tool was not built: " + path);
                return path;
            }
        }

        /// <summary>"warning DKR201 App/Dockerfile(1,1)", sorted, from the build's canonical lines.</summary>
        private static string[] FromBuild(CommandResult build, string baseDirectory)
        {
            Assert.Empty(build.Build.UnparsedDkrLines);
            return build.Build.Diagnostics
                .Select(d => $"{d.Kind} {d.Code} {Path.GetRelativePath(baseDirectory, d.File).Replace('\\', '/')}({d.Line},{d.Column})")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>The same description from the tool's text output (paths relative to its working folder).</summary>
        private static string[] FromTool(CommandResult tool, string baseDirectory)
        {
            var lines = new List<string>();
            foreach (string line in tool.Output.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                var m = ToolLine.Match(line);
                if (!m.Success) continue;
                string file = Path.GetRelativePath(baseDirectory, Path.GetFullPath(Path.Combine(baseDirectory, m.Groups["file"].Value))).Replace('\\', '/');
                lines.Add($"{m.Groups["kind"].Value} {m.Groups["code"].Value} {file}({m.Groups["line"].Value},{m.Groups["col"].Value})");
            }
            Assert.True(tool.ExitCode == 0 || tool.ExitCode == 1, "The tool failed:\n" + tool);
            return lines.OrderBy(s => s, StringComparer.Ordinal).ToArray();
        }
    }
}
