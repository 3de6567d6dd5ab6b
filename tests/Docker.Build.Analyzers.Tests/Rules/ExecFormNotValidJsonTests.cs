using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class ExecFormNotValidJsonTests
    {
        private const string Id = "DKR124";

        private static string Message(string dockerfile) => Run(dockerfile).Single(d => d.Id == Id).Message;

        [Fact]
        public void Reports_single_quotes_at_the_arguments()
        {
            const string dockerfile = "FROM node:20.11-alpine\nCMD ['npm', 'start']\n";
            AssertFindings(dockerfile, Id, "DKR124@2:5");
            Assert.Contains("single quotes", Message(dockerfile));
            Assert.Contains("runs the text through a shell", Message(dockerfile));
        }

        [Theory]
        [InlineData("ENTRYPOINT [\"dotnet\", \"app.dll\",]", 12, "a comma comes before the closing ']'")]
        [InlineData("ENTRYPOINT [\"C:\\app\\app.exe\"]", 12, "a backslash before 'a' is not a JSON escape")]
        [InlineData("CMD [\"npm\", \"start\"", 5, "the closing ']' is missing")]
        [InlineData("CMD [npm, start]", 5, "an item is not a double-quoted string")]
        [InlineData("CMD [\"npm\" \"start\"]", 5, "a comma is missing between two strings")]
        [InlineData("CMD [\u201Cnpm\u201D, \u201Cstart\u201D]", 5, "typographic quotes")]
        [InlineData("CMD [\"npm\", \"start\"] # start the app", 5, "text follows the closing ']'")]
        [InlineData("RUN [\"apt-get\", \"update\",]", 5, "a comma comes before")]
        [InlineData("CMD [ 'npm', 'start' ]", 5, "single quotes")]
        [InlineData("HEALTHCHECK CMD ['curl', '-f', 'http://localhost/']", 17, "single quotes")]
        [InlineData("HEALTHCHECK --interval=30s CMD [\"curl\" \"-f\"]", 32, "a comma is missing")]
        public void Says_what_is_wrong(string instruction, int column, string problem)
        {
            string dockerfile = "FROM alpine:3.20\n" + instruction + "\n";
            AssertFindings(dockerfile, Id, $"DKR124@2:{column}");
            Assert.Contains(problem, Message(dockerfile));
        }

        [Fact]
        public void Checks_ONBUILD_triggers() =>
            AssertFindings("FROM alpine:3.20\nONBUILD RUN ['make']\n", Id, "DKR124@2:13");

        [Theory]
        [InlineData("RUN [ -f /etc/os-release ] && cat /etc/os-release")]
        [InlineData("RUN [ \"$MODE\" = \"debug\" ] || exit 0")]
        [InlineData("RUN [ -d /app ]")]
        [InlineData("RUN [[ -d /app ]] && echo yes")]
        [InlineData("RUN [ -n \"$A\" ] && echo a,b")]
        [InlineData("CMD [\"npm\", \"start\"]")]
        [InlineData("CMD []")]
        [InlineData("ENTRYPOINT [\"C:\\\\app\\\\app.exe\"]")]
        [InlineData("CMD npm start")]
        public void Stays_silent_on_valid_exec_forms_and_shell_tests(string instruction) =>
            AssertSilent("FROM alpine:3.20\n" + instruction + "\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
