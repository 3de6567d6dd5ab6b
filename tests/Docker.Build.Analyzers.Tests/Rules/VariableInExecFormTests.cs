using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class VariableInExecFormTests
    {
        private const string Id = "DKR128";

        [Fact]
        public void Reports_the_variable_inside_the_JSON_string()
        {
            const string dockerfile = "FROM alpine:3.20\nCMD [\"echo\", \"$HOME\"]\n";
            AssertFindings(dockerfile, Id, "DKR128@2:15");
            var finding = Run(dockerfile).Single(d => d.Id == Id);
            Assert.Equal(15, finding.Column);
            Assert.Equal(20, finding.EndColumn);
            Assert.Contains("'$HOME' in the exec form of CMD is not expanded", finding.Message);
        }

        [Fact]
        public void Reports_braced_references_in_the_middle_of_an_argument()
        {
            const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"app.dll\", \"--urls\", \"http://+:${PORT}\"]\n";
            AssertFindings(dockerfile, Id, "DKR128@2:54");
            Assert.Equal(61, Run(dockerfile).Single(d => d.Id == Id).EndColumn);
        }

        [Fact]
        public void Reports_each_reference() =>
            AssertFindings("FROM alpine:3.20\nRUN [\"/app/setup\", \"--config\", \"$CONFIG_DIR/$CONFIG_FILE\"]\n", Id, "DKR128@2:33", "DKR128@2:45");

        [Fact]
        public void Checks_HEALTHCHECK_CMD_and_ONBUILD_triggers()
        {
            AssertFindings("FROM alpine:3.20\nHEALTHCHECK CMD [\"wget\", \"-q\", \"http://localhost:$PORT/health\"]\n", Id, "DKR128@2:50");
            AssertFindings("FROM alpine:3.20\nONBUILD CMD [\"serve\", \"$DIR\"]\n", Id, "DKR128@2:24");
        }

        [Fact]
        public void Reports_across_continuation_lines() =>
            AssertFindings("FROM alpine:3.20\nCMD [\"java\", \\\n     \"-jar\", \"$JAR\"]\n", Id, "DKR128@3:15");

        [Theory]
        [InlineData("CMD [\"sh\", \"-c\", \"echo $HOME\"]")]
        [InlineData("CMD [\"/bin/bash\", \"-lc\", \"exec app --port ${PORT}\"]")]
        [InlineData("ENTRYPOINT [\"/sbin/tini\", \"--\", \"/bin/sh\", \"-c\", \"exec app $ARGS\"]")]
        [InlineData("ENTRYPOINT [\"/usr/bin/env\", \"sh\", \"-c\", \"$CMD\"]")]
        [InlineData("RUN [\"pwsh\", \"-Command\", \"$env:PATH\"]")]
        [InlineData("RUN [\"powershell.exe\", \"-Command\", \"Write-Host $env:PATH\"]")]
        [InlineData("CMD [\"cmd\", \"/S\", \"/C\", \"echo %PATH% $X\"]")]
        [InlineData("CMD [\"C:\\\\Windows\\\\System32\\\\cmd.exe\", \"/C\", \"echo $X\"]")]
        [InlineData("CMD [\"envsubst\", \"$PORT\"]")]
        [InlineData("CMD echo $HOME")]
        [InlineData("CMD [\"echo\", \"costs $5\", \"$$\", \"\\\\$HOME\"]")]
        [InlineData("CMD [\"caddy\", \"run\", \"--config\", \"{$CADDY_CONFIG}\"]")]
        public void Stays_silent_when_a_shell_or_the_program_expands_it(string instruction) =>
            AssertSilent("FROM alpine:3.20\n" + instruction + "\n", Id);

        [Fact]
        public void Stays_silent_on_CMD_words_handed_to_a_shell_ENTRYPOINT()
        {
            AssertSilent("FROM alpine:3.20\nENTRYPOINT [\"/bin/sh\", \"-c\"]\nCMD [\"echo $HOME\"]\n", Id);
            AssertSilent("FROM alpine:3.20 AS base\nENTRYPOINT [\"sh\", \"-c\"]\nFROM base\nCMD [\"echo $HOME\"]\n", Id);
            AssertFindings("FROM alpine:3.20\nENTRYPOINT [\"/app\"]\nCMD [\"--home\", \"$HOME\"]\n", Id, "DKR128@3:17");
        }

        [Fact]
        public void Ignores_SHELL() =>
            AssertSilent("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
