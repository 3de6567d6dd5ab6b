using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class SecretArgUsedInRunTests
    {
        [Fact]
        public void Reports_a_secret_argument_referenced_by_run()
        {
            var dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "ARG NUGET_PAT\n" +
                "ARG FEED_ACCESSTOKEN\n" +
                "RUN dotnet nuget add source https://pkgs.dev.azure.com/o/_packaging/f/nuget/v3/index.json -n feed -u x -p ${NUGET_PAT} --store-password-in-clear-text \\\n" +
                "    && echo \"$FEED_ACCESSTOKEN\" > /dev/null && echo $NUGET_PAT\n";
            AssertFindings(dockerfile, "DKR208", "DKR208@4:107", "DKR208@5:14");
            var message = Run(dockerfile).First(d => d.Id == "DKR208").Message;
            Assert.Contains("--mount=type=secret,id=nuget-pat,env=NUGET_PAT", message);
        }

        [Fact]
        public void Reports_credentials_that_tools_read_from_the_environment()
        {
            AssertFindings(
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "ARG VSS_NUGET_EXTERNAL_FEED_ENDPOINTS\n" +
                "RUN dotnet restore\n" +
                "FROM node:20\n" +
                "ARG NPM_TOKEN\n" +
                "RUN cat <<EOF > .npmrc\n" +
                "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n" +
                "EOF\n",
                "DKR208", "DKR208@3:5", "DKR208@7:34");
        }

        [Theory]
        [InlineData("ARG NUGET_PAT\nRUN --mount=type=secret,id=nuget,env=NUGET_PAT dotnet restore -p:Pat=$NUGET_PAT")]
        [InlineData("ARG NUGET_PAT\nRUN dotnet restore")]
        [InlineData("ARG BUILD_VERSION\nRUN echo $BUILD_VERSION")]
        [InlineData("ARG TOKEN_FILE=/run/secrets/token\nRUN cat $TOKEN_FILE")]
        [InlineData("ENV API_TOKEN=x\nRUN echo $API_TOKEN")]
        [InlineData("ARG NPM_TOKEN\nRUN cat <<'EOF' > .npmrc\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nEOF")]
        [InlineData("ARG GITHUB_TOKEN\nRUN [\"curl\", \"-H\", \"Authorization: $GITHUB_TOKEN\", \"https://x\"]")]
        public void Silent_without_a_secret_argument_reaching_run(string body)
        {
            AssertSilent("FROM debian:12\n" + body + "\n", "DKR208");
        }

        [Fact]
        public void A_global_argument_must_be_redeclared_in_the_stage()
        {
            AssertSilent("ARG NUGET_PAT\nFROM debian:12\nRUN echo $NUGET_PAT\n", "DKR208");
            AssertFindings("ARG NUGET_PAT\nFROM debian:12\nARG NUGET_PAT\nRUN echo $NUGET_PAT\n", "DKR208", "DKR208@4:10");
        }
    }
}
