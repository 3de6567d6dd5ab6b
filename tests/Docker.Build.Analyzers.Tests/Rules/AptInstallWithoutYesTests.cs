using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AptInstallWithoutYesTests
    {
        [Fact]
        public void Reports_install_without_yes_as_a_warning()
        {
            var dockerfile =
                "FROM debian:12\n" +
                "RUN apt-get update && apt-get install --no-install-recommends curl\n" +
                "RUN apt-get -q purge curl\n";
            AssertFindings(dockerfile, "DKR126", "DKR126@2:31", "DKR126@3:16");
            Assert.All(Run(dockerfile).Where(d => d.Id == "DKR126"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        }

        [Fact]
        public void Reports_apt_in_scripts_as_a_suggestion()
        {
            var findings = Run(
                "FROM ubuntu:24.04\n" +
                "RUN apt update && apt install -y curl\n").Where(d => d.Id == "DKR126").ToArray();
            Assert.Equal(new[] { "2:5", "2:19" }, findings.Select(d => $"{d.Line}:{d.Column}"));
            Assert.All(findings, d => Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity));
            Assert.Contains("apt-get", findings[0].Message);
        }

        [Theory]
        [InlineData("RUN apt-get install -y curl")]
        [InlineData("RUN apt-get install -qy curl")]
        [InlineData("RUN apt-get install -yq curl")]
        [InlineData("RUN apt-get install --yes curl")]
        [InlineData("RUN apt-get install --assume-yes curl")]
        [InlineData("RUN apt-get -qq install curl")]
        [InlineData("RUN apt-get -o APT::Get::Assume-Yes=true install curl")]
        [InlineData("RUN yes | apt-get install curl")]
        [InlineData("RUN apt-get update")]
        [InlineData("RUN apt-get clean")]
        [InlineData("RUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata")]
        public void Silent_when_the_answer_is_given(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR126");
        }

        [Fact]
        public void Silent_when_apt_is_configured_to_assume_yes()
        {
            AssertSilent(
                "FROM debian:12\n" +
                "RUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90assumeyes\n" +
                "RUN apt-get install curl\n",
                "DKR126");
        }
    }
}
