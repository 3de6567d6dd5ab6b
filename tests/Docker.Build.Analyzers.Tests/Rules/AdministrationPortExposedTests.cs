using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AdministrationPortExposedTests
    {
        private const string Id = "DKR305";

        [Fact]
        public void Reports_SSH_at_the_port()
        {
            const string dockerfile = "FROM ubuntu:24.04\nEXPOSE 22\n";
            AssertFindings(dockerfile, Id, "DKR305@2:8");
            Assert.Contains("EXPOSE 22 announces SSH", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Theory]
        [InlineData("EXPOSE 80 3389", 11, "Remote Desktop")]
        [InlineData("EXPOSE 3389/udp", 8, "Remote Desktop")]
        [InlineData("EXPOSE 23/tcp", 8, "Telnet")]
        [InlineData("EXPOSE 2375", 8, "Docker Engine API without TLS")]
        [InlineData("EXPOSE 2376", 8, "Docker Engine API")]
        [InlineData("EXPOSE 5800", 8, "VNC over HTTP")]
        [InlineData("EXPOSE 5900-5910", 8, "VNC")]
        [InlineData("EXPOSE 5985 5986", 8, "WinRM over HTTP")]
        [InlineData("EXPOSE 20-25", 8, "SSH")]
        public void Reports_each_listed_service(string instruction, int column, string service)
        {
            string dockerfile = "FROM ubuntu:24.04\n" + instruction + "\n";
            var finding = Run(dockerfile).First(d => d.Id == Id);
            Assert.Equal((2, column), (finding.Line, finding.Column));
            Assert.Contains(service, finding.Message);
        }

        [Fact]
        public void Follows_the_final_stage_into_the_stages_it_builds_on() =>
            AssertFindings("FROM ubuntu:24.04 AS base\nEXPOSE 22\nFROM base AS final\nCMD [\"app\"]\n", Id, "DKR305@2:8");

        [Fact]
        public void Resolves_arguments() =>
            AssertFindings("FROM ubuntu:24.04\nARG SSH_PORT=22\nEXPOSE $SSH_PORT\n", Id, "DKR305@3:8");

        [Theory]
        [InlineData("FROM ubuntu:24.04\nEXPOSE 22/udp\n")]
        [InlineData("FROM ubuntu:24.04\nEXPOSE 2222 8080 443\n")]
        [InlineData("FROM ubuntu:24.04\nEXPOSE $PORT\n")]
        [InlineData("FROM ubuntu:24.04 AS tools\nEXPOSE 22\nFROM alpine:3.20\nCOPY --from=tools /usr/bin/ssh /usr/bin/ssh\n")]
        [InlineData("FROM ubuntu:24.04\nONBUILD EXPOSE 22\n")]
        public void Stays_silent_on_other_ports_and_other_stages(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
