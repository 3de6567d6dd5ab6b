using System.IO;
using System.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>The README's first command, <c>dotnet build samples/WebApi</c>, on the clean copy the package was packed from.</summary>
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
                "message DKR102 Dockerfile(3,6,3,39)",
                "warning DKR101 Dockerfile(10,6,10,37)",
                "warning DKR201 Dockerfile(10,1,10,37)",
                "warning DKR202 Dockerfile(13,32,13,91)",
                "warning DKR301 Dockerfile(10,1,10,37)",
            }, result.Build.Describe(sample));
            Assert.All(result.Build.Diagnostics, d => Assert.Equal(Path.Combine(sample, "WebApi.csproj"), d.Project));
        }
    }
}
