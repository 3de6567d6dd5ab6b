using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>
    /// Reads a .dockerignore file the way the Docker CLI and BuildKit do: a line is a comment only when <c>#</c> is its
    /// first character; lines are trimmed; blank lines are skipped; a leading <c>!</c> (then optional spaces) marks an
    /// exception; each pattern is cleaned like Go's <c>filepath.Clean</c> and loses one leading <c>/</c>.
    /// </summary>
    public static class DockerIgnoreParser
    {
        /// <summary>
        /// Where Docker runs on Windows the client treats <c>\</c> as a path separator, not an escape; on Linux and
        /// macOS it escapes the next character. The default follows the machine the analysis runs on, like Docker.
        /// </summary>
        public static bool HostUsesBackslashSeparator => System.IO.Path.DirectorySeparatorChar == '\\';

        public static DockerIgnoreFile Parse(string text, string path = "") => Parse(SourceText.From(text ?? "", path));

        public static DockerIgnoreFile Parse(SourceText source) => Parse(source, !HostUsesBackslashSeparator);

        /// <param name="backslashEscapes">True for Docker's Linux/macOS reading (<c>\</c> escapes), false for Windows (<c>\</c> separates).</param>
        public static DockerIgnoreFile Parse(SourceText source, bool backslashEscapes)
        {
            var patterns = new List<DockerIgnorePattern>();
            var errors = new List<DockerIgnoreError>();
            string text = source.Text;
            for (int line = 1; line <= source.LineCount; line++)
            {
                var lineSpan = source.GetLineSpan(line);
                int start = lineSpan.Start, end = lineSpan.End;
                // A byte order mark is only stripped at the very start; SourceText already did that.
                if (end > start && text[start] == '#') continue;
                while (start < end && IsSpace(text[start])) start++;
                while (end > start && IsSpace(text[end - 1])) end--;
                if (start == end) continue;

                var span = TextSpan.FromBounds(start, end);
                string raw = text.Substring(start, end - start);
                bool exception = text[start] == '!';
                int patternStart = start;
                if (exception)
                {
                    patternStart++;
                    while (patternStart < end && IsSpace(text[patternStart])) patternStart++;
                }
                var patternSpan = TextSpan.FromBounds(patternStart, end);
                string pattern = text.Substring(patternStart, end - patternStart);

                string? error = null;
                if (pattern.Length == 0)
                {
                    error = "an exception '!' needs a pattern after it";
                }
                else
                {
                    if (!backslashEscapes) pattern = pattern.Replace('\\', '/');
                    pattern = SlashPath.Clean(pattern);
                    if (pattern.Length > 1 && pattern[0] == '/') pattern = pattern.Substring(1);
                }

                CompiledPattern compiled;
                if (error == null)
                {
                    compiled = CompiledPattern.Compile(pattern, backslashEscapes, out var compileError);
                    error = compileError;
                }
                else
                {
                    compiled = CompiledPattern.Compile("", backslashEscapes, out _);
                }

                if (error != null) errors.Add(new DockerIgnoreError(error, span, line));
                patterns.Add(new DockerIgnorePattern(patterns.Count, line, raw, pattern, exception, span, patternSpan, compiled, error));
            }
            return new DockerIgnoreFile(source, patterns, errors);
        }

        /// <summary>Go's <c>strings.TrimSpace</c> set (ASCII white space and the Unicode spaces .NET knows).</summary>
        private static bool IsSpace(char c) => char.IsWhiteSpace(c);

        /// <summary>Builds a matcher from plain pattern strings (COPY <c>--exclude</c> flags, tests).</summary>
        public static DockerIgnoreMatcher CreateMatcher(IEnumerable<string> patterns, bool? backslashEscapes = null)
        {
            if (patterns == null) throw new ArgumentNullException(nameof(patterns));
            var text = string.Join("\n", patterns);
            var file = Parse(SourceText.From(text), backslashEscapes ?? !HostUsesBackslashSeparator);
            return file.Matcher;
        }
    }
}
