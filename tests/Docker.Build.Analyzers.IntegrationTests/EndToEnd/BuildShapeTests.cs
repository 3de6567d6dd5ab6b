using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// Every way a .NET developer or CI builds a project analyses its Docker assets exactly once: a multi-targeted
    /// library (net8.0;net10.0) and a single-target app that references it, driven through plain builds, -f builds,
    /// the ProjectReference, a solution, publish and pack. "Once" is counted on the canonical lines before the build
    /// summary, so a second analysis in any project instance shows up as a duplicate line.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class BuildShapeTests
    {
        private const string LibraryDockerfile = "FROM mcr.microsoft.com/dotnet/runtime:latest\nUSER app\n";
        private const string LibraryFinding = "warning DKR101 Lib/Dockerfile(1,6,1,45)";

        private const string AppDockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\n";
        private static readonly string[] AppFindings =
        {
            "message DKR102 App/Dockerfile(1,6,1,42)",
            "warning DKR201 App/Dockerfile(1,1,1,42)",
            "warning DKR301 App/Dockerfile(1,1,1,42)",
        };

        private readonly PackageFixture _package;

        public BuildShapeTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void Every_build_shape_analyses_each_project_exactly_once()
        {
            var consumer = _package.CreateConsumer("shapes");
            consumer.WriteProject("Lib/Lib.csproj", targetFrameworks: "net8.0;net10.0", properties: "    <IsPackable>true</IsPackable>")
                .WriteFile("Lib/Dockerfile", LibraryDockerfile);
            consumer.WriteProject("App/App.csproj", items: "    <ProjectReference Include=\"../Lib/Lib.csproj\" />")
                .WriteFile("App/Dockerfile", AppDockerfile);
            consumer.WriteFile("All.slnx", "<Solution>\n  <Project Path=\"Lib/Lib.csproj\" />\n  <Project Path=\"App/App.csproj\" />\n</Solution>\n");

            string[] library = { LibraryFinding };
            string[] both = AppFindings.Append(LibraryFinding).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            var shapes = new (string Name, string[] Arguments, string[] Expected)[]
            {
                ("plain build of the multi-targeted project (outer build dispatching two inner builds)", new[] { "build", "Lib/Lib.csproj", "--no-restore" }, library),
                ("-f build of the multi-targeted project (an inner build with no outer build)", new[] { "build", "Lib/Lib.csproj", "-f", "net8.0", "--no-restore" }, library),
                ("build through a ProjectReference (only the net10.0 inner build of Lib runs)", new[] { "build", "App/App.csproj", "--no-restore" }, both),
                ("solution build (Lib built directly and through App's reference)", new[] { "build", "All.slnx", "--no-restore" }, both),
                ("publish -f of the multi-targeted project", new[] { "publish", "Lib/Lib.csproj", "-f", "net10.0", "--no-restore" }, library),
                ("publish of the single-target project (Lib through its reference)", new[] { "publish", "App/App.csproj", "--no-restore" }, both),
                ("pack of the multi-targeted project", new[] { "pack", "Lib/Lib.csproj", "--no-restore" }, library),
                // What an IDE runs per target framework for IntelliSense: no analysis at all.
                ("design-time build of an inner build", new[] { "msbuild", "Lib/Lib.csproj", "-t:Build", "-p:TargetFramework=net8.0", "-p:DesignTimeBuild=true",
                    "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true" }, Array.Empty<string>()),
            };

            var restore = consumer.Run("restore", "All.slnx", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var failures = new StringBuilder();
            foreach (var shape in shapes)
            {
                string verb = shape.Arguments[0];
                var common = verb == "msbuild" ? new[] { "-nodeReuse:false", "-tl:off", "-nologo" } : new[] { "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo" };
                var result = consumer.Run(new[] { verb }.Concat(common).Concat(shape.Arguments.Skip(1)).ToArray());
                string[] actual = result.Build.Describe(consumer.Directory);
                if (result.ExitCode != 0 || !actual.SequenceEqual(shape.Expected) || result.Build.UnparsedDkrLines.Count != 0)
                {
                    failures.Append($"--- {shape.Name}\nexpected: {string.Join(" | ", shape.Expected)}\nactual:   {string.Join(" | ", actual)}\n{result}\n");
                }
            }
            Assert.True(failures.Length == 0, failures.ToString());
        }
    }
}
