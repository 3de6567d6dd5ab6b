using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AddInsteadOfCopyTests
    {
        private const string Id = "DKR111";

        [Fact]
        public void Reports_a_local_file_at_the_ADD_keyword()
        {
            AssertFindings("FROM alpine:3.20\nADD app.conf /etc/app.conf\n", Id, "DKR111@2:1");
            var finding = Run("FROM alpine:3.20\nADD app.conf /etc/app.conf\n").Single(d => d.Id == Id);
            Assert.Contains("'app.conf'", finding.Message);
            Assert.Contains("Use COPY", finding.Message);
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nADD . /app\n", 2)]
        [InlineData("FROM alpine:3.20\nADD a.txt b.txt /app/\n", 2)]
        [InlineData("FROM alpine:3.20\nADD [\"my file.txt\", \"/app/\"]\n", 2)]
        [InlineData("FROM alpine:3.20\nADD --chown=app:app --chmod=644 src/ /app/\n", 2)]
        [InlineData("FROM alpine:3.20\nADD --link app.zip /opt/\n", 2)] // zip files are not extracted
        [InlineData("FROM alpine:3.20\nADD --unpack=false app.tar.gz /opt/\n", 2)]
        [InlineData("FROM alpine:3.20\nADD src/*.cs /src/\n", 2)]
        [InlineData("FROM alpine:3.20\nARG CONFIG=app.json\nADD $CONFIG /app/\n", 3)]
        public void Reports_local_sources(string dockerfile, int line) =>
            AssertFindings(dockerfile, Id, $"DKR111@{line}:1");

        [Fact]
        public void Reports_a_heredoc_source() =>
            AssertFindings("FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n", Id, "DKR111@2:1");

        [Fact]
        public void Reports_an_ONBUILD_trigger_at_its_ADD() =>
            AssertFindings("FROM alpine:3.20\nONBUILD ADD . /app/src\n", Id, "DKR111@2:9");

        [Fact]
        public void Reports_a_lower_case_add() =>
            AssertFindings("from alpine:3.20\nadd app.conf /etc/\n", Id, "DKR111@2:1");

        [Theory]
        [InlineData("ADD https://example.com/app.tar.gz /opt/")]
        [InlineData("ADD http://example.com/tool /usr/local/bin/tool")]
        [InlineData("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tgz /opt/")]
        [InlineData("ADD https://github.com/moby/buildkit.git#v0.10.1 /buildkit")]
        [InlineData("ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.10.1 /buildkit")]
        [InlineData("ADD git@github.com:moby/buildkit.git /buildkit")]
        [InlineData("ADD rootfs.tar /")]
        [InlineData("ADD rootfs.tar.gz /")]
        [InlineData("ADD rootfs.tgz /")]
        [InlineData("ADD rootfs.tar.bz2 /")]
        [InlineData("ADD rootfs.tbz2 /")]
        [InlineData("ADD rootfs.tar.xz /")]
        [InlineData("ADD rootfs.txz /")]
        [InlineData("ADD rootfs.tar.zst /")]
        [InlineData("ADD app.conf rootfs.tar.gz /")]
        [InlineData("ADD dist/* /app/")]
        [InlineData("ADD *.tar.gz /opt/")]
        [InlineData("ADD pkg-?.tgz /opt/")]
        [InlineData("ARG ARTIFACT\nADD $ARTIFACT /opt/")]
        [InlineData("ADD --unpack=true tool.bin /opt/")]
        [InlineData("ADD --from=build /out /app")] // not an ADD flag: the build fails, nothing to advise
        [InlineData("COPY app.conf /etc/app.conf")]
        public void Stays_silent_when_ADD_does_something_COPY_cannot(string instruction) =>
            AssertSilent("FROM alpine:3.20\n" + instruction + "\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
