using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    /// <summary>Text that would trigger every RUN rule, where no POSIX shell reads it, must stay silent.</summary>
    public class RunRulesDialectTests
    {
        private static readonly string[] ShellRuleIds =
        {
            "DKR105", "DKR106", "DKR107", "DKR108", "DKR109", "DKR110", "DKR117", "DKR118", "DKR119", "DKR125", "DKR126",
            "DKR205", "DKR206", "DKR207", "DKR208", "DKR210",
        };

        private const string Everything =
            "cd /app && sudo apt-get update && apt-get install curl && apt-get upgrade && apk add git && pip install flask && npm install && chmod 777 /x && curl -k https://x | sh && echo $NUGET_PAT";

        private static void AssertNoShellFindings(string dockerfile)
        {
            var ids = Run(dockerfile).Select(d => d.Id).Where(id => ShellRuleIds.Contains(id)).ToArray();
            Assert.Empty(ids);
        }

        [Fact]
        public void Triggers_fire_under_sh()
        {
            var ids = Run("FROM debian:12\nARG NUGET_PAT\nRUN " + Everything + "\n").Select(d => d.Id).Distinct().ToArray();
            Assert.Equal(ShellRuleIds.Except(new[] { "DKR107" }).OrderBy(i => i), ids.Where(id => ShellRuleIds.Contains(id)).OrderBy(i => i));
        }

        [Fact]
        public void PowerShell_shell_is_not_read_as_sh()
        {
            AssertNoShellFindings("FROM mcr.microsoft.com/dotnet/sdk:8.0\nARG NUGET_PAT\nSHELL [\"pwsh\", \"-Command\"]\nRUN " + Everything + "\n");
        }

        [Fact]
        public void Windows_images_and_backquote_escape_default_to_cmd()
        {
            AssertNoShellFindings("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nARG NUGET_PAT\nRUN " + Everything + "\n");
            AssertNoShellFindings("# escape=`\nARG BASE\nFROM $BASE\nARG NUGET_PAT\nRUN " + Everything + "\n");
        }

        [Fact]
        public void Heredocs_for_other_interpreters_and_data_are_not_read()
        {
            AssertNoShellFindings("FROM debian:12\nARG NUGET_PAT\nRUN python3 <<'EOF'\n" + Everything + "\nEOF\n");
            AssertNoShellFindings("FROM debian:12\nARG NUGET_PAT\nRUN cat <<'EOF' > /usr/local/bin/later.sh\n" + Everything + "\nEOF\n");
            AssertNoShellFindings("FROM debian:12\nARG NUGET_PAT\nRUN <<'EOF'\n#!/usr/bin/env node\n" + Everything + "\nEOF\n");
        }

        [Fact]
        public void Heredoc_scripts_are_read_like_the_shell_form()
        {
            var ids = Run("FROM debian:12\nARG NUGET_PAT\nRUN <<EOF\n" + Everything.Replace(" && ", "\n") + "\nEOF\n").Select(d => d.Id).Distinct();
            Assert.Contains("DKR205", ids);
            Assert.Contains("DKR208", ids);
            Assert.Contains("DKR126", ids);
        }
    }
}
