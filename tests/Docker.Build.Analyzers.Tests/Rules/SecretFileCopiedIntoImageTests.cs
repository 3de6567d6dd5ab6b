using Docker.Build.Analyzers.Diagnostics;
using Xunit;
using static Docker.Build.Analyzers.Tests.ContextTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class SecretFileCopiedIntoImageTests
    {
        private const string Id = "DKR203";
        private const string Dir = TestAnalysis.ProjectDir;

        private const string NodeApp =
            "FROM node:20.11-alpine\n" +
            "WORKDIR /app\n" +
            "COPY package.json package-lock.json ./\n" +
            "RUN npm ci\n" +
            "COPY . .\n" +
            "CMD [\"node\", \"server.js\"]\n";

        private static InMemoryFileSystem NodeProject() => new InMemoryFileSystem()
            .AddFile(Dir + "/package.json", "{}")
            .AddFile(Dir + "/package-lock.json", "{}")
            .AddFile(Dir + "/server.js", "");

        [Fact]
        public void Reports_a_whole_context_copy_that_sweeps_in_an_env_file()
        {
            var files = NodeProject().AddFile(Dir + "/.env", "DB_PASSWORD=hunter2");
            AssertFindings(NodeApp, files, Id, "DKR203@5:6");
            var d = Single(NodeApp, NodeProject().AddFile(Dir + "/.env", "x"), Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("the whole build context, including the secret file '.env' (an environment file with secrets)", d.Message);
            Assert.Contains("into the final image", d.Message);
            Assert.Contains("Exclude it in .dockerignore ('**/.env')", d.Message);
        }

        [Fact]
        public void Lists_the_first_offending_paths_and_counts_the_rest()
        {
            var files = NodeProject()
                .AddFile(Dir + "/.env", "x")
                .AddFile(Dir + "/certs/dev.pfx", "x")
                .AddFile(Dir + "/deploy/id_ed25519", "x")
                .AddFile(Dir + "/deploy/prod.publishsettings", "x")
                .AddFile(Dir + "/config/secrets.json", "{}");
            var d = Single(NodeApp, files, Id);
            Assert.Contains("'.env'", d.Message);
            Assert.Contains("'certs/dev.pfx' (a certificate with its private key)", d.Message);
            Assert.Contains("and 2 more", d.Message);
        }

        [Fact]
        public void Reports_an_explicit_secret_source_and_says_to_mount_it_instead()
        {
            var files = Project().AddFile(Dir + "/certs/aspnetapp.pfx", "binary");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "WORKDIR /app\n" +
                "COPY [\"certs/aspnetapp.pfx\", \"/https/\"]\n";
            AssertFindings(dockerfile, files, Id, "DKR203@3:7");
            var d = Single(dockerfile, Project().AddFile(Dir + "/certs/aspnetapp.pfx", "binary"), Id);
            Assert.Contains("copies the secret file 'certs/aspnetapp.pfx'", d.Message);
            Assert.Contains("RUN --mount=type=secret", d.Message);
        }

        [Fact]
        public void A_copy_into_a_build_stage_is_a_suggestion_with_its_own_message()
        {
            var files = Project().AddFile(Dir + "/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN dotnet publish -c Release -o /out\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "COPY --from=build /out /app\n";
            AssertFindings(dockerfile, files, Id, "DKR203@3:6");
            var d = Single(dockerfile, Project().AddFile(Dir + "/id_rsa", "x"), Id);
            Assert.Equal(DiagnosticSeverity.Suggestion, d.Severity);
            Assert.Contains("build stage 'build'", d.Message);
            Assert.Contains("build cache", d.Message);
        }

        [Fact]
        public void A_copy_into_a_stage_the_final_image_is_built_on_ships()
        {
            var files = Project().AddFile(Dir + "/.env.production", "API_KEY=abc");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "WORKDIR /app\n" +
                "COPY . /app\n" +
                "FROM base AS final\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            AssertFindings(dockerfile, files, Id, "DKR203@3:6");
            var d = Single(dockerfile, Project().AddFile(Dir + "/.env.production", "x"), Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("stage 'base', which the final image is built on", d.Message);
        }

        [Fact]
        public void Files_whose_name_is_ambiguous_are_judged_by_their_content()
        {
            string dockerfile = "FROM node:20.11-alpine\nWORKDIR /app\nCOPY . .\n";
            var withToken = NodeProject().AddFile(Dir + "/.npmrc", "//registry.npmjs.org/:_authToken=npm_abcdef123456\n");
            AssertFindings(dockerfile, withToken, Id, "DKR203@3:6");
            var withPlaceholder = NodeProject().AddFile(Dir + "/.npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
            AssertSilent(dockerfile, withPlaceholder, Id);

            var nugetLiteral = Project().AddFile(Dir + "/nuget.config",
                "<configuration><packageSourceCredentials><feed><add key=\"Username\" value=\"me\" /><add key=\"ClearTextPassword\" value=\"ghp_123\" /></feed></packageSourceCredentials></configuration>");
            AssertFindings(dockerfile, nugetLiteral, Id, "DKR203@3:6");
            var nugetVariable = Project().AddFile(Dir + "/NuGet.Config",
                "<configuration><packageSourceCredentials><feed><add key=\"ClearTextPassword\" value=\"%FEED_PAT%\" /></feed></packageSourceCredentials></configuration>");
            AssertSilent(dockerfile, nugetVariable, Id);

            var privateKey = Project().AddFile(Dir + "/tls/server.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");
            AssertFindings(dockerfile, privateKey, Id, "DKR203@3:6");
            var certificate = Project().AddFile(Dir + "/tls/corp-root-ca.pem", "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n");
            AssertSilent(dockerfile, certificate, Id);
        }

        [Fact]
        public void Without_a_visible_context_an_explicit_secret_name_is_still_reported()
        {
            string dockerfile = "FROM alpine:3.20\nCOPY deploy_key/id_rsa /root/.ssh/id_rsa\nCOPY *.pfx /certs/\n";
            AssertFindingsWithContext(dockerfile, new InMemoryFileSystem(), "/ci/checkout", Id, "DKR203@2:6", "DKR203@3:6");
        }

        [Fact]
        public void Silent_when_dockerignore_excludes_the_secrets()
        {
            var files = NodeProject()
                .AddFile(Dir + "/.dockerignore", "**/.env\n**/*.pfx\nsecrets/\n")
                .AddFile(Dir + "/.env", "x")
                .AddFile(Dir + "/api/.env", "x")
                .AddFile(Dir + "/certs/dev.pfx", "x")
                .AddFile(Dir + "/secrets/id_rsa", "x");
            AssertSilent(NodeApp, files, Id);
        }

        [Fact]
        public void Silent_for_templates_public_keys_and_ordinary_files()
        {
            var files = NodeProject()
                .AddFile(Dir + "/.env.example", "DB_PASSWORD=")
                .AddFile(Dir + "/.env.sample", "x")
                .AddFile(Dir + "/.env.template", "x")
                .AddFile(Dir + "/keys/id_rsa.pub", "ssh-rsa AAAA")
                .AddFile(Dir + "/appsettings.Development.json", "{}")
                .AddFile(Dir + "/.env/bin/python", "virtualenv directory named .env");
            AssertSilent(NodeApp, files, Id);
        }

        [Fact]
        public void Silent_for_copies_from_stages_and_images_and_for_excluded_paths()
        {
            var files = NodeProject().AddFile(Dir + "/certs/dev.pfx", "x");
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "WORKDIR /app\n" +
                "COPY --exclude=**/*.pfx . .\n" +
                "FROM node:20.11-alpine\n" +
                "COPY --from=build /app/.env /app/.env\n" +
                "COPY --from=secrets-image:1.0 /keys/id_rsa /root/.ssh/id_rsa\n";
            AssertSilent(dockerfile, files, Id);
        }

        [Fact]
        public void Silent_for_the_visual_studio_template_with_its_default_dockerignore()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/repo/.dockerignore", "**/.classpath\n**/.dockerignore\n**/.env\n**/.git\n**/.vs\n**/bin\n**/obj\n**/secrets.dev.yaml\nLICENSE\nREADME.md\n!**/.gitignore\n!.git/HEAD\n")
                .AddFile("/repo/.env", "SA_PASSWORD=x")
                .AddFile("/repo/src/App/App.csproj", "<Project/>")
                .AddFile("/repo/src/App/.env", "x")
                .AddFile("/repo/src/App/Program.cs", "");
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
                "USER $APP_UID\n" +
                "WORKDIR /app\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY [\"src/App/App.csproj\", \"src/App/\"]\n" +
                "RUN dotnet restore \"./src/App/App.csproj\"\n" +
                "COPY . .\n" +
                "RUN dotnet publish \"src/App/App.csproj\" -c Release -o /app/publish\n" +
                "FROM base AS final\n" +
                "COPY --from=build /app/publish .\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            AssertSilent(dockerfile, files, Id, contextDirectory: "/repo");
        }
    }
}
