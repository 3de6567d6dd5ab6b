using System;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The two hosts in one package, each finding shown once: the MSBuild task reports in real builds (the analyzer is
    /// loaded by the compiler but silent), the Roslyn analyzer in the IDE's compilation (the options design-time builds
    /// hand the IDE), and a design-time build does not make the next real build recompile.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class LiveDiagnosticsTests
    {
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/aspnet\n" +
            "USER root\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        /// <summary>The warnings, as "CODE line,col" (the compiler prints no end position).</summary>
        private static readonly string[] Warnings = { "DKR101 1,6", "DKR201 2,6" };

        private readonly PackageFixture _package;

        public LiveDiagnosticsTests(PackageFixture package)
        {
            _package = package;
        }

        private static string[] WarningsOf(CommandResult result) =>
            result.Build.Diagnostics.Where(d => d.Kind == "warning").Select(d => $"{d.Code} {d.Line},{d.Column}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

        [Fact]
        public void Task_reports_in_builds_analyzer_in_the_IDE_compilation_each_finding_once()
        {
            var consumer = _package.CreateConsumer("live");
            consumer.WriteProject("App.csproj");
            consumer.WriteFile("Dockerfile", Dockerfile);
            // Captures the compiler command line of a design-time build: what Visual Studio and C# Dev Kit build their
            // compilation from (the same items, options, analyzers and analyzer config files).
            consumer.WriteFile("Directory.Build.targets", @"<Project>
  <Target Name=""_CaptureIdeCommandLine"" AfterTargets=""CoreCompile"" Condition=""'$(DesignTimeBuild)' == 'true'"">
    <WriteLinesToFile File=""$(MSBuildProjectDirectory)/ide.rsp"" Lines=""@(CscCommandLineArgs)"" Overwrite=""true"" />
    <WriteLinesToFile File=""$(MSBuildProjectDirectory)/csc.path"" Lines=""$(RoslynTargetsPath)"" Overwrite=""true"" />
  </Target>
</Project>
");
            string[] expected = Warnings.OrderBy(s => s, StringComparer.Ordinal).ToArray();

            // 1. A command-line build with the compiler server (no UseSharedCompilation=false, no --disable-build-servers).
            var first = consumer.Run("build", "-nodeReuse:false", "-tl:off", "-nologo");
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Equal(expected, WarningsOf(first));
            Assert.All(first.Build.Diagnostics, d => Assert.Equal(consumer.PathOf("Dockerfile"), d.File));
            // The compiler did get the Dockerfile with its metadata, and no IDE switch.
            string generated = File.ReadAllText(Directory.GetFiles(consumer.PathOf("obj"), "App.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single());
            Assert.Contains("build_metadata.AdditionalFiles.DockerAnalyzersInput = Asset", generated);
            Assert.Empty(Directory.GetFiles(consumer.PathOf("obj"), "*.DockerAnalyzers.Live.globalconfig", SearchOption.AllDirectories));

            // 2. Up to date: the compiler does not run, the task still reports each finding once.
            var second = consumer.Run("build", "-nodeReuse:false", "-tl:off", "-nologo", "-v:n");
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", second.Output);
            Assert.Equal(expected, WarningsOf(second));

            // 3. A design-time build, as the IDE runs it: the task stays silent, the IDE switch is written.
            var designTime = consumer.Run("msbuild", "-t:Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true",
                "-p:ProvideCommandLineArgs=true", "-nodeReuse:false", "-tl:off", "-nologo");
            Assert.True(designTime.ExitCode == 0, designTime.ToString());
            Assert.Empty(designTime.Build.Diagnostics);
            string rsp = File.ReadAllText(consumer.PathOf("ide.rsp"));
            Assert.Contains("DockerAnalyzers.Live.globalconfig", rsp);
            Assert.Contains("analyzers/dotnet/cs/Docker.Build.Analyzers.Roslyn.dll".Replace('/', Path.DirectorySeparatorChar), rsp);

            // 4. The IDE's compilation (the captured command line, compiled): the analyzer reports each finding once.
            string csc = Path.Combine(File.ReadAllText(consumer.PathOf("csc.path")).Trim(), "bincore", "csc.dll");
            var ide = consumer.Run("exec", csc, "@ide.rsp", "-out:" + consumer.PathOf("ide-out.dll"));
            Assert.True(ide.ExitCode == 0, ide.ToString());
            Assert.Equal(expected, WarningsOf(ide));
            Assert.All(ide.Build.Diagnostics, d => Assert.Equal(consumer.PathOf("Dockerfile"), d.File));
            Assert.DoesNotContain("AD0001", ide.Output);

            // 5. The design-time build changed no input of the real build: still up to date, still each finding once.
            var third = consumer.Run("build", "-nodeReuse:false", "-tl:off", "-nologo", "-v:n");
            Assert.True(third.ExitCode == 0, third.ToString());
            Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", third.Output);
            Assert.Equal(expected, WarningsOf(third));
        }
    }
}
