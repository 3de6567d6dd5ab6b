using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class AppCodeFactsTests
    {
        [Fact]
        public void Health_check_routes_become_the_paths_a_probe_requests()
        {
            // eShopOnWeb maps MapHealthChecks("home_page_health_check"): ASP.NET Core serves it at /home_page_health_check.
            var facts = new AppCodeFacts(healthCheckPaths: new[] { "/health", "home_page_health_check", "~/ready", " /live ", "health" });
            Assert.Equal(new[] { "/health", "/home_page_health_check", "/ready", "/live" }, facts.HealthCheckPaths);
        }
    }
}
