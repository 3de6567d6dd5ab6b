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
                "warning DKR612 Dockerfile(7,6,7,42)",
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
    }
}
