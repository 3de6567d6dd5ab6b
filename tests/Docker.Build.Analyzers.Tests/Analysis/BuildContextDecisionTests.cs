using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Rules;
using Docker.Build.Analyzers.Rules.Dockerfile;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    /// <summary>
    /// The order in which a Dockerfile's build context is decided (declared, compose, inferred, undecided) on generated
    /// trees shaped like the real repositories that drew false DKR121 warnings.
    /// </summary>
    public class BuildContextDecisionTests
    {
        private const string VsDockerfile =
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER $APP_UID\nWORKDIR /app\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\n" +
            "COPY [\"Services/Basket/Basket.API/Basket.API.csproj\", \"Services/Basket/Basket.API/\"]\n" +
            "COPY [\"BuildingBlocks/EventBus/EventBus.csproj\", \"BuildingBlocks/EventBus/\"]\n" +
            "RUN dotnet restore \"Services/Basket/Basket.API/Basket.API.csproj\"\n" +
            "COPY . .\nRUN dotnet publish \"Services/Basket/Basket.API/Basket.API.csproj\" -c Release -o /app/publish\n" +
            "FROM base AS final\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"Basket.API.dll\"]\n";

        /// <summary>A repository: .git at /r, sources under /r/src, the Basket project four levels below the context.</summary>
        private static InMemoryFileSystem Repository() => new InMemoryFileSystem()
            .AddFile("/r/.git/HEAD", "ref: refs/heads/main")
            .AddFile("/r/src/eShop.sln", "")
            .AddFile("/r/src/Services/Basket/Basket.API/Basket.API.csproj", "<Project/>")
            .AddFile("/r/src/BuildingBlocks/EventBus/EventBus.csproj", "<Project/>");

        private static (Workspace Workspace, DockerfileDocument Document) Load(InMemoryFileSystem files, string dockerfilePath, string text, string projectDirectory,
            string? declaredContext = null, IReadOnlyList<ComposeBuildReference>? compose = null, ProjectFacts? project = null)
        {
            files.AddFile(dockerfilePath, text);
            var document = new DockerfileDocument(DockerfileParser.Parse(SourceText.From(text, dockerfilePath)), declaredContext ?? projectDirectory, declaredContext != null);
            string? root = RepositoryLayout.FindRepositoryRoot(files, projectDirectory);
            var workspace = new Workspace(projectDirectory, project ?? ProjectFacts.None, files, new[] { document }, null, compose, root);
            return (workspace, document);
        }

        private static List<Diagnostic> RunRules(Workspace workspace, DockerfileDocument document, params DockerfileRule[] rules)
        {
            var found = new List<Diagnostic>();
            foreach (var rule in rules) rule.Analyze(new DockerfileContext(rule.Descriptor, document, workspace, found));
            return found;
        }

        private static ComposeBuildReference Compose(InMemoryFileSystem files, string composePath, string composeText, string service, string context, string dockerfile)
        {
            files.AddFile(composePath, composeText);
            var source = SourceText.From(composeText, composePath);
            int at = composeText.IndexOf("context: ", System.StringComparison.Ordinal) + "context: ".Length;
            int end = composeText.IndexOf('\n', at);
            return new ComposeBuildReference(composePath, service, context, dockerfile, source, TextSpan.FromBounds(at, end));
        }

        [Fact]
        public void A_develop_dockerfile_four_levels_below_its_context_is_inferred_up_to_the_repository_root()
        {
            var files = Repository();
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile.develop", VsDockerfile, "/r/src/Services/Basket/Basket.API");
            var context = workspace.GetBuildContext(document);
            Assert.Equal(ContextSource.Inferred, context.Decision.Source);
            Assert.Equal(Path.GetFullPath("/r/src"), context.Directory);
            Assert.Empty(RunRules(workspace, document, new CopySourceNotInContext()));
        }

        [Fact]
        public void A_wildcard_is_evidence_too_so_a_dockerfile_that_copies_only_the_solution_finds_its_context()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/Shop.sln", "")
                .AddFile("/r/src/Web/Web.csproj", "<Project/>");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /app\nCOPY *.sln .\nCOPY . .\nRUN dotnet publish src/Web/Web.csproj -o /out\n";
            var (workspace, document) = Load(files, "/r/src/Web/Dockerfile", dockerfile, "/r/src/Web");
            var context = workspace.GetBuildContext(document);
            Assert.Equal(Path.GetFullPath("/r"), context.Directory);
            Assert.Equal(ContextSource.Inferred, context.Decision.Source);
            Assert.Empty(RunRules(workspace, document, new CopySourceNotInContext()));
        }

        [Fact]
        public void A_compose_service_that_builds_the_dockerfile_decides_the_context()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/Shop.sln", "")
                .AddFile("/r/src/Web/Web.csproj", "<Project/>");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /app\nCOPY *.sln .\nCOPY . .\n";
            var compose = Compose(files, "/r/docker-compose.yml", "services:\n  web:\n    build:\n      context: .\n      dockerfile: src/Web/Dockerfile\n", "web", "/r", "/r/src/Web/Dockerfile");
            var (workspace, document) = Load(files, "/r/src/Web/Dockerfile", dockerfile, "/r/src/Web", compose: new[] { compose });
            var context = workspace.GetBuildContext(document);
            Assert.Equal(ContextSource.Compose, context.Decision.Source);
            Assert.Equal("/r", context.Directory);
            Assert.Contains("service 'web' in docker-compose.yml", context.Decision.Description);
        }

        [Fact]
        public void A_declared_context_wins_over_compose_when_the_sources_agree_with_both()
        {
            var files = Repository();
            var compose = Compose(files, "/r/src/docker-compose.yml", "services:\n  basket:\n    build:\n      context: .\n      dockerfile: Services/Basket/Basket.API/Dockerfile\n", "basket", "/r/src", "/r/src/Services/Basket/Basket.API/Dockerfile");
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile", VsDockerfile, "/r/src/Services/Basket/Basket.API", declaredContext: "/r/src", compose: new[] { compose });
            var context = workspace.GetBuildContext(document);
            Assert.Equal(ContextSource.Declared, context.Decision.Source);
            Assert.Null(context.Decision.Disagreement);
        }

        [Fact]
        public void A_wrong_dockerfilecontext_is_reported_once_at_the_project_file_instead_of_once_per_copy()
        {
            var files = Repository();
            string csproj = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <DockerfileContext>..\\..\\..\\..</DockerfileContext>\n  </PropertyGroup>\n</Project>\n";
            files.AddFile("/r/src/Services/Basket/Basket.API/Basket.API.csproj", csproj);
            var compose = Compose(files, "/r/docker-compose.yml", "services:\n  basket:\n    build:\n      context: src/\n      dockerfile: src/Services/Basket/Basket.API/Dockerfile\n", "basket", "/r/src", "/r/src/Services/Basket/Basket.API/Dockerfile");
            var project = new ProjectFacts("/r/src/Services/Basket/Basket.API/Basket.API.csproj");
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile", VsDockerfile, "/r/src/Services/Basket/Basket.API", declaredContext: "/r", compose: new[] { compose }, project: project);
            var found = RunRules(workspace, document, new CopySourceNotInContext(), new BuildContextDeclarationsDisagree());
            var d = Assert.Single(found);
            Assert.Equal("DKR129", d.Id);
            Assert.Equal("/r/src/Services/Basket/Basket.API/Basket.API.csproj", d.FilePath);
            Assert.Equal((3, 24), (d.Line, d.Column));
            Assert.Contains("2 of its 2 COPY sources exist there and 0 here", d.Message);
            Assert.Equal("/r/src", workspace.GetBuildContext(document).Directory);
        }

        [Fact]
        public void A_wrong_compose_context_is_reported_once_at_its_context_value()
        {
            var files = Repository();
            string composeText = "services:\n  basket:\n    build:\n      context: Services\n      dockerfile: Basket/Basket.API/Dockerfile\n";
            var compose = Compose(files, "/r/src/docker-compose.yml", composeText, "basket", "/r/src/Services", "/r/src/Services/Basket/Basket.API/Dockerfile");
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile", VsDockerfile, "/r/src/Services/Basket/Basket.API", declaredContext: "/r/src", compose: new[] { compose });
            var found = RunRules(workspace, document, new CopySourceNotInContext(), new BuildContextDeclarationsDisagree());
            var d = Assert.Single(found);
            Assert.Equal(("DKR129", "/r/src/docker-compose.yml", 4, 16), (d.Id, d.FilePath, d.Line, d.Column));
            Assert.Equal(ContextSource.Declared, workspace.GetBuildContext(document).Decision.Source);
        }

        [Fact]
        public void When_no_folder_holds_most_sources_the_context_rules_stay_silent()
        {
            var files = new InMemoryFileSystem().AddFile("/r/.git/HEAD", "x").AddFile("/r/src/Api/Api.csproj", "<Project/>");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY generated/Api.csproj other/Lib.csproj ./\nCOPY . .\n";
            var (workspace, document) = Load(files, "/r/src/Api/Dockerfile", dockerfile, "/r/src/Api");
            var context = workspace.GetBuildContext(document);
            Assert.Equal(ContextSource.Undecided, context.Decision.Source);
            Assert.False(context.Exists);
            Assert.Empty(RunRules(workspace, document, new CopySourceNotInContext()));
        }

        [Fact]
        public void The_project_directory_stays_the_context_when_it_holds_most_sources_and_the_missing_one_is_reported()
        {
            var files = new InMemoryFileSystem().AddFile("/r/.git/HEAD", "x")
                .AddFile("/r/src/Api/Api.csproj", "<Project/>").AddFile("/r/src/Api/Program.cs", "").AddFile("/r/Api.csproj", "");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY Api.csproj Program.cs appsettings.json ./\n";
            var (workspace, document) = Load(files, "/r/src/Api/Dockerfile", dockerfile, "/r/src/Api");
            var context = workspace.GetBuildContext(document);
            Assert.Equal(ContextSource.ProjectDirectory, context.Decision.Source);
            var d = Assert.Single(RunRules(workspace, document, new CopySourceNotInContext()));
            Assert.Equal((2, 28), (d.Line, d.Column));
            Assert.Contains("the project directory, the default", d.Message);
        }

        [Fact]
        public void The_search_does_not_climb_above_the_repository_root()
        {
            var files = new InMemoryFileSystem()
                .AddFile("/outside/Shared/Shared.csproj", "")
                .AddFile("/outside/repo/.git/HEAD", "x")
                .AddFile("/outside/repo/src/Api/Api.csproj", "");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY Shared/Shared.csproj ./\n";
            var (workspace, document) = Load(files, "/outside/repo/src/Api/Dockerfile", dockerfile, "/outside/repo/src/Api");
            Assert.Equal(ContextSource.Undecided, workspace.GetBuildContext(document).Decision.Source);
        }

        [Fact]
        public void Sources_under_the_projects_own_publish_folder_are_not_missing_files()
        {
            var files = new InMemoryFileSystem().AddFile("/r/.git/HEAD", "x").AddFile("/r/src/Api/Api.csproj", "");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY bin/Release/net8.0/publish/ .\nCOPY Api.csproj /meta/\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";
            var project = new ProjectFacts("/r/src/Api/Api.csproj", outputDirectories: new[] { "/r/src/Api/bin/Release/net8.0/", "/r/src/Api/bin/Release/net8.0/publish/" });
            var (workspace, document) = Load(files, "/r/src/Api/Dockerfile", dockerfile, "/r/src/Api", project: project);
            Assert.Empty(RunRules(workspace, document, new CopySourceNotInContext()));

            // Without the project's facts the folder is just missing (and the only other source decides the context).
            var (bare, bareDocument) = Load(new InMemoryFileSystem().AddFile("/r/.git/HEAD", "x").AddFile("/r/src/Api/Api.csproj", "").AddFile("/r/src/Api/Program.cs", ""),
                "/r/src/Api/Dockerfile", dockerfile.Replace("COPY Api.csproj /meta/", "COPY Api.csproj Program.cs /meta/"), "/r/src/Api");
            Assert.Single(RunRules(bare, bareDocument, new CopySourceNotInContext()));
        }
        [Fact]
        public void A_declared_context_that_holds_none_of_the_sources_is_reported_once_when_another_folder_holds_them()
        {
            var files = Repository();
            string csproj = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <DockerfileContext>..\\..\\..\\..</DockerfileContext>\n  </PropertyGroup>\n</Project>\n";
            files.AddFile("/r/src/Services/Basket/Basket.API/Basket.API.csproj", csproj);
            var project = new ProjectFacts("/r/src/Services/Basket/Basket.API/Basket.API.csproj");
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile", VsDockerfile, "/r/src/Services/Basket/Basket.API", declaredContext: "/r", project: project);
            var found = RunRules(workspace, document, new CopySourceNotInContext(), new BuildContextDeclarationsDisagree());
            var d = Assert.Single(found);
            Assert.Equal(("DKR129", 3, 24), (d.Id, d.Line, d.Column));
            Assert.Contains("the folder the COPY sources are written for ('" + Path.GetFullPath("/r/src") + "')", d.Message);
            Assert.Equal(Path.GetFullPath("/r/src"), workspace.GetBuildContext(document).Directory);
        }

        [Fact]
        public void A_declared_context_the_sources_partly_agree_with_stays_and_the_missing_ones_are_reported()
        {
            var files = Repository().AddFile("/r/src/Services/Basket/Basket.API/Program.cs", "");
            string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY Services/Basket/Basket.API/Basket.API.csproj Services/Basket/Basket.API/Program.cs Services/Basket/Basket.API/appsettings.json ./\n";
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile", dockerfile, "/r/src/Services/Basket/Basket.API", declaredContext: "/r/src");
            var found = RunRules(workspace, document, new CopySourceNotInContext(), new BuildContextDeclarationsDisagree());
            Assert.Equal(new[] { "DKR121" }, found.Select(f => f.Id).ToArray());
        }

        [Fact]
        public void A_compose_context_contradicted_by_the_sources_is_reported_once_at_its_value()
        {
            var files = Repository();
            string composeText = "services:\n  basket:\n    build:\n      context: Services/Basket/Basket.API\n";
            var compose = Compose(files, "/r/src/docker-compose.yml", composeText, "basket", "/r/src/Services/Basket/Basket.API", "/r/src/Services/Basket/Basket.API/Dockerfile");
            var (workspace, document) = Load(files, "/r/src/Services/Basket/Basket.API/Dockerfile", VsDockerfile, "/r/src/Services/Basket/Basket.API", compose: new[] { compose });
            var found = RunRules(workspace, document, new CopySourceNotInContext(), new BuildContextDeclarationsDisagree());
            var d = Assert.Single(found);
            Assert.Equal(("DKR129", "/r/src/docker-compose.yml", 4, 16), (d.Id, d.FilePath, d.Line, d.Column));
        }
    }
}