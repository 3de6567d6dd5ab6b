using System.Linq;
using Docker.Build.Analyzers.Shell;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Shell
{
    public class CommandInvocationTests
    {
        private static SimpleCommand Command(string text) => ShellScript.Parse(text).Commands.First();

        [Theory]
        [InlineData("sudo apt-get install -y curl", "sudo")]
        [InlineData("sudo -u root -E apt-get install -y curl", "sudo")]
        [InlineData("sudo --preserve-env=PATH DEBIAN_FRONTEND=noninteractive apt-get install -y curl", "sudo")]
        [InlineData("env -i PATH=/bin apt-get install -y curl", "env")]
        [InlineData("nice -n 10 apt-get install -y curl", "nice")]
        [InlineData("nice -10 apt-get install -y curl", "nice")]
        [InlineData("time -p apt-get install -y curl", "time")]
        [InlineData("nohup apt-get install -y curl", "nohup")]
        [InlineData("exec apt-get install -y curl", "exec")]
        [InlineData("command apt-get install -y curl", "command")]
        [InlineData("eatmydata apt-get install -y curl", "eatmydata")]
        [InlineData("timeout 300 apt-get install -y curl", "timeout")]
        [InlineData("xargs -r -n 1 apt-get install -y curl", "xargs")]
        [InlineData("/usr/bin/sudo -E env A=1 nice apt-get install -y curl", "sudo")]
        public void Wrappers_are_looked_through(string text, string firstWrapper)
        {
            var command = Command(text);
            var effective = command.EffectiveCommand;
            Assert.Equal("apt-get", effective.CommandName);
            Assert.Equal(new[] { "install", "-y", "curl" }, effective.Arguments.Select(a => a.Value));
            Assert.Equal(firstWrapper, SimpleCommand.BaseName(effective.Wrappers[0].Value));
            Assert.Same(command, effective.Command);
            Assert.Equal(text.Split(' ')[0], command.Name!.Value);
        }

        [Fact]
        public void Sudo_is_visible_through_the_effective_command()
        {
            var effective = Command("sudo -E apt-get update").EffectiveCommand;
            Assert.True(effective.UsesSudo);
            Assert.True(effective.HasWrapper("sudo"));
            Assert.False(Command("apt-get update").EffectiveCommand.UsesSudo);
        }

        [Fact]
        public void Environment_from_assignments_and_env()
        {
            var effective = Command("PIP_NO_CACHE_DIR=1 sudo env NODE_TLS_REJECT_UNAUTHORIZED=0 npm install").EffectiveCommand;
            Assert.Equal("npm", effective.CommandName);
            Assert.Equal(new[] { "PIP_NO_CACHE_DIR", "NODE_TLS_REJECT_UNAUTHORIZED" }, effective.Environment.Select(e => e.Name));
            Assert.Equal("0", effective.FindEnvironment("NODE_TLS_REJECT_UNAUTHORIZED")!.Value);
        }

        [Theory]
        [InlineData("command -v curl")]
        [InlineData("sudo -l")]
        [InlineData("sudo")]
        [InlineData("env")]
        [InlineData("time")]
        public void Lookups_and_bare_wrappers_run_nothing_else(string text)
        {
            var command = Command(text);
            Assert.Equal(command.CommandName, command.EffectiveCommand.CommandName);
            Assert.Empty(command.EffectiveCommand.Wrappers);
        }

        [Theory]
        [InlineData("apt-get install -y curl", true)]
        [InlineData("apt-get install -qy curl", true)]
        [InlineData("apt-get install -yq curl", true)]
        [InlineData("apt-get install --yes curl", true)]
        [InlineData("apt-get install --assume-yes curl", true)]
        [InlineData("apt-get install --yes=true curl", true)]
        [InlineData("apt-get install curl -y", true)]
        [InlineData("apt-get install -q curl", false)]
        [InlineData("apt-get install yes curl", false)]
        [InlineData("apt-get install -- -y", false)]
        [InlineData("apt-get -oAPT::Get::Assume-Yes=true install curl", false)]
        [InlineData("apt-get install \"-y\" curl", true)]
        public void Options_are_found_in_bundles_and_long_forms(string text, bool expected)
        {
            Assert.Equal(expected, Command(text).EffectiveCommand.HasOption("-y", "--yes", "--assume-yes"));
        }

        [Fact]
        public void Longer_single_dash_names_match_whole_words_only()
        {
            Assert.True(Command("apt-get install -qq curl").EffectiveCommand.HasOption("-qq"));
            Assert.False(Command("apt-get install -q curl").EffectiveCommand.HasOption("-qq"));
            Assert.True(Command("apt-get install -qq curl").EffectiveCommand.HasOption("-q"));
        }

        [Fact]
        public void Glued_values_are_not_bundles()
        {
            var mvn = Command("mvn -Dmaven.test.skip=true -Xmx512m package").EffectiveCommand;
            Assert.True(mvn.HasOption("-D"));
            Assert.False(mvn.HasOption("-m"));
            Assert.False(mvn.HasOption("-t"));
        }

        [Theory]
        [InlineData("apt-get -q install curl", "install")]
        [InlineData("apt-get -o Dpkg::Options::=--force-confold install curl", "install")]
        [InlineData("apt-get -oDpkg::Options::=--force-confold -y install curl", "install")]
        [InlineData("apt-get --option Acquire::Retries=3 -y upgrade", "upgrade")]
        [InlineData("apk --repository http://x --no-cache add git", "add")]
        [InlineData("git -C /src -c http.sslVerify=false clone x", "clone")]
        [InlineData("npm --prefix /app install", "install")]
        [InlineData("pip3 --trusted-host pypi.org install requests", "install")]
        [InlineData("sudo -u app npm -g install yarn", "install")]
        [InlineData("apt-get", null)]
        public void Subcommand_is_the_first_non_option_argument(string text, string? expected)
        {
            Assert.Equal(expected, Command(text).EffectiveCommand.Subcommand?.Value);
        }

        [Fact]
        public void Operands_after_the_subcommand_skip_options_and_their_values()
        {
            var apt = Command("apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confnew curl=7.88 git -t bookworm-backports").EffectiveCommand;
            Assert.Equal(new[] { "curl=7.88", "git" }, apt.OperandsAfterSubcommand.Select(o => o.Value));
        }

        [Fact]
        public void Option_values()
        {
            var wget = Command("wget -q -O - https://x").EffectiveCommand;
            Assert.Equal("-", wget.OptionValue("-O", "--output-document")!.Value);
            var wget2 = Command("wget --output-document=/tmp/x https://x").EffectiveCommand;
            Assert.Equal("/tmp/x", wget2.OptionValue("-O", "--output-document")!.Value);
            var curl = Command("curl -fsSLo /tmp/x https://x").EffectiveCommand;
            Assert.Equal("/tmp/x", curl.OptionValue("-o")!.Value);
            Assert.True(curl.HasOption("-L"));
            Assert.Equal(new[] { "https://x" }, curl.Operands.Select(o => o.Value));
            var apt = Command("apt-get -o A=1 -o B=2 install").EffectiveCommand;
            Assert.Equal(new[] { "A=1", "B=2" }, apt.OptionValues("-o", "--option"));
        }

        [Fact]
        public void A_tool_inside_another()
        {
            var python = Command("python3 -m pip install --no-cache-dir requests").EffectiveCommand;
            int m = python.Arguments.ToList().FindIndex(a => a.Value == "pip");
            var pip = python.StartingAt(m);
            Assert.Equal("pip", pip.CommandName);
            Assert.Equal("install", pip.Subcommand!.Value);
            Assert.True(pip.HasOption("--no-cache-dir"));
        }

        [Fact]
        public void Command_name_helpers()
        {
            Assert.Equal("apt-get", SimpleCommand.BaseName("/usr/bin/apt-get"));
            Assert.Equal("cmd", SimpleCommand.BaseName("C:\\Windows\\System32\\cmd.exe"));
            var c = Command("/usr/bin/apt-get -y install curl");
            Assert.Equal("apt-get", c.CommandName);
            Assert.True(c.HasOption("-y"));
            Assert.Equal("install", c.Subcommand!.Value);
        }
    }
}
