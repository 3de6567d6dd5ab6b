using System;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>
    /// .editorconfig / .globalconfig severities and the MSBuild warning properties, end to end: one consumer per topic,
    /// several <c>dotnet build</c> runs each (a build costs seconds), every run checked line by line.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class SeverityConfigurationTests
    {
        // Final stage without tag, USER or HEALTHCHECK; 'COPY . .' without .dockerignore; an SDK tag without digest.
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY App.csproj .\n" +
            "RUN dotnet restore\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c Release -o /app --no-restore\n" +
            "\n" +
            // A console app: the 'runtime' image is the right family (no DKR603 suggestion to account for).
            "FROM mcr.microsoft.com/dotnet/runtime\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app .\n" +
            "EXPOSE 8080\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private const string Dkr101 = "DKR101 {0}Dockerfile(8,6,8,38)";
        private const string Dkr102 = "DKR102 {0}Dockerfile(1,6,1,39)";
        private const string Dkr201 = "DKR201 {0}Dockerfile(8,1,8,38)";
        private const string Dkr301 = "DKR301 {0}Dockerfile(8,1,8,38)";
        private const string Dkr401 = "DKR401 {0}Dockerfile(5,6,5,7)";
        private const string Dkr611 = "DKR611 {0}Dockerfile(4,12,4,19)";

        private readonly PackageFixture _package;

        public SeverityConfigurationTests(PackageFixture package)
        {
            _package = package;
        }

        private static string[] Expect(string folder, params (string Kind, string Finding)[] findings) =>
            findings.Select(f => f.Kind + " " + string.Format(f.Finding, folder)).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        [Fact]
        public void Warning_properties_apply_wherever_they_are_set()
        {
            var consumer = _package.CreateConsumer("warning-properties");
            consumer.WriteProject("App.csproj");
            // The restore layer takes the consumer's nuget.config too (its feeds decide the restore: DKR611 otherwise).
            consumer.WriteFile("Dockerfile", Dockerfile.Replace("COPY App.csproj .\n", "COPY App.csproj nuget.config ./\n"));

            // -p:TreatWarningsAsErrors=true (MSBuild alone would leave task warnings as warnings) with WarningsNotAsErrors.
            var first = consumer.Build("-p:TreatWarningsAsErrors=true", "-p:WarningsNotAsErrors=DKR301");
            Assert.NotEqual(0, first.ExitCode);
            Assert.Equal(Expect("", ("error", Dkr101), ("message", Dkr102), ("error", Dkr201), ("warning", Dkr301), ("error", Dkr401)),
                first.Build.Describe(consumer.Directory));

            // The opt-out leaves TreatWarningsAsErrors to MSBuild, which ignores it for task warnings.
            var optOut = consumer.Build("--no-restore", "-p:TreatWarningsAsErrors=true", "-p:DockerAnalyzersApplyWarningProperties=false");
            Assert.Equal(0, optOut.ExitCode);
            Assert.Equal(Expect("", ("warning", Dkr101), ("message", Dkr102), ("warning", Dkr201), ("warning", Dkr301), ("warning", Dkr401)),
                optOut.Build.Describe(consumer.Directory));

            // TreatWarningsAsErrors in the project; NoWarn in Directory.Build.targets (invisible to MSBuild's own mapping),
            // which also drops a suggestion. The restore layer lacks that new Directory.Build.targets from now on (DKR611).
            consumer.WriteProject("App.csproj", properties: "    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
            consumer.WriteFile("Directory.Build.targets", "<Project>\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);DKR101;dkr102</NoWarn>\n  </PropertyGroup>\n</Project>\n");
            var second = consumer.Build("--no-restore");
            Assert.NotEqual(0, second.ExitCode);
            Assert.Equal(Expect("", ("error", Dkr201), ("error", Dkr301), ("error", Dkr401), ("error", Dkr611)), second.Build.Describe(consumer.Directory));

            // WarningsAsErrors for one id (the NoWarn of Directory.Build.targets stays).
            consumer.WriteProject("App.csproj", properties: "    <WarningsAsErrors>DKR201</WarningsAsErrors>");
            var third = consumer.Build("--no-restore");
            Assert.NotEqual(0, third.ExitCode);
            Assert.Equal(Expect("", ("error", Dkr201), ("warning", Dkr301), ("warning", Dkr401), ("warning", Dkr611)), third.Build.Describe(consumer.Directory));

            // -warnaserror:DKR301 from the command line, nothing in the project.
            consumer.WriteProject("App.csproj");
            var fourth = consumer.Build("--no-restore", "-warnaserror:DKR301");
            Assert.NotEqual(0, fourth.ExitCode);
            Assert.Equal(Expect("", ("warning", Dkr201), ("error", Dkr301), ("warning", Dkr401), ("warning", Dkr611)), fourth.Build.Describe(consumer.Directory));

            // -warnaserror with WarningsNotAsErrors in the project.
            consumer.WriteProject("App.csproj", properties: "    <WarningsNotAsErrors>DKR401</WarningsNotAsErrors>");
            var fifth = consumer.Build("--no-restore", "-warnaserror");
            Assert.NotEqual(0, fifth.ExitCode);
            Assert.Equal(Expect("", ("error", Dkr201), ("error", Dkr301), ("warning", Dkr401), ("error", Dkr611)), fifth.Build.Describe(consumer.Directory));
        }

        [Fact]
        public void Editorconfig_and_globalconfig_set_severities_like_for_any_dotnet_diagnostic()
        {
            var consumer = _package.CreateConsumer("editorconfig");
            consumer.WriteProject("src/App/App.csproj");
            consumer.WriteFile("src/App/Dockerfile", Dockerfile);
            consumer.WriteFile("src/App/Program.cs", "class Program { static void Main() { } }\n");
            // [*] turns a rule off, a path section raises one, [**/Dockerfile] lowers one, a category key turns the rest of
            // its category off (DKR102), but an id entry wins over it (DKR101).
            consumer.WriteFile(".editorconfig",
                "[*]\ndotnet_diagnostic.DKR201.severity = none\ndotnet_analyzer_diagnostic.category-Docker.ImageAndBuild.severity = none\n" +
                "[src/App/**]\ndotnet_diagnostic.DKR301.severity = error\n" +
                "[**/Dockerfile]\ndotnet_diagnostic.DKR101.severity = suggestion\n");
            consumer.WriteFile(".globalconfig", "is_global = true\ndotnet_diagnostic.DKR401.severity = error\n");
            consumer.WriteProject("src/App/App.csproj", properties: "    <OutputType>Exe</OutputType>");

            var first = consumer.Build("src/App/App.csproj");
            Assert.NotEqual(0, first.ExitCode);
            Assert.Equal(Expect("src/App/", ("message", Dkr101), ("error", Dkr301), ("error", Dkr401)), first.Build.Describe(consumer.Directory));

            // The nearer file wins; root = true hides the outer one (not the global config); a bulk key raises the
            // suggestion DKR102 but not the ids configured one by one.
            consumer.WriteFile("src/App/.editorconfig",
                "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = warning\n[Dockerfile]\ndotnet_diagnostic.DKR301.severity = suggestion\n");
            var second = consumer.Build("src/App/App.csproj", "--no-restore");
            Assert.NotEqual(0, second.ExitCode);
            Assert.Equal(Expect("src/App/", ("warning", Dkr101), ("warning", Dkr102), ("warning", Dkr201), ("message", Dkr301), ("error", Dkr401)),
                second.Build.Describe(consumer.Directory));
        }
    }
}
