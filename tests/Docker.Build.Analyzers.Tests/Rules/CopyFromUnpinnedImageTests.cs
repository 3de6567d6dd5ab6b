using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class CopyFromUnpinnedImageTests
    {
        private const string Id = "DKR120";

        [Fact]
        public void Reports_a_floating_tag_at_the_tag()
        {
            const string dockerfile = "FROM alpine:3.20\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n";
            AssertFindings(dockerfile, Id, "DKR120@2:19");
            Assert.Contains("floating tag 'latest'", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Fact]
        public void Reports_a_floating_tag_with_a_variant() =>
            AssertFindings("FROM alpine:3.20\nCOPY --from=node:lts-alpine /usr/local/bin/node /usr/local/bin/\n", Id, "DKR120@2:18");

        [Fact]
        public void Reports_an_image_without_tag_at_the_whole_reference()
        {
            const string dockerfile = "FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool /bin/tool /usr/bin/tool\n";
            AssertFindings(dockerfile, Id, "DKR120@2:13");
            Assert.Contains("has no tag", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Fact]
        public void Resolves_global_build_arguments()
        {
            const string dockerfile = "ARG TOOL=docker/buildx-bin\nFROM alpine:3.20\nCOPY --from=$TOOL /buildx /usr/libexec/docker/cli-plugins/docker-buildx\n";
            AssertFindings(dockerfile, Id, "DKR120@3:13");
            Assert.Contains("'$TOOL' (resolves to 'docker/buildx-bin') has no tag", Run(dockerfile).Single(d => d.Id == Id).Message);
        }

        [Fact]
        public void Checks_the_from_of_a_RUN_mount() =>
            AssertFindings("FROM alpine:3.20\nRUN --mount=type=bind,from=ghcr.io/org/assets,target=/a ls /a\n", Id, "DKR120@2:28");

        [Theory]
        [InlineData("FROM alpine:3.20\nCOPY --from=nginx:1.27-alpine /etc/nginx /etc/nginx\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /tool /tool\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx\n")] // bare name: DKR114's finding
        [InlineData("FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out /app\n")]
        [InlineData("FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /app\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=context /README.md /\n")]
        [InlineData("ARG TOOL\nFROM alpine:3.20\nCOPY --from=$TOOL /tool /tool\n")]
        [InlineData("ARG TOOL_TAG=2.1\nFROM alpine:3.20\nCOPY --from=ghcr.io/org/tool:${TOOL_TAG} /tool /tool\n")]
        [InlineData("FROM alpine:3.20\nONBUILD COPY --from=nginx:latest /etc/nginx /etc/nginx\n")]
        public void Stays_silent_on_pinned_images_stages_and_contexts(string dockerfile) =>
            AssertSilent(dockerfile, Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
