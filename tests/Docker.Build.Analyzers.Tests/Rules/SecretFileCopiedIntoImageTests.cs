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

        // ---- secrets that a later COPY --from carries into the final image ----

        private static string[] WithSeverity(string dockerfile, InMemoryFileSystem files, Docker.Build.Analyzers.Analysis.ProjectFacts? project = null) =>
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(TestAnalysis.Run(dockerfile, project, files), d => d.Id == Id),
                d => $"{d.Id}@{d.Line}:{d.Column} {d.Severity}"));

        [Fact]
        public void A_build_stage_secret_that_a_copy_from_carries_into_the_final_image_is_a_warning()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "WORKDIR /src\n" +
                "COPY certs/api.pfx /https/\n" +
                "RUN dotnet publish -o /app/publish\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "COPY --from=build /https/api.pfx /https/\n";
            var files = Project().AddFile(Dir + "/certs/api.pfx", "x");
            Assert.Equal(new[] { "DKR203@3:6 Warning" }, WithSeverity(dockerfile, files));
            var d = Single(dockerfile, Project().AddFile(Dir + "/certs/api.pfx", "x"), Id);
            Assert.Contains("build stage 'build', and 'COPY --from=build' at line 6 carries it on into the final image", d.Message);
            Assert.DoesNotContain("does not get it", d.Message);
        }

        [Theory]
        // The folder that holds it.
        [InlineData("FROM alpine:3.20\nCOPY --from=build /src /app\n")]
        [InlineData("FROM alpine:3.20\nWORKDIR /app\nCOPY --from=build /src/ .\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=build / /\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=0 /src/.env /app/.env\n")]
        // A stage built on the build stage has its files too.
        [InlineData("FROM build AS test\nRUN make test\nFROM alpine:3.20\nCOPY --from=test /src /app\n")]
        // Through a chain of stages.
        [InlineData("FROM alpine:3.20 AS config\nCOPY --from=build /src/.env /cfg/.env\nFROM alpine:3.20\nCOPY --from=config /cfg/ /etc/app/\n")]
        [InlineData("FROM alpine:3.20 AS config\nCOPY --from=build /src/ /cfg/\nFROM alpine:3.20\nCOPY --from=config /cfg/.env /etc/app/\n")]
        public void A_swept_in_secret_followed_to_the_final_image_is_a_warning(string tail)
        {
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN npm ci && npm run build\n" +
                tail;
            var files = NodeProject().AddFile(Dir + "/.env", "DB_PASSWORD=hunter2");
            Assert.Equal(new[] { "DKR203@3:6 Warning" }, WithSeverity(dockerfile, files));
        }

        [Theory]
        [InlineData("FROM alpine:3.20\nCOPY --from=build /src/dist /app\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=build /src/*.js /app/\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=build --exclude=.env /src /app\n")]
        [InlineData("RUN rm -f .env\nFROM alpine:3.20\nCOPY --from=build /src /app\n")]
        [InlineData("RUN rm -f /src/.env\nFROM alpine:3.20\nCOPY --from=build /src /app\n")]
        [InlineData("FROM alpine:3.20 AS unused\nCOPY --from=build /src /app\nFROM alpine:3.20\nCOPY --from=build /src/dist /app\n")]
        [InlineData("FROM alpine:3.20\nCOPY --from=other /src /app\n")]
        public void A_build_stage_secret_that_never_reaches_the_final_image_stays_a_suggestion(string tail)
        {
            string dockerfile =
                "FROM node:20.11-alpine AS build\n" +
                "WORKDIR /src\n" +
                "COPY . .\n" +
                "RUN npm ci && npm run build\n" +
                tail;
            var files = NodeProject().AddFile(Dir + "/.env", "DB_PASSWORD=hunter2");
            Assert.Equal(new[] { "DKR203@3:6 Suggestion" }, WithSeverity(dockerfile, files));
            Assert.Contains("the final image does not get it", Single(dockerfile, NodeProject().AddFile(Dir + "/.env", "x"), Id).Message);
        }

        // ---- explicit secret names absent from this checkout ----

        // The other sources exist, so the project directory is the build context for sure (an undecided context
        // falls back to judging every source by its name).
        private const string DecidedContext = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY App.csproj Program.cs ./\n";

        [Theory]
        [InlineData("COPY certs/api.pfx /https/\n", "DKR203@4:6")]
        [InlineData("COPY deploy/id_rsa /root/.ssh/\n", "DKR203@4:6")]
        [InlineData("COPY [\"config/.env.production\", \"/app/.env\"]\n", "DKR203@4:7")]
        public void An_explicit_secret_missing_from_this_checkout_is_reported_by_its_name(string copy, string expected)
        {
            string dockerfile = DecidedContext + copy;
            AssertFindings(dockerfile, Project(), Id, expected);
            Assert.Equal(DiagnosticSeverity.Warning, Single(dockerfile, Project(), Id).Severity);
        }

        [Theory]
        // A .pem that is not there to read may be a public certificate.
        [InlineData("COPY certs/ca.pem /usr/local/share/ca-certificates/\n", "")]
        // .dockerignore keeps it out: nothing is copied.
        [InlineData("COPY certs/api.pfx /https/\n", "**/*.pfx\n")]
        [InlineData("COPY .env.example /app/.env\n", "")]
        public void Silent_for_missing_files_that_are_not_secrets_by_name_or_are_ignored(string copy, string dockerignore)
        {
            var files = Project();
            if (dockerignore.Length > 0) files.AddFile(Dir + "/.dockerignore", dockerignore);
            AssertSilent(DecidedContext + copy, files, Id);
        }

        // ---- secrets the project's publish output carries ----

        private const string PublishTemplate =
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
            "WORKDIR /app\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY [\"App.csproj\", \"./\"]\n" +
            "RUN dotnet restore \"App.csproj\"\n" +
            "COPY . .\n" +
            "RUN dotnet build \"App.csproj\" -c Release -o /app/build\n" +
            "FROM build AS publish\n" +
            "RUN dotnet publish \"App.csproj\" -c Release -o /app/publish /p:UseAppHost=false\n" +
            "FROM base AS final\n" +
            "WORKDIR /app\n" +
            "COPY --from=publish /app/publish .\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private static Docker.Build.Analyzers.Analysis.ProjectFacts Publishing(params (string Source, string Target)[] items) =>
            new Docker.Build.Analyzers.Analysis.ProjectFacts(Dir + "/App.csproj", "App", new[] { "net8.0" }, isWebProject: true,
                outputDirectories: new[] { Dir + "/bin/Release/net8.0/publish" },
                publishedFiles: System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(items, i => new Docker.Build.Analyzers.Analysis.PublishedFile(Dir + "/" + i.Source, i.Target))));

        [Fact]
        public void A_published_secret_item_is_reported_at_the_final_copy_of_the_publish_output()
        {
            var files = Project().AddFile(Dir + "/certs/api.pfx", "x");
            var project = Publishing(("certs/api.pfx", "certs/api.pfx"));
            // The COPY . . of the build stage is today's suggestion; the final COPY --from=publish ships it.
            Assert.Equal(new[] { "DKR203@7:6 Suggestion", "DKR203@13:21 Warning" }, WithSeverity(PublishTemplate, files, project));
            var d = Assert.Single(TestAnalysis.Run(PublishTemplate, project, Project().AddFile(Dir + "/certs/api.pfx", "x")), x => x.Id == Id && x.Line == 13);
            Assert.Contains("the project's publish output, which carries the project item 'certs/api.pfx' (a certificate with its private key)", d.Message);
            Assert.Contains("into the final image", d.Message);
            Assert.Contains("CopyToPublishDirectory", d.Message);
        }

        [Theory]
        [InlineData("appsettings.Development.local.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=db;User Id=sa;Password=Pa55word!\" } }")]
        [InlineData("appsettings.local.json", "{ \"Stripe\": { \"ApiKey\": \"sk_live_abc123\" } }")]
        [InlineData("secrets.json", "{}")]
        [InlineData(".env", "A=1")]
        [InlineData("tls/server.pem", "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n")]
        public void Published_secret_kinds(string item, string content)
        {
            var files = Project().AddFile(Dir + "/" + item, content);
            var found = WithSeverity(PublishTemplate, files, Publishing((item, item)));
            Assert.Contains("DKR203@13:21 Warning", found);
        }

        [Theory]
        // A public certificate, an ordinary settings file.
        [InlineData("tls/ca.pem", "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n", "")]
        [InlineData("appsettings.json", "{}", "")]
        // A local settings file without a credential: an environment named 'Local' (routes, log levels, placeholders).
        [InlineData("appsettings.Local.json", "{ \"ReverseProxy\": { \"Clusters\": { \"c\": { \"Address\": \"http://localhost:5001\" } } } }", "")]
        [InlineData("appsettings.local.json", "{ \"Password\": \"\", \"ApiKey\": \"${API_KEY}\" }", "")]
        // .dockerignore keeps it out of the build, so 'dotnet publish' inside it cannot publish it.
        [InlineData("certs/api.pfx", "x", "**/*.pfx\n")]
        public void Silent_for_published_items_that_are_not_secrets_or_never_reach_the_build(string item, string content, string dockerignore)
        {
            var files = Project().AddFile(Dir + "/" + item, content);
            if (dockerignore.Length > 0) files.AddFile(Dir + "/.dockerignore", dockerignore);
            Assert.DoesNotContain(WithSeverity(PublishTemplate, files, Publishing((item, item))), f => f.StartsWith("DKR203@13:", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Silent_when_the_final_stage_copies_something_other_than_the_publish_output()
        {
            string dockerfile = PublishTemplate.Replace("COPY --from=publish /app/publish .", "COPY --from=publish /app/publish/wwwroot ./wwwroot");
            var files = Project().AddFile(Dir + "/certs/api.pfx", "x");
            Assert.Equal(new[] { "DKR203@7:6 Suggestion" }, WithSeverity(dockerfile, files, Publishing(("certs/api.pfx", "certs/api.pfx"))));
        }

        [Fact]
        public void A_published_secret_in_the_output_folder_copied_from_the_context_is_reported()
        {
            string dockerfile =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "WORKDIR /app\n" +
                "COPY bin/Release/net8.0/publish/ .\n" +
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
            // The publish folder is filled by a script right before docker build: it need not exist here.
            var project = Publishing(("Properties/secrets.json", "secrets.json"));
            Assert.Equal(new[] { "DKR203@3:6 Warning" }, WithSeverity(dockerfile, Project(), project));
            var ignored = Project().AddFile(Dir + "/.dockerignore", "**/secrets.json\n");
            Assert.Empty(WithSeverity(dockerfile, ignored, project));
        }
    }
}
