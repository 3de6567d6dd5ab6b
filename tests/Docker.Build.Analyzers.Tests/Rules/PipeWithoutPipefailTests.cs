using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class PipeWithoutPipefailTests
    {
        [Fact]
        public void Reports_a_pipe_under_the_default_shell_and_recommends_bash()
        {
            var dockerfile =
                "FROM debian:12\n" +
                "RUN curl -fsSL https://x/app.tgz | tar -xz -C /opt\n";
            AssertFindings(dockerfile, "DKR119", "DKR119@2:34");
            var message = Run(dockerfile).Single(d => d.Id == "DKR119").Message;
            Assert.Contains("'curl'", message);
            Assert.Contains("dash", message);
            Assert.Contains("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", message);
        }

        [Fact]
        public void Recommends_set_o_pipefail_where_the_shell_supports_it()
        {
            var findings = Run(
                "FROM alpine:3.20\n" +
                "RUN wget -qO- https://x/a.tgz | tar xz\n" +
                "FROM debian:12\n" +
                "SHELL [\"/bin/bash\", \"-c\"]\n" +
                "RUN cat /etc/os-release | grep VERSION\n").Where(d => d.Id == "DKR119").ToArray();
            Assert.Equal(new[] { 2, 5 }, findings.Select(d => d.Line));
            Assert.All(findings, d => Assert.Contains("set -o pipefail", d.Message));
        }

        [Fact]
        public void Reports_in_heredocs_and_exec_form_shells()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN <<EOF\n" +
                "set -e\n" +
                "curl -s https://x | gunzip > /x\n" +
                "EOF\n" +
                "RUN [\"/bin/sh\", \"-c\", \"ls | wc -l\"]\n",
                "DKR119", "DKR119@4:19", "DKR119@6:27");
        }

        [Theory]
        [InlineData("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -s x | tar x")]
        [InlineData("SHELL [\"/bin/bash\", \"-euxo\", \"pipefail\", \"-c\"]\nRUN curl -s x | tar x")]
        [InlineData("RUN set -o pipefail && curl -s x | tar x")]
        [InlineData("RUN set -euo pipefail; curl -s x | tar x")]
        [InlineData("RUN <<EOF\n#!/bin/bash\nset -Eeuo pipefail\ncurl -s x | tar x\nEOF")]
        [InlineData("RUN bash -eo pipefail <<EOF\ncurl -s x | tar x\nEOF")]
        [InlineData("RUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"curl -s x | tar x\"]")]
        [InlineData("RUN echo 'deb http://x stable main' | tee /etc/apt/sources.list.d/x.list")]
        [InlineData("RUN yes | apt-get install foo")]
        [InlineData("RUN if curl -s x | grep -q ok; then echo ok; fi")]
        [InlineData("RUN curl -s x | tar x || echo 'optional download failed'")]
        [InlineData("RUN echo a || b")]
        [InlineData("SHELL [\"pwsh\", \"-Command\"]\nRUN Get-ChildItem | Select-Object Name")]
        public void Silent_when_pipefail_is_on_or_the_failure_is_handled(string body)
        {
            AssertSilent("FROM debian:12\n" + body + "\n", "DKR119");
        }

        [Fact]
        public void Shell_with_pipefail_is_inherited_from_the_base_stage()
        {
            AssertSilent(
                "FROM debian:12 AS base\n" +
                "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n" +
                "FROM base\n" +
                "RUN curl -s x | tar x\n",
                "DKR119");
        }

        [Fact]
        public void Set_plus_o_pipefail_turns_it_off_again()
        {
            AssertFindings("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN set -o pipefail; set +o pipefail; curl -s x | tar x\n", "DKR119", "DKR119@3:49");
        }
    }
}
