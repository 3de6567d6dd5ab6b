using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class ServiceWithoutRestartPolicyTests
    {
        private const string Id = "DKR503";

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n", "DKR503@2:3")]
        [InlineData("name: shop\nservices:\n  api:\n    build: .\n    ports: [\"8080:8080\"]\n", "DKR503@3:3")]
        [InlineData("services:\n  base:\n    image: redis:7\n    restart: always\n  cache:\n    image: redis:7\n", "DKR503@5:3")]
        public void Long_running_services_without_restart(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Fact]
        public void Restart_only_in_the_override_file_is_still_missing_in_production() =>
            Assert.Equal(new[] { "DKR503@2:3" }, Format(Run(null,
                (ComposePath, "services:\n  db:\n    image: postgres:16\n"),
                (OverridePath, "services:\n  db:\n    restart: always\n")), Id));

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    restart: unless-stopped\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    restart: \"no\"\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    deploy:\n      restart_policy:\n        condition: on-failure\n")]
        [InlineData("x-common: &common\n  restart: always\nservices:\n  db:\n    <<: *common\n    image: postgres:16\n")]
        [InlineData("services:\n  base:\n    image: redis:7\n    restart: always\n  cache:\n    extends: base\n")]
        [InlineData("services:\n  migrate:\n    build: .\n  api:\n    build: .\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    deploy:\n      replicas: 0\n")]
        [InlineData("services:\n  adminer:\n    image: adminer:4\n    profiles: [dev, debug]\n")]
        [InlineData("services:\n  # dkr-disable-next-line DKR503\n  db:\n    image: postgres:16\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void A_named_overlay_beside_a_base_file_is_judged_on_the_base_file()
        {
            const string windows = "/repo/src/App/docker-compose.windows.yml";
            const string dockerCompose = "/repo/src/App/docker-compose.yml";
            // docker-compose.windows.yml swaps images for services the base file defines; it only adds settings.
            var found = Run(null,
                (dockerCompose, "services:\n  db:\n    image: postgres:16\n    restart: always\n  api:\n    build: .\n"),
                (windows, "services:\n  db:\n    image: postgres:16-windowsservercore\n  api:\n    build:\n      args:\n        NODE_IMAGE: node-windows:10\n  tools:\n    image: tools:1.0\n"));
            Assert.Equal(new[] { "DKR503@8:3", "DKR503@5:3" }, Format(found, Id));
            Assert.Equal(new[] { windows, dockerCompose }, found.Where(d => d.Id == Id).Select(d => d.FilePath).ToArray());
            // The overlay's build has only args: its context and Dockerfile are the base file's (no DKR513).
            Assert.DoesNotContain(found, d => d.Id == "DKR513" && d.FilePath == windows);
        }

        [Fact]
        public void Stacks_for_test_runs_are_not_judged()
        {
            Assert.Empty(Format(Run(null, ("/repo/src/App/docker-compose-tests.yml", "services:\n  db:\n    image: postgres:16\n")), Id));
            Assert.Empty(Format(Run(null, ("/repo/tests/stack/compose.yaml", "services:\n  db:\n    image: postgres:16\n")), Id));
        }

        [Fact]
        public void Overlay_fragments_and_override_files_are_not_judged()
        {
            Assert.Empty(Format(Run(null, (OverridePath, "services:\n  db:\n    image: postgres:16\n")), Id));
            // compose.prod.yaml adds settings to services the base file defines: no image, no build.
            AssertSilent("services:\n  db:\n    environment:\n      A: b\n", Id);
        }
    }
}
