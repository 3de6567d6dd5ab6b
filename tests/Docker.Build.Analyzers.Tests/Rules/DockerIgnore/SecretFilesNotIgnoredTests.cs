using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.DockerIgnore.IgnoreTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.DockerIgnore
{
    public class SecretFilesNotIgnoredTests
    {
        private const string Id = "DKR404";

        private static InMemoryFileSystem WithSecrets() => Project()
            .AddFile(ProjectDir + "/.env", "DB_PASSWORD=x")
            .AddFile(ProjectDir + "/.env.example", "DB_PASSWORD=")
            .AddFile(ProjectDir + "/certs/dev.pfx", "x")
            .AddFile(ProjectDir + "/certs/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
            .AddFile(ProjectDir + "/certs/server.pem", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
            .AddFile(ProjectDir + "/appsettings.Development.local.json", "{}");

        [Fact]
        public void Reports_once_at_line_1_naming_the_first_paths_and_the_count()
        {
            Assert.Equal(new[] { "DKR404@.dockerignore:1:1" }, Findings(Id, WithSecrets(), CopyAll, "**/bin\n**/obj\n"));
            var d = Single(Id, WithSecrets(), CopyAll, "**/bin\n**/obj\n");
            Assert.StartsWith(".dockerignore lets 4 secret files into the build context: '.env', 'appsettings.Development.local.json', 'certs/dev.pfx' and 1 more.", d.Message);
            Assert.Contains("add '**/.env', '**/appsettings.*.local.json', '**/*.pfx'", d.Message);
            Assert.DoesNotContain("ca.pem", d.Message);
            Assert.DoesNotContain(".env.example", d.Message);
        }

        [Fact]
        public void Root_anchored_patterns_miss_nested_secrets()
        {
            var files = Project().AddFile(ProjectDir + "/src/Api/.env", "A=1").AddFile(ProjectDir + "/.env", "A=1");
            var d = Single(Id, files, CopyAll, ".env\n");
            Assert.Contains("lets 1 secret file into the build context: 'src/Api/.env'.", d.Message);
        }

        [Theory]
        [InlineData("**/.env\n**/.env.*\n!**/.env.example\n**/*.pfx\n**/*.pem\n**/appsettings.*.local.json\n")]
        [InlineData("**/.env*\ncerts/\n**/*.local.json\n")]
        public void Silent_when_every_secret_is_excluded(string ignore)
        {
            Assert.Empty(Findings(Id, WithSecrets(), CopyAll, ignore));
        }

        [Fact]
        public void Silent_for_templates_public_certificates_and_files_that_do_not_exist()
        {
            var files = Project()
                .AddFile(ProjectDir + "/.env.sample", "A=")
                .AddFile(ProjectDir + "/.env.template", "A=")
                .AddFile(ProjectDir + "/ca.pem", "-----BEGIN CERTIFICATE-----\n")
                .AddFile(ProjectDir + "/id_rsa.pub", "ssh-rsa AAAA");
            Assert.Empty(Findings(Id, files, CopyAll, "**/bin\n"));
        }

        [Fact]
        public void Silent_without_an_ignore_file_dkr401_and_dkr203_speak_then()
        {
            var all = Run(WithSecrets(), CopyAll, null);
            Assert.Empty(Findings(Id, all));
            Assert.Single(Findings("DKR401", all));
        }

        [Fact]
        public void Suppressed_by_a_file_level_comment()
        {
            Assert.Empty(Findings(Id, WithSecrets(), CopyAll, "# dkr-disable DKR404\n**/bin\n"));
        }
    }
}
