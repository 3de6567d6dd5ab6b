using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class HealthyConditionWithoutHealthcheckTests
    {
        private const string Id = "DKR517";

        private static InMemoryFileSystem Files() => new InMemoryFileSystem()
            .AddFile("/repo/src/App/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\n")
            .AddFile("/repo/src/App/Healthy.Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD [\"/app/probe\"]\n");

        private static string[] Find(string compose) => Findings(compose, Id, Files());

        private const string Waits = "  web:\n    image: w:1\n    depends_on:\n      dep:\n        condition: service_healthy\n";

        [Theory]
        [InlineData("services:\n" + Waits + "  dep:\n    image: postgres:16\n", "DKR517@6:20")]
        [InlineData("services:\n" + Waits + "  dep:\n    build: .\n", "DKR517@6:20")]
        [InlineData("services:\n" + Waits + "  dep:\n    image: redis:7\n    healthcheck:\n      disable: true\n", "DKR517@6:20")]
        [InlineData("services:\n" + Waits + "  dep:\n    build:\n      context: .\n      dockerfile_inline: \"FROM mcr.microsoft.com/dotnet/runtime:8.0\"\n", "DKR517@6:20")]
        [InlineData("x-w: &w\n  depends_on:\n    dep: {condition: service_healthy}\nservices:\n  web:\n    <<: *w\n    image: w:1\n  dep:\n    image: postgres:16\n", "DKR517@6:5")]
        public void Waiting_for_a_service_that_never_becomes_healthy(string compose, string expected) =>
            Assert.Equal(new[] { expected }, Find(compose));

        [Theory]
        [InlineData("services:\n" + Waits + "  dep:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n")]
        [InlineData("services:\n" + Waits + "  dep:\n    build:\n      context: .\n      dockerfile: Healthy.Dockerfile\n")]
        [InlineData("services:\n" + Waits + "  dep:\n    image: bitnami/postgresql:16\n")]
        [InlineData("services:\n" + Waits + "  dep:\n    image: ${DB_IMAGE}\n")]
        [InlineData("services:\n" + Waits)]
        [InlineData("x-hc: &hc\n  healthcheck:\n    test: [\"CMD\", \"true\"]\nservices:\n" + Waits + "  dep:\n    <<: *hc\n    image: postgres:16\n")]
        [InlineData("services:\n  web:\n    image: w:1\n    depends_on:\n      dep:\n        # dkr-disable-next-line DKR517\n        condition: service_healthy\n  dep:\n    image: postgres:16\n")]
        public void Silent(string compose) => Assert.Empty(Find(compose));

        [Fact]
        public void Override_file_is_judged_on_the_merged_project() =>
            Assert.Empty(Format(Run(Files(),
                (ComposePath, "services:\n  dep:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"),
                (OverridePath, "services:\n" + Waits)), Id));
    }
}
