using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.Containers.ContainerTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Containers
{
    public class SdkContainerRunsAsRootTests
    {
        private const string Id = "DKR618";

        [Theory]
        [InlineData("root")]
        [InlineData("0")]
        [InlineData("0:0")]
        [InlineData("root:root")]
        [InlineData(" root:app ")]
        public void Root_user_is_reported_at_the_property(string user)
        {
            var inputs = Inputs();
            inputs.ContainerUser = user;
            var found = Run(Project($"    <ContainerUser>{user.Trim()}</ContainerUser>\n"), inputs);
            Assert.Equal(new[] { "DKR618@App.csproj:4:5-19" }, Findings(Id, found));
        }

        [Fact]
        public void Message_and_severity()
        {
            var inputs = Inputs();
            inputs.ContainerUser = "root";
            var d = Assert.Single(Run(Project("    <ContainerUser>root</ContainerUser>\n"), inputs), x => x.Id == Id);
            Assert.Equal("ContainerUser 'root' runs the app as root: whoever takes over the app owns the container. Remove it (the .NET 8+ images run as the non-root 'app' user) or name a non-root user", d.Message);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(ProjectPath, d.FilePath);
        }

        [Theory]
        [InlineData("app")]
        [InlineData("1654")]
        [InlineData("10")]
        [InlineData("rooted")]
        [InlineData("ROOT")] // Linux user names are case-sensitive: ROOT is not root.
        [InlineData("app:0")] // only the user decides, not the group
        public void Non_root_user_is_silent(string user)
        {
            var inputs = Inputs();
            inputs.ContainerUser = user;
            Assert.Empty(Findings(Id, Run(Project($"    <ContainerUser>{user}</ContainerUser>\n"), inputs)));
        }

        [Fact]
        public void Project_that_publishes_no_container_is_silent()
        {
            // A class library with ContainerUser but no EnableSdkContainerSupport: the SDK publishes no container from it.
            var inputs = Inputs();
            inputs.ContainerUser = "root";
            inputs.OutputType = "Library";
            Assert.Empty(Findings(Id, Run(Project("    <ContainerUser>root</ContainerUser>\n"), inputs, web: false)));
        }

        [Fact]
        public void Container_support_turned_off_is_silent()
        {
            var inputs = Inputs();
            inputs.ContainerUser = "root";
            inputs.EnableSdkContainerSupport = "false";
            Assert.Empty(Findings(Id, Run(Project("    <ContainerUser>root</ContainerUser>\n"), inputs)));
        }

        [Fact]
        public void Value_from_Directory_Build_targets_wins_and_is_reported_there()
        {
            var inputs = Inputs();
            inputs.ContainerUser = "root";
            const string targets = "<Project>\n  <PropertyGroup>\n    <ContainerUser>root</ContainerUser>\n  </PropertyGroup>\n</Project>\n";
            var found = Run(Project("    <ContainerUser>app</ContainerUser>\n"), inputs, targets: targets);
            Assert.Equal(new[] { "DKR618@Directory.Build.targets:3:5-19" }, Findings(Id, found));
        }

        [Fact]
        public void Value_set_elsewhere_is_reported_at_the_project_file_start()
        {
            // Set on the command line or in another import: the files scanned do not show it.
            var inputs = Inputs();
            inputs.ContainerUser = "0";
            Assert.Equal(new[] { "DKR618@App.csproj:1:1-1" }, Findings(Id, Run(Project(""), inputs)));
        }
    

        [Fact]
        public void Editorconfig_section_for_project_files_and_NoWarn_turn_it_off()
        {
            var inputs = Inputs();
            inputs.ContainerUser = "root";
            string project = Project("    <ContainerUser>root</ContainerUser>\n");
            Assert.Empty(Findings(Id, Run(project, inputs, editorConfig: "root = true\n[*.csproj]\ndotnet_diagnostic.DKR618.severity = none\n")));
            Assert.Empty(Findings(Id, Run(project, inputs, noWarn: "CS1591;DKR618")));
            var d = Assert.Single(Run(project, inputs, editorConfig: "root = true\n[*.csproj]\ndotnet_diagnostic.DKR618.severity = error\n"), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        }
    }
}
