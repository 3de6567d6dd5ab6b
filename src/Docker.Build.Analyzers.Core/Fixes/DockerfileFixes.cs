using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Fixes
{
    /// <summary>
    /// Dockerfile fixes. Each one re-reads the parse at the finding's span and changes the file only when the
    /// text there is exactly what the fix expects, so a finding it does not understand is left alone.
    /// </summary>
    internal static class DockerfileFixes
    {
        public const string NoInstallRecommends = "DKR105";
        public const string ApkNoCache = "DKR108";
        public const string PipNoCacheDir = "DKR109";
        public const string Maintainer = "DKR112";
        public const string RunsAsRoot = "DKR201";
        public const string ShellFormStartup = "DKR302";

        public static IReadOnlyList<TextEdit> EditsFor(SourceText text, IReadOnlyList<Diagnostic> findings)
        {
            var syntax = DockerfileParser.Parse(text);
            // Docker rejects the file: no fix, whatever the findings say.
            if (syntax.HasErrors) return Array.Empty<TextEdit>();
            var edits = new List<TextEdit>();
            DockerfileModel? model = null;
            foreach (var d in findings)
            {
                TextEdit? edit = d.Id switch
                {
                    NoInstallRecommends => AddOptionAfter(syntax, d.Span, "install", " --no-install-recommends"),
                    ApkNoCache => AddOptionAfter(syntax, d.Span, "add", " --no-cache"),
                    PipNoCacheDir => AddOptionAfter(syntax, d.Span, "install", " --no-cache-dir"),
                    Maintainer => MaintainerToLabel(syntax, d.Span),
                    ShellFormStartup => ShellFormToExecForm(syntax, d.Span),
                    RunsAsRoot => AddUserBeforeEntrypoint(model ??= DockerfileModel.Create(syntax), d),
                    _ => null,
                };
                if (edit.HasValue) edits.Add(edit.Value);
            }
            return edits;
        }

        /// <summary>The RUN (shell form or heredoc script) that holds a span, or null.</summary>
        private static Instruction? RunHolding(DockerfileSyntax syntax, TextSpan span)
        {
            foreach (var instruction in syntax.Instructions)
            {
                if (instruction.Kind != InstructionKind.Run) continue;
                if (span.Start < instruction.Span.Start || span.End > instruction.Span.End) continue;
                // In exec form the word sits inside a JSON string: an inserted option would join that string.
                if (instruction is CommandInstruction command && command.Command.IsExecForm) return null;
                return instruction;
            }
            return null;
        }

        /// <summary>
        /// <c>apt-get install</c> → <c>apt-get install --no-install-recommends</c> (and the apk and pip forms): the
        /// option goes right after the subcommand word, which must be exactly that word with blanks around it.
        /// </summary>
        private static TextEdit? AddOptionAfter(DockerfileSyntax syntax, TextSpan span, string word, string option)
        {
            var text = syntax.Source;
            if (span.Length != word.Length || span.End > text.Length) return null;
            if (!string.Equals(text.ToString(span), word, StringComparison.Ordinal)) return null;
            if (RunHolding(syntax, span) == null) return null;
            if (span.Start == 0 || !IsBlank(text[span.Start - 1])) return null;
            if (span.End < text.Length && !IsBlank(text[span.End]) && text[span.End] != '\r' && text[span.End] != '\n'
                && text[span.End] != ';' && text[span.End] != '&' && text[span.End] != '|') return null;
            return TextEdit.Insert(span.End, option);
        }

        /// <summary><c>MAINTAINER Jane Doe</c> → <c>LABEL org.opencontainers.image.authors="Jane Doe"</c>, on one line.</summary>
        private static TextEdit? MaintainerToLabel(DockerfileSyntax syntax, TextSpan span)
        {
            var text = syntax.Source;
            foreach (var instruction in syntax.Instructions)
            {
                if (instruction.Kind != InstructionKind.Maintainer || instruction.Keyword.Span != span) continue;
                string whole = text.ToString(instruction.Span);
                if (whole.IndexOf('\n') >= 0 || whole.IndexOf('\r') >= 0) return null;
                string value = whole.Substring(instruction.Keyword.Span.Length).Trim();
                // MAINTAINER takes its text literally; LABEL would expand variables and read quotes and escapes.
                if (value.Length == 0 || value.IndexOfAny(new[] { '"', '$', '\\', '`', '\'' }) >= 0) return null;
                string keyword = IsLowerCase(instruction.Keyword.Raw) ? "label" : "LABEL";
                return new TextEdit(instruction.Span, keyword + " org.opencontainers.image.authors=\"" + value + "\"");
            }
            return null;
        }

        /// <summary>
        /// <c>CMD dotnet app.dll</c> → <c>CMD ["dotnet", "app.dll"]</c> when the command is a plain word list on one
        /// line: no variables, quotes, escapes, globs, redirections or operators, which only a shell would read.
        /// </summary>
        private static TextEdit? ShellFormToExecForm(DockerfileSyntax syntax, TextSpan span)
        {
            var text = syntax.Source;
            for (int i = 0; i < syntax.Instructions.Count; i++)
            {
                if (!(syntax.Instructions[i] is CommandInstruction instruction)) continue;
                if (instruction.Kind != InstructionKind.Cmd && instruction.Kind != InstructionKind.Entrypoint) continue;
                if (!(instruction.Command is ShellForm shell) || shell.Script.SourceSpan != span) continue;
                if (instruction.Flags.Count > 0 || instruction.Heredocs.Count > 0) return null;
                if (instruction.Kind == InstructionKind.Entrypoint && StageHasCmd(syntax, i)) return null;
                string script = text.ToString(span);
                var words = script.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) return null;
                foreach (var word in words)
                    foreach (char c in word)
                        if (!IsPlainWordCharacter(c)) return null;
                var exec = new System.Text.StringBuilder("[");
                for (int w = 0; w < words.Length; w++)
                {
                    if (w > 0) exec.Append(", ");
                    exec.Append('"').Append(words[w]).Append('"');
                }
                exec.Append(']');
                return new TextEdit(span, exec.ToString());
            }
            return null;
        }

        /// <summary>
        /// A shell-form ENTRYPOINT ignores CMD; in exec form it takes CMD as arguments. With a CMD in the same stage
        /// (before or after it: only a base image's CMD is reset by ENTRYPOINT) the conversion would change what
        /// runs, so it is not mechanical.
        /// </summary>
        private static bool StageHasCmd(DockerfileSyntax syntax, int entrypointIndex)
        {
            for (int i = entrypointIndex + 1; i < syntax.Instructions.Count; i++)
            {
                var kind = syntax.Instructions[i].Kind;
                if (kind == InstructionKind.From) break;
                if (kind == InstructionKind.Cmd) return true;
            }
            for (int i = entrypointIndex - 1; i >= 0; i--)
            {
                var kind = syntax.Instructions[i].Kind;
                if (kind == InstructionKind.From) break;
                if (kind == InstructionKind.Cmd) return true;
            }
            return false;
        }

        /// <summary>
        /// A final stage on a .NET 8+ image with no USER: <c>USER $APP_UID</c> (the images' non-root user) on its own
        /// line right before the final stage's last ENTRYPOINT, indented like it.
        /// </summary>
        private static TextEdit? AddUserBeforeEntrypoint(DockerfileModel model, Diagnostic finding)
        {
            var final = model.FinalStage;
            if (final == null || finding.Span != final.From.Span) return null;
            // A startup command that drops privileges itself (gosu, su-exec...) needs to start as root.
            if (finding.Message.IndexOf("drops to a non-root user", StringComparison.Ordinal) >= 0) return null;
            if (final.FindLastInherited(i => i.Kind == InstructionKind.User) != null) return null;
            var image = final.RootImage;
            if (image == null || !ImageFacts.IsMicrosoftDotNet(image) || MajorVersion(image.Tag) < 8) return null;
            Instruction? entrypoint = null;
            foreach (var instruction in final.Instructions)
                if (instruction.Kind == InstructionKind.Entrypoint) entrypoint = instruction;
            if (entrypoint == null) return null;

            var text = model.Syntax.Source;
            var position = text.GetLinePosition(entrypoint.Span.Start);
            int lineStart = text.GetLineStart(position.Line);
            string indentation = text.Text.Substring(lineStart, entrypoint.Span.Start - lineStart);
            foreach (char c in indentation) if (!IsBlank(c)) return null;
            string keyword = IsLowerCase(entrypoint.Keyword.Raw) ? "user" : "USER";
            return TextEdit.Insert(lineStart, indentation + keyword + " $APP_UID" + SafeFixes.LineBreakOf(text.Text));
        }

        /// <summary>The leading number of a tag (<c>8.0-alpine</c> → 8), or 0.</summary>
        private static int MajorVersion(string? tag)
        {
            if (string.IsNullOrEmpty(tag)) return 0;
            int value = 0, i = 0;
            while (i < tag!.Length && i < 4 && char.IsDigit(tag[i])) value = value * 10 + (tag[i++] - '0');
            return i == 0 ? 0 : value;
        }

        private static bool IsPlainWordCharacter(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '%' || c == '+' || c == ',' || c == '-';

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        private static bool IsLowerCase(string keyword)
        {
            foreach (char c in keyword) if (char.IsUpper(c)) return false;
            return true;
        }
    }
}
