using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class InvalidComposeFileTests
    {
        private const string Id = "DKR514";

        [Theory]
        [InlineData("services:\n  web:\n    image: nginx\n    imagee: nginx\n", "DKR514@4:5")]
        [InlineData("service:\n  web:\n    image: nginx\n", "DKR514@1:1")]
        [InlineData("services:\n  web:\n    image: nginx\n    ports: \"8080:80\"\n", "DKR514@4:12")]
        [InlineData("services:\n  - web\n", "DKR514@2:3")]
        [InlineData("services:\n  web: nginx\n", "DKR514@2:8")]
        [InlineData("- a\n- b\n", "DKR514@1:1")]
        [InlineData("services:\n  web:\n    image: nginx\n    image: redis\n", "DKR514@4:5")]
        [InlineData("services:\n  web:\n    image: *missing\n", "DKR514@3:12")]
        [InlineData("x-a: &a {image: a}\nservices:\n  web:\n    <<: *a\n    <<: *a\n", "DKR514@5:5")]
        [InlineData("services:\n  web:\n    deploy: [1]\n", "DKR514@3:13")]
        public void Invalid_files(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Fact]
        public void Unknown_key_brought_by_a_merge_key_is_reported_at_the_merge_key() =>
            AssertFindings("x-base: &base\n  imgae: nginx\nservices:\n  web:\n    <<: *base\n    user: app\n", Id, "DKR514@5:5");

        [Fact]
        public void Syntax_error_is_reported_once_at_the_parser_position()
        {
            var d = Assert.Single(Run(null, (ComposePath, "services:\n  web:\n    image: [nginx\n  db: x\n")), x => x.Id == Id);
            Assert.True(d.Line >= 3, d.Line + ":" + d.Column + " " + d.Message);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        [Fact]
        public void Alias_bomb_is_one_finding_and_no_crash()
        {
            var sb = new System.Text.StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 10; i++)
            {
                string prev = "*" + (char)('a' + i - 1);
                sb.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", System.Linq.Enumerable.Repeat(prev, 10))}]\n");
            }
            Assert.Single(Findings(sb.ToString(), Id));
        }

        [Fact]
        public void Deep_nesting_is_one_finding_and_no_crash() =>
            Assert.Single(Findings("x: " + new string('[', 100_000) + new string(']', 100_000) + "\n", Id));

        [Fact]
        public void Extends_of_an_undefined_service_is_reported_at_the_service_name() =>
            AssertFindings("services:\n  web:\n    extends: base\n    image: x\n", Id, "DKR514@3:14");

        [Theory]
        [InlineData("")]
        [InlineData("# nothing yet\n")]
        [InlineData("services:\n  web:\n    image: nginx\n    x-custom: 1\nx-anchors:\n  foo: bar\n")]
        [InlineData("name: shop\nservices:\n  web:\n    image: nginx\n    ports: [\"80\"]\n    environment: [A=1]\nvolumes:\n  data:\nnetworks:\n  back: {}\n")]
        [InlineData("x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:${TAG:-latest}\n")]
        [InlineData("services:\n  web:\n    image: nginx\n    ports: !reset []\n")]
        [InlineData("services:\n  web:\n")]
        [InlineData("services:\n  web:\n    image: nginx\n    environment:\n")]
        public void Valid_files_are_silent(string compose) =>
            AssertSilent(compose, Id);

        [Fact]
        public void Suppressed_with_a_yaml_comment() =>
            AssertSilent("services:\n  web:\n    image: nginx\n    # dkr-disable-next-line DKR514\n    imagee: nginx\n", Id);
    }
}
