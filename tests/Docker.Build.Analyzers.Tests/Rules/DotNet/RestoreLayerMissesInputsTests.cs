using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class RestoreLayerMissesInputsTests
    {
        private const string Id = "DKR611";
        private const string Root = "/repo";

        /// <summary>A solution folder: src/App (the project, referencing src/Lib), Directory.Build.props, Directory.Packages.props, NuGet.config, global.json.</summary>
        private static InMemoryFileSystem Solution(bool nugetConfig = true) => Files(nugetConfig)
            .AddFile(Root + "/Directory.Build.props", "<Project />")
            .AddFile(Root + "/Directory.Packages.props", "<Project />")
            .AddFile(Root + "/global.json", "{ \"sdk\": { \"version\": \"8.0.100\" }, \"msbuild-sdks\": { \"Microsoft.Build.NoTargets\": \"3.7.0\" } }");

        private const string CompanyFeed =
            "<configuration>\n  <packageSources>\n    <add key=\"company\" value=\"https://pkgs.example.com/nuget/v3/index.json\" />\n  </packageSources>\n</configuration>\n";

        private static InMemoryFileSystem Files(bool nugetConfig = true)
        {
            var files = new InMemoryFileSystem()
                .AddFile(ProjectDir + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                .AddFile(ProjectDir + "/Program.cs", "")
                .AddFile(Root + "/src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")
                .AddFile(Root + "/src/Lib/Class1.cs", "");
            if (nugetConfig) files.AddFile(Root + "/NuGet.Config", CompanyFeed);
            return files;
        }

        private static DotNetProjectFacts Facts(bool cpm = true, bool references = true) => new DotNetProjectFacts(
            projectReferences: references ? new[] { Root + "/src/Lib/Lib.csproj" } : null,
            centralPackageManagement: cpm,
            directoryPackagesPropsPath: Root + "/Directory.Packages.props",
            directoryBuildPropsPath: Root + "/Directory.Build.props",
            globalJsonPath: Root + "/global.json",
            today: SupportedDay);

        private static System.Collections.Generic.IReadOnlyList<Docker.Build.Analyzers.Diagnostics.Diagnostic> Analyze(string dockerfile, InMemoryFileSystem files, DotNetProjectFacts facts, string context = Root)
        {
            files.AddFile(DockerfilePath, dockerfile);
            var request = new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile, context) },
                Project("net8.0", web: true, dotNet: facts), files);
            return new DockerAnalyzer().Analyze(request).Diagnostics;
        }

        private static string[] Found(string dockerfile, InMemoryFileSystem files, DotNetProjectFacts facts, string context = Root) =>
            Analyze(dockerfile, files, facts, context).Where(d => d.Id == Id).Select(d => $"{d.Id}@{d.Line}:{d.Column}").ToArray();

        private const string OnlyProjectCopied =
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"src/App/App.csproj\", \"src/App/\"]\nRUN dotnet restore \"src/App/App.csproj\"\nCOPY . .\nRUN dotnet publish \"src/App/App.csproj\" -c Release -o /app/publish --no-restore\n";

        [Fact]
        public void Restore_layer_with_only_the_project_file()
        {
            var d = Assert.Single(Analyze(OnlyProjectCopied, Solution(), Facts()), x => x.Id == Id);
            Assert.Equal((4, 12), (d.Line, d.Column));
            Assert.Contains("'Directory.Packages.props', 'Directory.Build.props', 'global.json', 'NuGet.Config' and 'src/Lib/Lib.csproj' are copied", d.Message);
        }

        [Fact]
        public void Every_input_copied_is_silent()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\n" +
                "COPY [\"Directory.Build.props\", \"Directory.Packages.props\", \"global.json\", \"NuGet.Config\", \"./\"]\n" +
                "COPY [\"src/App/App.csproj\", \"src/App/\"]\nCOPY [\"src/Lib/Lib.csproj\", \"src/Lib/\"]\nRUN dotnet restore \"src/App/App.csproj\"\nCOPY . .\n";
            Assert.Empty(Found(dockerfile, Solution(), Facts()));
        }

        [Fact]
        public void Wildcards_that_cover_the_files_count()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY *.props *.json NuGet.Config ./\n" +
                "COPY src/App/*.csproj src/App/\nCOPY src/Lib/*.csproj src/Lib/\nRUN dotnet restore src/App/App.csproj\nCOPY . .\n";
            Assert.Empty(Found(dockerfile, Solution(), Facts()));
        }

        [Fact]
        public void Only_the_missing_files_are_named()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"Directory.Build.props\", \"Directory.Packages.props\", \"global.json\", \"./\"]\n" +
                "COPY [\"src/App/App.csproj\", \"src/App/\"]\nRUN dotnet restore \"src/App/App.csproj\"\nCOPY . .\n";
            var d = Assert.Single(Analyze(dockerfile, Solution(), Facts()), x => x.Id == Id);
            Assert.Equal((5, 12), (d.Line, d.Column));
            Assert.Contains("before 'NuGet.Config' and 'src/Lib/Lib.csproj' are copied", d.Message);
        }

        [Fact]
        public void Central_package_file_counts_only_when_central_management_is_on()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"Directory.Build.props\", \"global.json\", \"NuGet.Config\", \"./\"]\n" +
                "COPY [\"src/App/App.csproj\", \"src/App/\"]\nCOPY [\"src/Lib/Lib.csproj\", \"src/Lib/\"]\nRUN dotnet restore \"src/App/App.csproj\"\nCOPY . .\n";
            Assert.Empty(Found(dockerfile, Solution(), Facts(cpm: false)));
            Assert.Equal(new[] { "DKR611@6:12" }, Found(dockerfile, Solution(), Facts(cpm: true)));
        }

        [Fact]
        public void Nuget_config_is_found_in_any_case_and_a_configfile_replaces_it()
        {
            var files = Files(nugetConfig: false).AddFile(ProjectDir + "/nuget.config", CompanyFeed);
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"src/App/App.csproj\", \"src/App/\"]\nRUN dotnet restore \"src/App/App.csproj\"\nCOPY . .\n";
            var d = Assert.Single(Analyze(dockerfile, files, Facts(cpm: false, references: false)), x => x.Id == Id);
            Assert.Contains("'src/App/nuget.config' is copied", d.Message);
            Assert.Empty(Found(dockerfile.Replace("App.csproj\"\nCOPY", "App.csproj\" --configfile /etc/nuget.config\nCOPY"), Files(false).AddFile(ProjectDir + "/nuget.config", CompanyFeed), Facts(cpm: false, references: false)));
        }

        [Theory]
        // Everything copied before the restore: not the layer pattern, nothing missing.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet restore src/App/App.csproj\n")]
        // The project file is not in the image before the restore: another pattern (DKR104's business).
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet restore src/App/App.csproj\nCOPY . .\n")]
        // The restore reads the context through a bind mount.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY src/App/App.csproj src/App/\nRUN --mount=type=bind,target=/src dotnet restore src/App/App.csproj\n")]
        // The restore is of another project.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY src/App/App.csproj src/App/\nCOPY src/Lib/Lib.csproj src/Lib/\nRUN dotnet restore src/Lib/Lib.csproj\n")]
        // No restore at all.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish src/App/App.csproj -o /app\n")]
        public void Other_shapes_are_silent(string dockerfile) =>
            Assert.Empty(Found(dockerfile, Solution(), Facts()));

        [Fact]
        public void Files_outside_the_context_or_beside_the_project_do_not_count()
        {
            // The context is the project folder: the solution-level files are not in it, and the referenced project is outside.
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\n";
            Assert.Empty(Found(dockerfile, Solution(), Facts(), context: ProjectDir));
            // A props file in a sibling folder is not one MSBuild imports for this project.
            var files = Files(false).AddFile(Root + "/src/Lib/Directory.Build.props", "<Project />");
            var facts = new DotNetProjectFacts(directoryBuildPropsPath: Root + "/src/Lib/Directory.Build.props", today: SupportedDay);
            Assert.Empty(Found(OnlyProjectCopied, files, facts));
        }

        [Theory]
        // Only nuget.org (what a container restores from anyway), or nothing at all.
        [InlineData("<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n  </packageSources>\n</configuration>\n", false)]
        [InlineData("<?xml version=\"1.0\"?>\n<configuration />\n", false)]
        // Another feed, source mapping, a cleared list with no source.
        [InlineData(CompanyFeed, true)]
        [InlineData("<configuration>\n  <packageSourceMapping>\n    <packageSource key=\"nuget.org\"><package pattern=\"*\" /></packageSource>\n  </packageSourceMapping>\n</configuration>\n", true)]
        [InlineData("<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n", true)]
        public void Nuget_config_counts_when_it_changes_the_restore(string content, bool counts)
        {
            var files = Files(nugetConfig: false).AddFile(Root + "/nuget.config", content);
            var expected = counts ? new[] { "DKR611@4:12" } : new string[0];
            Assert.Equal(expected, Found(OnlyProjectCopied, files, Facts(cpm: false, references: false)));
        }

        [Fact]
        public void Global_json_counts_only_when_it_declares_msbuild_sdks()
        {
            // The image holds one SDK: without msbuild-sdks the restore reads nothing from global.json.
            var files = Files(nugetConfig: false).AddFile(Root + "/global.json", "{ \"sdk\": { \"version\": \"8.0.100\", \"rollForward\": \"latestFeature\" } }");
            var facts = new DotNetProjectFacts(globalJsonPath: Root + "/global.json", today: SupportedDay);
            Assert.Empty(Found(OnlyProjectCopied, files, facts));
            files.AddFile(Root + "/global.json", "{ \"msbuild-sdks\": { \"Microsoft.Build.Traversal\": \"4.1.0\" } }");
            var d = Assert.Single(Analyze(OnlyProjectCopied, files, facts), x => x.Id == Id);
            Assert.Contains("before 'global.json' is copied", d.Message);
        }

        [Fact]
        public void Files_that_do_not_exist_do_not_count() =>
            Assert.Empty(Found(OnlyProjectCopied, Files(nugetConfig: false), Facts(references: false)));

        [Fact]
        public void Without_project_facts_it_is_silent() =>
            Assert.Empty(Findings(OnlyProjectCopied, Id, null, Solution()));
    }
}
