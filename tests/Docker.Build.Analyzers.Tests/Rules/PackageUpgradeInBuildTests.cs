using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class PackageUpgradeInBuildTests
    {
        [Fact]
        public void Reports_whole_system_upgrades_as_suggestions()
        {
            var dockerfile =
                "FROM debian:12\n" +
                "RUN apt-get update && apt-get upgrade -y && apt-get -y dist-upgrade\n" +
                "FROM alpine:3.20\n" +
                "RUN apk upgrade --no-cache\n" +
                "FROM rockylinux:9\n" +
                "RUN dnf -y update && yum update -y\n";
            AssertFindings(dockerfile, "DKR125", "DKR125@2:31", "DKR125@2:56", "DKR125@4:9", "DKR125@6:12", "DKR125@6:26");
            Assert.All(Run(dockerfile).Where(d => d.Id == "DKR125"), d => Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity));
        }

        [Theory]
        [InlineData("RUN apk upgrade --no-cache openssl")]
        [InlineData("RUN dnf update -y openssl")]
        [InlineData("RUN apt-get install -y --only-upgrade openssl")]
        [InlineData("RUN echo apt-get upgrade")]
        public void Silent_for_single_package_upgrades(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR125");
        }
    }
}
