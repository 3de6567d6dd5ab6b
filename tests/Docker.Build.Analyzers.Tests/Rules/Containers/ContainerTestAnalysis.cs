using System;
using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Tests.Rules.Containers
{
    /// <summary>
    /// Runs the engine over a project that publishes an SDK container, as the MSBuild task does: evaluated values in
    /// <see cref="SdkContainerInputs"/>, the project file (and Directory.Build files) in memory, no Docker asset.
    /// </summary>
    internal static class ContainerTestAnalysis
    {
        public const string ProjectDir = "/repo/src/App";
        public const string ProjectPath = ProjectDir + "/App.csproj";
        public const string PropsPath = "/repo/Directory.Build.props";
        public const string TargetsPath = "/repo/Directory.Build.targets";

        /// <summary>A day when .NET 6 and 7 are out of support and 8, 9 and 10 are supported.</summary>
        public static readonly DateTime Today = new DateTime(2025, 6, 1);

        public static SdkContainerInputs Inputs(bool web = true) =>
            new SdkContainerInputs(ProjectPath) { IsWebProject = web, OutputType = "Exe" };

        public static IReadOnlyList<Diagnostic> Run(
            string projectFile, SdkContainerInputs inputs, string targetFramework = "net10.0",
            bool web = true, bool selfContained = false, string? props = null, string? targets = null, DateTime? today = null,
            string? editorConfig = null, string? noWarn = null)
        {
            var files = new InMemoryFileSystem();
            if (editorConfig != null) files.AddFile("/repo/.editorconfig", editorConfig);
            files.AddFile(ProjectPath, projectFile);
            if (props != null) { files.AddFile(PropsPath, props); inputs.DirectoryBuildPropsPath = PropsPath; }
            if (targets != null) { files.AddFile(TargetsPath, targets); inputs.DirectoryBuildTargetsPath = TargetsPath; }
            inputs.IsWebProject = web;
            var container = SdkContainerFactsReader.Read(inputs, files);
            var dotNet = new DotNetProjectFacts(selfContained: selfContained ? true : (bool?)null, today: today ?? Today, container: container);
            var project = new ProjectFacts(ProjectPath, "App", targetFramework.Split(';'), isWebProject: web, dotNet: dotNet);
            var request = new AnalysisRequest(ProjectDir, Array.Empty<AssetInput>(), project, files, discoverSharedAssets: false,
                new Docker.Build.Analyzers.Configuration.ConfigurationSources(filePaths: null, discoverEditorConfigFiles: true, discoverGlobalConfigFiles: false),
                Docker.Build.Analyzers.Configuration.WarningOptions.FromProperties(noWarn, null, null, null));
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        /// <summary>The findings of one rule as "DKRnnn@file:line:column-endColumn" (file name only).</summary>
        public static string[] Findings(string id, IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.Id == id)
                .Select(d => $"{d.Id}@{System.IO.Path.GetFileName(d.FilePath)}:{d.Line}:{d.Column}-{d.EndColumn}").ToArray();

        /// <summary>A web project file with the given lines inside one PropertyGroup/ItemGroup pair (line 4 is the first inner line).</summary>
        public static string Project(string properties, string items = "") =>
            "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n" +
            "  <PropertyGroup>\n" +
            "    <TargetFramework>net10.0</TargetFramework>\n" +
            properties +
            "  </PropertyGroup>\n" +
            "  <ItemGroup>\n" +
            items +
            "  </ItemGroup>\n" +
            "</Project>\n";
    }
}
