using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    /// <summary>
    /// <c>ONBUILD RUN</c> triggers run in every build that uses the image as its base: the RUN rules check their scripts
    /// like any RUN, and report at the trigger's command inside the ONBUILD line.
    /// </summary>
    public class OnbuildRunTriggerTests
    {
        [Fact]
        public void Apt_rules_see_the_trigger_script()
        {
            const string dockerfile =
                "FROM debian:12-slim\n" +
                "ONBUILD RUN apt-get update && apt-get install -y curl\n";
            // DKR105 points at the trigger's 'install'; every finding is on the ONBUILD line.
            AssertFindings(dockerfile, "DKR105", "DKR105@2:39");
            Assert.NotEmpty(Findings(dockerfile, "DKR106"));
            // Only the FROM line (base image rules) and the ONBUILD line have findings.
            Assert.All(Run(dockerfile), d => Assert.True(d.Line == 1 || d.Line == 2, d.Id + "@" + d.Line));
            Assert.Contains(Run(dockerfile), d => d.Line == 2 && d.Id == "DKR106");
        }

        [Fact]
        public void Remote_script_rule_sees_the_trigger_script()
        {
            AssertFindings("FROM debian:12-slim\nONBUILD RUN curl -fsSL https://x/install.sh | bash\n", "DKR205", "DKR205@2:47");
        }

        [Fact]
        public void Sudo_rule_sees_the_trigger_script()
        {
            AssertFindings("FROM debian:12-slim\nONBUILD RUN sudo make install\n", "DKR206", "DKR206@2:13");
        }

        [Fact]
        public void Apk_and_cd_rules_see_the_trigger_script_across_continuation_lines()
        {
            const string dockerfile =
                "FROM alpine:3.20\n" +
                "ONBUILD RUN apk add curl \\\n" +
                "    && make\n" +
                "ONBUILD RUN cd /src && make\n";
            AssertFindings(dockerfile, "DKR108", "DKR108@2:17");
            AssertFindings(dockerfile, "DKR117", "DKR117@4:13");
        }

        [Fact]
        public void Clean_triggers_and_other_trigger_kinds_stay_silent()
        {
            const string dockerfile =
                "FROM alpine:3.20\n" +
                "ONBUILD RUN apk add --no-cache curl\n" +
                "ONBUILD COPY . /src\n" +
                "ONBUILD RUN [\"make\", \"-C\", \"/src\"]\n";
            AssertSilent(dockerfile, "DKR108");
            AssertSilent(dockerfile, "DKR117");
            AssertSilent(dockerfile, "DKR206");
        }

        [Fact]
        public void The_trigger_is_in_the_run_scripts_with_its_onbuild_instruction()
        {
            var model = DockerfileModel.Create(DockerfileParser.Parse("FROM alpine:3.20\nRUN make\nONBUILD RUN make install\n"));
            var runs = RunScripts.Create(model);
            Assert.Equal(2, runs.All.Count);
            Assert.Null(runs.All[0].Onbuild);
            var trigger = runs.All[1];
            Assert.NotNull(trigger.Onbuild);
            Assert.Same(trigger.Onbuild!.Trigger, trigger.Instruction);
            Assert.Equal("make", trigger.Commands[0].CommandName);
            Assert.Same(trigger, runs.Get(trigger.Instruction));
        }
    }
}
