using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class AptInstallsRecommendedPackagesTests
    {
        [Fact]
        public void Reports_install_without_no_install_recommends()
        {
            AssertFindings(
                "FROM debian:12\n" +
                "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
                "DKR105", "DKR105@2:31");
        }

        [Fact]
        public void Reports_through_sudo_in_a_heredoc_and_across_continuations()
        {
            AssertFindings(
                "FROM ubuntu:24.04\n" +
                "RUN <<EOF\n" +
                "apt-get update\n" +
                "sudo apt-get -q install -y git\n" +
                "EOF\n" +
                "RUN apt-get update \\\n" +
                "# which tools\n" +
                "    && apt \\\n" +
                "       install -y curl\n",
                "DKR105", "DKR105@4:17", "DKR105@9:8");
        }

        [Fact]
        public void Reports_exec_form()
        {
            AssertFindings("FROM debian\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n", "DKR105", "DKR105@2:18");
        }

        [Theory]
        [InlineData("RUN apt-get install -y --no-install-recommends curl")]
        [InlineData("RUN apt-get install --no-install-recommends=true -y curl")]
        [InlineData("RUN apt-get -o APT::Install-Recommends=false install -y curl")]
        [InlineData("RUN apt-get install -y -o APT::Install-Recommends=0 curl")]
        [InlineData("RUN apt-get -f install -y")]
        [InlineData("RUN echo \"apt-get install curl\"")]
        [InlineData("RUN cat <<EOF > /usr/local/bin/setup\napt-get install -y curl\nEOF")]
        [InlineData("RUN python3 <<EOF\nimport os; os.system('apt-get install -y curl')\nEOF")]
        [InlineData("RUN apt-get update # && apt-get install curl")]
        public void Silent_when_recommends_are_off_or_nothing_is_installed(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR105");
        }

        [Fact]
        public void Silent_when_apt_is_configured_earlier_in_the_stage_chain()
        {
            AssertSilent(
                "FROM debian:12 AS base\n" +
                "RUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norecommends\n" +
                "FROM base\n" +
                "RUN apt-get update && apt-get install -y curl\n",
                "DKR105");
            AssertSilent(
                "FROM debian:12\n" +
                "COPY <<EOF /etc/apt/apt.conf.d/99-no-recommends\n" +
                "APT::Install-Recommends \"0\";\n" +
                "EOF\n" +
                "RUN apt-get update && apt-get install -y curl\n",
                "DKR105");
        }

        [Fact]
        public void Silent_for_powershell_and_cmd()
        {
            AssertSilent(
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" +
                "RUN apt-get install curl\n" +
                "SHELL [\"powershell\", \"-Command\"]\n" +
                "RUN apt-get install curl\n",
                "DKR105");
        }

        private const string BuildStageThenRuntime =
            "FROM debian:12 AS tools\n" +
            "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n" +
            "FROM tools AS build\n" +
            "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n" +
            "FROM debian:12-slim\n" +
            "COPY --from=build /out /app\n" +
            "RUN apt-get update && apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*\n";

        [Fact]
        public void Build_stages_that_do_not_ship_are_suggestions_the_final_chain_warnings()
        {
            AssertFindings(BuildStageThenRuntime, "DKR105", "DKR105@2:31", "DKR105@4:31", "DKR105@7:31");
            var findings = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(Run(BuildStageThenRuntime), d => d.Id == "DKR105"));
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, findings[0].Severity);
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Suggestion, findings[1].Severity);
            Assert.Contains("do not ship in the final image", findings[0].Message);
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, findings[2].Severity);
            Assert.EndsWith("list what you really need", findings[2].Message);
        }

        [Fact]
        public void A_stage_the_final_stage_builds_on_still_ships()
        {
            var dockerfile =
                "FROM debian:12 AS base\n" +
                "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n" +
                "FROM base AS final\n" +
                "USER app\n";
            AssertFindings(dockerfile, "DKR105", "DKR105@2:31");
            Assert.Equal(Docker.Build.Analyzers.Diagnostics.DiagnosticSeverity.Warning, Assert.Single(Run(dockerfile), d => d.Id == "DKR105").Severity);
        }
    }
}
