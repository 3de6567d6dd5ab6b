using Docker.Build.Analyzers.Analysis;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DotNet.DotNetFacts;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DotNet
{
    public class BuildPlatformPublishWithoutTargetArchTests
    {
        private const string Id = "DKR616";

        private static string Dockerfile(string publish, string entrypoint, string final = "mcr.microsoft.com/dotnet/aspnet:8.0", string platform = "--platform=$BUILDPLATFORM ") =>
            "FROM " + platform + "mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN " + publish + "\n" +
            "FROM " + final + "\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT " + entrypoint + "\n";

        [Theory]
        // The apphost as entrypoint.
        [InlineData("dotnet publish -c Release -o /app", "[\"./App\"]", "DKR616@5:12")]
        [InlineData("dotnet publish -c Release -o /app", "[\"/app/App\"]", "DKR616@5:12")]
        [InlineData("dotnet publish -c Release -o /app", "[\"tini\", \"--\", \"/app/App\"]", "DKR616@5:12")]
        // --use-current-runtime is the build machine's runtime.
        [InlineData("dotnet publish -c Release --use-current-runtime -o /app", "[\"./App\"]", "DKR616@5:12")]
        // Self-contained or AOT: native whatever the entrypoint.
        [InlineData("dotnet publish -c Release --self-contained -o /app", "[\"dotnet\", \"App.dll\"]", "DKR616@5:12")]
        [InlineData("dotnet publish -c Release -p:PublishAot=true -o /app", "[\"./App\"]", "DKR616@5:12")]
        public void Publish_for_the_build_machine(string publish, string entrypoint, string expected) =>
            Assert.Equal(new[] { expected }, Findings(Dockerfile(publish, entrypoint, "mcr.microsoft.com/dotnet/runtime-deps:8.0"), Id, Console()));

        [Fact]
        public void Publish_in_a_stage_built_on_the_build_platform_stage()
        {
            string dockerfile = "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet build -c Release\n" +
                "FROM build AS publish\nRUN dotnet publish -c Release -o /app/publish\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"./App\"]\n";
            var d = Assert.Single(Run(dockerfile, Web()), x => x.Id == Id);
            Assert.Equal((6, 12), (d.Line, d.Column));
            Assert.Contains("stage 'build' is FROM --platform=$BUILDPLATFORM", d.Message);
            Assert.Contains("apphost './App'", d.Message);
        }

        [Fact]
        public void Project_level_self_contained_counts()
        {
            var facts = Project("net8.0", web: false, dotNet: new DotNetProjectFacts(selfContained: true, today: SupportedDay));
            Assert.Equal(new[] { "DKR616@5:12" }, Findings(Dockerfile("dotnet publish -c Release -o /app", "[\"dotnet\", \"App.dll\"]", "mcr.microsoft.com/dotnet/runtime-deps:8.0"), Id, facts));
        }

        [Theory]
        // The target architecture is named.
        [InlineData("dotnet publish -c Release -a $TARGETARCH -o /app", "[\"./App\"]")]
        [InlineData("dotnet publish -c Release --arch $TARGETARCH -o /app", "[\"./App\"]")]
        [InlineData("dotnet publish -c Release -r linux-musl-x64 -o /app", "[\"./App\"]")]
        [InlineData("dotnet publish -c Release --runtime linux-x64 --self-contained -o /app", "[\"./App\"]")]
        [InlineData("dotnet publish -c Release -p:RuntimeIdentifier=linux-arm64 -o /app", "[\"./App\"]")]
        // Portable IL started by dotnet.
        [InlineData("dotnet publish -c Release -o /app", "[\"dotnet\", \"App.dll\"]")]
        [InlineData("dotnet publish -c Release -o /app /p:UseAppHost=false", "[\"dotnet\", \"App.dll\"]")]
        // An entrypoint script: what it starts is not known.
        [InlineData("dotnet publish -c Release -o /app", "[\"/app/entrypoint.sh\"]")]
        public void Target_named_or_portable_app_is_silent(string publish, string entrypoint) =>
            Assert.Empty(Findings(Dockerfile(publish, entrypoint), Id, Web()));

        [Fact]
        public void Build_stage_on_the_target_platform_is_silent() =>
            Assert.Empty(Findings(Dockerfile("dotnet publish -c Release -o /app", "[\"./App\"]", platform: ""), Id, Web()));

        [Fact]
        public void Project_runtime_identifier_fixes_the_architecture()
        {
            var facts = Project("net8.0", web: true, dotNet: new DotNetProjectFacts(runtimeIdentifier: "linux-x64", today: SupportedDay));
            Assert.Empty(Findings(Dockerfile("dotnet publish -c Release -o /app", "[\"./App\"]"), Id, facts));
        }

        [Fact]
        public void Apphost_of_another_name_is_not_judged_with_project_facts() =>
            Assert.Empty(Findings(Dockerfile("dotnet publish -c Release -o /app", "[\"./Other\"]"), Id, Web()));
    }
}
