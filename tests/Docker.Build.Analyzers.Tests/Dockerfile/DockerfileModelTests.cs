using System.Linq;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;
using Xunit;
using static Docker.Build.Analyzers.Tests.Dockerfile.ParserTestHelpers;

namespace Docker.Build.Analyzers.Tests.Dockerfile
{
    public class DockerfileModelTests
    {
        private static DockerfileModel Model(string text) => DockerfileModel.Create(ParseOk(text));

        [Fact]
        public void Stages_and_their_bases()
        {
            var m = Model("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish\nFROM BASE AS final\nCOPY --from=build /app .\n");
            Assert.Equal(3, m.Stages.Count);
            var final = m.FinalStage!;
            Assert.Same(m.Stages[0], final.BaseStage);
            Assert.Equal("aspnet", final.RootImage!.Name);
            Assert.Equal("8.0", final.RootImage.Tag);
            Assert.Equal("mcr.microsoft.com", final.RootImage.Registry);
            Assert.Equal(InstructionKind.User, final.FindLastInherited(i => i.Kind == InstructionKind.User)!.Kind);
            Assert.Same(m.Stages[1], m.FindEarlierStage("build", final));
            Assert.Same(m.Stages[1], m.FindEarlierStage("1", final));
            Assert.Null(m.FindEarlierStage("final", final));
            Assert.Null(m.FindEarlierStage("2", final));
        }

        [Fact]
        public void From_resolves_global_arg_defaults()
        {
            var m = Model("ARG REGISTRY=mcr.microsoft.com\nARG TAG=8.0\nFROM ${REGISTRY}/dotnet/aspnet:${TAG} AS app\nFROM $UNKNOWN AS other\nARG LATE=x\n");
            Assert.Equal("mcr.microsoft.com/dotnet/aspnet:8.0", m.Stages[0].BaseName);
            Assert.True(m.Stages[0].BaseNameIsComplete);
            Assert.Equal("8.0", m.Stages[0].BaseImage!.Tag);
            Assert.False(m.Stages[1].BaseNameIsComplete);
            Assert.Null(m.Stages[1].BaseImage);
            Assert.Equal(2, m.GlobalArgs.Count);
        }

        [Fact]
        public void From_an_arg_that_names_a_stage()
        {
            var m = Model("ARG BASE=build\nFROM alpine:3.20 AS build\nFROM ${BASE}\n");
            Assert.Same(m.Stages[0], m.Stages[1].BaseStage);
        }

        [Fact]
        public void Arg_and_env_scoping_per_stage()
        {
            var text = "ARG VERSION=1.0\nFROM alpine:3.20 AS a\nARG VERSION\nENV APP_HOME=/app\nRUN echo $VERSION\nFROM a AS b\nRUN echo $APP_HOME\nFROM alpine:3.20 AS c\nRUN echo nothing\n";
            var m = Model(text);
            var a = m.Stages[0];
            var runA = a.Instructions[2];
            var scopeA = a.ScopeBefore(runA);
            Assert.Equal("1.0", scopeA.ValueOf("VERSION"));
            Assert.Equal(VariableKind.Arg, scopeA.Lookup("VERSION")!.Kind);
            Assert.Equal("/app", scopeA.ValueOf("APP_HOME"));

            var b = m.Stages[1];
            var scopeB = b.ScopeBefore(b.Instructions[0]);
            Assert.Equal("/app", scopeB.ValueOf("APP_HOME"));
            Assert.False(scopeB.IsDefined("VERSION")); // ARGs do not carry over to child stages

            var c = m.Stages[2];
            Assert.False(c.ScopeBefore(c.Instructions[0]).IsDefined("APP_HOME"));
            Assert.True(c.ScopeBefore(c.Instructions[0]).IsDefined("HTTP_PROXY"));
            Assert.False(c.ScopeBefore(c.Instructions[0]).IsDefined("TARGETARCH"));
            Assert.True(m.GlobalScope.IsDefined("TARGETARCH"));
        }

        [Fact]
        public void Env_values_expand_earlier_definitions()
        {
            var m = Model("FROM alpine:3.20\nENV A=/opt\nENV B=${A}/bin C=${MISSING:-fallback}\nRUN true\n");
            var s = m.FinalStage!;
            var scope = s.ScopeBefore(s.Instructions[2]);
            Assert.Equal("/opt/bin", scope.ValueOf("B"));
            Assert.Equal("fallback", scope.ValueOf("C"));
        }

        [Theory]
        [InlineData("node", null, "node", null, null)]
        [InlineData("node:20-alpine", null, "node", "20-alpine", null)]
        [InlineData("library/node:20", null, "node", "20", null)]
        [InlineData("docker.io/library/node:20", null, "node", "20", null)]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "mcr.microsoft.com", "dotnet/aspnet", "8.0-jammy-chiseled", null)]
        [InlineData("localhost:5000/team/app:1.2", "localhost:5000", "team/app", "1.2", null)]
        [InlineData("alpine@sha256:abcd", null, "alpine", null, "sha256:abcd")]
        [InlineData("alpine:3.20@sha256:abcd", null, "alpine", "3.20", "sha256:abcd")]
        [InlineData("myorg/app", null, "myorg/app", null, null)]
        public void Image_references(string raw, string? registry, string path, string? tag, string? digest)
        {
            var r = ImageReference.Parse(raw)!;
            Assert.Equal(registry, r.Registry);
            Assert.Equal(path, r.Path);
            Assert.Equal(tag, r.Tag);
            Assert.Equal(digest, r.Digest);
        }

        [Fact]
        public void Variable_references_are_found_with_spans_but_not_in_single_quotes()
        {
            var text = "FROM alpine:3.20\nENV A=$B C=${D:-x} E='$F' G=\"$H\" I=\\$J K=${L:+y}\n";
            var s = ParseOk(text);
            var env = (KeyValueInstruction)s.Instructions[1];
            var refs = env.Pairs.SelectMany(p => Variables.Find(p.ValueWord!.RawText, '\\')).ToList();
            Assert.Equal(new[] { "B", "D", "H", "L" }, refs.Select(r => r.Name));
            Assert.Equal("2:7-2:9", Pos(s, refs[0].Span));
            Assert.Equal(":-", refs[1].Modifier);
            Assert.Equal("x", refs[1].Word);
            Assert.True(refs[1].HandlesUnset);
            Assert.False(refs[0].HandlesUnset);
            Assert.Equal(":+", refs[3].Modifier);
        }

        [Theory]
        [InlineData("$A/b", "1/b", true)]
        [InlineData("${A}x", "1x", true)]
        [InlineData("${NOPE:-d}", "d", true)]
        [InlineData("${A:-d}", "1", true)]
        [InlineData("${A:+alt}", "alt", true)]
        [InlineData("${NOPE:+alt}", "", true)]
        [InlineData("$NOPE", "", false)]
        [InlineData("'$A'", "$A", true)]
        [InlineData("\"$A\"", "1", true)]
        [InlineData("\\$A", "$A", true)]
        public void Expansion(string raw, string expected, bool complete)
        {
            var value = Variables.Expand(raw, '\\', n => n == "A" ? "1" : null, out bool ok);
            Assert.Equal(expected, value);
            Assert.Equal(complete, ok);
        }

        [Fact]
        public void Mapped_text_maps_logical_positions_across_pieces()
        {
            var source = SourceText.From("RUN a \\\n  b\n");
            var b = new MappedText.Builder(0);
            b.Append(source, 4, 2);   // "a "
            b.Append(source, 8, 3);   // "  b"
            var m = b.ToMappedText();
            Assert.Equal("a   b", m.Value);
            Assert.Equal(10, m.ToSourceOffset(4));
            Assert.Equal(new TextSpan(4, 7), m.ToSourceSpan(0, 5));
            Assert.Equal("  b", m.Slice(2).Value);
            Assert.Equal(8, m.Slice(2).ToSourceOffset(0));
        }
    }
}
