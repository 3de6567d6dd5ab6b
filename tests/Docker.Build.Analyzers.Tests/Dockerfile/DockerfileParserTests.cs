using System.Linq;
using Docker.Build.Analyzers.Dockerfile;
using Xunit;
using static Docker.Build.Analyzers.Tests.Dockerfile.ParserTestHelpers;

namespace Docker.Build.Analyzers.Tests.Dockerfile
{
    public class DockerfileParserTests
    {
        [Fact]
        public void Directives_are_read_only_at_the_top()
        {
            var s = ParseOk("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n# escape=\\\n\nFROM alpine:3.20\n# escape=`\n");
            Assert.Equal(new[] { "syntax", "check", "escape" }, s.Directives.Select(d => d.Name));
            Assert.Equal("docker/dockerfile:1", s.GetDirective("syntax")!.Value);
            Assert.Equal("3:10-3:11", Pos(s, s.GetDirective("escape")!.ValueSpan));
            // After an instruction a directive-looking line is just a comment.
            Assert.Equal("escape=`", s.Comments.Single().Text);
            Assert.Equal('\\', s.EscapeCharacter);
        }

        [Fact]
        public void A_directive_after_a_comment_or_blank_line_is_a_comment()
        {
            var s = ParseOk("# a comment\n# escape=`\nFROM alpine:3.20\n");
            Assert.Empty(s.Directives);
            Assert.Equal(2, s.Comments.Count);
            Assert.Equal('\\', s.EscapeCharacter);

            s = ParseOk("\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n");
            Assert.Empty(s.Directives);
        }

        [Fact]
        public void Unknown_or_repeated_directive_ends_the_directive_block()
        {
            var s = ParseOk("# foo=bar\n# escape=`\nFROM alpine:3.20\n");
            Assert.Empty(s.Directives);
            s = ParseOk("# escape=`\n# escape=\\\nFROM alpine:3.20\n");
            Assert.Single(s.Directives);
            Assert.Equal('`', s.EscapeCharacter);
        }

        [Fact]
        public void Directive_names_are_case_insensitive_and_allow_spaces()
        {
            var s = ParseOk("#  ESCAPE = `\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n");
            Assert.Equal('`', s.EscapeCharacter);
            Assert.Equal("escape", s.Directives[0].Name);
        }

        [Fact]
        public void Invalid_escape_directive_is_an_error_at_its_value()
        {
            var s = ParseWithErrors("# escape=x\nFROM alpine:3.20\n");
            Assert.Equal("1:10-1:11", Pos(s, s.Errors[0].Span));
        }

        [Fact]
        public void Instructions_are_case_insensitive()
        {
            var s = ParseOk("from alpine:3.20\nRun echo hi\ncOpY a b\n");
            Assert.Equal(new[] { InstructionKind.From, InstructionKind.Run, InstructionKind.Copy }, s.Instructions.Select(i => i.Kind));
            Assert.Equal("Run", s.Instructions[1].Keyword.Raw);
            Assert.Equal("RUN", s.Instructions[1].Name);
        }

        [Fact]
        public void Line_continuations_join_lines_and_keep_exact_positions()
        {
            var text = "FROM alpine:3.20\nRUN apk add \\\n    curl \\\n    git\n";
            var s = ParseOk(text);
            var run = (CommandInstruction)s.Instructions[1];
            var shell = Assert.IsType<ShellForm>(run.Command);
            Assert.Equal("apk add     curl     git", shell.Script.Value);
            int git = shell.Script.Value.IndexOf("git");
            Assert.Equal("4:5-4:8", Pos(s, shell.Script.ToSourceSpan(git, 3)));
            Assert.Equal("2:1-4:8", Pos(s, run.Span));
        }

        [Fact]
        public void Continuation_lines_broken_by_comments_and_blank_lines()
        {
            var text = "FROM alpine:3.20\nRUN apk add \\\n# the http client\n    curl \\\n\n    git\nUSER app\n";
            var s = ParseOk(text);
            var run = (CommandInstruction)s.Instructions[1];
            Assert.Equal("apk add     curl     git", ((ShellForm)run.Command).Script.Value);
            Assert.Equal("the http client", run.InnerComments.Single().Text);
            Assert.Single(run.EmptyContinuationLines);
            Assert.Equal(InstructionKind.User, s.Instructions[2].Kind);
            Assert.Equal(7, s.Source.GetLinePosition(s.Instructions[2].Span.Start).Line);
        }

        [Fact]
        public void Escape_followed_by_trailing_spaces_still_continues()
        {
            var s = ParseOk("FROM alpine:3.20\nRUN echo a \\   \n    b\n");
            Assert.Equal("echo a     b", ((ShellForm)((CommandInstruction)s.Instructions[1]).Command).Script.Value);
        }

        [Fact]
        public void Backtick_escape_for_windows_dockerfiles()
        {
            var text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN New-Item -ItemType Directory C:\\app; `\n    Set-Location C:\\app\nWORKDIR C:\\app\n";
            var s = ParseOk(text);
            Assert.Equal('`', s.EscapeCharacter);
            var run = (CommandInstruction)s.Instructions[2];
            Assert.Equal("New-Item -ItemType Directory C:\\app;     Set-Location C:\\app", ((ShellForm)run.Command).Script.Value);
            var workdir = (WordsInstruction)s.Instructions[3];
            Assert.Equal("C:\\app", workdir.FirstWord!.Value);
        }

        [Fact]
        public void Exec_form_and_shell_form()
        {
            var s = ParseOk("FROM alpine:3.20\nCMD [\"dotnet\", \"App.dll\"]\nENTRYPOINT exec ./app\nRUN [\"/bin/sh\", \"-c\", \"echo \\\"hi\\\"\"]\n");
            var cmd = (ExecForm)((CommandInstruction)s.Instructions[1]).Command;
            Assert.Equal(new[] { "dotnet", "App.dll" }, cmd.Arguments.Select(a => a.Value));
            Assert.Equal("2:16-2:25", Pos(s, cmd.Arguments[1].Span));
            Assert.IsType<ShellForm>(((CommandInstruction)s.Instructions[2]).Command);
            var run = (ExecForm)((CommandInstruction)s.Instructions[3]).Command;
            Assert.Equal("echo \"hi\"", run.Arguments[2].Value);
        }

        [Theory]
        [InlineData("CMD ['dotnet', 'App.dll']")]
        [InlineData("CMD [\"dotnet\", \"App.dll\",]")]
        [InlineData("CMD [\"C:\\app\"]")]
        [InlineData("CMD [dotnet]")]
        [InlineData("CMD [\"a\"] trailing")]
        public void Json_looking_arguments_that_are_not_json_are_shell_form(string line)
        {
            var s = ParseOk("FROM alpine:3.20\n" + line + "\n");
            var form = Assert.IsType<ShellForm>(((CommandInstruction)s.Instructions[1]).Command);
            Assert.True(form.LooksLikeJson);
        }

        [Fact]
        public void Exec_form_across_continuations()
        {
            var s = ParseOk("FROM alpine:3.20\nENTRYPOINT [\"dotnet\", \\\n            \"App.dll\"]\n");
            var exec = (ExecForm)((CommandInstruction)s.Instructions[1]).Command;
            Assert.Equal("3:13-3:22", Pos(s, exec.Arguments[1].Span));
        }

        [Fact]
        public void Flags_are_parsed_with_values_and_spans()
        {
            var text = "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                       "COPY --from=build --chown=app:app --chmod=755 --link /app /app\n" +
                       "ADD --checksum=sha256:abc https://example.com/x.tgz /x/\n" +
                       "RUN --mount=type=cache,target=/root/.nuget/packages --network=none dotnet restore\n";
            var s = ParseOk(text);
            var from = (FromInstruction)s.Instructions[0];
            Assert.Equal("$BUILDPLATFORM", from.Platform!.Value);
            Assert.Equal("mcr.microsoft.com/dotnet/sdk:8.0", from.Image!.Value);
            Assert.Equal("build", from.StageName!.Value);
            var copy = (CopyInstruction)s.Instructions[1];
            Assert.Equal(new[] { "from", "chown", "chmod", "link" }, copy.Flags.Select(f => f.Name));
            Assert.Null(copy.GetFlag("link")!.Value);
            Assert.Equal("755", copy.GetFlag("chmod")!.Value);
            Assert.Equal("2:6-2:18", Pos(s, copy.From!.Span));
            Assert.Equal("/app", copy.Sources.Single().Value);
            Assert.Equal("/app", copy.Destination!.Value);
            var add = (CopyInstruction)s.Instructions[2];
            Assert.Equal("sha256:abc", add.GetFlag("checksum")!.Value);
            var run = (CommandInstruction)s.Instructions[3];
            Assert.Equal("type=cache,target=/root/.nuget/packages", run.GetFlag("mount")!.Value);
            Assert.Equal("none", run.GetFlag("network")!.Value);
            Assert.Equal("dotnet restore", ((ShellForm)run.Command).Script.Value);
        }

        [Fact]
        public void Flags_are_not_taken_from_instructions_that_have_none()
        {
            var s = ParseOk("FROM alpine:3.20\nCMD --port 80\n");
            var cmd = (CommandInstruction)s.Instructions[1];
            Assert.Empty(cmd.Flags);
        }

        [Fact]
        public void Heredoc_with_run()
        {
            var text = "FROM alpine:3.20\nRUN <<EOF\napk add curl\necho done\nEOF\nUSER app\n";
            var s = ParseOk(text);
            var run = (CommandInstruction)s.Instructions[1];
            var h = run.Heredocs.Single();
            Assert.Equal("EOF", h.Delimiter);
            Assert.Equal("apk add curl\necho done\n", h.Body.Value);
            Assert.Equal("3:1-3:4", Pos(s, h.Body.ToSourceSpan(0, 3)));
            Assert.Equal("2:1-5:4", Pos(s, run.Span));
            Assert.Equal(InstructionKind.User, s.Instructions[2].Kind);
        }

        [Fact]
        public void Heredoc_variants_dash_quoted_and_several()
        {
            var text = "FROM alpine:3.20\n" +
                       "COPY <<-\"A\" <<'B' /etc/\n\tline a\n\tA\nline b $NOT_EXPANDED\nB\n" +
                       "RUN cat <<EOF > /x && \\\n    echo next\nbody\nEOF\n";
            var s = ParseOk(text);
            var copy = (CopyInstruction)s.Instructions[1];
            Assert.Equal(2, copy.Heredocs.Count);
            Assert.True(copy.Heredocs[0].StripsLeadingTabs);
            Assert.True(copy.Heredocs[0].IsQuoted);
            Assert.Equal("A", copy.Heredocs[0].Delimiter);
            Assert.Equal("\tline a\n", copy.Heredocs[0].Body.Value);
            Assert.Equal("line b $NOT_EXPANDED\n", copy.Heredocs[1].Body.Value);
            Assert.Equal(new[] { "<<-\"A\"", "<<'B'" }, copy.Sources.Select(w => w.Raw));
            var run = (CommandInstruction)s.Instructions[2];
            Assert.Equal("body\n", run.Heredocs.Single().Body.Value);
        }

        [Fact]
        public void Heredoc_marker_inside_quotes_is_not_a_heredoc()
        {
            var s = ParseOk("FROM alpine:3.20\nRUN echo \"<<EOF\"\nUSER app\n");
            Assert.Empty(s.Instructions[1].Heredocs);
            Assert.Equal(3, s.Instructions.Count);
        }

        [Fact]
        public void Unterminated_heredoc_is_an_error_at_its_marker()
        {
            var s = ParseWithErrors("FROM alpine:3.20\nRUN <<EOF\necho hi\n");
            Assert.Equal("2:5-2:10", Pos(s, s.Errors.Single().Span));
        }

        [Fact]
        public void Arg_before_the_first_from_and_stages()
        {
            var s = ParseOk("ARG DOTNET=8.0\nFROM mcr.microsoft.com/dotnet/sdk:${DOTNET} AS build\nFROM build as publish\n");
            var arg = (KeyValueInstruction)s.Instructions[0];
            Assert.Equal("DOTNET", arg.Pairs.Single().Name);
            Assert.Equal("8.0", arg.Pairs.Single().Value);
            var publish = (FromInstruction)s.Instructions[2];
            Assert.Equal("as", publish.AsKeyword!.Raw);
            Assert.Equal("publish", publish.StageName!.Value);
        }

        [Fact]
        public void Env_and_label_in_both_forms()
        {
            var text = "FROM alpine:3.20\nENV A=1 B=\"two words\" C=three\\ words\nENV LEGACY the rest of the line\nLABEL org.opencontainers.image.title=\"App\" version=1\nLABEL maintainer someone@example.com\nARG X Y=2\n";
            var s = ParseOk(text);
            var env = (KeyValueInstruction)s.Instructions[1];
            Assert.False(env.IsLegacyForm);
            Assert.Equal(new[] { "A=1", "B=two words", "C=three words" }, env.Pairs.Select(p => p.Name + "=" + p.Value));
            Assert.Equal("2:11-2:22", Pos(s, env.Pairs[1].ValueWord!.Span));
            var legacy = (KeyValueInstruction)s.Instructions[2];
            Assert.True(legacy.IsLegacyForm);
            Assert.Equal("LEGACY", legacy.Pairs.Single().Name);
            Assert.Equal("the rest of the line", legacy.Pairs.Single().Value);
            Assert.Equal("3:12-3:32", Pos(s, legacy.Pairs.Single().ValueWord!.Span));
            var label = (KeyValueInstruction)s.Instructions[3];
            Assert.Equal("App", label.Pairs[0].Value);
            Assert.True(((KeyValueInstruction)s.Instructions[4]).IsLegacyForm);
            var arg = (KeyValueInstruction)s.Instructions[5];
            Assert.Null(arg.Pairs[0].Value);
            Assert.Equal("2", arg.Pairs[1].Value);
        }

        [Fact]
        public void Env_with_a_word_without_equals_is_an_error()
        {
            var s = ParseWithErrors("FROM alpine:3.20\nENV A=1 B\n");
            Assert.Equal("2:9-2:10", Pos(s, s.Errors.Single().Span));
        }

        [Fact]
        public void Quoted_workdir_and_user()
        {
            var s = ParseOk("FROM alpine:3.20\nWORKDIR \"/src/my app\"\nUSER app:app\n");
            Assert.Equal("/src/my app", ((WordsInstruction)s.Instructions[1]).FirstWord!.Value);
            Assert.Equal("app:app", ((WordsInstruction)s.Instructions[2]).FirstWord!.Value);
        }

        [Fact]
        public void Healthcheck_forms()
        {
            var s = ParseOk("FROM alpine:3.20\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\nHEALTHCHECK CMD [\"/app/health\"]\n");
            var h1 = (HealthcheckInstruction)s.Instructions[1];
            Assert.Equal(new[] { "interval", "timeout" }, h1.Flags.Select(f => f.Name));
            Assert.Equal("curl -f http://localhost/ || exit 1", ((ShellForm)h1.Command!).Script.Value);
            Assert.True(((HealthcheckInstruction)s.Instructions[2]).IsNone);
            Assert.IsType<ExecForm>(((HealthcheckInstruction)s.Instructions[3]).Command);
        }

        [Fact]
        public void Onbuild_wraps_an_instruction()
        {
            var s = ParseOk("FROM alpine:3.20\nONBUILD COPY . /app\n");
            var onbuild = (OnbuildInstruction)s.Instructions[1];
            var trigger = Assert.IsType<CopyInstruction>(onbuild.Trigger);
            Assert.Equal("2:14-2:15", Pos(s, trigger.Sources[0].Span));
        }

        [Fact]
        public void Copy_json_form()
        {
            var s = ParseOk("FROM alpine:3.20\nCOPY [\"My App/My App.csproj\", \"My App/\"]\n");
            var copy = (CopyInstruction)s.Instructions[1];
            Assert.True(copy.IsJsonForm);
            Assert.Equal("My App/My App.csproj", copy.Sources.Single().Value);
            Assert.Equal("My App/", copy.Destination!.Value);
        }

        [Theory]
        [InlineData("FROM\n", "1:1-1:5")]
        [InlineData("FROM alpine:3.20\nFOO bar\n", "2:1-2:4")]
        [InlineData("FROM alpine:3.20\nCOPY onlyone\n", "2:6-2:13")]
        [InlineData("RUN echo hi\nFROM alpine:3.20\n", "1:1-1:4")]
        [InlineData("FROM alpine:3.20\nSHELL /bin/bash -c\n", "2:7-2:19")]
        [InlineData("FROM alpine:3.20\nHEALTHCHECK PING\n", "2:13-2:17")]
        [InlineData("FROM a b c d\n", "1:8-1:9")]
        [InlineData("# just a comment\n", "1:1-1:1")]
        [InlineData("", "1:1-1:1")]
        public void Errors_have_positions(string text, string expected)
        {
            var s = ParseWithErrors(text);
            Assert.Equal(expected, Pos(s, s.Errors.OrderBy(e => e.Span.Start).First().Span));
        }

        [Theory]
        [InlineData("FROM alpine:3.20\r\nRUN echo a \\\r\n  b\r\n")]
        [InlineData("FROM alpine:3.20\rRUN echo\r")]
        [InlineData("FROM alpine:3.20")]
        [InlineData("  \t\n\nFROM alpine:3.20   \n\n\n")]
        [InlineData("FROM alpine:3.20\nRUN echo \\")]
        [InlineData("FROM alpine:3.20\nRUN echo \\\n# only a comment after\n")]
        [InlineData("FROM alpine:3.20\nRUN <<EOF\nunterminated")]
        [InlineData("\uFEFFFROM alpine:3.20\n")]
        public void Round_trip_is_exact_for_odd_layouts(string text)
        {
            TestAnalysis.AssertRoundTrip(text);
        }

        [Fact]
        public void Crlf_positions_are_per_line()
        {
            var s = ParseOk("FROM alpine:3.20\r\nUSER root\r\n");
            var user = (WordsInstruction)s.Instructions[1];
            Assert.Equal("2:6-2:10", Pos(s, user.FirstWord!.Span));
        }

        [Fact]
        public void Byte_order_mark_is_kept_for_the_byte_round_trip()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("FROM alpine:3.20\n")).ToArray();
            var text = Docker.Build.Analyzers.Analysis.AssetReaderAccess.Decode(bytes);
            var s = DockerfileParser.Parse(text);
            Assert.Equal(bytes, s.ToBytes());
            Assert.Equal(1, s.Source.GetLinePosition(s.Instructions[0].Span.Start).Column);
        }
    }
}
