using System.Linq;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Dockerfile
{
    internal static class ParserTestHelpers
    {
        public static DockerfileSyntax ParseOk(string text)
        {
            TestAnalysis.AssertRoundTrip(text);
            var syntax = DockerfileParser.Parse(text, "/x/Dockerfile");
            Assert.True(syntax.Errors.Count == 0, "unexpected errors: " + string.Join("; ", syntax.Errors));
            return syntax;
        }

        public static DockerfileSyntax ParseWithErrors(string text)
        {
            TestAnalysis.AssertRoundTrip(text);
            var syntax = DockerfileParser.Parse(text, "/x/Dockerfile");
            Assert.NotEmpty(syntax.Errors);
            return syntax;
        }

        /// <summary>"line:column-line:column" of a span, 1-based, end exclusive.</summary>
        public static string Pos(DockerfileSyntax syntax, TextSpan span)
        {
            var p = syntax.Source.GetLinePositionSpan(span);
            return $"{p.Start.Line}:{p.Start.Column}-{p.End.Line}:{p.End.Column}";
        }

        public static T Single<T>(DockerfileSyntax syntax) where T : Instruction => syntax.Instructions.OfType<T>().Single();
    }
}
