using Docker.Build.Analyzers.Analysis;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class DebugBuildShipsTests
    {
        private const string Id = "DKR610";
        private const string Final = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        [Theory]
        // Before .NET 8 publish builds Debug unless told otherwise.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, "net7.0", "DKR610@3:12")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet restore && dotnet publish --no-restore -o /app\n" + Final, "net6.0;net8.0", "DKR610@3:30")]
        // Debug asked for, whatever the framework.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -c Debug -o /app\n" + Final, "net8.0", "DKR610@3:12")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIG=Debug\nCOPY . .\nRUN dotnet publish -c $CONFIG -o /app\n" + Final, "net8.0", "DKR610@4:12")]
        public void Publish_builds_debug(string dockerfile, string tfms, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, Web(tfms)));

        [Fact]
        public void Project_that_turns_publish_release_off()
        {
            var facts = Project("net8.0", dotNet: new DotNetProjectFacts(publishRelease: false));
            Assert.Equal(new[] { "DKR610@3:12" }, Findings("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, Id, facts));
        }

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet build -c Release -o /app/build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app/build .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "DKR610@6:19")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet build -o out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /src/out/ .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "DKR610@6:19")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nENTRYPOINT [\"dotnet\", \"run\"]\n", "DKR610@4:1")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nCMD dotnet run --urls http://+:8080\n", "DKR610@4:1")]
        public void Build_output_or_dotnet_run_ships(string dockerfile, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, Web()));

        [Theory]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, "net8.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish -c Release -o /app\n" + Final, "net7.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish --configuration=Release -o /app\n" + Final, "net7.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish -p:Configuration=Release -o /app\n" + Final, "net7.0")]
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish -p:PublishRelease=true -o /app\n" + Final, "net7.0")]
        // The Visual Studio template: BUILD_CONFIGURATION=Release, build output not copied.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY . .\nRUN dotnet build \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/build\nFROM build AS publish\nARG BUILD_CONFIGURATION=Release\nRUN dotnet publish \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\nFROM mcr.microsoft.com/dotnet/aspnet:8.0 AS final\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "net8.0")]
        // From a build argument without a default: the build decides.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIG\nCOPY . .\nRUN dotnet publish -c $CONFIG -o /app\n" + Final, "net6.0")]
        // dotnet run in a build stage (tests, tools) is not the container's command.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet run --project tools/Gen\nRUN dotnet publish -o /app\n" + Final, "net8.0")]
        public void Release_builds_are_silent(string dockerfile, string tfms) =>
            Assert.Empty(Findings(dockerfile, Id, Web(tfms)));

        [Fact]
        public void Without_project_facts_only_what_the_Dockerfile_says_counts()
        {
            Assert.Empty(Findings("FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\n" + Final, Id));
            Assert.Equal(new[] { "DKR610@3:12" }, Findings("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -c Debug -o /app\n" + Final, Id));
        }
    }
}
