using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;
using Xunit;

namespace Docker.Build.Analyzers.Tests
{
    /// <summary>Every rule in the catalog has its docs page and its row in README's rule table, and vice versa.</summary>
    public class DocumentationTests
    {
        private static string RepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Docker.Build.Analyzers.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return dir!.FullName;
        }

        [Fact]
        public void Every_rule_has_a_docs_page_titled_with_its_id_and_title()
        {
            string root = RepoRoot();
            foreach (var d in RuleCatalog.Descriptors)
            {
                string page = Path.Combine(root, "docs", "rules", d.Id + ".md");
                Assert.True(File.Exists(page), $"missing docs page {page}");
                string first = File.ReadLines(page).First();
                Assert.Equal($"# {d.Id}: {d.Title}", first);
                Assert.EndsWith("docs/rules/" + d.Id + ".md", d.HelpLink);
            }
        }

        /// <summary>
        /// The help link of every finding (the code link in Visual Studio's error list, the SARIF help URI) opens that
        /// rule's page in this repository: the repository the package names as its project URL, the main branch, the
        /// docs/rules page that exists in this tree.
        /// </summary>
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

        [Fact]
        public void Every_docs_page_belongs_to_a_rule()
        {
            string root = RepoRoot();
            var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet();
            foreach (var page in Directory.EnumerateFiles(Path.Combine(root, "docs", "rules"), "*.md"))
                Assert.Contains(Path.GetFileNameWithoutExtension(page), ids);
        }

        [Fact]
        public void Readme_rule_table_matches_the_catalog()
        {
            string path = Path.Combine(RepoRoot(), "README.md");
            string readme = File.ReadAllText(path).Replace("\r\n", "\n");
            const string start = "<!-- rules-table:start -->\n", end = "<!-- rules-table:end -->";
            int a = readme.IndexOf(start, StringComparison.Ordinal), b = readme.IndexOf(end, StringComparison.Ordinal);
            Assert.True(a >= 0 && b > a, "README needs the rules-table markers");
            string actual = readme.Substring(a + start.Length, b - a - start.Length);
            // UPDATE_README=1 dotnet test ... rewrites the table after rules were added; normal runs only compare.
            if (Environment.GetEnvironmentVariable("UPDATE_README") == "1" && actual != ExpectedTable())
            {
                File.WriteAllText(path, readme.Substring(0, a + start.Length) + ExpectedTable() + readme.Substring(b));
                return;
            }
            Assert.Equal(ExpectedTable(), actual);
        }

        [Fact]
        public void Suppression_guide_lists_every_peer_mapping()
        {
            string guide = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "suppression.md"));
            var rows = guide.Split('\n').Where(l => l.StartsWith("|", StringComparison.Ordinal)).ToList();
            foreach (var mapping in SuppressionMappings.Hadolint.Concat(SuppressionMappings.BuildKit))
            {
                bool listed = rows.Any(r => System.Text.RegularExpressions.Regex.IsMatch(r, @"\b" + mapping.Key + @"\b")
                    && mapping.Value.All(id => r.Contains(id)));
                Assert.True(listed, $"docs/suppression.md has no row mapping {mapping.Key} to {string.Join(", ", mapping.Value)}");
            }
        }

        [Fact]
        public void Purpose_guide_lists_exactly_the_production_only_rules()
        {
            string path = Path.Combine(RepoRoot(), "docs", "purpose.md");
            string guide = File.ReadAllText(path).Replace("\r\n", "\n");
            const string start = "<!-- production-only:start -->\n", end = "<!-- production-only:end -->";
            int a = guide.IndexOf(start, StringComparison.Ordinal), b = guide.IndexOf(end, StringComparison.Ordinal);
            Assert.True(a >= 0 && b > a, "docs/purpose.md needs the production-only markers");
            var sb = new StringBuilder("| Code | Title |\n|---|---|\n");
            foreach (var id in PurposePolicy.ProductionOnlyIds)
            {
                var descriptor = RuleCatalog.Find(id);
                Assert.True(descriptor != null, $"{id} is production-only but not in the catalog");
                sb.Append($"| {id} | {descriptor!.Title} |\n");
            }
            string actual = guide.Substring(a + start.Length, b - a - start.Length);
            if (Environment.GetEnvironmentVariable("UPDATE_README") == "1" && actual != sb.ToString())
            {
                File.WriteAllText(path, guide.Substring(0, a + start.Length) + sb + guide.Substring(b));
                return;
            }
            Assert.Equal(sb.ToString(), actual);
        }

        /// <summary>The table README must hold, generated from the catalog (paste it when rules change).</summary>
        internal static string ExpectedTable()
        {
            var sb = new StringBuilder();
            sb.Append("| Code | Title | Severity | Category |\n|---|---|---|---|\n");
            foreach (var d in RuleCatalog.Descriptors)
                sb.Append($"| [{d.Id}](docs/rules/{d.Id}.md) | {d.Title} | {Severity(d.DefaultSeverity)} | {d.Category.Replace("Docker.", "")} |\n");
            return sb.ToString();
        }

        private static string Severity(DiagnosticSeverity s) => s switch
        {
            DiagnosticSeverity.Suggestion => "suggestion",
            DiagnosticSeverity.Error => "error",
            _ => "warning",
        };
    }
}
