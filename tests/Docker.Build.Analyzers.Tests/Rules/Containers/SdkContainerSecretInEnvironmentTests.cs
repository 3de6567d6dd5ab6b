using Xunit;
using static Docker.Build.Analyzers.Tests.Rules.Containers.ContainerTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules.Containers
{
    public class SdkContainerSecretInEnvironmentTests
    {
        private const string Id = "DKR619";

        private static string[] Check(string name, string value, string include = null!)
        {
            var inputs = Inputs();
            inputs.ContainerEnvironmentVariables.Add((name, value));
            string item = $"    <ContainerEnvironmentVariable Include=\"{include ?? name}\" Value=\"{value}\" />\n";
            return Findings(Id, Run(Project("", "    <ContainerPort Include=\"8080\" />\n" + item), inputs));
        }

        [Theory]
        [InlineData("DB_PASSWORD", "hunter2")]
        [InlineData("Stripe__ApiKey", "sk_live_123")]
        [InlineData("GITHUB_TOKEN", "ghp_abc")]
        public void Literal_secret_is_reported_at_the_item(string name, string value) =>
            Assert.Equal(new[] { "DKR619@App.csproj:7:5-34" }, Check(name, value));

        [Fact]
        public void Literal_password_inside_a_connection_string()
        {
            Assert.Equal(new[] { "DKR619@App.csproj:7:5-34" }, Check("ConnectionStrings__Default", "Server=db;User Id=sa;Password=Secret1;"));
        }

        [Fact]
        public void Message_names_the_variable()
        {
            var inputs = Inputs();
            inputs.ContainerEnvironmentVariables.Add(("DB_PASSWORD", "hunter2"));
            var d = Assert.Single(Run(Project("", "    <ContainerEnvironmentVariable Include=\"DB_PASSWORD\" Value=\"hunter2\" />\n"), inputs), x => x.Id == Id);
            Assert.Equal("ContainerEnvironmentVariable 'DB_PASSWORD' is given a literal secret value: it is stored in the image configuration, readable by anyone who can pull the image. Pass it to the container at run time instead", d.Message);
        }

        [Fact]
        public void Item_listed_with_others_is_found()
        {
            var inputs = Inputs();
            inputs.ContainerEnvironmentVariables.Add(("A", "1"));
            inputs.ContainerEnvironmentVariables.Add(("API_KEY", "abc"));
            var found = Run(Project("", "    <ContainerEnvironmentVariable Include=\"A\" Value=\"1\" />\n    <!-- <ContainerEnvironmentVariable Include=\"API_KEY\" Value=\"old\" /> -->\n    <ContainerEnvironmentVariable\n        Include=\"API_KEY\" Value=\"abc\" />\n"), inputs);
            Assert.Equal(new[] { "DKR619@App.csproj:8:5-34" }, Findings(Id, found));
        }

        [Theory]
        [InlineData("DB_PASSWORD", "")]
        [InlineData("DB_PASSWORD", "${DB_PASSWORD}")]
        [InlineData("DB_PASSWORD", "$(DbPassword)")]
        [InlineData("DB_PASSWORD", "$DB_PASSWORD")]
        [InlineData("DB_PASSWORD", "#{DbPassword}#")]
        [InlineData("DB_PASSWORD", "__DB_PASSWORD__")]
        [InlineData("DB_PASSWORD", "{{ db_password }}")]
        [InlineData("DB_PASSWORD", "<set at deploy time>")]
        [InlineData("PASSWORD_FILE", "/run/secrets/db")]
        [InlineData("DB_PASSWORD", "/run/secrets/db")]
        [InlineData("TOKEN_URL", "https://login.example.com/token")]
        [InlineData("ASPNETCORE_HTTP_PORTS", "8080")]
        [InlineData("ConnectionStrings__Default", "Server=db;Integrated Security=true")]
        public void Placeholders_paths_and_ordinary_values_are_silent(string name, string value) =>
            Assert.Empty(Check(name, value));
    }
}
