using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class CopyDestinationNotDirectoryTests
    {
        private const string Id = "DKR127";

        private static InMemoryFileSystem Context(params string[] files)
        {
            var fs = new InMemoryFileSystem();
            foreach (var f in files) fs.AddFile(ProjectDir + "/" + f, "x");
            return fs;
        }

        [Fact]
        public void Reports_several_sources_at_the_destination()
        {
            const string dockerfile = "FROM alpine:3.20\nCOPY a.txt b.txt /app\n";
            AssertFindings(dockerfile, Id, "DKR127@2:18");
            var message = Run(dockerfile).Single(d => d.Id == Id).Message;
            Assert.Contains("COPY copies 2 sources to '/app'", message);
            Assert.Contains("Write '/app/'", message);
        }

        [Theory]
        [InlineData("ADD a b /x", 9)]
        [InlineData("COPY [\"a\", \"b\", \"/app\"]", 17)]
        [InlineData("COPY --chown=app a b c app", 24)]
        [InlineData("COPY --from=build /out/a /out/b /app", 33)]
        public void Reports_every_form(string instruction, int column) =>
            AssertFindings("FROM alpine:3.20 AS build\n" + instruction + "\n", Id, $"DKR127@2:{column}");

        [Fact]
        public void Counts_heredocs_as_sources() =>
            AssertFindings("FROM alpine:3.20\nCOPY <<A <<B /etc/app\none\nA\ntwo\nB\n", Id, "DKR127@2:14");

        [Fact]
        public void Resolves_a_variable_destination()
        {
            AssertFindings("FROM alpine:3.20\nENV DIR=/app\nCOPY a b $DIR\n", Id, "DKR127@3:10");
            AssertSilent("FROM alpine:3.20\nENV DIR=/app/\nCOPY a b $DIR\n", Id);
            AssertSilent("FROM alpine:3.20\nARG DIR\nCOPY a b $DIR\n", Id);
        }

        [Fact]
        public void Reports_a_wildcard_that_matches_several_files_of_the_build_context()
        {
            const string dockerfile = "FROM node:20.11-alpine\nCOPY package*.json /app\n";
            var files = Context("package.json", "package-lock.json", "src/index.js");
            Assert.Equal(new[] { "DKR127@2:20" }, Findings(dockerfile, Id, files: files));
            var message = Run(dockerfile, files: Context("package.json", "package-lock.json")).Single(d => d.Id == Id).Message;
            Assert.Contains("'package*.json', which matches 2 files of the build context,", message);
        }

        [Fact]
        public void Follows_wildcards_through_folders() =>
            Assert.Equal(new[] { "DKR127@2:21" }, Findings("FROM alpine:3.20\nCOPY src/*/*.csproj ./src\n", Id,
                files: Context("src/Api/Api.csproj", "src/Core/Core.csproj", "src/Core/Class1.cs")));

        [Fact]
        public void Stays_silent_when_the_wildcard_matches_one_file()
        {
            Assert.Empty(Findings("FROM alpine:3.20\nCOPY package*.json /app\n", Id, files: Context("package.json", "src/package-x.json")));
            Assert.Empty(Findings("FROM alpine:3.20\nCOPY *.csproj /src\n", Id, files: Context("App.csproj")));
            Assert.Empty(Findings("FROM alpine:3.20\nCOPY *.csproj /src\n", Id));
        }

        [Theory]
        [InlineData("COPY a b /app/")]
        [InlineData("COPY a b .")]
        [InlineData("COPY a b ./")]
        [InlineData("COPY a b ..")]
        [InlineData("COPY a b /app/.")]
        [InlineData("COPY [\"a\", \"b\", \"/app/\"]")]
        [InlineData("COPY a /app")]
        [InlineData("COPY . /app")]
        [InlineData("COPY <<EOF /etc/app.conf\nport=1\nEOF")]
        [InlineData("COPY --from=build /out/*.dll /app")]
        [InlineData("ONBUILD COPY *.csproj /src")]
        public void Stays_silent_on_directories_and_single_sources(string instruction) =>
            AssertSilent("FROM alpine:3.20 AS build\n" + instruction + "\n", Id);

        [Fact]
        public void Accepts_a_backslash_directory_in_a_Windows_Dockerfile() =>
            AssertSilent("# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\app\\\n", Id);

        [Fact]
        public void Suggests_a_backslash_for_a_Windows_destination() =>
            Assert.Contains("Write 'C:\\app\\'", Run("# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\app\n").Single(d => d.Id == Id).Message);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
