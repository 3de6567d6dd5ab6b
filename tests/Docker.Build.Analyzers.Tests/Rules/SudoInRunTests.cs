using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class SudoInRunTests
    {
        [Fact]
        public void Reports_sudo_wherever_it_runs_a_command()
        {
            AssertFindings(
                "FROM ubuntu:24.04\n" +
                "RUN sudo apt-get update && env DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl\n" +
                "RUN <<EOF\n" +
                "if [ -x /usr/bin/sudo ]; then /usr/bin/sudo -u app make; fi\n" +
                "EOF\n" +
                "RUN sudo -i\n",
                "DKR206", "DKR206@2:5", "DKR206@2:63", "DKR206@4:31", "DKR206@6:5");
        }

        [Theory]
        [InlineData("RUN apt-get install -y sudo")]
        [InlineData("RUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app")]
        [InlineData("RUN command -v sudo")]
        [InlineData("RUN cat <<EOF > /usr/local/bin/x\nsudo ls\nEOF")]
        public void Silent_when_sudo_is_not_run(string run)
        {
            AssertSilent("FROM ubuntu:24.04\n" + run + "\n", "DKR206");
        }
    }
}
