using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class BuildPathNotFoundTests
    {
        private const string Id = "DKR513";

        private static InMemoryFileSystem Files() => new InMemoryFileSystem()
            .AddFile("/repo/src/Api/Dockerfile", "FROM x\n")
            .AddFile("/repo/src/Web/Dockerfile.web", "FROM x\n")
            .AddFile("/repo/src/App/Program.cs", "");

        private static string[] Find(string compose) => Findings(compose, Id, Files());

        [Theory]
        [InlineData("services:\n  api:\n    build: ../Apii\n", "DKR513@3:12")]
        [InlineData("services:\n  api:\n    build:\n      context: ../Apii\n", "DKR513@4:16")]
        [InlineData("services:\n  web:\n    build:\n      context: ../Web\n", "DKR513@4:16")]
        [InlineData("services:\n  api:\n    build:\n      context: ../Api\n      dockerfile: ../Api/Dockerfile.prod\n", "DKR513@5:19")]
        [InlineData("services:\n  api:\n    build:\n      context: ..\n      dockerfile: src/Api/Dockerfile\n", "DKR513@5:19")]
        [InlineData("x-b: &b\n  build: ../Nope\nservices:\n  api:\n    <<: *b\n", "DKR513@5:5")]
        public void Missing_paths(string compose, string expected) =>
            Assert.Equal(new[] { expected }, Find(compose));

        [Theory]
        [InlineData("services:\n  api:\n    build: ../Api\n")]
        [InlineData("services:\n  api:\n    build:\n      context: ..\n      dockerfile: Api/Dockerfile\n")]
        [InlineData("services:\n  web:\n    build:\n      context: ../Web\n      dockerfile: Dockerfile.web\n")]
        [InlineData("services:\n  web:\n    build:\n      context: ../Web\n      dockerfile: /repo/src/Web/Dockerfile.web\n")]
        [InlineData("services:\n  api:\n    build: ${API_CONTEXT}\n")]
        [InlineData("services:\n  api:\n    build:\n      context: ../Api\n      dockerfile: ${DOCKERFILE}\n")]
        [InlineData("services:\n  api:\n    build: https://github.com/example/api.git#main\n")]
        [InlineData("services:\n  api:\n    build:\n      context: ../Web\n      dockerfile_inline: |\n        FROM alpine\n")]
        [InlineData("services:\n  api:\n    build: ${CTX:-../Api}\n")]
        [InlineData("services:\n  api:\n    image: nginx\n")]
        public void Existing_or_unknowable_paths_are_silent(string compose) =>
            Assert.Empty(Find(compose));

        [Fact]
        public void Override_that_only_adds_a_target_is_silent()
        {
            var found = Run(Files(),
                (ComposePath, "services:\n  api:\n    build: ../Api\n"),
                (OverridePath, "services:\n  api:\n    build:\n      target: dev\n"));
            Assert.Empty(Format(found, Id));
        }
    }
}
