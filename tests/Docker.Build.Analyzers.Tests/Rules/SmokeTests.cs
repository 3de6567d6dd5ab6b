using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class SmokeTests
    {
        [Fact]
        public void Sample_Dockerfile_reports_the_foundation_rules()
        {
            var findings = Run("FROM mcr.microsoft.com/dotnet/aspnet\nEXPOSE 8080\nENV DB_PASSWORD=hunter2\n");
            Assert.Contains(findings, d => d.Id == "DKR101" && d.Line == 1 && d.Column == 6);
            Assert.Contains(findings, d => d.Id == "DKR201" && d.Line == 1 && d.Column == 1);
            Assert.Contains(findings, d => d.Id == "DKR301" && d.Line == 1 && d.Column == 1);
            Assert.Contains(findings, d => d.Id == "DKR202" && d.Line == 3 && d.Column == 17);
        }
    }
}
