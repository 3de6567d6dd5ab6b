using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Turns an instruction's keyword and logical arguments into its typed node.</summary>
    internal static class InstructionBuilder
    {
        public static Instruction Build(InstructionParts parts, char escape, List<ParseError> errors, bool nested)
        {
            var kind = parts.Kind;
            if (TakesFlags(kind))
            {
                parts.Flags = ReadFlags(parts.Arguments, escape, out int bodyStart);
                parts.Body = parts.Arguments.Slice(bodyStart);
            }
            else
            {
                parts.Body = parts.Arguments;
            }
            var body = parts.Body;

            switch (kind)
            {
                case InstructionKind.Unknown:
                    errors.Add(new ParseError($"unknown instruction: {parts.Keyword.Value}", parts.Keyword.Span));
                    return new Instruction(parts);

                case InstructionKind.From:
                    return BuildFrom(parts, escape, errors);

                case InstructionKind.Run:
                case InstructionKind.Cmd:
                case InstructionKind.Entrypoint:
                    if (kind == InstructionKind.Run && body.Length == 0)
                        errors.Add(new ParseError("RUN requires a command", parts.Keyword.Span));
                    return new CommandInstruction(parts, ReadCommand(body));

                case InstructionKind.Shell:
                    {
                        ExecForm? exec = null;
                        if (Lexing.TryParseJsonArray(body, out var elements) && elements.Count > 0)
                            exec = new ExecForm(elements, body.SourceSpan);
                        else
                            errors.Add(new ParseError("SHELL requires its arguments as a non-empty JSON array, for example SHELL [\"/bin/bash\", \"-c\"]", Problem(parts)));
                        return new ShellInstruction(parts, exec);
                    }

                case InstructionKind.Healthcheck:
                    return BuildHealthcheck(parts, escape, errors);

                case InstructionKind.Copy:
                case InstructionKind.Add:
                    return BuildCopy(parts, escape, errors);

                case InstructionKind.Env:
                case InstructionKind.Label:
                    return BuildEnvOrLabel(parts, escape, errors);

                case InstructionKind.Arg:
                    return BuildArg(parts, escape, errors);

                case InstructionKind.Workdir:
                case InstructionKind.Maintainer:
                    if (body.Length == 0)
                    {
                        errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires an argument", parts.Keyword.Span));
                        return new WordsInstruction(parts, Array.Empty<Word>(), false);
                    }
                    return new WordsInstruction(parts, new[] { Lexing.WholeWord(body, escape) }, false);

                case InstructionKind.Volume:
                    {
                        if (body.Value.StartsWith("[", StringComparison.Ordinal) && Lexing.TryParseJsonArray(body, out var elements))
                            return new WordsInstruction(parts, elements, true);
                        var words = Lexing.SplitWords(body, escape);
                        if (words.Count == 0) errors.Add(new ParseError("VOLUME requires at least one path", parts.Keyword.Span));
                        return new WordsInstruction(parts, words, false);
                    }

                case InstructionKind.Expose:
                case InstructionKind.User:
                case InstructionKind.Stopsignal:
                    {
                        var words = Lexing.SplitWords(body, escape);
                        if (words.Count == 0)
                            errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires an argument", parts.Keyword.Span));
                        else if (kind != InstructionKind.Expose && words.Count > 1)
                            errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} takes exactly one argument", words[1].Span));
                        return new WordsInstruction(parts, words, false);
                    }

                case InstructionKind.Onbuild:
                    return BuildOnbuild(parts, escape, errors, nested);

                default:
                    return new Instruction(parts);
            }
        }

        private static TextSpan Problem(InstructionParts parts) =>
            parts.Body.Length > 0 ? parts.Body.SourceSpan : parts.Keyword.Span;

        private static bool TakesFlags(InstructionKind kind) =>
            kind == InstructionKind.From || kind == InstructionKind.Run || kind == InstructionKind.Copy
            || kind == InstructionKind.Add || kind == InstructionKind.Healthcheck;

        /// <summary>Flag names Docker defines, so the common ones need no string of their own.</summary>
        private static readonly string[] KnownFlagNames =
        {
            "from", "chown", "chmod", "link", "mount", "platform", "network", "security", "checksum", "keep-git-dir",
            "exclude", "parents", "unpack", "interval", "timeout", "start-period", "start-interval", "retries",
        };

        private static IReadOnlyList<InstructionFlag> ReadFlags(MappedText args, char escape, out int bodyStart)
        {
            List<InstructionFlag>? flags = null;
            string s = args.Value;
            int i = 0;
            bodyStart = 0;
            while (true)
            {
                while (i < s.Length && Lexing.IsWhiteSpace(s[i])) i++;
                if (i + 2 >= s.Length || s[i] != '-' || s[i + 1] != '-' || !char.IsLetter(s[i + 2]))
                {
                    bodyStart = i;
                    return (IReadOnlyList<InstructionFlag>?)flags ?? Array.Empty<InstructionFlag>();
                }
                int start = i;
                // A flag is one word; quotes inside its value group spaces (--mount=type=secret,id="a b").
                var raw = Lexing.ReadWord(args, start, escape, out i);
                string text = raw.Raw;
                int eq = text.IndexOf('=');
                string name = FlagName(text, eq < 0 ? text.Length : eq);
                Word? value = null;
                if (eq >= 0)
                {
                    var valueText = raw.RawText.Slice(eq + 1);
                    value = new Word(valueText, Lexing.Unquote(valueText.Value, escape));
                }
                (flags ??= new List<InstructionFlag>(2)).Add(new InstructionFlag(raw, name, value));
            }
        }

        /// <summary>The lower-case name between "--" and <paramref name="end"/>.</summary>
        private static string FlagName(string text, int end)
        {
            int length = end - 2;
            foreach (var known in KnownFlagNames)
                if (known.Length == length && string.Compare(text, 2, known, 0, length, StringComparison.OrdinalIgnoreCase) == 0) return known;
            return text.Substring(2, length).ToLowerInvariant();
        }

        private static CommandForm ReadCommand(MappedText body)
        {
            if (body.Value.StartsWith("[", StringComparison.Ordinal))
            {
                if (Lexing.TryParseJsonArray(body, out var elements)) return new ExecForm(elements, body.SourceSpan);
                return new ShellForm(body, looksLikeJson: true);
            }
            return new ShellForm(body, looksLikeJson: false);
        }

        private static Instruction BuildFrom(InstructionParts parts, char escape, List<ParseError> errors)
        {
            var words = Lexing.SplitWords(parts.Body, escape);
            if (words.Count == 1) return new FromInstruction(parts, words[0], null, null);
            if (words.Count == 3 && words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase))
                return new FromInstruction(parts, words[0], words[1], words[2]);
            if (words.Count == 0)
                errors.Add(new ParseError("FROM requires an image, for example FROM mcr.microsoft.com/dotnet/aspnet:8.0", parts.Keyword.Span));
            else
                errors.Add(new ParseError("FROM takes an image and optionally 'AS name'", words.Count > 1 ? words[1].Span : words[0].Span));
            Word? asWord = words.Count > 2 && words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[1] : null;
            return new FromInstruction(parts, words.Count > 0 ? words[0] : null, asWord, asWord != null ? words[2] : null);
        }

        private static Instruction BuildHealthcheck(InstructionParts parts, char escape, List<ParseError> errors)
        {
            var body = parts.Body;
            var s = body.Value;
            int k = 0;
            while (k < s.Length && !Lexing.IsWhiteSpace(s[k])) k++;
            if (k == 0)
            {
                errors.Add(new ParseError("HEALTHCHECK requires CMD <command> or NONE", parts.Keyword.Span));
                return new HealthcheckInstruction(parts, null, false, null);
            }
            var type = new Word(body.Slice(0, k), s.Substring(0, k));
            var rest = body.Slice(k).TrimStart();
            if (type.Value.Equals("NONE", StringComparison.OrdinalIgnoreCase))
            {
                if (rest.Length > 0) errors.Add(new ParseError("HEALTHCHECK NONE takes no arguments", rest.SourceSpan));
                return new HealthcheckInstruction(parts, type, true, null);
            }
            if (type.Value.Equals("CMD", StringComparison.OrdinalIgnoreCase))
            {
                if (rest.Length == 0) errors.Add(new ParseError("HEALTHCHECK CMD requires a command", type.Span));
                return new HealthcheckInstruction(parts, type, false, ReadCommand(rest));
            }
            errors.Add(new ParseError($"unknown HEALTHCHECK type '{type.Value}': use CMD or NONE", type.Span));
            return new HealthcheckInstruction(parts, type, false, null);
        }

        private static Instruction BuildCopy(InstructionParts parts, char escape, List<ParseError> errors)
        {
            var body = parts.Body;
            List<Word> words;
            bool json = false;
            if (body.Value.StartsWith("[", StringComparison.Ordinal) && Lexing.TryParseJsonArray(body, out var elements))
            {
                words = elements;
                json = true;
            }
            else
            {
                words = Lexing.SplitWords(body, escape);
            }
            if (words.Count < 2)
            {
                errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires at least one source and a destination", words.Count == 1 ? words[0].Span : parts.Keyword.Span));
                return new CopyInstruction(parts, words, null, json);
            }
            return new CopyInstruction(parts, words.GetRange(0, words.Count - 1), words[words.Count - 1], json);
        }

        private static Instruction BuildEnvOrLabel(InstructionParts parts, char escape, List<ParseError> errors)
        {
            var body = parts.Body;
            var name = parts.Keyword.Value.ToUpperInvariant();
            var words = Lexing.SplitWords(body, escape);
            if (words.Count == 0)
            {
                errors.Add(new ParseError($"{name} requires at least one key=value pair", parts.Keyword.Span));
                return new KeyValueInstruction(parts, Array.Empty<KeyValue>(), false);
            }
            var pairs = new List<KeyValue>();
            int firstEq = EqualsIndex(words[0].Raw, escape);
            if (firstEq < 0)
            {
                // Legacy form: ENV key value — the rest of the line after the key is the value.
                var key = words[0];
                if (words.Count < 2)
                {
                    errors.Add(new ParseError($"{name} {key.Value} has no value: write {key.Value}=value", key.Span));
                    pairs.Add(new KeyValue(key, null, key.Span));
                    return new KeyValueInstruction(parts, pairs, true);
                }
                int valueStart = words[1].RawText.ToSourceOffset(0);
                var rest = body.Slice(key.Raw.Length).TrimStart();
                var value = Lexing.WholeWord(rest, escape);
                pairs.Add(new KeyValue(key, value, TextSpan.FromBounds(key.Span.Start, Math.Max(valueStart, value.Span.End))));
                return new KeyValueInstruction(parts, pairs, true);
            }
            foreach (var w in words)
            {
                int eq = EqualsIndex(w.Raw, escape);
                if (eq < 0)
                {
                    errors.Add(new ParseError($"{name}: '{w.Raw}' is not of the form key=value", w.Span));
                    continue;
                }
                pairs.Add(SplitPair(w, eq, escape));
            }
            return new KeyValueInstruction(parts, pairs, false);
        }

        private static Instruction BuildArg(InstructionParts parts, char escape, List<ParseError> errors)
        {
            var words = Lexing.SplitWords(parts.Body, escape);
            if (words.Count == 0)
            {
                errors.Add(new ParseError("ARG requires a name", parts.Keyword.Span));
                return new KeyValueInstruction(parts, Array.Empty<KeyValue>(), false);
            }
            var pairs = new List<KeyValue>();
            foreach (var w in words)
            {
                int eq = EqualsIndex(w.Raw, escape);
                if (eq < 0) pairs.Add(new KeyValue(w, null, w.Span));
                else pairs.Add(SplitPair(w, eq, escape));
            }
            return new KeyValueInstruction(parts, pairs, false);
        }

        private static KeyValue SplitPair(Word w, int eq, char escape)
        {
            var keyText = w.RawText.Slice(0, eq);
            var valueText = w.RawText.Slice(eq + 1);
            var key = new Word(keyText, Lexing.Unquote(keyText.Value, escape));
            var value = new Word(valueText, Lexing.Unquote(valueText.Value, escape));
            return new KeyValue(key, value, w.Span);
        }

        /// <summary>The first <c>=</c> outside quotes and not escaped, or -1.</summary>
        private static int EqualsIndex(string raw, char escape)
        {
            char quote = '\0';
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                    else if (c == escape && quote == '"') i++;
                    continue;
                }
                if (c == escape) { i++; continue; }
                if (c == '"' || c == '\'') { quote = c; continue; }
                if (c == '=') return i;
            }
            return -1;
        }

        private static Instruction BuildOnbuild(InstructionParts parts, char escape, List<ParseError> errors, bool nested)
        {
            var body = parts.Body;
            if (body.Length == 0)
            {
                errors.Add(new ParseError("ONBUILD requires an instruction", parts.Keyword.Span));
                return new OnbuildInstruction(parts, null);
            }
            string s = body.Value;
            int k = 0;
            while (k < s.Length && !Lexing.IsWhiteSpace(s[k])) k++;
            var keyword = new Word(body.Slice(0, k), s.Substring(0, k));
            int a = k;
            while (a < s.Length && Lexing.IsWhiteSpace(s[a])) a++;
            var inner = new InstructionParts
            {
                Keyword = keyword,
                Arguments = body.Slice(a),
                Span = TextSpan.FromBounds(keyword.Span.Start, parts.Span.End),
                FullSpan = TextSpan.FromBounds(keyword.Span.Start, parts.Span.End),
                Heredocs = parts.Heredocs,
            };
            DockerfileParser.TryGetKind(keyword.Value, out inner.Kind);
            if (inner.Kind == InstructionKind.Onbuild || inner.Kind == InstructionKind.From || inner.Kind == InstructionKind.Maintainer)
                errors.Add(new ParseError($"{inner.Kind.ToString().ToUpperInvariant()} is not allowed as an ONBUILD trigger", keyword.Span));
            var trigger = Build(inner, escape, errors, nested: true);
            return new OnbuildInstruction(parts, trigger);
        }
    }
}
