using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The .NET cross-checks (DKR6xx) with the facts MSBuild evaluates: target frameworks, the web SDK, the assembly
    /// name, global.json. Images whose support ended before these tests were written keep DKR612 stable over time.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class DotNetCrossCheckTests
    {
        private const string DotNetIgnore = "**/bin/\n**/obj/\n";

        private readonly PackageFixture _package;

        public DotNetCrossCheckTests(PackageFixture package)
        {
            _package = package;
        }

        private static string[] DotNetFindings(CommandResult result, string directory)
        {
            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            return result.Build.Describe(directory).Where(line => line.Contains(" DKR6")).ToArray();
        }

        [Fact]
        public void Multi_targeted_web_project_on_the_wrong_runtime()
        {
            var consumer = _package.CreateConsumer("dotnet-web");
            consumer.WriteProject("App.csproj", targetFrameworks: "net8.0;net10.0", sdk: "Microsoft.NET.Sdk.Web");
            consumer.WriteFile("Program.cs", "var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
            consumer.WriteFile(".dockerignore", DotNetIgnore);
            consumer.WriteFile("Dockerfile",
                "FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY App.csproj .\n" +
                "RUN dotnet restore\n" +
                "COPY . .\n" +
                "RUN dotnet publish -f net10.0 -c Release -o /app --no-restore\n" +
                "FROM mcr.microsoft.com/dotnet/runtime:6.0\n" +
                "WORKDIR /app\n" +
                "ENV ASPNETCORE_ENVIRONMENT=Development\n" +
                "COPY --from=build /app .\n" +
                "USER $APP_UID\n" +
                "ENTRYPOINT [\"dotnet\", \"Web.dll\"]\n");

            var result = consumer.Build();

            Assert.Equal(new[]
            {
                // The 6.0 SDK cannot build net10.0 and is out of support (a build stage: a suggestion).
                "message DKR612 Dockerfile(1,6,1,38)",
                // The published net10.0 app on a .NET 6 runtime without ASP.NET Core, out of support; named Web.dll, built as App.dll.
                "warning DKR601 Dockerfile(7,6,7,42)",
                "warning DKR602 Dockerfile(1,6,1,38)",
                "warning DKR603 Dockerfile(7,6,7,42)",
                "warning DKR608 Dockerfile(12,23,12,32)",
                "warning DKR609 Dockerfile(9,5,9,39)",
                // The restore layer has App.csproj but not the consumer's nuget.config (its local package feed).
                "warning DKR611 Dockerfile(4,12,4,19)",
                "warning DKR612 Dockerfile(7,6,7,42)",
            }, DotNetFindings(result, consumer.Directory));
        }

        [Fact]
        public void Web_project_on_alpine_with_a_cross_platform_build()
        {
            var consumer = _package.CreateConsumer("dotnet-alpine");
            consumer.WriteProject("App.csproj", sdk: "Microsoft.NET.Sdk.Web");
            consumer.WriteFile("Program.cs", "var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
            consumer.WriteFile(".dockerignore", DotNetIgnore);
            consumer.WriteFile("Dockerfile",
                "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY App.csproj .\n" +
                "RUN dotnet restore\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /app/publish --no-restore\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app/out .\n" +
                "USER $APP_UID\n" +
                "HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1\n" +
                "ENTRYPOINT [\"./App\"]\n");

            var result = consumer.Build();

            Assert.Equal(new[]
            {
                // Alpine runs .NET invariant and the project does not say InvariantGlobalization (a suggestion).
                "message DKR615 Dockerfile(7,6,7,49)",
                // curl is not on Alpine; nuget.config is missing from the restore layer; /app/out is not the publish output;
                // the apphost is published for the build machine.
                "warning DKR606 Dockerfile(11,17,11,21)",
                "warning DKR611 Dockerfile(4,12,4,19)",
                "warning DKR614 Dockerfile(9,19,9,27)",
                "warning DKR616 Dockerfile(6,12,6,19)",
            }, DotNetFindings(result, consumer.Directory));
        }

        [Fact]
        public void Console_project_with_global_json_and_no_entrypoint()
        {
            var consumer = _package.CreateConsumer("dotnet-console");
            consumer.WriteProject("App.csproj", properties: "    <OutputType>Exe</OutputType>");
            consumer.WriteFile("Program.cs", "System.Console.WriteLine(\"hi\");\n");
            consumer.WriteFile(".dockerignore", DotNetIgnore);
            // The running SDK (10.0.4xx) satisfies it; the image's 10.0.1xx SDK does not (latestPatch keeps the feature band).
            consumer.WriteFile("global.json", "{\n  \"sdk\": {\n    \"version\": \"10.0.400\",\n    \"rollForward\": \"latestPatch\"\n  }\n}\n");
            consumer.WriteFile("Dockerfile",
                "FROM mcr.microsoft.com/dotnet/sdk:10.0.100 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /app\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app .\n" +
                "USER $APP_UID\n");

            var result = consumer.Build();

            Assert.Equal(new[]
            {
                // A console app on the ASP.NET Core image: bigger than it needs.
                "message DKR603 Dockerfile(5,6,5,42)",
                "warning DKR602 Dockerfile(1,6,1,43)",
                "warning DKR613 Dockerfile(5,1,5,42)",
            }, DotNetFindings(result, consumer.Directory));
        }
    
        [Fact]
        public void Console_project_with_central_package_management_and_a_project_reference()
        {
            // Visual Studio's solution layout: the Dockerfile beside the project, built from the solution folder
            // (DockerfileContext), package versions in Directory.Packages.props, a library referenced by the project.
            var consumer = _package.CreateConsumer("dotnet-cpm");
            consumer.WriteFile("Directory.Packages.props",
                "<Project>\n" +
                "  <PropertyGroup>\n" +
                "    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n" +
                "  </PropertyGroup>\n" +
                "  <ItemGroup>\n" +
                $"    <PackageVersion Include=\"{PackageFixture.PackageId}\" Version=\"{_package.Version}\" />\n" +
                "  </ItemGroup>\n" +
                "</Project>\n");
            consumer.WriteFile("src/Lib/Lib.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
            consumer.WriteFile("src/Lib/Greeting.cs", "namespace Lib { public static class Greeting { public const string Text = \"hi\"; } }\n");
            consumer.WriteFile("src/Worker/Worker.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                "  <PropertyGroup>\n" +
                "    <OutputType>Exe</OutputType>\n" +
                "    <TargetFramework>net10.0</TargetFramework>\n" +
                "    <DockerfileContext>../..</DockerfileContext>\n" +
                "  </PropertyGroup>\n" +
                "  <ItemGroup>\n" +
                $"    <PackageReference Include=\"{PackageFixture.PackageId}\" PrivateAssets=\"all\" />\n" +
                "    <ProjectReference Include=\"../Lib/Lib.csproj\" />\n" +
                "  </ItemGroup>\n" +
                "</Project>\n");
            consumer.WriteFile("src/Worker/Program.cs", "System.Console.WriteLine(Lib.Greeting.Text);\n");
            consumer.WriteFile(".dockerignore", DotNetIgnore);
            consumer.WriteFile("src/Worker/Dockerfile",
                "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY [\"src/Worker/Worker.csproj\", \"src/Worker/\"]\n" +
                "COPY [\"nuget.config\", \".\"]\n" +
                "RUN dotnet restore \"src/Worker/Worker.csproj\"\n" +
                "COPY . .\n" +
                "RUN dotnet build \"src/Worker/Worker.csproj\" -c Release -o /app/build\n" +
                "FROM mcr.microsoft.com/dotnet/runtime:10.0\n" +
                "WORKDIR /app\n" +
                "COPY --from=build /app/build .\n" +
                "USER $APP_UID\n" +
                "ENTRYPOINT [\"dotnet\", \"Worker.dll\"]\n");

            var result = consumer.Build("src/Worker/Worker.csproj");

            Assert.Equal(new[]
            {
                // The output of 'dotnet build', not 'dotnet publish', goes into the final image.
                "warning DKR610 src/Worker/Dockerfile(10,19,10,29)",
                // The restore layer has the project file but not Directory.Packages.props and the referenced Lib.csproj.
                "warning DKR611 src/Worker/Dockerfile(5,12,5,19)",
            }, DotNetFindings(result, consumer.Directory));
            var restoreLayer = result.Build.Diagnostics.Single(d => d.Code == "DKR611");
            Assert.Contains("Directory.Packages.props", restoreLayer.Message);
            Assert.Contains("src/Lib/Lib.csproj", restoreLayer.Message);
        }
    }
}
