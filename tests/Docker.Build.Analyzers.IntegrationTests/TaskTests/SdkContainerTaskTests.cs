using System;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.TaskTests
{
    /// <summary>The task's SDK container inputs (Docker.Build.Analyzers.Containers.targets): facts only when the project publishes a container.</summary>
    public sealed class SdkContainerTaskTests : IDisposable
    {
        private readonly string _projectDir = Path.Combine(Path.GetTempPath(), "dba-container-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly FakeBuildEngine _engine = new FakeBuildEngine();

        public SdkContainerTaskTests()
        {
            Directory.CreateDirectory(_projectDir);
        }

        public void Dispose() => Directory.Delete(_projectDir, recursive: true);

        private string ProjectPath => Path.Combine(_projectDir, "App.csproj");

        private AnalyzeDockerAssets NewTask() => new AnalyzeDockerAssets
        {
            BuildEngine = _engine,
            ProjectDirectory = _projectDir,
            ProjectPath = ProjectPath,
            AssemblyName = "App",
            TargetFramework = "net10.0",
            IsWebProject = true,
            OutputType = "Exe",
            // No Docker asset and no look above the project: the container alone makes the task analyse.
            DiscoverSharedAssets = false,
        };

        [Fact]
        public void No_container_setting_means_no_facts_and_no_project_file_read()
        {
            // The project file does not even exist: nothing may try to read it.
            var task = NewTask();
            Assert.Null(task.CreateRequest().Project.DotNet.Container);
            Assert.True(task.Execute());
            Assert.Empty(_engine.Warnings);
        }

        [Fact]
        public void Container_settings_are_reported_at_their_lines_without_any_docker_asset()
        {
            File.WriteAllText(ProjectPath,
                "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n" +
                "  <PropertyGroup>\n" +
                "    <TargetFramework>net10.0</TargetFramework>\n" +
                "    <ContainerUser>0:0</ContainerUser>\n" +
                "  </PropertyGroup>\n" +
                "  <ItemGroup>\n" +
                "    <ContainerEnvironmentVariable Include=\"API_KEY\" Value=\"abc123\" />\n" +
                "  </ItemGroup>\n" +
                "</Project>\n");
            var task = NewTask();
            task.ContainerUser = "0:0";
            var variable = new TaskItem("API_KEY");
            variable.SetMetadata("Value", "abc123");
            task.ContainerEnvironmentVariables = new ITaskItem[] { variable };

            Assert.True(task.Execute());

            Assert.Equal(new[] { ("DKR618", 4, 5, 4, 19), ("DKR619", 7, 5, 7, 34) },
                _engine.Warnings.Select(w => (w.Code, w.LineNumber, w.ColumnNumber, w.EndLineNumber, w.EndColumnNumber)).ToArray());
            Assert.All(_engine.Warnings, w => Assert.Equal(ProjectPath, w.File));
        }

        [Fact]
        public void Malformed_project_file_reports_at_its_first_line()
        {
            File.WriteAllText(ProjectPath, "<Project><PropertyGroup><!-- <ContainerUser>root</ContainerUser>");
            var task = NewTask();
            task.ContainerUser = "root";

            Assert.True(task.Execute());

            var warning = Assert.Single(_engine.Warnings);
            Assert.Equal(("DKR618", 1, 1), (warning.Code, warning.LineNumber, warning.ColumnNumber));
        }

        [Fact]
        public void Container_support_turned_off_is_silent()
        {
            var task = NewTask();
            task.ContainerUser = "root";
            task.EnableSdkContainerSupport = "false";
            Assert.Null(task.CreateRequest().Project.DotNet.Container);
            Assert.True(task.Execute());
            Assert.Empty(_engine.Warnings);
        }
    }
}
