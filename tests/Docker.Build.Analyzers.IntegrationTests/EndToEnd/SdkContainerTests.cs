using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The container the SDK publishes without a Dockerfile (DKR617–DKR621): MSBuild evaluates the Container* properties
    /// and items, the task reports at the lines that set them. No registry and no Docker engine are involved.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class SdkContainerTests
    {
        private readonly PackageFixture _package;

        public SdkContainerTests(PackageFixture package)
        {
            _package = package;
        }

        private const string Program = "var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build();\napp.Run();\n";

        [Fact]
        public void Web_project_published_as_a_container_with_risky_settings()
        {
            var consumer = _package.CreateConsumer("sdk-container");
            // Shared settings: the user comes from Directory.Build.props, and is reported there.
            consumer.WriteFile("Directory.Build.props",
                "<Project>\n" +
                "  <PropertyGroup>\n" +
                "    <ContainerUser>root</ContainerUser>\n" +
                "  </PropertyGroup>\n" +
                "</Project>\n");
            consumer.WriteProject("App.csproj", sdk: "Microsoft.NET.Sdk.Web",
                properties: "    <ContainerBaseImage>mcr.microsoft.com/dotnet/runtime:latest</ContainerBaseImage>",
                items: "    <ContainerPort Include=\"8080\" />\n" +
                       "    <ContainerEnvironmentVariable Include=\"ConnectionStrings__Default\" Value=\"Server=db%3BUser Id=sa%3BPassword=Secret1\" />\n" +
                       "    <ContainerEnvironmentVariable Include=\"DB_PASSWORD\" Value=\"hunter2\" />");
            consumer.WriteFile("Program.cs", Program);

            var result = consumer.Build();

            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            Assert.Empty(result.Build.UnparsedDkrLines);
            Assert.Equal(new[]
            {
                // ContainerUser=root, set in Directory.Build.props.
                "warning DKR618 Directory.Build.props(3,5,3,19)",
                // runtime:latest: floating, and no ASP.NET Core for a web app.
                "warning DKR617 App.csproj(4,5,4,24)",
                "warning DKR621 App.csproj(4,5,4,24)",
                // A password inside a connection string, and a secret-named variable with a literal.
                "warning DKR619 App.csproj(9,5,9,34)",
                "warning DKR619 App.csproj(10,5,10,34)",
            }.OrderBy(s => s, System.StringComparer.Ordinal), result.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Container_port_the_app_does_not_listen_on_is_reported_by_the_compiler()
        {
            // The app's code sets no address, so it listens on the .NET 10 image's 8080: ContainerPort 5000 routes traffic
            // nobody answers. Only the compiler has the code, so it reports DKR620 (at the item), the task stays silent.
            var consumer = _package.CreateConsumer("sdk-container-port");
            consumer.WriteProject("App.csproj", sdk: "Microsoft.NET.Sdk.Web",
                properties: "    <ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:10.0</ContainerBaseImage>",
                items: "    <ContainerPort Include=\"5000\" />");
            consumer.WriteFile("Program.cs", Program);

            var result = consumer.Build();

            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            Assert.Empty(result.Build.UnparsedDkrLines);
            var findings = result.Build.Describe(consumer.Directory);
            Assert.True(findings.Length == 1 && findings[0].StartsWith("warning DKR620 App.csproj(8,5", System.StringComparison.Ordinal),
                "Expected one DKR620 at the ContainerPort item:\n" + string.Join("\n", findings) + "\n" + result);
        }

        [Fact]
        public void Recommended_container_settings_draw_no_finding()
        {
            var consumer = _package.CreateConsumer("sdk-container-clean");
            consumer.WriteProject("App.csproj", sdk: "Microsoft.NET.Sdk.Web",
                properties: "    <ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled</ContainerBaseImage>\n" +
                            "    <ContainerUser>app</ContainerUser>\n" +
                            "    <ContainerImageTags>1.0.0;latest</ContainerImageTags>\n" +
                            "    <DbPassword Condition=\"'$(DbPassword)' == ''\">$(DB_PASSWORD_FROM_CI)</DbPassword>",
                items: "    <ContainerPort Include=\"8080\" />\n" +
                       "    <ContainerEnvironmentVariable Include=\"ASPNETCORE_HTTP_PORTS\" Value=\"8080\" />\n" +
                       "    <ContainerEnvironmentVariable Include=\"DB_PASSWORD\" Value=\"$(DbPassword)\" />");
            consumer.WriteFile("Program.cs", Program);

            var result = consumer.Build();

            Assert.True(result.ExitCode == 0, "The build failed:\n" + result);
            Assert.Empty(result.Build.UnparsedDkrLines);
            Assert.Empty(result.Build.Describe(consumer.Directory));
        }
    }
}
