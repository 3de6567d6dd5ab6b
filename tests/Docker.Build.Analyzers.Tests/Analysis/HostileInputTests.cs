using System;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Dockerfile;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>Random Dockerfile-shaped input: the parser round-trips it and the engine never throws or reports DKR903.</summary>
    public class HostileInputTests
    {
        private static readonly string[] Pieces =
        {
            "FROM ", "from ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "USER ", "WORKDIR ", "EXPOSE ", "CMD ",
            "ENTRYPOINT ", "HEALTHCHECK ", "SHELL ", "ONBUILD ", "VOLUME ", "STOPSIGNAL ", "MAINTAINER ",
            "alpine", ":latest", "@sha256:", " AS ", "build", "$", "${", "}", "{", ":-", ":+", "=", "\"", "'", "\\", "`",
            "\n", "\r\n", "\r", "\\\n", "# ", "# escape=`\n", "# syntax=x\n", "[", "]", ",", "\"a\"", "<<EOF", "<<-X", "EOF\n",
            "--from=", "--mount=type=cache,target=/x", "--chmod=777 ", "&&", "||", "|", ";", "(", ")", "$(", "`", " ", "\t",
            "apt-get install -y curl", "curl -k https://u:p@h/x | sh", "cd /x", "root", "0", "8080/tcp", "70000", "*",
            "\u00e9", "\uFEFF", "\0",
        };

        [Fact]
        public void Random_inputs_never_crash_and_always_round_trip()
        {
            var random = new Random(20261123);
            for (int iteration = 0; iteration < 400; iteration++)
            {
                var sb = new StringBuilder();
                int count = random.Next(1, 80);
                for (int i = 0; i < count; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
                string text = sb.ToString();

                var syntax = DockerfileParser.Parse(text);
                Assert.Equal(text, syntax.ToFullString());
                var model = DockerfileModel.Create(syntax);
                Assert.NotNull(model);

                var findings = Run(text);
                Assert.DoesNotContain(findings, d => d.Id == "DKR903");
                Assert.All(findings, d => Assert.True(d.Line >= 1 && d.Column >= 1, $"bad position {d} for input {Escape(text)}"));
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n\n\n")]
        [InlineData("FROM ${\n")]
        [InlineData("FROM $\n")]
        [InlineData("FROM a AS\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from= a b\n")]
        [InlineData("FROM alpine:3.20\nRUN [\n")]
        [InlineData("FROM alpine:3.20\nENV =x\n")]
        [InlineData("FROM alpine:3.20\nONBUILD\n")]
        [InlineData("FROM alpine:3.20\nONBUILD ONBUILD RUN x\n")]
        [InlineData("FROM alpine:3.20\nHEALTHCHECK CMD\n")]
        [InlineData("FROM alpine:3.20\nUSER\n")]
        [InlineData("FROM alpine:3.20\nRUN <<\n")]
        [InlineData("FROM alpine:3.20\nRUN <<''\n")]
        [InlineData("FROM alpine:3.20\nEXPOSE ${PORT:-\n")]
        public void Edge_inputs_never_crash(string text)
        {
            AssertRoundTrip(text);
            var findings = Run(text);
            Assert.DoesNotContain(findings, d => d.Id == "DKR903");
        }

        [Fact]
        public void Very_long_lines_and_many_continuations()
        {
            string text = "FROM alpine:3.20\nRUN echo " + new string('a', 200_000) + " " + string.Concat(Enumerable.Repeat("\\\n  b ", 5_000)) + "\nUSER app\n";
            AssertRoundTrip(text);
            Assert.DoesNotContain(Run(text), d => d.Id == "DKR903");
        }

        private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\r", "\\r");
    }
}
