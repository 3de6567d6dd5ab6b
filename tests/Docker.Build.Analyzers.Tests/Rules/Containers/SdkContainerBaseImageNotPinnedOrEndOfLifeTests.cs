using System;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.Containers.ContainerTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Containers
{
    public class SdkContainerBaseImageNotPinnedOrEndOfLifeTests
    {
        private const string Id = "DKR617";

        private static string[] Check(string image, string targetFramework = "net10.0")
        {
            var inputs = Inputs();
            inputs.ContainerBaseImage = image;
            return Findings(Id, Run(Project($"    <ContainerBaseImage>{image}</ContainerBaseImage>\n"), inputs, targetFramework));
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:latest")]
        [InlineData("registry.example.com/base/web:stable-alpine")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:6.0")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:7.0.20-alpine3.19")]
        public void Unpinned_or_end_of_life_base_image(string image) =>
            Assert.Equal(new[] { "DKR617@App.csproj:4:5-24" }, Check(image));

        [Fact]
        public void Messages()
        {
            var inputs = Inputs();
            inputs.ContainerBaseImage = "mcr.microsoft.com/dotnet/aspnet:latest";
            var d = Assert.Single(Run(Project("    <ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:latest</ContainerBaseImage>\n"), inputs), x => x.Id == Id);
            Assert.Equal("ContainerBaseImage 'mcr.microsoft.com/dotnet/aspnet:latest' uses the floating tag 'latest': the published image changes whenever the tag moves. Pin a version tag such as ':10.0'", d.Message);

            inputs = Inputs();
            inputs.ContainerBaseImage = "mcr.microsoft.com/dotnet/aspnet:6.0";
            d = Assert.Single(Run(Project("    <ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:6.0</ContainerBaseImage>\n"), inputs), x => x.Id == Id);
            Assert.Equal("ContainerBaseImage 'mcr.microsoft.com/dotnet/aspnet:6.0' is .NET 6.0, out of support since 2024-11-12: it gets no more security fixes. Move to .NET 8.0 (supported until 2026-11-10)", d.Message);
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:9.0.3-bookworm-slim")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        [InlineData("registry.example.com/base/web:1.2")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:12.0")] // a version the table does not know yet
        public void Pinned_and_supported_is_silent(string image) =>
            Assert.Empty(Check(image));

        [Fact]
        public void Image_the_SDK_picks_for_an_end_of_life_framework_is_reported_at_the_target_framework()
        {
            var inputs = Inputs();
            inputs.ContainerUser = "app";
            var project = Project("    <ContainerUser>app</ContainerUser>\n").Replace("net10.0", "net6.0");
            var found = Run(project, inputs, "net6.0");
            Assert.Equal(new[] { "DKR617@App.csproj:3:5-21" }, Findings(Id, found));
            var d = Assert.Single(found, x => x.Id == Id);
            Assert.StartsWith("The base image the SDK picks for net6.0 'mcr.microsoft.com/dotnet/aspnet:6.0' is .NET 6.0, out of support since 2024-11-12", d.Message);
        }

        [Fact]
        public void Implied_image_follows_the_family_and_the_app_kind()
        {
            var inputs = Inputs(web: false);
            inputs.ContainerFamily = "alpine";
            var d = Assert.Single(Run("<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n", inputs, "net7.0", web: false, selfContained: true), x => x.Id == Id);
            Assert.Contains("'mcr.microsoft.com/dotnet/runtime-deps:7.0-alpine'", d.Message);
            Assert.Equal((1, 1), (d.Line, d.Column)); // no TargetFramework element in the scanned files
        }

        [Theory]
        [InlineData("net10.0")]
        [InlineData("net6.0;net10.0")] // a multi-targeted project may publish the supported one
        public void Implied_image_of_a_supported_framework_is_silent(string frameworks)
        {
            var inputs = Inputs();
            inputs.ContainerUser = "app";
            Assert.Empty(Findings(Id, Run(Project("    <ContainerUser>app</ContainerUser>\n"), inputs, frameworks)));
        }

        [Fact]
        public void The_day_decides()
        {
            var inputs = Inputs();
            inputs.ContainerBaseImage = "mcr.microsoft.com/dotnet/aspnet:8.0";
            string project = Project("    <ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:8.0</ContainerBaseImage>\n");
            Assert.Empty(Findings(Id, Run(project, inputs, today: new DateTime(2026, 11, 10))));
            Assert.Single(Findings(Id, Run(project, inputs, today: new DateTime(2026, 11, 11))));
        }
    }
}
