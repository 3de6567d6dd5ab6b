using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class ProjectFileLocatorTests
    {
        private const string Props = "/repo/Directory.Build.props", ProjectFile = "/repo/App/App.csproj", Targets = "/repo/Directory.Build.targets";

        private static string At(ProjectFileSpot? spot) =>
            spot == null ? "none" : $"{System.IO.Path.GetFileName(spot.Value.Path)}:{spot.Value.Line}:{spot.Value.Column}";

        [Fact]
        public void Last_definition_wins_across_files_like_MSBuild()
        {
            var locator = ProjectFileLocator.FromTexts(
                (Props, "<Project><PropertyGroup><ContainerUser>a</ContainerUser></PropertyGroup></Project>"),
                (ProjectFile, "<Project>\n  <PropertyGroup>\n    <ContainerUser>b</ContainerUser>\n  </PropertyGroup>\n</Project>"),
                (Targets, "<Project/>"));
            Assert.Equal("App.csproj:3:5", At(locator.FindProperty("ContainerUser", "b")));
            // The value decides among definitions (a condition picked the earlier one): Directory.Build.props here.
            Assert.Equal("Directory.Build.props:1:25", At(locator.FindProperty("ContainerUser", "a")));
            // A value built from other properties matches no text: the last definition.
            Assert.Equal("App.csproj:3:5", At(locator.FindProperty("ContainerUser", "c")));
            Assert.Equal("none", At(locator.FindProperty("ContainerFamily")));
        }

        [Fact]
        public void Comments_cdata_and_processing_instructions_are_skipped()
        {
            var locator = ProjectFileLocator.FromTexts((ProjectFile,
                "<?xml version=\"1.0\"?>\n<Project>\n<!-- <ContainerUser>root</ContainerUser> -->\n<![CDATA[ <ContainerUser>root</ContainerUser> ]]>\n<PropertyGroup><ContainerUser>root</ContainerUser></PropertyGroup>\n</Project>"));
            Assert.Equal("App.csproj:5:16", At(locator.FindProperty("ContainerUser", "root")));
        }

        [Fact]
        public void Items_are_found_by_include_in_a_list_and_across_lines()
        {
            var locator = ProjectFileLocator.FromTexts((ProjectFile,
                "<Project>\n<ItemGroup>\n  <ContainerPort Include=\"8080;8081\" Type=\"tcp\" />\n  <ContainerEnvironmentVariable\n     Value='x' Include='API_KEY' />\n</ItemGroup>\n</Project>"));
            Assert.Equal("App.csproj:3:3", At(locator.FindItem("ContainerPort", "8081")));
            Assert.Equal("App.csproj:4:3", At(locator.FindItem("ContainerEnvironmentVariable", "API_KEY")));
            Assert.Equal("none", At(locator.FindItem("ContainerPort", "80")));
        }

        [Theory]
        [InlineData("<Project><PropertyGroup><ContainerUser>root")]
        [InlineData("<Project><!-- never closed <ContainerUser>root</ContainerUser>")]
        [InlineData("<Project><ContainerEnvironmentVariable Include=\"A\" Value=\"unterminated")]
        [InlineData("<<<>>></ <! <? <![CDATA[")]
        [InlineData("")]
        [InlineData("<")]
        [InlineData("<ContainerUser <ContainerUser>root</ContainerUser>")]
        public void Malformed_xml_never_throws(string text)
        {
            var locator = ProjectFileLocator.FromTexts((ProjectFile, text));
            locator.FindProperty("ContainerUser", "root");
            locator.FindItem("ContainerEnvironmentVariable", "A");
        }

        [Fact]
        public void Unclosed_file_still_yields_what_came_before()
        {
            var locator = ProjectFileLocator.FromTexts((ProjectFile, "<Project>\n<PropertyGroup>\n<ContainerUser>root</ContainerUser>\n<!-- unterminated"));
            Assert.Equal("App.csproj:3:1", At(locator.FindProperty("ContainerUser", "root")));
        }

        [Fact]
        public void Missing_unreadable_and_huge_files_are_skipped()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ProjectFile, "<Project><PropertyGroup><ContainerUser>root</ContainerUser></PropertyGroup></Project>")
                .AddFile(Targets, new string(' ', ProjectFileLocator.MaxFileLength + 1) + "<ContainerUser>root</ContainerUser>")
                .AddFile(Props, "<ContainerUser>root</ContainerUser>")
                .Deny(Props);
            var locator = ProjectFileLocator.Load(files, Props, ProjectFile, "/repo/missing.targets", Targets, null);
            Assert.Equal("App.csproj:1:25", At(locator.FindProperty("ContainerUser", "root")));
        }

        [Fact]
        public void Scan_is_linear_on_a_large_generated_project()
        {
            // 20,000 items: the scan must finish in one pass (no quadratic re-scan); measured, not timed, by the speed script.
            var text = "<Project><ItemGroup>" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"<Compile Include=\"F{i}.cs\" />\n")) + "</ItemGroup></Project>";
            var locator = ProjectFileLocator.FromTexts((ProjectFile, text));
            Assert.Equal("App.csproj:20000:1", At(locator.FindItem("Compile", "F19999.cs")));
        }
    }

    public class SdkContainerFactsReaderTests
    {
        private const string ProjectFile = "/repo/App/App.csproj";

        private static SdkContainerInputs Inputs(string outputType = "Exe", bool web = false) =>
            new SdkContainerInputs(ProjectFile) { OutputType = outputType, IsWebProject = web };

        [Fact]
        public void Nothing_set_means_no_container_and_no_file_read()
        {
            var files = new InMemoryFileSystem().AddFile(ProjectFile, "<Project/>").Deny(ProjectFile);
            // Deny makes a read throw inside the locator (which would swallow it); the point is Read returns null first.
            Assert.Null(SdkContainerFactsReader.Read(Inputs(web: true), files));
            Assert.False(SdkContainerFactsReader.PublishesContainer(Inputs(web: true)));
        }

        [Theory]
        [InlineData("Exe", false, null, null, null, true)]       // a console app with a container setting (SDK 8.0.200+)
        [InlineData("Exe", true, null, null, null, true)]        // a web app with a container setting
        [InlineData("Library", false, null, null, null, false)]  // a library: no container unless it opts in
        [InlineData("Library", false, "true", null, null, true)] // ... which it does
        [InlineData("Exe", true, "false", null, null, false)]    // container support turned off
        [InlineData("Exe", true, null, "false", null, false)]    // not publishable
        public void Opt_in_follows_the_SDK(string outputType, bool web, string? enable, string? publishable, string? profile, bool expected)
        {
            var inputs = Inputs(outputType, web);
            inputs.ContainerUser = "app";
            inputs.EnableSdkContainerSupport = enable;
            inputs.IsPublishable = publishable;
            inputs.PublishProfile = profile;
            Assert.Equal(expected, SdkContainerFactsReader.PublishesContainer(inputs));
        }

        [Fact]
        public void Publish_profile_or_explicit_support_opts_in_without_any_setting()
        {
            var profile = Inputs();
            profile.PublishProfile = "DefaultContainer";
            Assert.True(SdkContainerFactsReader.PublishesContainer(profile));
            var explicitSupport = Inputs("Library");
            explicitSupport.EnableSdkContainerSupport = "true";
            Assert.True(SdkContainerFactsReader.PublishesContainer(explicitSupport));
        }

        [Fact]
        public void Facts_carry_values_and_spots()
        {
            var files = new InMemoryFileSystem().AddFile(ProjectFile,
                "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ContainerImageTags>1.0;latest</ContainerImageTags>\n  </PropertyGroup>\n  <ItemGroup>\n    <ContainerPort Include=\"8080\" Type=\"udp\" />\n    <ContainerEnvironmentVariable Include=\"A\" Value=\"1\" />\n  </ItemGroup>\n</Project>\n");
            var inputs = Inputs(web: true);
            inputs.ContainerImageTags = "1.0;latest";
            inputs.ContainerPorts.Add(("8080", "udp"));
            inputs.ContainerEnvironmentVariables.Add(("A", "1"));
            var facts = SdkContainerFactsReader.Read(inputs, files)!;
            Assert.Equal(new[] { "1.0", "latest" }, facts.ImageTags.Select(t => t.Value));
            Assert.Equal(4, facts.ImageTags[1].Spot!.Value.Line);
            var port = Assert.Single(facts.Ports);
            Assert.Equal(("8080", "udp", 7, 5), (port.Port, port.Type, port.Spot!.Value.Line, port.Spot!.Value.Column));
            var variable = Assert.Single(facts.EnvironmentVariables);
            Assert.Equal(("A", "1", 8), (variable.Name, variable.Value, variable.Spot!.Value.Line));
            Assert.Equal(3, facts.TargetFrameworkSpot!.Value.Line);
            Assert.Null(facts.BaseImage);
            Assert.Null(facts.User);
        }
    }
}
