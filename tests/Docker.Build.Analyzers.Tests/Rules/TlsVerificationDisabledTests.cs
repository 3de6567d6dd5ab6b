using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class TlsVerificationDisabledTests
    {
        [Fact]
        public void Reports_tool_options_that_turn_checks_off()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN curl -fsSLk https://x -o /x && wget --no-check-certificate https://y\n" +
                "RUN pip install --trusted-host pypi.org flask && python3 -m pip config set global.trusted-host pypi.org\n" +
                "RUN git -c http.sslVerify=false clone https://x && git config --global http.sslverify false\n" +
                "RUN npm config set strict-ssl false && apk add --allow-untrusted x.apk\n" +
                "RUN apt-get install -y --allow-unauthenticated x && apt-get -o Acquire::https::Verify-Peer=false update\n" +
                "RUN dotnet nuget add source http://feed/index.json -n f --allow-insecure-connections\n" +
                "RUN dnf install -y --nogpgcheck x\n",
                "DKR210",
                "DKR210@2:10", "DKR210@2:41",
                "DKR210@3:17", "DKR210@3:76",
                "DKR210@4:12", "DKR210@4:72",
                "DKR210@5:20", "DKR210@5:48",
                "DKR210@6:24", "DKR210@6:64",
                "DKR210@7:57",
                "DKR210@8:20");
        }

        [Fact]
        public void Reports_variables_in_run_env_and_arg()
        {
            AssertFindings(
                "FROM node:20\n" +
                "ENV NODE_TLS_REJECT_UNAUTHORIZED=0 PYTHONHTTPSVERIFY=0\n" +
                "ARG GIT_SSL_NO_VERIFY=true\n" +
                "RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export PIP_TRUSTED_HOST=pypi.org\n",
                "DKR210", "DKR210@2:5", "DKR210@2:36", "DKR210@3:5", "DKR210@4:5", "DKR210@4:53");
        }

        [Theory]
        [InlineData("RUN dnf install -y --setopt=gpgcheck=0 x", "--setopt=gpgcheck=0")]
        [InlineData("RUN yum --setopt=myrepo.sslverify=false install -y x", "--setopt=myrepo.sslverify=false")]
        [InlineData("RUN conda config --set ssl_verify false", "ssl_verify false")]
        [InlineData("RUN GIT_SSL_NO_VERIFY=1 git clone https://x", "GIT_SSL_NO_VERIFY=1")]
        [InlineData("RUN env PYTHONHTTPSVERIFY=0 python3 fetch.py", "PYTHONHTTPSVERIFY=0")]
        [InlineData("RUN apt-get -oAcquire::https::Verify-Peer=false update", "-oAcquire::https::Verify-Peer=false")]
        [InlineData("RUN yarn config set enableStrictSsl false", "enableStrictSsl false")]
        [InlineData("RUN npm ci --no-strict-ssl", "--no-strict-ssl")]
        [InlineData("RUN rpm -i --nosignature x.rpm", "--nosignature")]
        [InlineData("RUN [\"curl\", \"--insecure\", \"-o\", \"/x\", \"https://x\"]", "--insecure")]
        public void Reports_more_switches(string line, string what)
        {
            var findings = Run("FROM debian:12\n" + line + "\n").Where(d => d.Id == "DKR210").ToArray();
            var finding = Assert.Single(findings);
            Assert.StartsWith("'" + what + "'", finding.Message);
            Assert.Equal(2, finding.Line);
        }

        [Theory]
        [InlineData("RUN curl -fsSL https://x -o /x")]
        [InlineData("RUN curl --cacert /etc/ssl/corp.pem https://x")]
        [InlineData("ENV NODE_TLS_REJECT_UNAUTHORIZED=1")]
        [InlineData("RUN git config --global http.sslverify true")]
        [InlineData("RUN npm config set strict-ssl true")]
        [InlineData("RUN pip install --index-url https://pypi.org/simple flask")]
        [InlineData("RUN echo curl -k https://x")]
        [InlineData("RUN apt-get -o Acquire::Retries=3 update")]
        public void Silent_when_checks_stay_on(string line)
        {
            AssertSilent("FROM debian:12\n" + line + "\n", "DKR210");
        }
    }
}
