using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class ChangeDirectoryInsteadOfWorkdirTests
    {
        [Fact]
        public void Reports_a_run_that_starts_with_cd()
        {
            AssertFindings(
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\n" +
                "COPY . /src\n" +
                "RUN cd /src && dotnet restore\n" +
                "RUN set -eux; \\\n" +
                "    cd /src/App; \\\n" +
                "    dotnet publish -c Release -o /out\n",
                "DKR117", "DKR117@3:5", "DKR117@5:5");
        }

        [Fact]
        public void Reports_a_cd_that_is_all_the_run_does_or_ends_it()
        {
            var findings = Run(
                "FROM alpine:3.20\n" +
                "RUN cd /app\n" +
                "RUN mkdir -p /app && cd /app\n");
            var cd = findings.Where(d => d.Id == "DKR117").ToArray();
            Assert.Equal(new[] { "DKR117@2:5", "DKR117@3:22" }, cd.Select(d => $"{d.Id}@{d.Line}:{d.Column}"));
            Assert.Contains("is all this RUN does", cd[0].Message);
            Assert.Contains("at the end of a RUN has no effect", cd[1].Message);
        }

        [Fact]
        public void Reports_a_heredoc_script_that_starts_with_cd()
        {
            AssertFindings(
                "FROM node:20\n" +
                "RUN <<EOF\n" +
                "cd /app\n" +
                "npm ci\n" +
                "EOF\n",
                "DKR117", "DKR117@3:1");
        }

        [Theory]
        [InlineData("RUN (cd /src && make) && make install")]
        [InlineData("RUN git clone https://x/repo.git && cd repo && make")]
        [InlineData("RUN mkdir -p /build && cd /build && cmake .. && cd / && rm -rf /build")]
        [InlineData("RUN cd /tmp && curl -fsSLO https://x/a.tgz && tar xzf a.tgz")]
        [InlineData("RUN cd \"$(mktemp -d)\" && curl -fsSLO https://x/a.tgz")]
        [InlineData("RUN cd - && ls")]
        [InlineData("RUN cd && ls")]
        [InlineData("RUN cd $HOME && ls")]
        [InlineData("RUN if [ -d /src ]; then cd /src && make; fi")]
        [InlineData("RUN for d in a b; do cd /$d; done")]
        [InlineData("RUN x=$(cd /a && pwd) && echo $x")]
        [InlineData("RUN make && cd /")]
        [InlineData("RUN echo cd /app")]
        [InlineData("RUN [\"cd\", \"/app\"]")]
        public void Silent_for_cd_that_does_not_stand_in_for_workdir(string run)
        {
            AssertSilent("FROM alpine:3.20\n" + run + "\n", "DKR117");
        }

        [Fact]
        public void Reports_relative_workdir_without_an_absolute_one_before()
        {
            AssertFindings(
                "FROM alpine:3.20\n" +
                "WORKDIR app\n" +
                "WORKDIR src\n" +
                "ARG SUB=build\n" +
                "FROM alpine:3.20\n" +
                "ARG SUB=build\n" +
                "WORKDIR $SUB\n",
                "DKR117", "DKR117@2:9", "DKR117@7:9");
        }

        [Fact]
        public void Silent_for_absolute_quoted_windows_variable_and_inherited_workdirs()
        {
            AssertSilent(
                "FROM alpine:3.20 AS base\n" +
                "WORKDIR \"/src/app\"\n" +
                "WORKDIR obj\n" +
                "FROM base\n" +
                "WORKDIR bin\n" +
                "FROM alpine:3.20\n" +
                "WORKDIR $APP_HOME\n" +
                "ARG DIR\n" +
                "WORKDIR ${DIR}/x\n",
                "DKR117");
            AssertSilent(
                "# escape=`\n" +
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" +
                "WORKDIR C:\\app\n" +
                "WORKDIR c:/tools\n" +
                "WORKDIR \\inetpub\n",
                "DKR117");
        }
    }
}
