using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>
    /// The one mapping from a project's values (the AnalyzeDockerAssets parameters) to the engine's request, shared by
    /// the MSBuild task and the command-line tool's project mode: MSBuild's conventions for empty values and lists.
    /// </summary>
    public class ProjectRequestBuilderTests
    {
        private sealed class Values : IProjectValues
        {
            public Dictionary<string, string> Scalars { get; } = new Dictionary<string, string>();
            public Dictionary<string, List<ProjectItemValue>> Items { get; } = new Dictionary<string, List<ProjectItemValue>>();

            public string? GetValue(string name) => Scalars.TryGetValue(name, out var v) ? v : null;

            public IReadOnlyList<ProjectItemValue> GetItems(string name) =>
                Items.TryGetValue(name, out var items) ? items : (IReadOnlyList<ProjectItemValue>)Array.Empty<ProjectItemValue>();
        }

        private static readonly string ProjectDirectory = Path.Combine(Path.GetTempPath(), "prb-app");

        private static Values Project()
        {
            var values = new Values();
            values.Scalars[ProjectValueNames.ProjectDirectory] = ProjectDirectory;
            return values;
        }

        [Fact]
        public void Empty_values_take_the_tasks_defaults()
        {
            var request = ProjectRequestBuilder.Create(Project());

            Assert.True(request.DiscoverSharedAssets);
            Assert.True(request.Configuration.DiscoverEditorConfigFiles);
            Assert.Empty(request.Assets);
            Assert.False(request.Project.IsWebProject);
            Assert.Null(request.Project.SolutionPath);
            Assert.Null(request.Project.DotNet.InvariantGlobalization);
            Assert.False(request.Project.DotNet.Code.IsKnown);
            Assert.True(ProjectRequestBuilder.ShouldAnalyze(request));
        }

        [Fact]
        public void Assets_resolve_against_the_project_directory_with_their_metadata()
        {
            var values = Project();
            values.Scalars[ProjectValueNames.DiscoverSharedAssets] = "false";
            values.Items[ProjectValueNames.Assets] = new List<ProjectItemValue>
            {
                new ProjectItemValue("docker/Containerfile", new Dictionary<string, string> { ["Context"] = ".." }),
                new ProjectItemValue("compose.yaml"),
            };

            var request = ProjectRequestBuilder.Create(values);

            Assert.False(request.DiscoverSharedAssets);
            Assert.Equal(2, request.Assets.Count);
            Assert.Equal(Path.Combine(ProjectDirectory, "docker", "Containerfile"), request.Assets[0].Path);
            // A file listed on purpose whose name says nothing is a Dockerfile.
            Assert.Equal(AssetKind.Dockerfile, request.Assets[0].Kind);
            Assert.Equal(Path.GetFullPath(Path.Combine(ProjectDirectory, "..")), request.Assets[0].ContextDirectory);
            Assert.Equal(AssetKind.Compose, request.Assets[1].Kind);
        }

        [Fact]
        public void TargetFrameworks_win_over_TargetFramework_and_undefined_solution_is_none()
        {
            var values = Project();
            values.Scalars[ProjectValueNames.TargetFramework] = "net8.0";
            values.Scalars[ProjectValueNames.TargetFrameworks] = "net8.0; net10.0;net8.0";
            values.Scalars[ProjectValueNames.SolutionPath] = "*Undefined*";
            values.Scalars[ProjectValueNames.IsWebProject] = "True";

            var request = ProjectRequestBuilder.Create(values);

            Assert.Equal(new[] { "net8.0", "net10.0" }, request.Project.TargetFrameworks);
            Assert.Null(request.Project.SolutionPath);
            Assert.True(request.Project.IsWebProject);
        }

        [Fact]
        public void ApplyWarningProperties_false_keeps_only_NoWarn()
        {
            var values = Project();
            values.Scalars[ProjectValueNames.NoWarn] = "CS1591;DKR112";
            values.Scalars[ProjectValueNames.WarningsAsErrors] = "DKR105";
            values.Scalars[ProjectValueNames.TreatWarningsAsErrors] = "true";

            var applied = ProjectRequestBuilder.Create(values).WarningOptions!;
            values.Scalars[ProjectValueNames.ApplyWarningProperties] = "false";
            var notApplied = ProjectRequestBuilder.Create(values).WarningOptions!;

            Assert.True(applied.TreatWarningsAsErrors);
            Assert.Contains("DKR105", applied.WarningsAsErrors);
            Assert.False(notApplied.TreatWarningsAsErrors);
            Assert.Empty(notApplied.WarningsAsErrors);
            Assert.Contains("DKR112", notApplied.NoWarn);
        }

        [Fact]
        public void Reported_drops_NoWarn_codes_whatever_their_severity()
        {
            var values = Project();
            values.Scalars[ProjectValueNames.NoWarn] = "dkr112 , DKR999";
            string file = Path.Combine(ProjectDirectory, "Dockerfile");
            var result = new DockerAnalyzer().Analyze(new AnalysisRequest(ProjectDirectory,
                new[] { new AssetInput(file, AssetKind.Dockerfile) },
                fileSystem: new InMemoryFileSystem().AddFile(file, "FROM ubuntu:24.04\nMAINTAINER me\nUSER app\n")));

            var reported = ProjectRequestBuilder.Reported(result.Diagnostics, values);

            Assert.Contains(result.Diagnostics, d => d.Id == "DKR112");
            Assert.DoesNotContain(reported, d => d.Id == "DKR112");
            Assert.Equal(result.Diagnostics.Count(d => d.Id != "DKR112"), reported.Count);
        }

        [Fact]
        public void Code_facts_from_the_host_reach_the_request()
        {
            var code = new AppCodeFacts(healthCheckPaths: new[] { "/healthz" });

            var request = ProjectRequestBuilder.Create(Project(), code);

            Assert.Same(code, request.Project.DotNet.Code);
        }
    }
}
