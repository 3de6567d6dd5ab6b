using System;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class AnalyzerDiagnosticsTests
    {
        private static AnalysisResult Analyze(InMemoryFileSystem files, params string[] paths) =>
            new DockerAnalyzer().Analyze(new AnalysisRequest(ProjectDir,
                paths.Select(p => new AssetInput(p, AssetKind.Dockerfile)).ToArray(), null, files));

        [Fact]
        public void Missing_file_is_DKR901()
        {
            var d = Assert.Single(Analyze(new InMemoryFileSystem(), DockerfilePath).Diagnostics);
            Assert.Equal("DKR901", d.Id);
            Assert.Equal(DockerfilePath, d.FilePath);
            Assert.Equal((1, 1), (d.Line, d.Column));
            Assert.Contains("does not exist", d.Message);
        }

        [Fact]
        public void Binary_file_is_one_DKR901()
        {
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3 });
            var d = Assert.Single(Analyze(files, DockerfilePath).Diagnostics);
            Assert.Equal("DKR901", d.Id);
            Assert.Contains("binary", d.Message);
        }

        [Fact]
        public void Invalid_utf8_and_utf16_are_DKR901()
        {
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, new byte[] { (byte)'F', 0xC3, 0x28 });
            Assert.Equal("DKR901", Assert.Single(Analyze(files, DockerfilePath).Diagnostics).Id);
            files = new InMemoryFileSystem().AddFile(DockerfilePath, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("FROM alpine\n")).ToArray());
            Assert.Contains("UTF-16", Assert.Single(Analyze(files, DockerfilePath).Diagnostics).Message);
        }

        [Fact]
        public void Unreadable_file_is_DKR901()
        {
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, "FROM alpine\n").Deny(DockerfilePath);
            var d = Assert.Single(Analyze(files, DockerfilePath).Diagnostics);
            Assert.Equal("DKR901", d.Id);
            Assert.Contains("permission", d.Message);
        }

        [Fact]
        public void Huge_file_is_DKR901_without_reading_it()
        {
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, new byte[AssetReader.MaxFileSize + 1]);
            var d = Assert.Single(Analyze(files, DockerfilePath).Diagnostics);
            Assert.Contains("MiB", d.Message);
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nFOO bar\nUSER root\n", 2, 1)]
        [InlineData("FROM\n", 1, 1)]
        [InlineData("FROM alpine:3.20\nRUN <<EOF\necho\n", 2, 5)]
        [InlineData("RUN echo\n", 1, 1)]
        public void Unparsable_Dockerfile_is_one_DKR902_and_no_other_finding(string text, int line, int column)
        {
            var d = Assert.Single(Run(text));
            Assert.Equal("DKR902", d.Id);
            Assert.Equal((line, column), (d.Line, d.Column));
        }

        [Fact]
        public void A_throwing_rule_becomes_DKR903_and_the_others_still_run()
        {
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, "FROM node\n");
            var analyzer = new DockerAnalyzer(new Rule[] { new ThrowingRule(), new Docker.Build.Analyzers.Rules.Dockerfile.BaseImageNotPinned() });
            var result = analyzer.Analyze(new AnalysisRequest(ProjectDir, new[] { new AssetInput(DockerfilePath, AssetKind.Dockerfile) }, null, files));
            Assert.Equal(new[] { "DKR903", "DKR101" }, result.Diagnostics.Select(d => d.Id));
            Assert.Contains("DKR999", result.Diagnostics[0].Message);
        }

        [Fact]
        public void The_same_file_listed_twice_is_analysed_once()
        {
            var files = new InMemoryFileSystem().AddFile(DockerfilePath, "FROM node\n");
            var result = Analyze(files, DockerfilePath, "Dockerfile", "./Dockerfile");
            Assert.Single(result.Diagnostics, d => d.Id == "DKR101");
        }

        [Fact]
        public void Diagnostics_carry_help_links_and_end_positions()
        {
            var d = Assert.Single(Run("FROM node\n"), x => x.Id == "DKR101");
            Assert.Equal(RuleDescriptor.HelpLinkBase + "DKR101.md", d.HelpLink);
            Assert.Equal((1, 6, 1, 10), (d.Line, d.Column, d.EndLine, d.EndColumn));
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        [Fact]
        public void Catalog_ids_are_unique_and_well_formed()
        {
            var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches("^DKR[1-9][0-9]{2}$", id));
            Assert.Equal(RuleCatalog.Rules.Count, RuleCatalog.Rules.Select(r => r.Descriptor.Id).Distinct().Count());
        }

        private sealed class ThrowingRule : DockerfileRule
        {
            public override RuleDescriptor Descriptor { get; } = new RuleDescriptor("DKR999", "test", RuleCategory.Analyzer, DiagnosticSeverity.Warning, "x");
            public override void Analyze(DockerfileContext context) => throw new InvalidOperationException("boom");
        }
    }
}
