using System.Linq;
using System.Text;
using Xunit;

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary>
    /// <c>--fix</c>: each fix changes exactly the intended bytes (compared with the whole expected file, byte for
    /// byte), keeps line endings, byte order mark and indentation, and a second run changes nothing.
    /// </summary>
    public class FixTests
    {
        private static byte[] Bytes(string text, bool bom = false)
        {
            var body = new UTF8Encoding(false).GetBytes(text);
            return bom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : body;
        }

        private const string Before =
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\r\n" +
            "MAINTAINER Jane Doe <jane@example.com>\r\n" +
            "RUN apt-get update && apt-get install -y curl=8.5.0-2 \\\r\n" +
            "    && rm -rf /var/lib/apt/lists/*\r\n" +
            "RUN apk add bash=5.2.26-r0\r\n" +
            "RUN pip install flask==2.0\r\n" +
            "WORKDIR /app\r\n" +
            "COPY app/ .\r\n" +
            "\tENTRYPOINT dotnet app.dll\r\n";

        private const string After =
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\r\n" +
            "LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\r\n" +
            "RUN apt-get update && apt-get install --no-install-recommends -y curl=8.5.0-2 \\\r\n" +
            "    && rm -rf /var/lib/apt/lists/*\r\n" +
            "RUN apk add --no-cache bash=5.2.26-r0\r\n" +
            "RUN pip install --no-cache-dir flask==2.0\r\n" +
            "WORKDIR /app\r\n" +
            "COPY app/ .\r\n" +
            "\tUSER $APP_UID\r\n" +
            "\tENTRYPOINT [\"dotnet\", \"app.dll\"]\r\n";

        [Fact]
        public void Dockerfile_fixes_change_only_the_intended_bytes_keep_CRLF_BOM_and_indentation_and_are_idempotent()
        {
            using var folder = new FixtureFolder();
            folder.WriteBytes("Dockerfile", Bytes(Before, bom: true));
            folder.Write("app/app.dll", "x");

            var run = folder.Run("--fix", "--severity", "error");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Fixed Dockerfile (", run.StandardError);
            Assert.Equal(Bytes(After, bom: true), folder.Read("Dockerfile"));

            var again = folder.Run("--fix", "--severity", "error");
            Assert.Equal(0, again.ExitCode);
            Assert.DoesNotContain("Fixed", again.StandardError);
            Assert.Equal(Bytes(After, bom: true), folder.Read("Dockerfile"));

            // And the fixed findings are gone: none of the fixed rules fires any more.
            var check = folder.Run("--severity", "suggestion");
            foreach (var id in new[] { "DKR105", "DKR108", "DKR109", "DKR112", "DKR201", "DKR302" })
                Assert.DoesNotContain(id, check.StandardOutput);
        }

        [Fact]
        public void Dry_run_prints_a_unified_diff_writes_nothing_and_exits_1_when_there_is_something_to_fix()
        {
            using var folder = new FixtureFolder();
            folder.Write("compose.yaml", "version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n");

            var run = folder.Run("--fix", "--dry-run");

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(
                "--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,4 +1,3 @@\n-version: \"3.8\"\n services:\n   web:\n     image: nginx:1.27\n",
                run.StandardOutput);
            Assert.Equal("version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n", folder.ReadText("compose.yaml"));
        }

        [Fact]
        public void The_compose_version_line_is_removed_with_its_line_break_and_nothing_else()
        {
            using var folder = new FixtureFolder();
            const string before = "# deployment\r\nversion: '3'   # legacy\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n";
            folder.Write("docker-compose.yml", before);

            folder.Run("--fix");

            Assert.Equal("# deployment\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n", folder.ReadText("docker-compose.yml"));
            var again = folder.Run("--fix", "--dry-run");
            Assert.Equal(0, again.ExitCode);
            Assert.Equal("", again.StandardOutput);
        }

        [Fact]
        public void A_Dockerfile_that_does_not_parse_is_never_touched()
        {
            using var folder = new FixtureFolder();
            const string broken = "MAINTAINER someone\nFROM ubuntu:24.04\nRUN <<EOF\napt-get install -y curl\n";
            folder.Write("Dockerfile", broken);

            var run = folder.Run("--fix");

            Assert.Equal(broken, folder.ReadText("Dockerfile"));
            Assert.Contains("DKR902", run.StandardOutput);
        }

        [Fact]
        public void What_is_not_a_plain_word_list_or_mechanical_is_left_alone()
        {
            using var folder = new FixtureFolder();
            const string text =
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "ENTRYPOINT dotnet $APP_DLL\n" +
                "CMD [\"--urls\", \"http://+:8080\"]\n";
            folder.Write("Dockerfile", text);

            folder.Run("--fix");

            // A variable needs the shell, and a shell-form ENTRYPOINT followed by CMD ignores it: neither changes.
            // USER goes in front of the final ENTRYPOINT on the .NET 8 image.
            Assert.Equal(
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
                "USER $APP_UID\n" +
                "ENTRYPOINT dotnet $APP_DLL\n" +
                "CMD [\"--urls\", \"http://+:8080\"]\n",
                folder.ReadText("Dockerfile"));
        }

        [Fact]
        public void A_shell_form_ENTRYPOINT_after_a_CMD_of_the_same_stage_stays_as_it_is_while_one_in_a_later_stage_is_converted()
        {
            using var folder = new FixtureFolder();
            const string text =
                "FROM ubuntu:24.04 AS base\n" +
                "CMD [\"--verbose\"]\n" +
                "ENTRYPOINT /usr/bin/app\n" +
                "FROM base\n" +
                "USER 1000\n" +
                "ENTRYPOINT /usr/bin/app --quiet\n";
            folder.Write("Dockerfile", text);

            folder.Run("--fix");

            Assert.Equal(text.Replace("ENTRYPOINT /usr/bin/app --quiet", "ENTRYPOINT [\"/usr/bin/app\", \"--quiet\"]"), folder.ReadText("Dockerfile"));

            const string cmdFirst = "FROM ubuntu:24.04\nUSER 1000\nCMD [\"--verbose\"]\nENTRYPOINT /usr/bin/app\n";
            folder.Write("Dockerfile", cmdFirst);
            var run = folder.Run("--fix", "--severity", "suggestion");
            Assert.Contains("Dockerfile(4,12): message DKR302: ", run.StandardOutput);
            Assert.Equal(cmdFirst, folder.ReadText("Dockerfile"));
        }

        [Fact]
        public void Exec_form_RUN_and_non_dotnet_images_get_no_fix()
        {
            using var folder = new FixtureFolder();
            const string text =
                "FROM ubuntu:24.04\n" +
                "RUN [\"apt-get\", \"install\", \"-y\", \"curl=8.5.0-2\"]\n" +
                "ENTRYPOINT [\"/app\"]\n";
            folder.Write("Dockerfile", text);

            folder.Run("--fix");

            Assert.Equal(text, folder.ReadText("Dockerfile"));
        }
    

        private const string CopiesEverything =
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish src/App/App.csproj -o /out\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";

        private static void WriteRepository(FixtureFolder folder)
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(folder.Root, ".git"));
            folder.Write(".git/HEAD", "ref: refs/heads/main\n");
            folder.Write("Dockerfile", CopiesEverything);
            folder.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
            folder.Write("src/App/Program.cs", "return;\n");
            folder.Write("src/App/obj/project.assets.json", "{}\n");
            folder.Write(".env", "PASSWORD=x\n");
        }

        [Fact]
        public void Missing_dockerignore_entries_are_appended_in_the_files_line_breaks_and_a_second_fix_changes_nothing()
        {
            using var folder = new FixtureFolder();
            WriteRepository(folder);
            folder.Write(".dockerignore", "# mine\r\nnode_modules");

            var run = folder.Run("--fix", "--severity", "error");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("# mine\r\nnode_modules\r\n.git\r\n**/obj/\r\n**/.env\r\n", folder.ReadText(".dockerignore"));
            var again = folder.Run("--fix", "--dry-run");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal("", again.StandardOutput);
        }

        [Fact]
        public void An_entry_the_file_reincludes_on_purpose_is_not_added()
        {
            using var folder = new FixtureFolder();
            WriteRepository(folder);
            folder.Write(".dockerignore", "**/obj/\n.git\n*.env\n!.env\n");

            folder.Run("--fix");

            Assert.Equal("**/obj/\n.git\n*.env\n!.env\n", folder.ReadText(".dockerignore"));
        }

        [Fact]
        public void A_context_without_dockerignore_gets_the_recommended_one_and_dry_run_shows_it_as_a_new_file()
        {
            using var folder = new FixtureFolder();
            WriteRepository(folder);

            var dry = folder.Run("--fix", "--dry-run");
            Assert.Equal(1, dry.ExitCode);
            Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,4 @@\n+**/bin/\n+**/obj/\n+.git\n+**/.env\n", dry.StandardOutput);
            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(folder.Root, ".dockerignore")));

            var run = folder.Run("--fix");
            Assert.Contains("Created .dockerignore (DKR401)", run.StandardError);
            Assert.Equal("**/bin/\n**/obj/\n.git\n**/.env\n", folder.ReadText(".dockerignore"));
            Assert.Equal(CopiesEverything, folder.ReadText("Dockerfile"));
            var again = folder.Run("--fix", "--dry-run");
            Assert.Equal("", again.StandardOutput);
        }
    }
}
