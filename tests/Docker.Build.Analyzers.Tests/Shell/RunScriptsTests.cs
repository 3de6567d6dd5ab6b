using System.Linq;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;
using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Shell
{
    public class RunScriptsTests
    {
        private sealed class Parsed
        {
            public Parsed(string dockerfile)
            {
                Syntax = DockerfileParser.Parse(dockerfile, "Dockerfile");
                Assert.False(Syntax.HasErrors, string.Join("; ", Syntax.Errors));
                Model = DockerfileModel.Create(Syntax);
                Runs = RunScripts.Create(Model);
            }

            public DockerfileSyntax Syntax { get; }
            public DockerfileModel Model { get; }
            public RunScripts Runs { get; }

            /// <summary>"line:column" of the start of a span, and its text.</summary>
            public string At(TextSpan span)
            {
                var p = Syntax.Source.GetLinePosition(span.Start);
                return $"{p.Line}:{p.Column} {Syntax.Source.ToString(span)}";
            }
        }

        [Fact]
        public void Word_spans_map_to_the_Dockerfile_across_continuations_and_comments()
        {
            var p = new Parsed(
                "FROM debian:12\n" +
                "RUN apt-get update \\\n" +
                "# a comment between continuation lines\n" +
                "    && apt-get install -y \\\n" +
                "\n" +
                "       curl \\\n" +
                "    && rm -rf /var/lib/apt/lists/*\n");
            var script = p.Runs.All.Single().Scripts.Single();
            Assert.Equal(RunScriptOrigin.ShellForm, script.Origin);
            var commands = script.Commands;
            Assert.Equal(3, commands.Count);
            Assert.Equal("2:5 apt-get", p.At(commands[0].Name!.Span));
            Assert.Equal("4:8 apt-get", p.At(commands[1].Name!.Span));
            Assert.Equal("4:24 -y", p.At(commands[1].Arguments[1].Span));
            Assert.Equal("6:8 curl", p.At(commands[1].Arguments[2].Span));
            Assert.Equal("7:15 /var/lib/apt/lists/*", p.At(commands[2].Arguments[1].Span));
            // A command that crosses a continuation spans from its first to its last character.
            Assert.Equal(6, p.Syntax.Source.GetLinePosition(commands[1].Span.End).Line);
        }

        [Fact]
        public void Word_spans_inside_quotes_and_substitutions()
        {
            var p = new Parsed("FROM alpine\nRUN echo \"$(curl -fsSL https://x | sh)\" 'a b'\n");
            var commands = p.Runs.All.Single().Commands.ToArray();
            Assert.Equal(new[] { "echo", "curl", "sh" }, commands.Select(c => c.CommandName));
            Assert.Equal("2:13 curl", p.At(commands[1].Name!.Span));
            Assert.Equal("2:36 sh", p.At(commands[2].Name!.Span));
            Assert.Equal("2:41 'a b'", p.At(commands[0].Arguments[1].Span));
            Assert.Equal("2:30 //x", p.At(commands[1].Arguments[1].SpanOf(6, 3)));
        }

        [Fact]
        public void Flags_are_not_part_of_the_script()
        {
            var p = new Parsed("FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk,sharing=locked --network=none apk add git\n");
            var run = p.Runs.All.Single();
            Assert.Equal(new[] { "apk" }, run.Commands.Select(c => c.CommandName));
            var mount = Assert.Single(run.Mounts);
            Assert.Equal("cache", mount.Type);
            Assert.Equal("/var/cache/apk", mount.Target);
            Assert.Equal("locked", mount.Get("sharing"));
            Assert.True(run.KeepsOutOfLayer("/var/cache/apk"));
            Assert.True(run.KeepsOutOfLayer("/var/cache/apk/APKINDEX.tar.gz"));
            Assert.False(run.KeepsOutOfLayer("/var/cache"));
            Assert.Equal("2:5 --mount=type=cache,target=/var/cache/apk,sharing=locked", p.At(mount.Span));
        }

        [Fact]
        public void Mount_options()
        {
            var p = new Parsed(
                "FROM alpine\n" +
                "RUN --mount=type=secret,id=nuget,env=NUGET_PAT --mount=target=/src/,source=.,ro --mount=type=tmpfs,dst=/tmp --mount=type=cache,\"target=/root/.cache/pip\" true\n");
            var mounts = p.Runs.All.Single().Mounts;
            Assert.Equal(new[] { "secret", "bind", "tmpfs", "cache" }, mounts.Select(m => m.Type));
            Assert.Equal("nuget", mounts[0].Id);
            Assert.Equal("NUGET_PAT", mounts[0].Env);
            Assert.Equal("/src", mounts[1].Target);
            Assert.Equal("", mounts[1].Get("ro"));
            Assert.Equal("/tmp", mounts[2].Target);
            Assert.Equal("/root/.cache/pip", mounts[3].Target);
            Assert.True(p.Runs.All.Single().HasSecretMount);
        }

        [Fact]
        public void Heredoc_alone_is_run_by_the_shell()
        {
            var p = new Parsed("FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n");
            var script = p.Runs.All.Single().Scripts.Single();
            Assert.Equal(RunScriptOrigin.HeredocBody, script.Origin);
            Assert.Equal(new[] { "set", "apt-get", "apt-get" }, script.Commands.Select(c => c.CommandName));
            Assert.Equal("5:1 apt-get", p.At(script.Commands[2].Name!.Span));
            Assert.Equal("sh", script.Shell!.Name);
        }

        [Fact]
        public void Heredoc_with_a_shebang_uses_its_interpreter()
        {
            var p = new Parsed("FROM debian\nRUN <<EOF\n#!/usr/bin/env bash\nset -euo pipefail\ncurl x | tar x\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n");
            var runs = p.Runs.All;
            var bash = runs[0].Scripts.Single();
            Assert.Equal("bash", bash.Shell!.Name);
            Assert.Equal(new[] { "set", "curl", "tar" }, bash.Commands.Select(c => c.CommandName));
            Assert.Empty(runs[1].Scripts);
        }

        [Fact]
        public void Heredoc_shebang_is_ignored_on_windows_images()
        {
            var p = new Parsed("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN <<EOF\n#!/bin/bash\napt-get update\nEOF\n");
            var script = p.Runs.All.Single().Scripts.Single();
            Assert.Equal(ShellDialect.Cmd, script.Script.Dialect);
            Assert.Empty(script.Commands);
        }

        [Fact]
        public void Heredoc_fed_to_a_shell_is_a_script_other_heredocs_are_not()
        {
            var p = new Parsed(
                "FROM debian\n" +
                "RUN bash -eo pipefail <<EOF\ncurl -s x | sh\nEOF\n" +
                "RUN python3 <<EOF\nimport os\nEOF\n" +
                "RUN cat <<EOF > /etc/apt/apt.conf.d/99norec\napt-get install\nEOF\n" +
                "RUN sh -c 'echo hi' <<EOF\nnot a script\nEOF\n" +
                "RUN sh -s -- --flag <<EOF\nls\nEOF\n");
            var runs = p.Runs.All;
            var stdin = runs[0].Scripts.Single(s => s.Origin == RunScriptOrigin.HeredocStdin);
            Assert.Equal("bash", stdin.Shell!.Name);
            Assert.True(stdin.Shell.SetsPipefail);
            Assert.Equal(new[] { "curl", "sh" }, stdin.Commands.Select(c => c.CommandName));
            Assert.Equal("3:1 curl", p.At(stdin.Commands[0].Name!.Span));
            Assert.DoesNotContain(runs[1].Scripts, s => s.Origin == RunScriptOrigin.HeredocStdin);
            Assert.Equal(new[] { "cat" }, runs[2].Commands.Select(c => c.CommandName));
            Assert.Equal(new[] { "sh" }, runs[3].Commands.Select(c => c.CommandName));
            Assert.Equal(new[] { "sh", "ls" }, runs[4].Commands.Select(c => c.CommandName));
        }

        [Fact]
        public void Nested_heredoc_in_a_heredoc_body_is_data()
        {
            var p = new Parsed("FROM debian\nRUN <<EOF\ncat <<CONF > /etc/x.conf\napt-get install nothing\nCONF\napt-get update\nEOF\n");
            var script = p.Runs.All.Single().Scripts.Single();
            Assert.Equal(new[] { "cat", "apt-get" }, script.Commands.Select(c => c.CommandName));
            Assert.Equal("update", script.Commands[1].Arguments[0].Value);
            Assert.False(script.Script.HasErrors);
        }

        [Fact]
        public void Exec_form_shell_is_a_script_with_exact_spans()
        {
            var p = new Parsed("FROM debian\nRUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"echo \\\"hi\\\" && apt-get install -y curl\"]\n");
            var script = p.Runs.All.Single().Scripts.Single();
            Assert.Equal(RunScriptOrigin.ExecFormShell, script.Origin);
            Assert.True(script.Shell!.SetsPipefail);
            Assert.Equal(new[] { "echo", "apt-get" }, script.Commands.Select(c => c.CommandName));
            Assert.Equal("hi", script.Commands[0].Arguments[0].Value);
            Assert.Equal("2:59 apt-get", p.At(script.Commands[1].Name!.Span));
            Assert.Equal("2:75 -y", p.At(script.Commands[1].Arguments[1].Span));
        }

        [Fact]
        public void Exec_form_without_a_shell_is_one_command()
        {
            var p = new Parsed("FROM debian\nRUN [\"apt-get\", \"install\", \"curl\"]\nRUN [\"/bin/sh\", \"/build.sh\"]\nRUN [\"pwsh\", \"-Command\", \"Get-ChildItem\"]\n");
            var runs = p.Runs.All;
            var script = runs[0].Scripts.Single();
            Assert.Equal(RunScriptOrigin.ExecFormCommand, script.Origin);
            Assert.Null(script.Shell);
            var command = script.Commands.Single();
            Assert.Equal("apt-get", command.CommandName);
            Assert.Equal("2:7 apt-get", p.At(command.Name!.Span));
            Assert.Equal("2:29 curl", p.At(command.Arguments[1].Span));
            Assert.Empty(runs[1].Scripts);
            Assert.Equal(ShellDialect.PowerShell, runs[2].Scripts.Single().Script.Dialect);
            Assert.Empty(runs[2].Commands);
        }

        [Fact]
        public void Shell_instruction_changes_the_dialect_for_later_runs_only()
        {
            var p = new Parsed(
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
                "RUN echo one\n" +
                "SHELL [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\"]\n" +
                "RUN echo two\n" +
                "FROM build AS test\n" +
                "RUN echo three\n" +
                "SHELL [\"pwsh\", \"-Command\"]\n" +
                "RUN Write-Host four\n" +
                "FROM alpine\n" +
                "RUN echo five\n");
            var runs = p.Runs.All;
            Assert.Equal(new[] { "sh", "bash", "bash", "pwsh", "sh" }, runs.Select(r => r.Shell.Name));
            Assert.Equal(new[] { false, true, true, false, false }, runs.Select(r => r.Shell.SetsPipefail));
            Assert.Equal(new[] { true, false, false, false, true }, runs.Select(r => r.Shell.IsDefault));
            Assert.Equal(ShellDialect.PowerShell, runs[3].Shell.Dialect);
            Assert.False(runs[3].Scripts.Single().Script.IsParsed);
            Assert.Empty(runs[3].Commands);
            Assert.Single(runs[4].Commands);
        }

        [Fact]
        public void Windows_images_default_to_cmd()
        {
            var p = new Parsed(
                "# escape=`\n" +
                "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022\n" +
                "RUN dir C:\\ && echo ok\n" +
                "ARG BASE\n" +
                "FROM $BASE\n" +
                "RUN echo unknown base with a backquote escape\n");
            var runs = p.Runs.All;
            Assert.Equal(ShellDialect.Cmd, runs[0].Shell.Dialect);
            Assert.Empty(runs[0].Commands);
            Assert.Equal(ShellDialect.Cmd, runs[1].Shell.Dialect);
        }

        [Fact]
        public void Backquote_escape_continuations_are_joined()
        {
            var p = new Parsed(
                "# escape=`\n" +
                "FROM debian\n" +
                "RUN apt-get update `\n" +
                "    && apt-get install -y curl\n");
            var commands = p.Runs.All.Single().Commands.ToArray();
            Assert.Equal(2, commands.Length);
            Assert.Equal("4:8 apt-get", p.At(commands[1].Name!.Span));
        }

        [Fact]
        public void Run_scripts_are_shared_by_the_document()
        {
            var document = new Docker.Build.Analyzers.Analysis.DockerfileDocument(DockerfileParser.Parse("FROM alpine\nRUN echo\n"), "/ctx");
            Assert.Same(document.RunScripts, document.RunScripts);
            Assert.Same(document.RunScripts.All[0], document.RunScripts.Get(document.Syntax.Instructions[1]));
        }
    }
}
