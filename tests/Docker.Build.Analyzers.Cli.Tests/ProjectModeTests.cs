using System.Linq;
using Xunit;

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary>
    /// <c>docker-analyzers App.csproj</c> / <c>X.sln</c>: the project is evaluated with the machine's SDK, needs neither
    /// the package nor a restore, and anything that cannot be evaluated is exit code 2 with the reason. (That the
    /// findings equal the build's is proven end to end in IntegrationTests/EndToEnd/ToolEqualsBuildTests.)
    /// </summary>
    public class ProjectModeTests
    {
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
            "MAINTAINER someone@example.com\n" +
            "WORKDIR /app\n" +
            "COPY bin/Release/net10.0/publish/ .\n" +
            "USER $APP_UID\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        [Fact]
        public void A_project_without_the_package_or_a_restore_gets_the_packages_discovery_and_facts()
        {
            using var folder = new FixtureFolder();
            folder.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n");
            folder.Write("App/Dockerfile", Dockerfile);
            // An editor leftover beside it is not a Dockerfile the build would analyse.
            folder.Write("App/Dockerfile.orig", "MAINTAINER x\n");
            folder.Write("App/.dockerignore", "**/bin/Debug\n");

            var run = folder.Run("App/App.csproj");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("App/Dockerfile(2,1): warning DKR112:", run.StandardOutput);
            Assert.DoesNotContain("Dockerfile.orig", run.StandardOutput);
            Assert.All(run.OutputLines, line => Assert.StartsWith("App/Dockerfile(", line));
        }

        [Fact]
        public void NoWarn_and_WarningsAsErrors_of_the_project_apply()
        {
            using var folder = new FixtureFolder();
            folder.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Exe</OutputType>\n" +
                "    <WarningsAsErrors>DKR112</WarningsAsErrors>\n  </PropertyGroup>\n</Project>\n");
            folder.Write("App/Dockerfile", Dockerfile);

            var asError = folder.Run("App/App.csproj", "--severity", "error");
            var silenced = folder.Run("App/App.csproj", "-p", "NoWarn=DKR112");

            Assert.True(asError.ExitCode == 1, asError.ToString());
            Assert.Contains("App/Dockerfile(2,1): error DKR112:", asError.StandardOutput);
            Assert.DoesNotContain("DKR112", silenced.StandardOutput);
        }

        [Fact]
        public void A_solution_analyses_each_project_and_a_shared_file_once()
        {
            using var folder = new FixtureFolder();
            foreach (var name in new[] { "Api", "Worker" })
                folder.Write($"{name}/{name}.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
            folder.Write("compose.yaml", "version: '3.8'\nservices:\n  api:\n    build: ./Api\n");
            folder.Write("Api/Dockerfile", Dockerfile);
            folder.Write("Shop.slnx", "<Solution>\n  <Project Path=\"Api/Api.csproj\" />\n  <Project Path=\"Worker/Worker.csproj\" />\n</Solution>\n");

            var run = folder.Run("Shop.slnx");

            Assert.True(run.ExitCode == 1, run.ToString());
            // Both projects live below the compose file; one of them reports it.
            Assert.Single(run.OutputLines, line => line.StartsWith("compose.yaml(3,3): warning DKR503:"));
            Assert.Equal(run.OutputLines.Distinct().Count(), run.OutputLines.Count);
            Assert.Single(run.OutputLines, line => line.StartsWith("Api/Dockerfile(2,1): warning DKR112:"));
        }

        [Theory]
        [InlineData("Missing.csproj", "does not exist")]
        [InlineData("Missing.sln", "does not exist")]
        public void A_project_or_solution_that_does_not_exist_is_exit_code_2(string path, string expected)
        {
            using var folder = new FixtureFolder();

            var run = folder.Run(path);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains(expected, run.StandardError);
            Assert.Equal("", run.StandardOutput);
        }

        [Fact]
        public void A_project_file_that_does_not_parse_is_exit_code_2_with_MSBuilds_reason()
        {
            using var folder = new FixtureFolder();
            folder.Write("Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n</Project>\n");

            var run = folder.Run("Broken.csproj");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("could not be evaluated", run.StandardError);
            Assert.Contains("Broken.csproj", run.StandardError);
            Assert.DoesNotContain("internal error", run.StandardError);
        }

        [Fact]
        public void A_solution_that_does_not_parse_is_exit_code_2()
        {
            using var folder = new FixtureFolder();
            folder.Write("Broken.sln", "this is not a solution\n");

            var run = folder.Run("Broken.sln");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("could not be read", run.StandardError);
            Assert.DoesNotContain("internal error", run.StandardError);
        }

        [Fact]
        public void A_solution_listing_a_missing_project_is_exit_code_2_naming_it()
        {
            using var folder = new FixtureFolder();
            folder.Write("Shop.slnx", "<Solution>\n  <Project Path=\"Gone/Gone.csproj\" />\n</Solution>\n");

            var run = folder.Run("Shop.slnx");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Gone.csproj", run.StandardError);
        }

        [Theory]
        [InlineData("--fix")]
        [InlineData("--property", "Configuration")]
        public void Fix_and_malformed_properties_are_usage_errors_on_a_project(string option, string? value = null)
        {
            using var folder = new FixtureFolder();
            folder.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            var arguments = value == null ? new[] { "App.csproj", option } : new[] { "App.csproj", option, value };

            var run = folder.Run(arguments);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("error: ", run.StandardError);
        }

        [Fact]
        public void Properties_on_a_folder_are_a_usage_error()
        {
            using var folder = new FixtureFolder();
            folder.Write("Dockerfile", "FROM ubuntu:24.04\n");

            var run = folder.Run(".", "-p", "Configuration=Release");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--property", run.StandardError);
        }
    }
}
