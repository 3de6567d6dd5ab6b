using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;
using Xunit;

namespace Docker.Build.Analyzers.Tests
{
    /// <summary>
    /// The help link of every finding (the code link in Visual Studio's error list, the SARIF help URI) opens that
    /// rule's page in this repository: the repository the package names as its project URL, the main branch, the
    /// docs/rules page that exists in this tree.
    /// </summary>
    public class HelpLinkTests
    {
        private static string RepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Docker.Build.Analyzers.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return dir!.FullName;
        }

        [Fact]
        public void Every_rules_help_link_is_its_docs_page_in_the_packages_repository()
        {
            string root = RepoRoot();
            string projectUrl = XDocument.Load(Path.Combine(root, "Directory.Build.props"))
                .Descendants("PackageProjectUrl").Single().Value.Trim().TrimEnd('/');
            Assert.StartsWith("https://github.com/", projectUrl);
            Assert.Equal(RuleDescriptor.HelpLinkBase, projectUrl + "/blob/main/docs/rules/");

            Assert.NotEmpty(RuleCatalog.Descriptors);
            foreach (var rule in RuleCatalog.Descriptors)
            {
                Assert.Equal(projectUrl + "/blob/main/docs/rules/" + rule.Id + ".md", rule.HelpLink);
                Assert.True(Uri.TryCreate(rule.HelpLink, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps, rule.HelpLink);
                string page = Path.Combine(root, "docs", "rules", rule.Id + ".md");
                Assert.True(File.Exists(page), $"{rule.Id}: its help link points at {page}, which does not exist");
            }
        }
    }
}
