using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.DockerIgnore
{
    /// <summary>The verdict for one path: excluded or not, and the line that decided it.</summary>
    public readonly struct DockerIgnoreMatch
    {
        public DockerIgnoreMatch(bool isExcluded, DockerIgnorePattern? decidingPattern)
        {
            IsExcluded = isExcluded;
            DecidingPattern = decidingPattern;
        }

        public bool IsExcluded { get; }

        /// <summary>The last pattern that matched the path or one of its parent directories (an exception when the path is re-included); null when none did.</summary>
        public DockerIgnorePattern? DecidingPattern { get; }
    }

    /// <summary>
    /// Docker's verdict on context paths. Patterns are tried in order and the last one that matches wins (an
    /// exception re-includes); a pattern matches a path when it matches the path itself or any of its parent
    /// directories, so excluding a directory excludes everything under it. Paths are '/'-separated and relative to
    /// the context root, as <see cref="SlashPath.ToContextPath"/> makes them. Immutable and thread-safe.
    /// </summary>
    public sealed class DockerIgnoreMatcher
    {
        public static readonly DockerIgnoreMatcher Empty = new DockerIgnoreMatcher(Array.Empty<DockerIgnorePattern>());

        private readonly DockerIgnorePattern[] _patterns;
        private readonly bool _onlyLiteralExceptions;

        internal DockerIgnoreMatcher(IReadOnlyList<DockerIgnorePattern> patterns)
        {
            var valid = new List<DockerIgnorePattern>();
            foreach (var p in patterns)
                if (p.IsValid) valid.Add(p);
            _patterns = valid.ToArray();
            _onlyLiteralExceptions = true;
            foreach (var p in _patterns)
            {
                if (!p.IsException) continue;
                HasExceptions = true;
                if (!p.IsLiteralPrefix(out _)) _onlyLiteralExceptions = false;
            }
        }

        /// <summary>The valid patterns, in file order (Docker refuses the whole file when one is invalid; we skip it).</summary>
        public IReadOnlyList<DockerIgnorePattern> Patterns => _patterns;

        public bool IsEmpty => _patterns.Length == 0;

        /// <summary>True when some line starts with <c>!</c>.</summary>
        public bool HasExceptions { get; }

        public bool IsExcluded(string path) => Match(path).IsExcluded;

        /// <summary>Evaluates a context-relative path ("" is the root, which is never excluded).</summary>
        public DockerIgnoreMatch Match(string path)
        {
            if (string.IsNullOrEmpty(path) || path == "." || _patterns.Length == 0) return new DockerIgnoreMatch(false, null);
            bool excluded = false;
            DockerIgnorePattern? decider = null;
            foreach (var pattern in _patterns)
            {
                // An exclusion can only change an included path, an exception only an excluded one.
                if (pattern.IsException != excluded) continue;
                if (MatchesSelfOrParent(pattern, path))
                {
                    excluded = !pattern.IsException;
                    decider = pattern;
                }
            }
            return new DockerIgnoreMatch(excluded, decider);
        }

        private static bool MatchesSelfOrParent(DockerIgnorePattern pattern, string path)
        {
            if (pattern.IsMatch(path)) return true;
            for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                if (pattern.IsMatch(path.Substring(0, slash))) return true;
            return false;
        }

        /// <summary>
        /// The walk-friendly form of <see cref="Match"/>: evaluates a path given what its parent directory's
        /// evaluation found, so each pattern is tested against each path once. <paramref name="parent"/> is
        /// <see cref="WalkState.Root"/> for top-level entries. The verdicts equal those of Docker's context walk.
        /// </summary>
        public WalkState Evaluate(string path, WalkState parent)
        {
            if (_patterns.Length == 0) return WalkState.Root;
            var parentMatched = parent.Matched;
            var matched = new bool[_patterns.Length];
            bool excluded = false;
            DockerIgnorePattern? decider = null;
            for (int i = 0; i < _patterns.Length; i++)
            {
                var pattern = _patterns[i];
                bool match = parentMatched != null && parentMatched[i];
                if (!match)
                {
                    if (pattern.IsException != excluded) continue;
                    match = parentMatched == null ? MatchesSelfOrParent(pattern, path) : pattern.IsMatch(path);
                }
                matched[i] = match;
                if (match)
                {
                    excluded = !pattern.IsException;
                    decider = pattern;
                }
            }
            return new WalkState(matched, excluded, decider);
        }

        /// <summary>
        /// True when an excluded directory can be skipped without missing anything: no exception could re-include a
        /// path inside it. Like Docker, this only reasons about exceptions that are plain paths; with any wildcard
        /// exception every excluded directory is walked.
        /// </summary>
        public bool CanSkipExcludedDirectory(string directory)
        {
            if (!HasExceptions) return true;
            if (!_onlyLiteralExceptions) return false;
            string withSlash = directory + "/";
            foreach (var p in _patterns)
            {
                if (!p.IsException) continue;
                p.IsLiteralPrefix(out var prefix);
                if ((prefix + "/").StartsWith(withSlash, StringComparison.Ordinal)) return false;
            }
            return true;
        }

        /// <summary>What the evaluation of a directory passes to its children.</summary>
        public readonly struct WalkState
        {
            internal WalkState(bool[]? matched, bool excluded, DockerIgnorePattern? decider)
            {
                Matched = matched;
                IsExcluded = excluded;
                DecidingPattern = decider;
            }

            public static WalkState Root => default;

            internal bool[]? Matched { get; }
            public bool IsExcluded { get; }
            public DockerIgnorePattern? DecidingPattern { get; }
        }
    }
}
