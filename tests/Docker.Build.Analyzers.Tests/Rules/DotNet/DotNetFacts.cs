using System;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    /// <summary>Project facts as the MSBuild targets hand them over, for the DKR6xx tests (project App in TestAnalysis.ProjectDir).</summary>
    internal static class DotNetFacts
    {
        /// <summary>A date on which .NET 8, 9 and 10 are all supported.</summary>
        public static readonly DateTime SupportedDay = new DateTime(2025, 6, 1);

        public static ProjectFacts Project(string tfms = "net8.0", bool web = true, string assembly = "App", DotNetProjectFacts? dotNet = null, string projectFile = "App.csproj") =>
            new ProjectFacts(TestAnalysis.ProjectDir + "/" + projectFile, assembly, tfms.Split(';'), isWebProject: web,
                dotNet: dotNet ?? new DotNetProjectFacts(today: SupportedDay));

        public static ProjectFacts Web(string tfms = "net8.0") => Project(tfms, web: true);
        public static ProjectFacts Console(string tfms = "net8.0") => Project(tfms, web: false);
    }
}
