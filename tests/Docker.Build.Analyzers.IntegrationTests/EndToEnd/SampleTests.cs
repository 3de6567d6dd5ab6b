using System.IO;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>The README's first command, <c>dotnet build samples/WebApi</c>, on the clean copy the package was packed from: findings in all three kinds of asset.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class SampleTests
    {
        private readonly PackageFixture _package;

        public SampleTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void Sample_builds_the_task_from_source_and_prints_its_findings()
        {
            var result = DotNet.Run(_package.SourceCopyDirectory, null, new[]
            {
                "build", Path.Combine("samples", "WebApi"), "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo",
            });

            Assert.True(result.ExitCode == 0, result.ToString());
            string sample = Path.Combine(_package.SourceCopyDirectory, "samples", "WebApi");
            Assert.Equal(new[]
            {
                "message DKR102 Dockerfile(3,6,3,38)",
                "message DKR203 Dockerfile(7,6,7,7)",
                "message DKR504 compose.yaml(14,3,14,5)",
                "message DKR504 compose.yaml(3,3,3,6)",
                "message DKR508 compose.yaml(12,9,12,11)",
                "message DKR612 Dockerfile(3,6,3,38)",
                "warning DKR101 Dockerfile(10,6,10,37)",
                "warning DKR201 Dockerfile(10,1,10,37)",
                "warning DKR202 Dockerfile(13,32,13,91)",
                "warning DKR301 Dockerfile(10,1,10,37)",
                "warning DKR404 .dockerignore(1,1,1,1)",
                "warning DKR501 compose.yaml(15,12,15,20)",
                "warning DKR502 compose.yaml(14,3,14,5)",
                "warning DKR502 compose.yaml(3,3,3,6)",
                "warning DKR504 compose.yaml(14,3,14,5)",
                "warning DKR504 compose.yaml(3,3,3,6)",
                "warning DKR507 compose.yaml(18,26,18,37)",
                "warning DKR511 compose.yaml(20,9,20,20)",
                "warning DKR515 compose.yaml(10,31,10,42)",
                "warning DKR602 Dockerfile(3,6,3,38)",
            }, result.Build.Describe(sample));
            Assert.All(result.Build.Diagnostics, d => Assert.Equal(Path.Combine(sample, "WebApi.csproj"), d.Project));
        }
    }
}
