using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AddRemoteWithoutChecksumTests
    {
        private const string Id = "DKR204";

        private static string Message(string dockerfile) => Run(dockerfile).Single(d => d.Id == Id).Message;

        [Fact]
        public void Reports_the_URL_of_an_ADD_without_checksum()
        {
            const string dockerfile = "FROM alpine:3.20\nADD https://example.com/app.tar.gz /opt/\n";
            AssertFindings(dockerfile, Id, "DKR204@2:5");
            Assert.Contains("--checksum=sha256:", Message(dockerfile));
            Assert.DoesNotContain("unencrypted", Message(dockerfile));
        }

        [Fact]
        public void Mentions_plain_http() =>
            Assert.Contains("over unencrypted http", Message("FROM alpine:3.20\nADD http://example.com/tool /usr/local/bin/tool\n"));

        [Fact]
        public void Reports_every_URL_source_and_each_after_flags() =>
            AssertFindings("FROM alpine:3.20\nADD --chmod=755 https://a.example/x HTTPS://b.example/y /opt/\n", Id, "DKR204@2:17", "DKR204@2:37");

        [Fact]
        public void Reports_a_URL_with_variables_in_it() =>
            AssertFindings("FROM alpine:3.20\nARG VERSION\nADD https://example.com/$VERSION/app.tgz /opt/\n", Id, "DKR204@3:5");

        [Fact]
        public void Resolves_a_URL_held_in_an_argument() =>
            AssertFindings("FROM alpine:3.20\nARG URL=https://example.com/app.zip\nADD $URL /opt/\n", Id, "DKR204@3:5");

        [Fact]
        public void Checks_ONBUILD_triggers() =>
            AssertFindings("FROM alpine:3.20\nONBUILD ADD https://example.com/a.tgz /opt/\n", Id, "DKR204@2:13");

        [Theory]
        [InlineData("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tgz /opt/")]
        [InlineData("ADD https://github.com/moby/buildkit.git#v0.10.1 /buildkit")]
        [InlineData("ADD https://github.com/moby/buildkit.git /buildkit")]
        [InlineData("ADD git@github.com:moby/buildkit.git /buildkit")]
        [InlineData("ADD app.tar.gz /opt/")]
        [InlineData("ARG URL\nADD $URL /opt/")]
        [InlineData("COPY https.conf /etc/")]
        [InlineData("RUN curl -fsSL https://example.com/app.tgz | tar -xz")]
        public void Stays_silent_on_verified_git_or_local_sources(string instruction) =>
            AssertSilent("FROM alpine:3.20\n" + instruction + "\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
