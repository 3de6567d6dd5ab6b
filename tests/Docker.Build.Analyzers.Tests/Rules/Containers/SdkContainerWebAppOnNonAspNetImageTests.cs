using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.Containers.ContainerTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Containers
{
    public class SdkContainerWebAppOnNonAspNetImageTests
    {
        private const string Id = "DKR621";

        private static string[] Check(string image, bool web = true, bool selfContained = false)
        {
            var inputs = Inputs(web);
            inputs.ContainerBaseImage = image;
            return Findings(Id, Run(Project($"    <ContainerBaseImage>{image}</ContainerBaseImage>\n"), inputs, web: web, selfContained: selfContained));
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/runtime:10.0")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
        public void Web_app_on_a_runtime_image(string image) =>
            Assert.Equal(new[] { "DKR621@App.csproj:4:5-24" }, Check(image));

        [Fact]
        public void Message_names_the_image_to_use()
        {
            var inputs = Inputs();
            inputs.ContainerBaseImage = "mcr.microsoft.com/dotnet/runtime:10.0";
            var d = Assert.Single(Run(Project("    <ContainerBaseImage>mcr.microsoft.com/dotnet/runtime:10.0</ContainerBaseImage>\n"), inputs), x => x.Id == Id);
            Assert.Equal("ContainerBaseImage 'mcr.microsoft.com/dotnet/runtime:10.0' is the .NET 'runtime' image, but the project is an ASP.NET Core app published framework-dependent and this image has no ASP.NET Core: it stops at start-up. Use 'mcr.microsoft.com/dotnet/aspnet:10.0', or remove ContainerBaseImage and let the SDK pick it", d.Message);
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", true, false)]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", true, false)]
        [InlineData("mcr.microsoft.com/dotnet/runtime:10.0", false, false)] // a console app
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0", true, true)] // self-contained: brings its own runtime
        [InlineData("registry.example.com/base/web:1.2", true, false)] // unknown image: cannot tell
        public void Right_or_unknown_image_is_silent(string image, bool web, bool selfContained) =>
            Assert.Empty(Check(image, web, selfContained));

        [Fact]
        public void No_base_image_set_is_silent()
        {
            var inputs = Inputs();
            inputs.ContainerUser = "app";
            Assert.Empty(Findings(Id, Run(Project("    <ContainerUser>app</ContainerUser>\n"), inputs)));
        }
    }
}
