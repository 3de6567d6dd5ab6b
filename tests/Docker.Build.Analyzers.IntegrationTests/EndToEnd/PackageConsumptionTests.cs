using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The package as users get it: packed, restored from a feed into fresh projects, run by <c>dotnet build</c>.
    /// Every assertion reads the canonical diagnostic lines before the build summary, so "exactly once" means once.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageConsumptionTests
    {
        /// <summary>
        /// A two-stage Dockerfile whose build stage is well made (restore before sources) and whose final stage has no
        /// tag, no USER and no HEALTHCHECK, but EXPOSEs a port. The SDK tag without a digest is a suggestion, which
        /// MSBuild prints as a coded message.
        /// </summary>
        private const string FlawedDockerfile =
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY App.csproj nuget.config ./\n" +
            "RUN dotnet restore\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c Release -o /app --no-restore\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app .\n" +
            "EXPOSE 8080\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private static readonly string[] FlawedDockerfileWarnings =
        {
            "warning DKR101 Dockerfile(8,6,8,37)",
            "warning DKR201 Dockerfile(8,1,8,37)",
            "warning DKR301 Dockerfile(8,1,8,37)",
            // 'COPY . .' with no .dockerignore, and the restore has left obj/ in the project folder.
            "warning DKR401 Dockerfile(5,6,5,7)",
        };

        private const string SdkTagSuggestion = "message DKR102 Dockerfile(1,6,1,39)";

        // The consumer is a console project on the ASP.NET Core image: a leaner 'runtime' image would do (DKR603).
        private const string ImageFamilySuggestion = "message DKR603 Dockerfile(8,6,8,37)";

        /// <summary>Everything the flawed project prints, sorted as <see cref="BuildOutput.Describe"/> sorts.</summary>
        private static string[] FlawedFindings(IEnumerable<string> warnings) =>
            warnings.Append(SdkTagSuggestion).Append(ImageFamilySuggestion).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        private readonly PackageFixture _package;

        public PackageConsumptionTests(PackageFixture package)
        {
            _package = package;
        }

        private ConsumerProject FlawedProject(string name, string properties = "", string items = "")
        {
            var consumer = _package.CreateConsumer(name);
            consumer.WriteProject("App.csproj", properties: properties, items: items);
            consumer.WriteFile("Dockerfile", FlawedDockerfile);
            return consumer;
        }

        private static void AssertSucceeded(CommandResult result)
        {
            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            Assert.True(result.Build.UnparsedDkrLines.Count == 0, "DKR lines not in canonical form:\n" + string.Join("\n", result.Build.UnparsedDkrLines));
        }

        [Fact]
        public void Build_reports_each_finding_once_with_code_file_line_and_column()
        {
            var consumer = FlawedProject("basic");

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings), result.Build.Describe(consumer.Directory));
            foreach (var d in result.Build.Diagnostics)
            {
                Assert.Equal(consumer.PathOf("Dockerfile"), d.File);
                Assert.Equal(consumer.PathOf("App.csproj"), d.Project);
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
            }
            Assert.Contains("4 Warning(s)", result.Output);
        }

        [Fact]
        public void Warnaserror_fails_the_build_with_the_same_codes_as_errors()
        {
            var consumer = FlawedProject("warnaserror");

            var result = consumer.Build("-warnaserror");

            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings.Select(w => w.Replace("warning ", "error "))), result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void NoWarn_removes_exactly_that_rule()
        {
            var consumer = FlawedProject("nowarn");

            var result = consumer.Build("-p:NoWarn=DKR101");

            AssertSucceeded(result);
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings.Where(w => !w.Contains("DKR101"))), result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void NoWarn_in_the_project_file_is_honoured_in_any_case()
        {
            var consumer = FlawedProject("nowarn-project", properties: "    <NoWarn>$(NoWarn);dkr201,DKR301</NoWarn>");

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.Equal(FlawedFindings(new[] { "warning DKR101 Dockerfile(8,6,8,37)", "warning DKR401 Dockerfile(5,6,5,7)" }), result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Project_without_Docker_assets_prints_no_DKR_line()
        {
            var consumer = _package.CreateConsumer("no-assets");
            consumer.WriteProject("App.csproj");
            consumer.WriteFile("Dockerfile.dockerignore", "bin/\nobj/\n"); // an ignore file, not a Dockerfile
            consumer.WriteFile("docker/Dockerfile", FlawedDockerfile);      // below the project directory: not discovered

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.Empty(result.Build.Diagnostics);
            Assert.DoesNotContain("DKR", result.Output);
        }

        [Fact]
        public void Multi_targeted_project_reports_each_finding_once()
        {
            // net8.0 needs its targeting pack from the feed; net10.0's ships with the SDK.
            var consumer = _package.CreateConsumer("multi-target");
            consumer.WriteProject("App.csproj", targetFrameworks: "net8.0;net10.0");
            consumer.WriteFile("Dockerfile", FlawedDockerfile);

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.Contains("bin/Debug/net8.0/App.dll".Replace('/', Path.DirectorySeparatorChar), result.Output);
            Assert.Contains("bin/Debug/net10.0/App.dll".Replace('/', Path.DirectorySeparatorChar), result.Output);
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings), result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Solution_reports_each_projects_findings_against_its_own_Dockerfile()
        {
            var consumer = _package.CreateConsumer("solution");
            consumer.WriteProject("One/One.csproj").WriteFile("One/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\n");
            consumer.WriteProject("Two/Two.csproj").WriteFile("Two/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:latest\nUSER app\n");
            consumer.WriteProject("Three/Three.csproj").WriteFile("Three/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nUSER app\nENV API_KEY=abc123\n");
            consumer.WriteFile("All.slnx", "<Solution>\n  <Project Path=\"One/One.csproj\" />\n  <Project Path=\"Two/Two.csproj\" />\n  <Project Path=\"Three/Three.csproj\" />\n</Solution>\n");

            var result = consumer.Build("All.slnx");

            AssertSucceeded(result);
            Assert.Equal(new[]
            {
                "message DKR102 One/Dockerfile(1,6,1,42)",
                "message DKR102 Three/Dockerfile(1,6,1,43)",
                "message DKR603 One/Dockerfile(1,6,1,42)",
                "warning DKR101 Two/Dockerfile(1,6,1,45)",
                "warning DKR201 One/Dockerfile(1,1,1,42)",
                "warning DKR202 Three/Dockerfile(3,13,3,19)",
                "warning DKR301 One/Dockerfile(1,1,1,42)",
            }, result.Build.Describe(consumer.Directory));
            foreach (var d in result.Build.Diagnostics)
            {
                string project = Path.GetFileName(Path.GetDirectoryName(d.File))!;
                Assert.Equal(consumer.PathOf($"{project}/{project}.csproj"), d.Project);
            }
        }

        [Fact]
        public void No_op_rebuild_prints_the_same_warnings_and_still_fails_under_warnaserror()
        {
            var consumer = FlawedProject("incremental");

            var first = consumer.Build();
            var second = consumer.Build();
            var third = consumer.Build("--no-restore", "-warnaserror");

            AssertSucceeded(first);
            AssertSucceeded(second);
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings), first.Build.Describe(consumer.Directory));
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings), second.Build.Describe(consumer.Directory));
            Assert.NotEqual(0, third.ExitCode);
            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings.Select(w => w.Replace("warning ", "error "))), third.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Unparsable_and_binary_Dockerfiles_give_one_warning_each_and_the_build_succeeds()
        {
            var consumer = _package.CreateConsumer("broken");
            consumer.WriteProject("App.csproj");
            consumer.WriteFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPIE . /app\nUSER app\n");
            consumer.WriteFile("Dockerfile.empty-from", "FROM\n");
            consumer.WriteBytes("image.Dockerfile", new byte[] { 0x46, 0x52, 0x4F, 0x4D, 0x20, 0x00, 0x01, 0x02, 0xFF, 0x0A });

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.Equal(new[]
            {
                "warning DKR901 image.Dockerfile(1,1,1,1)",
                "warning DKR902 Dockerfile(2,1,2,6)",
                "warning DKR902 Dockerfile.empty-from(1,1,1,5)",
            }, result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void DockerAnalyzersEnabled_false_turns_the_analysis_off()
        {
            var consumer = FlawedProject("disabled", properties: "    <DockerAnalyzersEnabled>false</DockerAnalyzersEnabled>");

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.DoesNotContain("DKR", result.Output);
        }

        [Fact]
        public void DockerAsset_items_and_the_Visual_Studio_DockerfileFile_property_are_analysed()
        {
            var consumer = _package.CreateConsumer("explicit-assets");
            consumer.WriteProject("App.csproj",
                properties: "    <DockerfileFile>deploy/Containerfile</DockerfileFile>\n    <DockerfileContext>..</DockerfileContext>",
                items: "    <DockerAsset Include=\"docker/api.Dockerfile\" Context=\".\" />");
            consumer.WriteFile("docker/api.Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:latest\nUSER app\n");
            consumer.WriteFile("deploy/Containerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\n");

            var result = consumer.Build();

            AssertSucceeded(result);
            Assert.Equal(new[]
            {
                "message DKR102 deploy/Containerfile(1,6,1,42)",
                "warning DKR101 docker/api.Dockerfile(1,6,1,45)",
                "warning DKR201 deploy/Containerfile(1,1,1,42)",
                "warning DKR301 deploy/Containerfile(1,1,1,42)",
            }, result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Web_projects_are_known_to_the_rules()
        {
            // DKR301 fires without EXPOSE only because the engine is told the project is an ASP.NET Core one:
            // once through the Web SDK, once through a framework reference in a class library.
            // Each runs its own project's assembly (DKR608 would name any other).
            static string dockerfile(string assembly) => "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"" + assembly + ".dll\"]\n";
            var consumer = _package.CreateConsumer("web");
            consumer.WriteProject("Web/Web.csproj", sdk: "Microsoft.NET.Sdk.Web", properties: "    <ImplicitUsings>enable</ImplicitUsings>")
                .WriteFile("Web/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n")
                .WriteFile("Web/Dockerfile", dockerfile("Web"));
            consumer.WriteProject("Lib/Lib.csproj", items: "    <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />")
                .WriteFile("Lib/Dockerfile", dockerfile("Lib"));
            consumer.WriteProject("Plain/Plain.csproj").WriteFile("Plain/Dockerfile", dockerfile("Plain"));
            consumer.WriteFile("All.slnx", "<Solution>\n  <Project Path=\"Web/Web.csproj\" />\n  <Project Path=\"Lib/Lib.csproj\" />\n  <Project Path=\"Plain/Plain.csproj\" />\n</Solution>\n");

            var result = consumer.Build("All.slnx");

            AssertSucceeded(result);
            Assert.Equal(new[]
            {
                "message DKR102 Lib/Dockerfile(1,6,1,42)",
                "message DKR102 Plain/Dockerfile(1,6,1,42)",
                "message DKR102 Web/Dockerfile(1,6,1,42)",
                "message DKR603 Plain/Dockerfile(1,6,1,42)",
                "warning DKR301 Lib/Dockerfile(1,1,1,42)",
                "warning DKR301 Web/Dockerfile(1,1,1,42)",
            }, result.Build.Describe(consumer.Directory));
            Assert.All(result.Build.Diagnostics.Where(d => d.Code == "DKR301"), d => Assert.Contains("ASP.NET Core", d.Message));
        }

        [Fact]
        public void Design_time_builds_do_not_analyse()
        {
            var consumer = FlawedProject("design-time");
            var build = consumer.Build();

            // What an IDE runs to get the compiler's command line for IntelliSense.
            var ide = consumer.Run("msbuild", "-t:Build", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true",
                "-p:ProvideCommandLineArgs=true", "-nodeReuse:false", "-tl:off", "-nologo");

            Assert.Equal(FlawedFindings(FlawedDockerfileWarnings), build.Build.Describe(consumer.Directory));
            Assert.True(ide.ExitCode == 0, ide.ToString());
            Assert.DoesNotContain("DKR", ide.Output);
        }
    }
}
