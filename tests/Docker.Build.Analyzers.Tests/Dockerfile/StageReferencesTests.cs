using System.Linq;
using Docker.Build.Analyzers.Dockerfile;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Dockerfile
{
    public class StageReferencesTests
    {
        private static DockerfileModel Model(string text) => DockerfileModel.Create(DockerfileParser.Parse(text, "Dockerfile"));

        [Fact]
        public void Finds_COPY_from_and_every_mount_from_with_exact_spans()
        {
            const string text =
                "FROM alpine:3.20 AS build\n" +
                "FROM alpine:3.20\n" +
                "COPY --from=build /a /b\n" +
                "RUN --mount=type=bind,from=build,target=/x --mount=type=cache,target=/c,\"from=cache-img:1\" ls\n";
            var model = Model(text);
            var refs = StageReferences.All(model).Select(r => r.Reference).ToList();
            Assert.Equal(new[] { "build", "build", "cache-img:1" }, refs.Select(r => r.Value.Value));
            Assert.Equal(new[] { StageReferenceKind.CopyFrom, StageReferenceKind.MountFrom, StageReferenceKind.MountFrom }, refs.Select(r => r.Kind));
            Assert.Equal("build", text.Substring(refs[1].Value.Span.Start, refs[1].Value.Span.Length));
            Assert.Equal("cache-img:1", text.Substring(refs[2].Value.Span.Start, refs[2].Value.Span.Length));
        }

        [Fact]
        public void Leaves_out_ADD_ONBUILD_and_mounts_without_from()
        {
            var model = Model("FROM alpine:3.20\nADD --from=x /a /b\nONBUILD COPY --from=y /a /b\nRUN --mount=type=secret,id=s ls\n");
            Assert.Empty(StageReferences.All(model));
        }

        [Fact]
        public void Resolves_global_then_stage_arguments_and_gives_up_on_unknown_ones()
        {
            var model = Model("ARG G=global-stage\nFROM alpine:3.20\nARG L=local-stage\nARG U\nCOPY --from=$G /a /b\nCOPY --from=${L} /a /b\nCOPY --from=$U /a /b\n");
            var stage = model.Stages[0];
            var values = StageReferences.All(model).Select(r => StageReferences.Resolve(r.Reference, model, stage)).ToArray();
            Assert.Equal(new[] { "global-stage", "local-stage", null }, values);
        }

        [Theory]
        [InlineData("nginx:1.27", true)]
        [InlineData("ghcr.io/org/tool", true)]
        [InlineData("img@sha256:abc", true)]
        [InlineData("build", false)]
        [InlineData("build-env", false)]
        public void Tells_image_references_from_bare_names(string value, bool isImage) =>
            Assert.Equal(isImage, StageReferences.IsImageReference(value));
    }
}
