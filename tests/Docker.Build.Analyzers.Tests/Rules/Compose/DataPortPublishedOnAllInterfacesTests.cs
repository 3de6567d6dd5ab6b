using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Compose
{
    public class DataPortPublishedOnAllInterfacesTests
    {
        private const string Id = "DKR511";

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n", "DKR511@5:9")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5433:5432\"\n", "DKR511@5:9")]
        [InlineData("services:\n  db:\n    image: redis:7\n    ports: [\"0.0.0.0:6379:6379\"]\n", "DKR511@4:13")]
        [InlineData("services:\n  db:\n    image: redis:7\n    ports: [\"[::]:6379:6379\"]\n", "DKR511@4:13")]
        [InlineData("services:\n  db:\n    image: redis:7\n    ports: [\"6379\"]\n", "DKR511@4:13")]
        [InlineData("services:\n  sql:\n    image: mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04\n    ports:\n      - target: 1433\n        published: 14330\n", "DKR511@5:9")]
        [InlineData("services:\n  mq:\n    image: rabbitmq:3-management\n    ports:\n      - \"${MQ_PORT:-5672}:5672\"\n      - 127.0.0.1:15672:15672\n", "DKR511@5:9")]
        [InlineData("x-db: &db\n  ports: [\"27017:27017\"]\nservices:\n  mongo:\n    <<: *db\n    image: mongo:7\n", "DKR511@5:5")]
        public void Data_ports_on_all_interfaces(string compose, string expected) =>
            AssertFindings(compose, Id, expected);

        [Theory]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports: [\"127.0.0.1:5432:5432\"]\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports: [\"${DB_BIND:-127.0.0.1}:5432:5432\"]\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports: [\"${DB_BIND}:5432:5432\"]\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    expose: [\"5432\"]\n")]
        [InlineData("services:\n  api:\n    image: a:1\n    ports: [\"5432:8080\", \"8080:8080\"]\n")]
        [InlineData("services:\n  dns:\n    image: d:1\n    ports: [\"6379:6379/udp\"]\n")]
        [InlineData("services:\n  db:\n    image: postgres:16\n    ports:\n      # dkr-disable-next-line DKR511\n      - \"5432:5432\"\n")]
        public void Silent(string compose) => AssertSilent(compose, Id);
    }
}
