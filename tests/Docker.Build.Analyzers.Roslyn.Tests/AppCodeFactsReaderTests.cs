using System.Linq;
using System.Threading;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.CodeFacts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Docker.Build.Analyzers.Roslyn.Tests
{
    /// <summary>What the code-facts reader takes from C# syntax: literal health paths and ports, "unknown" for the rest.</summary>
    public sealed class AppCodeFactsReaderTests
    {
        private static AppCodeFacts Read(params string[] files) =>
            AppCodeFactsReader.Read(files.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: "/src/F" + i + ".cs")), CancellationToken.None);

        private const string MinimalApi =
            "var builder = WebApplication.CreateBuilder(args);\n" +
            "builder.Services.AddHealthChecks();\n" +
            "var app = builder.Build();\n" +
            "app.MapHealthChecks(\"/healthz\");\n" +
            "app.MapHealthChecks(\"/ready\", new HealthCheckOptions { Predicate = _ => false });\n" +
            "app.Run();\n";

        [Fact]
        public void Health_paths_of_literal_MapHealthChecks_and_UseHealthChecks_calls()
        {
            var facts = Read(MinimalApi, "class S { void C(IApplicationBuilder b) { b.UseHealthChecks(path: \"/live\"); } }");
            Assert.True(facts.IsKnown);
            Assert.Equal(new[] { "/healthz", "/ready", "/live" }, facts.HealthCheckPaths);
            Assert.False(facts.HealthCheckPathsIncomplete);
            Assert.True(facts.HasKnownHealthCheckPaths);
            Assert.Empty(facts.ListenPorts);
            Assert.False(facts.SetsListenAddressesDynamically);
        }

        [Theory]
        [InlineData("var p = \"/h\"; app.MapHealthChecks(p);")]
        [InlineData("var api = app.MapGroup(\"/api\"); api.MapHealthChecks(\"/health\");")]
        [InlineData("Routes().MapHealthChecks(\"/health\");")]
        public void Computed_or_prefixed_health_paths_are_incomplete(string statement)
        {
            var facts = Read("class C { void M(dynamic app) { " + statement + " } dynamic Routes() => null; }");
            Assert.True(facts.HealthCheckPathsIncomplete);
            Assert.False(facts.HasKnownHealthCheckPaths);
        }

        [Theory]
        [InlineData("builder.WebHost.UseUrls(\"http://*:5000;http://+:5001\");", new[] { 5000, 5001 })]
        [InlineData("builder.WebHost.UseUrls(\"http://*:5000\", \"https://localhost\");", new[] { 5000, 443 })]
        [InlineData("app.Urls.Add(\"http://0.0.0.0:7000\");", new[] { 7000 })]
        [InlineData("app.Run(\"http://localhost:6000\");", new[] { 6000 })]
        [InlineData("builder.WebHost.ConfigureKestrel(o => { o.ListenAnyIP(5000); o.ListenLocalhost(port: 5002); o.Listen(IPAddress.Any, 5003, l => l.UseHttps()); });", new[] { 5000, 5002, 5003 })]
        public void Literal_listen_addresses(string statement, int[] ports)
        {
            var facts = Read("class C { void M(dynamic builder, dynamic app) { " + statement + " } }");
            Assert.Equal(ports, facts.ListenPorts);
            Assert.False(facts.SetsListenAddressesDynamically);
        }

        [Theory]
        [InlineData("builder.WebHost.UseUrls(url);")]
        [InlineData("builder.WebHost.UseUrls(\"http://*:\" + port);")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(port));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(endPoint));")]
        [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenUnixSocket(\"/tmp/k.sock\"));")]
        [InlineData("builder.WebHost.UseSetting(\"urls\", \"http://*:5000\");")]
        [InlineData("builder.Configuration[\"ASPNETCORE_HTTP_PORTS\"] = \"5000\";")]
        [InlineData("Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\", url);")]
        [InlineData("app.Urls.Add(url);")]
        public void Computed_listen_addresses_are_dynamic(string statement)
        {
            var facts = Read("class C { void M(dynamic builder, dynamic app, string url, int port, dynamic endPoint) { " + statement + " } }");
            Assert.True(facts.SetsListenAddressesDynamically);
        }

        [Fact]
        public void Files_the_pre_filter_rejects_are_not_parsed_further_and_comments_do_not_count()
        {
            Assert.False(AppCodeFactsReader.MayMatter("class Ordinary { int Add(int a, int b) => a + b; }"));
            Assert.True(AppCodeFactsReader.MayMatter("app.MapHealthChecks(\"/h\");"));
            // A mention in a comment passes the text test but is no call.
            var facts = Read("// app.MapHealthChecks(\"/old\"); UseUrls(\"http://*:1\")\nclass C { }");
            Assert.Empty(facts.HealthCheckPaths);
            Assert.Empty(facts.ListenPorts);
            Assert.False(facts.SetsListenAddressesDynamically);
        }

        [Fact]
        public void Texts_without_a_compilation_read_the_same()
        {
            var facts = AppCodeFactsReader.ReadTexts(new[] { new System.Collections.Generic.KeyValuePair<string, string>("/src/Program.cs", MinimalApi) }, null, CancellationToken.None);
            Assert.Equal(new[] { "/healthz", "/ready" }, facts.HealthCheckPaths);
        }
    }
}
