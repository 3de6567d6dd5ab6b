using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class SecretInEnvOrArgTests
    {
        private const string Id = "DKR202";

        [Theory]
        [InlineData("FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", "DKR202@2:17")]
        [InlineData("FROM alpine:3.20\nENV SA_PASSWORD \"Your_password123\"\n", "DKR202@2:17")]
        [InlineData("FROM alpine:3.20\nARG NUGET_PAT=ghp_abc123\n", "DKR202@2:15")]
        [InlineData("ARG GITHUB_TOKEN=ghp_abc\nFROM alpine:3.20\n", "DKR202@1:18")]
        [InlineData("FROM alpine:3.20\nENV ApiKey=abc123\n", "DKR202@2:12")]
        [InlineData("FROM alpine:3.20\nENV STRIPE_API_KEY=sk_live_x\n", "DKR202@2:20")]
        [InlineData("FROM alpine:3.20\nENV AZURE_CLIENT_SECRET=x~y\n", "DKR202@2:25")]
        [InlineData("FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Database=app;User Id=sa;Password=P@ssw0rd;\"\n", "DKR202@2:32")]
        [InlineData("FROM alpine:3.20\nENV VSS_NUGET_EXTERNAL_FEED_ENDPOINTS='{\"endpointCredentials\":[{\"endpoint\":\"https://x\",\"password\":\"pat123\"}]}'\n", "DKR202@2:39")]
        public void Literal_secrets(string dockerfile, string expected) =>
            AssertFindings(dockerfile, Id, expected);

        [Fact]
        public void Each_pair_is_checked()
        {
            AssertFindings("FROM alpine:3.20\nENV A=1 REDIS_PASSWORD=x B=2 JWT_SECRET=y\n", Id, "DKR202@2:24", "DKR202@2:41");
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nENV PATH=/app/bin:$PATH\n")]
        [InlineData("FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db\n")]
        [InlineData("FROM alpine:3.20\nENV PASSWORD_PATH=secrets/pw\n")]
        [InlineData("FROM alpine:3.20\nENV DB_PASSWORD=$DB_PASSWORD\n")]
        [InlineData("FROM alpine:3.20\nENV DB_PASSWORD=${DB_PASSWORD:-}\n")]
        [InlineData("FROM alpine:3.20\nENV DB_PASSWORD=\"\"\n")]
        [InlineData("FROM alpine:3.20\nARG NUGET_PAT\n")]
        [InlineData("FROM alpine:3.20\nENV TOKEN_URL=https://login.example.com/token\n")]
        [InlineData("FROM alpine:3.20\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n")]
        [InlineData("FROM alpine:3.20\nENV PASSWORD_MIN_LENGTH=12\n")]
        [InlineData("FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Password=${DB_PASSWORD}\"\n")]
        [InlineData("FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Integrated Security=true\"\n")]
        [InlineData("FROM alpine:3.20\nENV KEYCLOAK_PUBLIC_KEY=abc\n")]
        [InlineData("FROM alpine:3.20\nENV PWD=/app\n")]
        [InlineData("FROM alpine:3.20\nENV PATCH_LEVEL=3\n")]
        [InlineData("FROM alpine:3.20\nLABEL password=nope\n")]
        public void Not_secrets_or_not_literal(string dockerfile) =>
            AssertSilent(dockerfile, Id);
    }
}
