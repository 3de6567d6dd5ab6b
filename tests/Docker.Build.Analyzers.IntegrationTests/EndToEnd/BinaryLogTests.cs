using System;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// A binary log (<c>-bl</c>) is how .NET developers find out why a build did what it did: it must show the task's
    /// inputs and every finding. Read back through MSBuild's own replay, as the MSBuild Structured Log Viewer would.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class BinaryLogTests
    {
        private readonly PackageFixture _package;

        public BinaryLogTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void Binary_log_records_the_task_inputs_and_each_finding()
        {
            var consumer = _package.CreateConsumer("binlog");
            consumer.WriteProject("App.csproj", properties: "    <DockerAnalyzersHealthCheckedBy>Kubernetes</DockerAnalyzersHealthCheckedBy>");
            consumer.WriteFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:latest\nUSER app\nEXPOSE 8080\n");
            string binlog = consumer.PathOf("build.binlog");

            var build = consumer.Build("-bl:" + binlog);
            var replay = consumer.Run("msbuild", binlog, "-v:diag", "-nologo", "-tl:off");

            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.True(replay.ExitCode == 0, replay.ToString());
            string log = replay.Output;
            // The task's inputs, as MSBuild logs task parameters.
            Assert.Contains("Task \"AnalyzeDockerAssets\"", log);
            Assert.Contains("Task Parameter:ProjectDirectory=" + consumer.Directory, log);
            Assert.Contains("Task Parameter:ProjectPath=" + consumer.PathOf("App.csproj"), log);
            Assert.Contains("Task Parameter:HealthCheckedBy=Kubernetes", log);
            Assert.Contains("Task Parameter:Assets=" + consumer.PathOf("Dockerfile"), log);
            // Each finding, once, with its code and position (before the summary, which repeats every warning).
            int summary = log.IndexOf("Build succeeded.", StringComparison.Ordinal);
            Assert.True(summary > 0, log);
            string expected = consumer.PathOf("Dockerfile") + "(1,6,1,44): warning DKR101:";
            Assert.Equal(1, log.Substring(0, summary).Split('\n').Count(l => l.Contains(expected, StringComparison.Ordinal)));
            Assert.Equal(new[] { "message DKR603 Dockerfile(1,6,1,44)", "warning DKR101 Dockerfile(1,6,1,44)" }, build.Build.Describe(consumer.Directory));
        }
    }
}
