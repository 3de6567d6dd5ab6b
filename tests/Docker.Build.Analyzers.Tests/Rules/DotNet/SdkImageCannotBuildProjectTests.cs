using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.DotNetPlatform;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class SdkImageCannotBuildProjectTests
    {
        private const string Id = "DKR602";
        private const string GlobalJsonPath = ProjectDir + "/global.json";
        private const string Final = "FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY --from=build /app .\n";

        private static ProjectFacts WithGlobalJson(string version, string? rollForward, string tfms = "net9.0") =>
            Project(tfms, dotNet: new DotNetProjectFacts(globalJsonPath: GlobalJsonPath, globalJsonSdkVersion: version, globalJsonRollForward: rollForward, today: SupportedDay));

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, "net9.0", "DKR602@1:6")]
        // The highest framework of a multi-targeted project must build (restore restores them all).
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0.404-alpine AS build\nCOPY . .\nRUN dotnet build\n", "net8.0;net10.0", "DKR602@1:6")]
        // Through FROM build AS publish.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nFROM build AS publish\nRUN dotnet publish -o /app\n" + Final, "net9.0", "DKR602@1:6")]
        public void Sdk_below_the_target_framework(string dockerfile, string tfms, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, Web(tfms)));

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, "net9.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, "net9.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nCOPY . .\nRUN dotnet publish -f net9.0 -o /app\n" + Final, "net9.0;net10.0")]
        // A stage that runs no dotnet command does not build the project.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:6.0 AS tools\nRUN echo hi\nFROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -o /app\n" + Final, "net9.0")]
        public void Sdk_that_can_build_is_silent(string dockerfile, string tfms) =>
            Assert.Empty(Findings(dockerfile, Id, Web(tfms)));

        [Theory]
        // Default policy latestPatch: same feature band, patch at or above.
        [InlineData("9.0.100", null, "sdk:9.0.102", true)]
        [InlineData("9.0.105", null, "sdk:9.0.102", false)]
        [InlineData("9.0.100", null, "sdk:9.0.300", false)]
        [InlineData("9.0.100", null, "sdk:10.0", false)]
        // A floating major.minor tag: only the major.minor is certain.
        [InlineData("9.0.100", null, "sdk:9.0", true)]
        [InlineData("9.0.100", "latestFeature", "sdk:9.0.300", true)]
        [InlineData("9.0.300", "latestFeature", "sdk:9.0.102", false)]
        [InlineData("9.0.100", "latestFeature", "sdk:10.0.100", false)]
        [InlineData("9.0.100", "latestMinor", "sdk:9.0", true)]
        [InlineData("9.0.100", "latestMajor", "sdk:10.0", true)]
        [InlineData("10.0.100", "latestMajor", "sdk:9.0", false)]
        [InlineData("9.0.100", "disable", "sdk:9.0.100", true)]
        [InlineData("9.0.100", "disable", "sdk:9.0.101", false)]
        [InlineData("10.0.100-preview.3", "latestFeature", "sdk:10.0.100", true)]
        public void Global_json_roll_forward(string version, string? policy, string tag, bool accepted)
        {
            var image = DotNetImage.From(Docker.Build.Analyzers.Dockerfile.ImageReference.Parse("mcr.microsoft.com/dotnet/" + tag))!;
            Assert.Equal(accepted, Docker.Build.Analyzers.Rules.DotNet.SdkImageCannotBuildProject.Satisfies(image, NuGet.Versioning.NuGetVersion.Parse(version), policy ?? "latestPatch", out _));
        }

        [Fact]
        public void Global_json_the_build_copies_is_checked()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:9.0.300 AS build\nCOPY global.json App.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -o /app\n" + Final;
            var found = Run(dockerfile, WithGlobalJson("9.0.100", null));
            var d = Assert.Single(found, x => x.Id == Id);
            Assert.Equal((1, 6), (d.Line, d.Column));
            Assert.Contains("global.json asks for SDK 9.0.100 with rollForward 'latestPatch'", d.Message);
            Assert.Contains("mcr.microsoft.com/dotnet/sdk:9.0.100", d.Message);
            Assert.Empty(Findings(dockerfile, Id, WithGlobalJson("9.0.100", "latestFeature")));
        }

        [Fact]
        public void Global_json_the_build_never_copies_is_ignored()
        {
            // Only the project file reaches the image: the SDK never sees global.json.
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:9.0.300 AS build\nCOPY App.csproj ./\nRUN dotnet restore\nCOPY Program.cs ./\nRUN dotnet publish -o /app\n" + Final;
            Assert.Empty(Findings(dockerfile, Id, WithGlobalJson("9.0.100", null)));
        }
    }
}
