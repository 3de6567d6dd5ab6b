using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class EntrypointAssemblyNameMismatchTests
    {
        private const string Id = "DKR608";
        private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app .\n";

        [Theory]
        [InlineData(Build + "ENTRYPOINT [\"dotnet\", \"WebApp.dll\"]\n", "DKR608@7:23")]
        [InlineData(Build + "ENTRYPOINT [\"dotnet\", \"/app/Old.Name.dll\"]\n", "DKR608@7:23")]
        [InlineData(Build + "CMD [\"/usr/bin/dotnet\", \"Other.dll\"]\n", "DKR608@7:25")]
        // Through FROM base AS final.
        [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\nFROM base AS final\n", "DKR608@2:23")]
        public void Entrypoint_starts_another_assembly(string dockerfile, string expected) =>
            Assert.Equal(new[] { expected }, Findings(dockerfile, Id, Web()));

        [Fact]
        public void Message_names_both()
        {
            var d = Assert.Single(Run(Build + "ENTRYPOINT [\"dotnet\", \"WebApp.dll\"]\n", Web()), x => x.Id == Id);
            Assert.Equal("ENTRYPOINT runs 'WebApp.dll', but the project's assembly is 'App.dll': the publish output has no 'WebApp.dll' and the container stops at start-up", d.Message);
        }

        [Theory]
        [InlineData(Build + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
        [InlineData(Build + "ENTRYPOINT [\"dotnet\", \"/app/app.dll\"]\n")]
        [InlineData(Build + "ENTRYPOINT [\"dotnet\", \"$APP.dll\"]\n")]
        [InlineData(Build + "ENTRYPOINT [\"./App\"]\n")]
        [InlineData(Build + "ENTRYPOINT [\"/entrypoint.sh\"]\n")]
        [InlineData(Build + "ENTRYPOINT dotnet Other.dll\n")]
        // ENTRYPOINT wins over CMD: the CMD is its arguments.
        [InlineData(Build + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\nCMD [\"dotnet\", \"Other.dll\"]\n")]
        // The publish renames the assembly.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -p:AssemblyName=Renamed -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"Renamed.dll\"]\n")]
        // A Dockerfile that builds another project of the solution.
        [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish src/Worker/Worker.csproj -o /app\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"Worker.dll\"]\n")]
        public void Matching_or_unknowable_entrypoint_is_silent(string dockerfile) =>
            Assert.Empty(Findings(dockerfile, Id, Web()));

        [Fact]
        public void Without_an_assembly_name_it_is_silent() =>
            Assert.Empty(Findings(Build + "ENTRYPOINT [\"dotnet\", \"WebApp.dll\"]\n", Id));

        [Fact]
        public void Dockerfile_above_the_project_that_names_it_is_checked()
        {
            // The solution-level Dockerfile of Visual Studio names the project file by its path.
            var facts = new Docker.Build.Analyzers.Analysis.ProjectFacts("/repo/src/App/Api/Api.csproj", "Api", new[] { "net8.0" }, isWebProject: true);
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY [\"Api/Api.csproj\", \"Api/\"]\nRUN dotnet publish \"Api/Api.csproj\" -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            Assert.Equal(new[] { "DKR608@6:23" }, Findings(dockerfile, Id, facts));
        }
    }
}
