using System;
using System.Collections.Generic;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>
    /// What the builders of one parse share: the escape character, the error list, and scratch lists reused from
    /// one instruction to the next (the nodes keep arrays of the exact size instead). One per parse, never shared
    /// between threads.
    /// </summary>
    internal sealed class InstructionContext
    {
        public InstructionContext(char escape, List<ParseError> errors)
        {
            Escape = escape;
            Errors = errors;
        }

        public char Escape { get; }
        public List<ParseError> Errors { get; }

        /// <summary>Words of the instruction being built; cleared by whoever fills it.</summary>
        public readonly List<Word> Words = new List<Word>(16);

        public readonly List<InstructionFlag> Flags = new List<InstructionFlag>(4);
        public readonly List<KeyValue> Pairs = new List<KeyValue>(8);

        /// <summary>Scratch space for values with quotes or escapes, created when first needed.</summary>
        public StringBuilder? Scratch;

        /// <summary>The words of <paramref name="text"/>, in <see cref="Words"/>.</summary>
        public List<Word> SplitWords(MappedText text)
        {
            Words.Clear();
            Lexing.SplitWords(text, Escape, Words, ref Scratch);
            return Words;
        }

        /// <summary>Whether <paramref name="text"/> is a JSON array of strings; its elements are then in <see cref="Words"/>.</summary>
        public bool TryParseJsonArray(MappedText text)
        {
            Words.Clear();
            return Lexing.TryParseJsonArray(text, Words, ref Scratch);
        }
    }

    /// <summary>Turns an instruction's keyword and logical arguments into its typed node.</summary>
    internal static class InstructionBuilder
    {
        public static Instruction Build(ref InstructionParts parts, InstructionContext context, bool nested)
        {
            var errors = context.Errors;
            var kind = parts.Kind;
            if (TakesFlags(kind))
            {
                parts.Flags = ReadFlags(parts.Arguments, context, out int bodyStart);
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
                    return BuildFrom(parts, context);

                case InstructionKind.Run:
                case InstructionKind.Cmd:
                case InstructionKind.Entrypoint:
                    if (kind == InstructionKind.Run && body.Length == 0)
                        errors.Add(new ParseError("RUN requires a command", parts.Keyword.Span));
                    return new CommandInstruction(parts, ReadCommand(body, context));

                case InstructionKind.Shell:
                    {
                        ExecForm? exec = null;
                        if (context.TryParseJsonArray(body) && context.Words.Count > 0)
                            exec = new ExecForm(context.Words.ToArray(), body.SourceSpan);
                        else
                            errors.Add(new ParseError("SHELL requires its arguments as a non-empty JSON array, for example SHELL [\"/bin/bash\", \"-c\"]", Problem(parts)));
                        return new ShellInstruction(parts, exec);
                    }

                case InstructionKind.Healthcheck:
                    return BuildHealthcheck(parts, context);

                case InstructionKind.Copy:
                case InstructionKind.Add:
                    return BuildCopy(parts, context);

                case InstructionKind.Env:
                case InstructionKind.Label:
                    return BuildEnvOrLabel(parts, context);

                case InstructionKind.Arg:
                    return BuildArg(parts, context);

                case InstructionKind.Workdir:
                case InstructionKind.Maintainer:
                    if (body.Length == 0)
                    {
                        errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires an argument", parts.Keyword.Span));
                        return new WordsInstruction(parts, Array.Empty<Word>(), false);
                    }
                    return new WordsInstruction(parts, new[] { Lexing.WholeWord(body, context.Escape, ref context.Scratch) }, false);

                case InstructionKind.Volume:
                    {
                        if (body.StartsWith('[') && context.TryParseJsonArray(body))
                            return new WordsInstruction(parts, ToArray(context.Words), true);
                        var words = context.SplitWords(body);
                        if (words.Count == 0) errors.Add(new ParseError("VOLUME requires at least one path", parts.Keyword.Span));
                        return new WordsInstruction(parts, ToArray(words), false);
                    }

                case InstructionKind.Expose:
                case InstructionKind.User:
                case InstructionKind.Stopsignal:
                    {
                        var words = context.SplitWords(body);
                        if (words.Count == 0)
                            errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires an argument", parts.Keyword.Span));
                        else if (kind != InstructionKind.Expose && words.Count > 1)
                            errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} takes exactly one argument", words[1].Span));
                        return new WordsInstruction(parts, ToArray(words), false);
                    }

                case InstructionKind.Onbuild:
                    return BuildOnbuild(parts, context, nested);

                default:
                    return new Instruction(parts);
            }
        }

        /// <summary>A copy of a scratch list, of the exact size (no array at all when it is empty).</summary>
        private static T[] ToArray<T>(List<T> list) => list.Count == 0 ? Array.Empty<T>() : list.ToArray();

        private static TextSpan Problem(in InstructionParts parts) =>
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

        private static IReadOnlyList<InstructionFlag> ReadFlags(MappedText args, InstructionContext context, out int bodyStart)
        {
            var flags = context.Flags;
            flags.Clear();
            int i = 0, n = args.Length;
            while (true)
            {
                while (i < n && Lexing.IsWhiteSpace(args[i])) i++;
                if (i + 2 >= n || args[i] != '-' || args[i + 1] != '-' || !char.IsLetter(args[i + 2]))
                {
                    bodyStart = i;
                    return ToArray(flags);
                }
                int start = i;
                // A flag is one word; quotes inside its value group spaces (--mount=type=secret,id="a b").
                var raw = Lexing.ReadWord(args, start, context.Escape, ref context.Scratch, out i);
                int eq = IndexOf(raw, '=');
                string name = FlagName(raw, eq < 0 ? raw.RawLength : eq);
                Word? value = null;
                if (eq >= 0) value = SubWord(raw, eq + 1, raw.RawLength - eq - 1, context);
                flags.Add(new InstructionFlag(raw, name, value));
            }
        }

        /// <summary>The lower-case name between "--" and <paramref name="end"/>.</summary>
        private static string FlagName(Word flag, int end)
        {
            int length = end - 2;
            var container = flag.Container;
            string s = container.UnderlyingString;
            int at = container.UnderlyingStart + flag.ContainerStart + 2;
            foreach (var known in KnownFlagNames)
                if (known.Length == length && string.Compare(s, at, known, 0, length, StringComparison.OrdinalIgnoreCase) == 0) return known;
            return container.Substring(flag.ContainerStart + 2, length).ToLowerInvariant();
        }

        /// <summary>The index of <paramref name="c"/> in the raw text of <paramref name="word"/>, or -1.</summary>
        private static int IndexOf(Word word, char c)
        {
            for (int i = 0; i < word.RawLength; i++)
                if (word.RawAt(i) == c) return i;
            return -1;
        }

        /// <summary>
        /// The word made of <paramref name="length"/> raw characters of <paramref name="word"/> from
        /// <paramref name="start"/>, as <c>word.RawText.Slice(start, length)</c> would map it (an empty piece at the end
        /// maps just past the word, not to whatever follows it).
        /// </summary>
        private static Word SubWord(Word word, int start, int length, InstructionContext context)
        {
            if (length == 0 && start > 0 && start == word.RawLength)
            {
                int past = word.Container.ToSourceOffset(word.ContainerStart + start - 1) + 1;
                return new Word(MappedText.Empty(past));
            }
            return Lexing.MakeWord(word.Container, word.ContainerStart + start, length, context.Escape, ref context.Scratch);
        }

        private static CommandForm ReadCommand(MappedText body, InstructionContext context)
        {
            if (body.StartsWith('['))
            {
                if (context.TryParseJsonArray(body)) return new ExecForm(ToArray(context.Words), body.SourceSpan);
                return new ShellForm(body, looksLikeJson: true);
            }
            return new ShellForm(body, looksLikeJson: false);
        }

        /// <summary>Whether a word's value is <paramref name="expected"/>, ignoring case, without cutting the value of a plain word.</summary>
        private static bool ValueIs(Word word, string expected) => word.ValueEqualsIgnoreCase(expected);

        private static Instruction BuildFrom(in InstructionParts parts, InstructionContext context)
        {
            var errors = context.Errors;
            var words = context.SplitWords(parts.Body);
            if (words.Count == 1) return new FromInstruction(parts, words[0], null, null);
            if (words.Count == 3 && ValueIs(words[1], "AS"))
                return new FromInstruction(parts, words[0], words[1], words[2]);
            if (words.Count == 0)
                errors.Add(new ParseError("FROM requires an image, for example FROM mcr.microsoft.com/dotnet/aspnet:8.0", parts.Keyword.Span));
            else
                errors.Add(new ParseError("FROM takes an image and optionally 'AS name'", words.Count > 1 ? words[1].Span : words[0].Span));
            Word? asWord = words.Count > 2 && ValueIs(words[1], "AS") ? words[1] : null;
            return new FromInstruction(parts, words.Count > 0 ? words[0] : null, asWord, asWord != null ? words[2] : null);
        }

        private static Instruction BuildHealthcheck(in InstructionParts parts, InstructionContext context)
        {
            var errors = context.Errors;
            var body = parts.Body;
            int k = 0;
            while (k < body.Length && !Lexing.IsWhiteSpace(body[k])) k++;
            if (k == 0)
            {
                errors.Add(new ParseError("HEALTHCHECK requires CMD <command> or NONE", parts.Keyword.Span));
                return new HealthcheckInstruction(parts, null, false, null);
            }
            var type = new Word(body, 0, k, null);
            var rest = body.Slice(k).TrimStart();
            if (ValueIs(type, "NONE"))
            {
                if (rest.Length > 0) errors.Add(new ParseError("HEALTHCHECK NONE takes no arguments", rest.SourceSpan));
                return new HealthcheckInstruction(parts, type, true, null);
            }
            if (ValueIs(type, "CMD"))
            {
                if (rest.Length == 0) errors.Add(new ParseError("HEALTHCHECK CMD requires a command", type.Span));
                return new HealthcheckInstruction(parts, type, false, ReadCommand(rest, context));
            }
            errors.Add(new ParseError($"unknown HEALTHCHECK type '{type.Value}': use CMD or NONE", type.Span));
            return new HealthcheckInstruction(parts, type, false, null);
        }

        private static Instruction BuildCopy(in InstructionParts parts, InstructionContext context)
        {
            var body = parts.Body;
            List<Word> words;
            bool json = false;
            if (body.StartsWith('[') && context.TryParseJsonArray(body))
            {
                words = context.Words;
                json = true;
            }
            else
            {
                words = context.SplitWords(body);
            }
            if (words.Count < 2)
            {
                context.Errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires at least one source and a destination", words.Count == 1 ? words[0].Span : parts.Keyword.Span));
                return new CopyInstruction(parts, ToArray(words), null, json);
            }
            var sources = new Word[words.Count - 1];
            words.CopyTo(0, sources, 0, sources.Length);
            return new CopyInstruction(parts, sources, words[words.Count - 1], json);
        }

        private static Instruction BuildEnvOrLabel(in InstructionParts parts, InstructionContext context)
        {
            var errors = context.Errors;
            var body = parts.Body;
            char escape = context.Escape;
            var words = context.SplitWords(body);
            if (words.Count == 0)
            {
                errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()} requires at least one key=value pair", parts.Keyword.Span));
                return new KeyValueInstruction(parts, Array.Empty<KeyValue>(), false);
            }
            int firstEq = EqualsIndex(words[0], escape);
            if (firstEq < 0)
            {
                // Legacy form: ENV key value — the rest of the line after the key is the value.
                var key = words[0];
                string name = parts.Keyword.Value.ToUpperInvariant();
                if (words.Count < 2)
                {
                    errors.Add(new ParseError($"{name} {key.Value} has no value: write {key.Value}=value", key.Span));
                    return new KeyValueInstruction(parts, new[] { new KeyValue(key, null, key.Span) }, true);
                }
                int valueStart = words[1].Span.Start;
                var rest = body.Slice(key.RawLength).TrimStart();
                var value = Lexing.WholeWord(rest, escape, ref context.Scratch);
                return new KeyValueInstruction(parts, new[] { new KeyValue(key, value, TextSpan.FromBounds(key.Span.Start, Math.Max(valueStart, value.Span.End))) }, true);
            }
            var pairs = context.Pairs;
            pairs.Clear();
            foreach (var w in words)
            {
                int eq = EqualsIndex(w, escape);
                if (eq < 0)
                {
                    errors.Add(new ParseError($"{parts.Keyword.Value.ToUpperInvariant()}: '{w.Raw}' is not of the form key=value", w.Span));
                    continue;
                }
                pairs.Add(SplitPair(w, eq, context));
            }
            return new KeyValueInstruction(parts, ToArray(pairs), false);
        }

        private static Instruction BuildArg(in InstructionParts parts, InstructionContext context)
        {
            var words = context.SplitWords(parts.Body);
            if (words.Count == 0)
            {
                context.Errors.Add(new ParseError("ARG requires a name", parts.Keyword.Span));
                return new KeyValueInstruction(parts, Array.Empty<KeyValue>(), false);
            }
            var pairs = new KeyValue[words.Count];
            for (int i = 0; i < pairs.Length; i++)
            {
                var w = words[i];
                int eq = EqualsIndex(w, context.Escape);
                pairs[i] = eq < 0 ? new KeyValue(w, null, w.Span) : SplitPair(w, eq, context);
            }
            return new KeyValueInstruction(parts, pairs, false);
        }

        private static KeyValue SplitPair(Word w, int eq, InstructionContext context)
        {
            var key = SubWord(w, 0, eq, context);
            var value = SubWord(w, eq + 1, w.RawLength - eq - 1, context);
            return new KeyValue(key, value, w.Span);
        }

        /// <summary>The first <c>=</c> outside quotes and not escaped, or -1.</summary>
        private static int EqualsIndex(Word word, char escape)
        {
            char quote = '\0';
            for (int i = 0; i < word.RawLength; i++)
            {
                char c = word.RawAt(i);
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

        private static Instruction BuildOnbuild(in InstructionParts parts, InstructionContext context, bool nested)
        {
            var body = parts.Body;
            if (body.Length == 0)
            {
                context.Errors.Add(new ParseError("ONBUILD requires an instruction", parts.Keyword.Span));
                return new OnbuildInstruction(parts, null);
            }
            int k = 0;
            while (k < body.Length && !Lexing.IsWhiteSpace(body[k])) k++;
            var keyword = DockerfileParser.MakeKeyword(body, 0, k, out var kind);
            int a = k;
            while (a < body.Length && Lexing.IsWhiteSpace(body[a])) a++;
            var inner = new InstructionParts(keyword, body.Slice(a))
            {
                Kind = kind,
                Span = TextSpan.FromBounds(keyword.Span.Start, parts.Span.End),
                FullSpan = TextSpan.FromBounds(keyword.Span.Start, parts.Span.End),
                Heredocs = parts.Heredocs,
            };
            if (inner.Kind == InstructionKind.Onbuild || inner.Kind == InstructionKind.From || inner.Kind == InstructionKind.Maintainer)
                context.Errors.Add(new ParseError($"{inner.Kind.ToString().ToUpperInvariant()} is not allowed as an ONBUILD trigger", keyword.Span));
            var trigger = Build(ref inner, context, nested: true);
            return new OnbuildInstruction(parts, trigger);
        }
    }
}
