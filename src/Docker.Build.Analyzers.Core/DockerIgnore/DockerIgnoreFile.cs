using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>One pattern line of a .dockerignore file, with its place in the file.</summary>
    public sealed class DockerIgnorePattern
    {
        private readonly CompiledPattern _compiled;

        internal DockerIgnorePattern(int index, int line, string raw, string pattern, bool isException, TextSpan span, TextSpan patternSpan, CompiledPattern compiled, string? error)
        {
            Index = index;
            Line = line;
            Raw = raw;
            Pattern = pattern;
            IsException = isException;
            Span = span;
            PatternSpan = patternSpan;
            _compiled = compiled;
            Error = error;
        }

        /// <summary>Position among the file's patterns (0-based; comments and blank lines do not count).</summary>
        public int Index { get; }

        /// <summary>1-based line in the file.</summary>
        public int Line { get; }

        /// <summary>The line as written, trimmed, with its <c>!</c>.</summary>
        public string Raw { get; }

        /// <summary>What Docker matches: cleaned, '/'-separated, relative to the context root, without <c>!</c>.</summary>
        public string Pattern { get; }

        /// <summary>A <c>!</c> line: re-includes what earlier lines excluded.</summary>
        public bool IsException { get; }

        /// <summary>The trimmed line, <c>!</c> included.</summary>
        public TextSpan Span { get; }

        /// <summary>The pattern text after <c>!</c> and its spaces.</summary>
        public TextSpan PatternSpan { get; }

        /// <summary>Why Docker rejects the line (and fails the build), or null.</summary>
        public string? Error { get; }

        public bool IsValid => Error == null;

        /// <summary>Could the pattern match some path strictly below a context-relative directory?</summary>
        internal bool CanMatchBelow(string directory) => IsValid && _compiled.CanMatchBelow(directory);

        /// <summary>Does the pattern itself match this context-relative path (no parent-directory rule)?</summary>
        public bool IsMatch(string path) => IsValid && _compiled.IsMatch(path);

        /// <summary><see cref="IsMatch(string)"/>, adding the work done to <paramref name="steps"/> (bounded by (tokens + 1) × path length).</summary>
        internal bool IsMatch(string path, ref long steps) => IsValid && _compiled.IsMatch(path, ref steps);

        /// <summary>Text every path this pattern matches starts with, or "".</summary>
        internal string LeadingLiteral => _compiled.LeadingLiteral;

        /// <summary>Text every path this pattern matches ends with, or "".</summary>
        internal string TrailingLiteral => _compiled.TrailingLiteral;

        /// <summary>Plain names every path this pattern matches holds as whole segments (for the matcher's index).</summary>
        internal List<string> RequiredSegments() => IsValid ? _compiled.RequiredSegments() : new List<string>();

        /// <summary>The pattern is compared as a plain path (no wildcard Docker would interpret).</summary>
        internal bool IsExactPath => IsValid && _compiled.IsExact;

        /// <summary>Glob tokens of the compiled pattern (0 for the exact, prefix and suffix forms).</summary>
        internal int TokenCount => _compiled.TokenCount;

        /// <summary>The pattern without a trailing <c>/**</c> or <c>/*</c>, and whether what remains is a plain path.</summary>
        internal bool IsLiteralPrefix(out string prefix)
        {
            prefix = Pattern;
            if (prefix.EndsWith("/**", StringComparison.Ordinal)) prefix = prefix.Substring(0, prefix.Length - 3);
            else if (prefix.EndsWith("/*", StringComparison.Ordinal)) prefix = prefix.Substring(0, prefix.Length - 2);
            return prefix.IndexOfAny(GlobCharacters) < 0;
        }

        private static readonly char[] GlobCharacters = { '*', '?', '[', ']', '^', '\\' };

        public override string ToString() => Raw;
    }

    /// <summary>A problem Docker reports for a .dockerignore line (the build fails).</summary>
    public sealed class DockerIgnoreError
    {
        public DockerIgnoreError(string message, TextSpan span, int line)
        {
            Message = message;
            Span = span;
            Line = line;
        }

        public string Message { get; }
        public TextSpan Span { get; }
        public int Line { get; }
    }

    /// <summary>A parsed .dockerignore file: its text, its patterns in order, and the matcher built from them.</summary>
    public sealed class DockerIgnoreFile
    {
        private readonly Lazy<DockerIgnoreMatcher> _matcher;

        internal DockerIgnoreFile(SourceText source, IReadOnlyList<DockerIgnorePattern> patterns, IReadOnlyList<DockerIgnoreError> errors)
        {
            Source = source;
            Patterns = patterns;
            Errors = errors;
            _matcher = new Lazy<DockerIgnoreMatcher>(() => new DockerIgnoreMatcher(patterns));
        }

        public SourceText Source { get; }
        public string Path => Source.Path;
        public IReadOnlyList<DockerIgnorePattern> Patterns { get; }
        public IReadOnlyList<DockerIgnoreError> Errors { get; }
        public DockerIgnoreMatcher Matcher => _matcher.Value;
    }
}
