using Docker.Build.Analyzers.Shell;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Shell
{
    public class ShellInfoTests
    {
        [Theory]
        [InlineData(new[] { "/bin/sh", "-c" }, "sh", ShellDialect.Posix, false)]
        [InlineData(new[] { "/bin/bash", "-o", "pipefail", "-c" }, "bash", ShellDialect.Posix, true)]
        [InlineData(new[] { "/bin/bash", "-eo", "pipefail", "-c" }, "bash", ShellDialect.Posix, true)]
        [InlineData(new[] { "/bin/bash", "-euxo", "pipefail", "-c" }, "bash", ShellDialect.Posix, true)]
        [InlineData(new[] { "/bin/ash", "-eo", "pipefail", "-c" }, "ash", ShellDialect.Posix, true)]
        [InlineData(new[] { "/bin/bash", "-c", "-o", "pipefail" }, "bash", ShellDialect.Posix, false)]
        [InlineData(new[] { "/usr/bin/env", "bash", "-o", "pipefail", "-c" }, "bash", ShellDialect.Posix, true)]
        [InlineData(new[] { "/bin/busybox", "sh", "-o", "pipefail", "-c" }, "ash", ShellDialect.Posix, true)]
        [InlineData(new[] { "zsh", "-c" }, "zsh", ShellDialect.Posix, false)]
        [InlineData(new[] { "powershell", "-Command", "$ErrorActionPreference = 'Stop';" }, "powershell", ShellDialect.PowerShell, false)]
        [InlineData(new[] { "pwsh.exe", "-c" }, "pwsh", ShellDialect.PowerShell, false)]
        [InlineData(new[] { "C:\\Windows\\System32\\cmd.exe", "/S", "/C" }, "cmd", ShellDialect.Cmd, false)]
        [InlineData(new[] { "fish", "-c" }, "fish", ShellDialect.Other, false)]
        public void Reads_shell_command_lines(string[] commandLine, string name, ShellDialect dialect, bool pipefail)
        {
            var info = ShellInfo.FromCommandLine(commandLine);
            Assert.Equal(name, info.Name);
            Assert.Equal(dialect, info.Dialect);
            Assert.Equal(pipefail, info.SetsPipefail);
        }

        [Fact]
        public void Pipefail_support_depends_on_the_shell()
        {
            Assert.True(ShellInfo.FromCommandLine(new[] { "bash", "-c" }).SupportsPipefail);
            Assert.True(ShellInfo.FromCommandLine(new[] { "/bin/ash", "-c" }).SupportsPipefail);
            Assert.False(ShellInfo.FromCommandLine(new[] { "/bin/dash", "-c" }).SupportsPipefail);
            Assert.Null(ShellInfo.Default.SupportsPipefail);
            Assert.False(ShellInfo.WindowsDefault.SupportsPipefail);
        }

        [Fact]
        public void Defaults()
        {
            Assert.Equal("sh", ShellInfo.Default.Name);
            Assert.True(ShellInfo.Default.IsDefault);
            Assert.Equal(ShellDialect.Cmd, ShellInfo.WindowsDefault.Dialect);
            Assert.True(ShellInfo.FromCommandLine(new[] { "/bin/sh", "-ec" }).SetsErrexit);
        }

        [Fact]
        public void Scripts_of_other_dialects_are_not_parsed()
        {
            var script = ShellScript.NotParsed(Docker.Build.Analyzers.Text.MappedText.Empty(0), ShellDialect.PowerShell);
            Assert.False(script.IsParsed);
            Assert.Empty(script.Commands);
        }
    }
}
