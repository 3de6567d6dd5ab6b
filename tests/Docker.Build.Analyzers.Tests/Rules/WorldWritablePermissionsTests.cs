using Docker.Build.Analyzers.Rules.Dockerfile;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class WorldWritablePermissionsTests
    {
        [Fact]
        public void Reports_chmod_mkdir_install_and_copy_modes()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN chmod -R 777 /app && chmod o+w /data && chmod u=rwx,go=rwx /x\n" +
                "RUN mkdir -m 0777 /shared && install -m 666 a.conf /etc/a.conf\n" +
                "COPY --chmod=777 entrypoint.sh /\n" +
                "ADD --chown=app --chmod=a+rw data.json /data/\n",
                "DKR207", "DKR207@2:14", "DKR207@2:32", "DKR207@2:51", "DKR207@3:14", "DKR207@3:41", "DKR207@4:14", "DKR207@5:25");
        }

        [Theory]
        [InlineData("RUN chmod 755 /app && chmod 644 /app/*.json && chmod +x /entrypoint.sh")]
        [InlineData("RUN chmod 1777 /tmp/shared")]
        [InlineData("RUN chmod +w /app/data")]
        [InlineData("RUN chmod u+w,g+w /app/data")]
        [InlineData("RUN chmod o-w /app && chmod a-w /etc/x")]
        [InlineData("RUN chmod 775 /app")]
        [InlineData("RUN chmod $MODE /app")]
        [InlineData("RUN chmod --reference=/a /b")]
        [InlineData("COPY --chmod=755 entrypoint.sh /")]
        [InlineData("RUN echo chmod 777 /app")]
        public void Silent_for_modes_that_keep_others_from_writing(string line)
        {
            AssertSilent("FROM debian:12\n" + line + "\n", "DKR207");
        }

        [Theory]
        [InlineData("777", true)]
        [InlineData("0777", true)]
        [InlineData("2777", true)]
        [InlineData("666", true)]
        [InlineData("002", true)]
        [InlineData("1777", false)]
        [InlineData("775", false)]
        [InlineData("o+w", true)]
        [InlineData("a+rwx", true)]
        [InlineData("ugo=rw", true)]
        [InlineData("u+x,o+rw", true)]
        [InlineData("+w", false)]
        [InlineData("o-w", false)]
        [InlineData("o+r", false)]
        [InlineData("go-w+r", false)]
        [InlineData("u=rwx,g=rx,o=", false)]
        public void Mode_parsing(string mode, bool expected)
        {
            Assert.Equal(expected, WorldWritablePermissions.GrantsOthersWrite(mode));
        }
    }
}
