using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class PackageVersionNotPinnedTests
    {
        [Fact]
        public void Reports_each_command_with_unpinned_packages_once_as_a_suggestion()
        {
            var dockerfile =
                "FROM debian:12\n" +
                "RUN apt-get install -y --no-install-recommends curl=7.88.1-10 git \\\n" +
                "      ./local.deb ca-certificates\n" +
                "RUN apk add --no-cache --virtual .deps tini bash=5.2.26-r0\n" +
                "RUN pip install --no-cache-dir flask==3.0.0 requests 'uvicorn[standard]' -r req.txt -e . ./pkg\n" +
                "RUN npm install -g yarn@1.22.22 typescript @angular/cli @scope/pinned@1.0.0\n" +
                "RUN gem install bundler:2.5.0 rake\n" +
                "RUN apt-get install -y a b c d e\n";
            AssertFindings(dockerfile, "DKR118",
                "DKR118@2:63", "DKR118@4:40", "DKR118@5:45", "DKR118@6:33", "DKR118@7:31", "DKR118@8:24");
            var findings = Run(dockerfile).Where(d => d.Id == "DKR118").ToArray();
            Assert.All(findings, d => Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity));
            Assert.StartsWith("'git' and 'ca-certificates' are installed by 'apt-get install'", findings[0].Message);
            Assert.Contains("'git=<version>'", findings[0].Message);
            Assert.StartsWith("'tini' is installed by 'apk add'", findings[1].Message);
            Assert.Contains("'requests==<version>'", findings[2].Message);
            Assert.StartsWith("'typescript' and '@angular/cli' are installed", findings[3].Message);
            Assert.StartsWith("'a', 'b', 'c' and 2 more packages are installed", findings[5].Message);
        }

        [Fact]
        public void Upgrading_the_installer_itself_is_not_reported()
        {
            AssertSilent("FROM python:3.12\nRUN pip install --no-cache-dir --upgrade pip setuptools wheel\n", "DKR118");
            AssertFindings("FROM python:3.12\nRUN pip install -U pip flask\n", "DKR118", "DKR118@2:24");
        }

        [Theory]
        [InlineData("RUN gem install rails -v 7.1.3")]
        [InlineData("RUN pip install -c constraints.txt flask requests")]
        [InlineData("RUN pip install git+https://github.com/x/y.git dist/app-1.0-py3-none-any.whl")]
        [InlineData("RUN apt-get install -y $PACKAGES")]
        [InlineData("RUN npm install github:user/repo ./local ../pkg.tgz")]
        [InlineData("RUN echo apt-get install curl")]
        public void Silent_for_pinned_or_unknowable_packages(string run)
        {
            AssertSilent("FROM debian:12\n" + run + "\n", "DKR118");
        }

        [Fact]
        public void Build_stages_that_do_not_ship_stay_suggestions()
        {
            var dockerfile =
                "FROM python:3.12 AS build\n" +
                "RUN pip install --no-cache-dir build wheel\n" +
                "FROM python:3.12-slim\n" +
                "COPY --from=build /dist /dist\n" +
                "RUN pip install --no-cache-dir gunicorn\n";
            AssertFindings(dockerfile, "DKR118", "DKR118@2:32", "DKR118@5:32");
            Assert.All(Run(dockerfile).Where(d => d.Id == "DKR118"), d => Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity));
        }
    }
}
