using Docker.Build.Analyzers.Analysis;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class CopyFromOutsidePublishOutputTests
    {
        private const string Id = "DKR614";

        private static string Dockerfile(string publish, string copy, string buildWorkdir = "/src") =>
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR " + buildWorkdir + "\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\nRUN " + publish + "\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\n" + copy + "\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        /// <summary>The project folder as the build context: App.csproj and Program.cs, nothing else.</summary>
        private static InMemoryFileSystem Context() => new InMemoryFileSystem()
            .AddFile(ProjectDir + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
            .AddFile(ProjectDir + "/Program.cs", "");

        private static string[] Found(string dockerfile) => Findings(dockerfile, Id, WebProject, Context());

        [Theory]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /app/out .", "DKR614@9:19")]
        // A relative -o lands under the WORKDIR of the publish.
        [InlineData("dotnet publish -c Release -o out", "COPY --from=build /app/out .", "DKR614@9:19")]
        [InlineData("dotnet publish -c Release --output /out", "COPY --from=build /publish .", "DKR614@9:19")]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build [\"/app/publsh\", \".\"]", "DKR614@9:20")]
        public void Copy_of_a_path_the_publish_did_not_write(string publish, string copy, string expected) =>
            Assert.Equal(new[] { expected }, Found(Dockerfile(publish, copy)));

        [Fact]
        public void Message_names_the_output_to_copy()
        {
            var d = Assert.Single(Run(Dockerfile("dotnet publish -c Release -o out", "COPY --from=build /app/out ."), WebProject, Context()), x => x.Id == Id);
            Assert.Contains("'dotnet publish' writes to '/src/out' (line 6)", d.Message);
            Assert.Contains("Copy '/src/out' instead", d.Message);
        }

        [Theory]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /app/publish .")]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /app/publish/ .")]
        [InlineData("dotnet publish -c Release -o out", "COPY --from=build /src/out .")]
        // A folder above the output, or a file inside it.
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /app .")]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /app/publish/App.dll .")]
        // Files the sources copy brought (the project file), the SDK image's own folders, build outputs beside the project.
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /src/App.csproj .")]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /usr/share/dotnet/shared .")]
        [InlineData("dotnet publish -c Release -o /app/publish", "COPY --from=build /src/bin/Release/net8.0 .")]
        // The publish without -o: its output is bin/<Configuration>/<tfm>/publish, not judged.
        [InlineData("dotnet publish -c Release", "COPY --from=build /src/out .")]
        // Another program could have written the path.
        [InlineData("dotnet publish -c Release -o /app/publish && cp -r /app/publish /app/out", "COPY --from=build /app/out .")]
        // The output folder comes from a variable.
        [InlineData("dotnet publish -c Release -o $OUT", "COPY --from=build /app/out .")]
        public void Copy_the_stage_may_hold_is_silent(string publish, string copy) =>
            Assert.Empty(Found(Dockerfile(publish, copy)));

        [Fact]
        public void Publish_in_a_stage_built_on_the_build_stage()
        {
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet build -c Release -o /app/build\n" +
                "FROM build AS publish\nRUN dotnet publish -c Release -o /app/publish /p:UseAppHost=false\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=publish /app/publish .\nCOPY --from=publish /app/pub .\n";
            Assert.Equal(new[] { "DKR614@10:21" }, Found(dockerfile));
        }

        [Fact]
        public void Stage_on_another_base_image_may_hold_the_path() =>
            Assert.Empty(Found("FROM registry.example.com/dotnet-builder:8 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /tools/probe /usr/local/bin/probe\nCOPY --from=build /app/publish .\n"));

        [Fact]
        public void Stage_without_a_publish_output_is_silent() =>
            Assert.Empty(Found("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet build -c Release\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app/out .\n"));
    }
}
