using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class InvalidExposePortTests
    {
        private const string Id = "DKR303";

        private static Diagnostic Single(string dockerfile) => Run(dockerfile).Single(d => d.Id == Id);

        [Theory]
        [InlineData("EXPOSE 70000", 8, "70000 is out of range: ports go from 1 to 65535")]
        [InlineData("EXPOSE 0", 8, "port 0 is not a port a service can listen on")]
        [InlineData("EXPOSE http", 8, "'http' is not a port number")]
        [InlineData("EXPOSE 80/http", 11, "'http' is not a protocol Docker knows")]
        [InlineData("EXPOSE 80/", 10, "the protocol after '/' is missing")]
        [InlineData("EXPOSE 8010-8000", 8, "the range ends before it starts: write 8000-8010")]
        [InlineData("EXPOSE 8000-", 8, "a port number is missing")]
        [InlineData("EXPOSE /tcp", 8, "a port number is missing")]
        [InlineData("EXPOSE 8000-99999/udp", 13, "99999 is out of range")]
        [InlineData("EXPOSE 127.0.0.1:80:80", 8, "an IP address or a host:container mapping does not belong in a Dockerfile")]
        [InlineData("EXPOSE 8080:80", 8, "publish it with 'docker run -p'")]
        [InlineData("EXPOSE 80 443 99999/udp", 15, "99999 is out of range")]
        public void Says_what_is_wrong_at_the_part_that_is_wrong(string instruction, int column, string problem)
        {
            string dockerfile = "FROM nginx:1.27\n" + instruction + "\n";
            AssertFindings(dockerfile, Id, $"DKR303@2:{column}");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains(problem, finding.Message);
        }

        [Fact]
        public void Only_suggests_lower_case_for_an_upper_case_protocol()
        {
            const string dockerfile = "FROM nginx:1.27\nEXPOSE 80/TCP\n";
            AssertFindings(dockerfile, Id, "DKR303@2:11");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
            Assert.Contains("'tcp'", finding.Message);
        }

        [Fact]
        public void Resolves_arguments_and_reports_at_the_whole_word()
        {
            const string dockerfile = "FROM nginx:1.27\nARG PORT=99999\nEXPOSE $PORT\n";
            AssertFindings(dockerfile, Id, "DKR303@3:8");
            Assert.Contains("'$PORT' (resolves to '99999')", Single(dockerfile).Message);
        }

        [Fact]
        public void Checks_ONBUILD_triggers() =>
            AssertFindings("FROM nginx:1.27\nONBUILD EXPOSE 0\n", Id, "DKR303@2:16");

        [Theory]
        [InlineData("EXPOSE 80")]
        [InlineData("EXPOSE 8080/tcp 53/udp 132/sctp")]
        [InlineData("EXPOSE 8000-8010")]
        [InlineData("EXPOSE 8000-8000/udp")]
        [InlineData("EXPOSE 65535")]
        [InlineData("EXPOSE $PORT")]
        [InlineData("EXPOSE ${PORT:-8080}")]
        [InlineData("ARG PORT=8080\nEXPOSE $PORT/tcp")]
        public void Stays_silent_on_valid_ports(string instruction) =>
            AssertSilent("FROM nginx:1.27\n" + instruction + "\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
