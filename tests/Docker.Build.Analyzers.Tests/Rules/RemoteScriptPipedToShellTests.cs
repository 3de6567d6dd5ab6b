using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class RemoteScriptPipedToShellTests
    {
        [Fact]
        public void Reports_downloads_piped_into_a_shell()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN curl -fsSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 8.0\n" +
                "RUN wget -qO- https://get.example.com | sudo -E sh\n" +
                "RUN curl -sSL https://install.python-poetry.org | python3 -\n" +
                "RUN curl -s https://x | tee /tmp/i.sh | sh\n",
                "DKR205", "DKR205@2:55", "DKR205@3:49", "DKR205@4:51", "DKR205@5:41");
        }

        [Fact]
        public void Reports_substitution_and_process_substitution_forms()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN sh -c \"$(curl -fsSL https://raw.example.com/install.sh)\"\n" +
                "RUN bash <(curl -fsSL https://x/setup)\n" +
                "RUN eval \"$(wget -O - https://x/env)\"\n" +
                "RUN <<EOF\n" +
                "source <(curl -s https://x/functions)\n" +
                "EOF\n",
                "DKR205", "DKR205@2:5", "DKR205@3:5", "DKR205@4:5", "DKR205@6:1");
        }

        [Theory]
        [InlineData("RUN curl -fsSL https://dot.net/v1/dotnet-install.sh | bash /dev/stdin --channel 8.0", 55)]
        [InlineData("RUN curl -fsSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 8.0", 55)]
        [InlineData("RUN sh -c \"$(curl -fsSL https://x/install.sh)\"", 5)]
        [InlineData("RUN bash <(curl -fsSL https://x/install.sh)", 5)]
        [InlineData("RUN wget -qO- https://x/install.sh | sh", 38)]
        [InlineData("RUN wget -O - https://x/install.sh | sudo bash", 43)]
        [InlineData("RUN curl https://x/install.sh | sh -", 33)]
        [InlineData("RUN curl -fsSL https://x/install.sh | sh /dev/fd/0 --yes", 39)]
        [InlineData("RUN curl -fsSL -o /dev/stdout https://x/install.sh | sh", 54)]
        [InlineData("RUN wget -q -O /dev/stdout https://x/install.sh | bash -s", 51)]
        [InlineData("RUN bash -c \"$(wget -qO- https://x/install.sh)\"", 5)]
        [InlineData("RUN set -e; apt-get update; curl -fsSL https://deb.nodesource.com/setup_20.x | bash -", 80)]
        public void Reports_real_installer_shapes(string run, int column) =>
            AssertFindings("FROM debian:12\n" + run + "\n", "DKR205", "DKR205@2:" + column);

        [Theory]
        [InlineData("RUN curl -fsSL https://x/app.tgz | tar xz -C /opt")]
        [InlineData("RUN wget -qO- https://x/key.asc | apt-key add -")]
        [InlineData("RUN curl -fsSL https://x/install.sh -o install.sh && sha256sum -c install.sh.sha256 && bash install.sh")]
        [InlineData("RUN curl -fsSL https://x/install.sh | sha256sum")]
        [InlineData("RUN curl -fsSL https://x/install.sh > /tmp/i.sh && echo \"abc  /tmp/i.sh\" | sha256sum -c - && bash /tmp/i.sh --channel 8.0")]
        public void Silent_for_more_verified_or_non_executed_downloads(string run) =>
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR205");

        [Theory]
        [InlineData("RUN curl -fsSLo /tmp/install.sh https://x && echo \"abc  /tmp/install.sh\" | sha256sum -c - && sh /tmp/install.sh")]
        [InlineData("RUN curl -fsSL https://x/app.tgz | tar xz")]
        [InlineData("RUN curl -O https://x/install.sh | sh")]
        [InlineData("RUN wget https://x/install.sh | sh")]
        [InlineData("RUN curl -fsSL https://x/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg")]
        [InlineData("RUN cat install.sh | sh")]
        [InlineData("RUN curl -s https://x | bash -c 'cat > /tmp/x'")]
        [InlineData("RUN VERSION=$(curl -s https://x/latest) && echo $VERSION")]
        [InlineData("RUN echo 'curl https://x | sh'")]
        public void Silent_for_verified_or_non_executed_downloads(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR205");
        }
    }
}
