using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class SecretInEnvironmentTests
    {
        private const string Id = "DKR507";

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t!\n", "DKR507@5:26")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=s3cr3t!\n", "DKR507@5:27")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      - \"JWT_SECRET=abc123def\"\n", "DKR507@5:21")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      Stripe__ApiKey: \"sk_live_123\"\n", "DKR507@5:23")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      ConnectionStrings__Default: \"Server=db;Database=shop;User Id=sa;Password=Pass@word1\"\n", "DKR507@5:35")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      - ConnectionStrings__Db=Host=${DB_HOST};Pwd=hunter22\n", "DKR507@5:31")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      GITHUB_TOKEN: pa$$word\n", "DKR507@5:21")]
        [InlineData("x-env: &env\n  environment:\n    DB_PASSWORD: hunter22\nservices:\n  api:\n    <<: *env\n    image: a:1\n", "DKR507@6:5")]
        public void Literal_secrets(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-dev}\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD\n      - POSTGRES_PASSWORD_FILE=/run/secrets/db\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: \"\"\n      API_KEY: <your-api-key>\n      JWT_SECRET: changeme\n      TOKEN: '****'\n")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      ConnectionStrings__Default: \"Server=db;User Id=sa;Password=${SA_PASSWORD}\"\n      USE_TOKEN: \"true\"\n      TOKEN_URL: https://login.example.com/token\n")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      ConnectionStrings__Default: \"Server=db;Integrated Security=true\"\n      ASPNETCORE_URLS: http://+:8080\n")]
        [InlineData("services:\n  api:\n    image: a:1\n    environment:\n      # dkr-disable-next-line DKR507\n      DB_PASSWORD: hunter22\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);

        [Fact]
        public void Keeps_its_severity_in_override_files()
        {
            var d = Assert.Single(Run(null, (OverridePath, "services:\n  db:\n    environment:\n      - SA_PASSWORD=Pass@word1\n")), x => x.Id == Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal((4, 21), (d.Line, d.Column));
            Assert.Contains("${SA_PASSWORD}", d.Message);
        }
    }
}
