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
