using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DevelopmentEnvironmentInProductionTests
    {
        private const string Id = "DKR515";

        [Theory]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n", "DKR515@5:32")]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      ASPNETCORE_ENVIRONMENT: Development\n", "DKR515@5:31")]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      DOTNET_ENVIRONMENT: \"development\"\n", "DKR515@5:27")]
        [InlineData("x-env: &env\n  environment:\n    ASPNETCORE_ENVIRONMENT: Development\nservices:\n  api:\n    <<: *env\n    build: .\n", "DKR515@6:5")]
        public void Development_in_a_production_file(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Production\n")]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      - ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}\n")]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      - ASPNETCORE_ENVIRONMENT\n")]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      APP_ENVIRONMENT: Development\n")]
        [InlineData("services:\n  api:\n    build: .\n    environment:\n      # dkr-disable-next-line DKR515\n      ASPNETCORE_ENVIRONMENT: Development\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Override_and_development_files_are_where_it_belongs() =>
            Assert.Empty(Format(Run(null,
                (ComposePath, "services:\n  api:\n    build: .\n"),
                (OverridePath, "services:\n  api:\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n"),
                (ProjectDir + "/docker-compose.vs.debug.yml", "services:\n  api:\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n")), Id));
    }
}
