using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class UndefinedStageReferenceTests
    {
        private const string Id = "DKR114";

        private static Diagnostic Single(string dockerfile) => Run(dockerfile).Single(d => d.Id == Id);

        [Fact]
        public void Reports_a_stage_that_copies_from_itself_by_name()
        {
            const string dockerfile = "FROM alpine:3.20 AS build\nCOPY --from=build /a /b\n";
            AssertFindings(dockerfile, Id, "DKR114@2:13");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains("stage 'build'", finding.Message);
            Assert.Contains("cannot copy from itself", finding.Message);
        }

        [Fact]
        public void Reports_a_stage_that_copies_from_its_own_index() =>
            AssertFindings("FROM alpine:3.20\nRUN make\nCOPY --from=0 /a /b\n", Id, "DKR114@3:13");

        [Fact]
        public void Reports_an_index_past_the_last_stage()
        {
            const string dockerfile = "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=5 /a /b\n";
            AssertFindings(dockerfile, Id, "DKR114@3:13");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains("there is no stage 5: this Dockerfile has 2 stages", finding.Message);
        }

        [Fact]
        public void Suggests_moving_a_later_stage_that_BuildKit_would_accept()
        {
            const string dockerfile =
                "FROM alpine:3.20 AS app\n" +
                "COPY --from=assets /img /srv/img\n" +
                "FROM alpine:3.20 AS assets\n" +
                "RUN mkdir /img\n";
            AssertFindings(dockerfile, Id, "DKR114@2:13");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
            Assert.Contains("stage 'assets' is defined below", finding.Message);
        }

        [Fact]
        public void Warns_when_a_later_stage_builds_on_this_one()
        {
            const string dockerfile =
                "FROM alpine:3.20 AS a\n" +
                "COPY --from=b /x /y\n" +
                "FROM a AS b\n" +
                "RUN true\n";
            AssertFindings(dockerfile, Id, "DKR114@2:13");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains("circular dependency", finding.Message);
        }

        [Fact]
        public void Warns_when_a_later_stage_copies_back_from_this_one() =>
            Assert.Equal(DiagnosticSeverity.Warning, Single(
                "FROM alpine:3.20 AS a\n" +
                "COPY --from=2 /x /y\n" +
                "FROM alpine:3.20 AS b\n" +
                "COPY --from=a /y /z\n" +
                "FROM alpine:3.20 AS c\n" +
                "COPY --from=b /z /w\n").Severity);

        [Fact]
        public void Warns_about_a_likely_typo_of_an_earlier_stage()
        {
            const string dockerfile =
                "FROM golang:1.22 AS builder\n" +
                "RUN go build -o /app .\n" +
                "FROM alpine:3.20\n" +
                "COPY --from=buidler /app /app\n";
            AssertFindings(dockerfile, Id, "DKR114@4:13");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains("did you mean 'builder'?", finding.Message);
        }

        [Fact]
        public void Checks_the_from_of_a_RUN_mount() =>
            AssertFindings(
                "FROM golang:1.22 AS build\n" +
                "FROM alpine:3.20\n" +
                "RUN --mount=type=bind,from=buidl,target=/mnt ls /mnt\n",
                Id, "DKR114@3:28");

        [Fact]
        public void Only_suggests_for_a_bare_name_that_may_be_a_build_context()
        {
            const string dockerfile = "FROM alpine:3.20\nCOPY --from=assets /img /app/img\n";
            AssertFindings(dockerfile, Id, "DKR114@2:13");
            var finding = Single(dockerfile);
            Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
            Assert.Contains("--build-context assets=", finding.Message);
            Assert.Contains("'docker.io/library/assets:latest'", finding.Message);
        }

        [Fact]
        public void Resolves_build_arguments_in_the_reference()
        {
            AssertSilent("ARG STAGE=build\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=$STAGE /a /b\n", Id);
            AssertFindings("ARG STAGE=biuld\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=${STAGE} /a /b\n", Id, "DKR114@4:13");
        }

        [Theory]
        [InlineData("FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /b\n")]
        [InlineData("FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /a /b\n")]
        [InlineData("FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /b\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool /tool /usr/bin/tool\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=docker/buildx-bin /buildx /usr/libexec/docker/cli-plugins/docker-buildx\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/busybox /busybox\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=context /README.md /README.md\n")]
        [InlineData("FROM alpine:3.20\nARG SOURCE\nCOPY --from=$SOURCE /a /b\n")]
        [InlineData("FROM alpine:3.20\nONBUILD COPY --from=builder /app /app\n")]
        [InlineData("FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache ls\n")]
        [InlineData("FROM alpine:3.20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc ls\n")]
        public void Stays_silent_on_earlier_stages_images_and_unknowns(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
