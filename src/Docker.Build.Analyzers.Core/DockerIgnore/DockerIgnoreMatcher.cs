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

        // Up to this many patterns every one is tried; above it an index narrows each path to the patterns that can
        // match it, so a generated file of 100,000 lines costs a few lookups per path instead of 100,000 tests.
        private const int IndexThreshold = 32;

        // Index keys are at most this long: a path is looked up under each of its first and last KeyLength prefixes
        // and suffixes, so the cost per path stays constant however long the patterns are.
        private const int KeyLength = 8;

        private readonly DockerIgnorePattern[] _patterns;
        private readonly PatternIndex? _index;

        internal DockerIgnoreMatcher(IReadOnlyList<DockerIgnorePattern> patterns) : this(patterns, useIndex: true) { }

        /// <summary>With <paramref name="useIndex"/> false every pattern is tried on every path (tests compare both).</summary>
        internal DockerIgnoreMatcher(IReadOnlyList<DockerIgnorePattern> patterns, bool useIndex)
        {
            var valid = new List<DockerIgnorePattern>();
            foreach (var p in patterns)
                if (p.IsValid) valid.Add(p);
            _patterns = valid.ToArray();
            foreach (var p in _patterns)
            {
                if (!p.IsException) continue;
                HasExceptions = true;
            }
            if (useIndex && _patterns.Length > IndexThreshold) _index = new PatternIndex(_patterns);
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
            long work = 0;
            return Match(path, ref work);
        }

        /// <summary><see cref="Match(string)"/>, adding the matching work done (patterns tried, automaton steps) to <paramref name="work"/>.</summary>
        internal DockerIgnoreMatch Match(string path, ref long work)
        {
            if (string.IsNullOrEmpty(path) || path == "." || _patterns.Length == 0) return new DockerIgnoreMatch(false, null);
            bool excluded = false;
            DockerIgnorePattern? decider = null;
            // Patterns that cannot match the path nor a parent change nothing, so only the candidates are walked, in order.
            List<int>? candidates = null;
            if (_index != null) _index.CandidatesForPathAndParents(path, candidates = new List<int>());
            int count = candidates?.Count ?? _patterns.Length;
            work += count;
            for (int k = 0; k < count; k++)
            {
                var pattern = _patterns[candidates == null ? k : candidates[k]];
                // An exclusion can only change an included path, an exception only an excluded one.
                if (pattern.IsException != excluded) continue;
                if (MatchesSelfOrParent(pattern, path, ref work))
                {
                    excluded = !pattern.IsException;
                    decider = pattern;
                }
            }
            return new DockerIgnoreMatch(excluded, decider);
        }

        private static bool MatchesSelfOrParent(DockerIgnorePattern pattern, string path, ref long work)
        {
            if (pattern.IsMatch(path, ref work)) return true;
            for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                if (pattern.IsMatch(path.Substring(0, slash), ref work)) return true;
            return false;
        }

        /// <summary>
        /// The walk-friendly form of <see cref="Match(string)"/>: evaluates a path given what its parent directory's
        /// evaluation found, so each pattern is tested against each path once. <paramref name="parent"/> is
        /// <see cref="WalkState.Root"/> for top-level entries. The verdicts equal those of Docker's context walk
        /// (the parent-results form of its pattern matcher).
        /// </summary>
        public WalkState Evaluate(string path, WalkState parent)
        {
            long work = 0;
            return Evaluate(path, parent, ref work);
        }

        /// <summary><see cref="Evaluate(string, WalkState)"/>, adding the matching work done to <paramref name="work"/>.</summary>
        internal WalkState Evaluate(string path, WalkState parent, ref long work) => Evaluate(path, parent, ref work, null);

        /// <summary>
        /// <see cref="Evaluate(string, WalkState, ref long)"/> with a list the caller reuses for the candidate patterns
        /// (a walk evaluates many thousand paths one after another; null allocates one).
        /// </summary>
        internal WalkState Evaluate(string path, WalkState parent, ref long work, List<int>? scratch)
        {
            if (_patterns.Length == 0) return WalkState.Root;
            // The parent's state holds the indices (ascending) of the patterns that matched it; a child inherits
            // those matches. Any other pattern matters only if it can match the child itself, so the walk below
            // visits the union of both lists in file order and skips the rest, which would not change the verdict.
            int[]? inherited = parent.Matched;
            bool atRoot = inherited == null;
            inherited ??= Array.Empty<int>();
            List<int>? own = null;
            if (_index != null)
            {
                own = scratch ?? new List<int>();
                if (atRoot) _index.CandidatesForPathAndParents(path, own);
                else _index.CandidatesFor(path, own);
            }
            int ownCount = own?.Count ?? _patterns.Length;
            work += ownCount + inherited.Length;

            // Most paths match nothing of their own: they share the parent's array instead of copying it.
            List<int>? matched = null;
            bool excluded = false;
            DockerIgnorePattern? decider = null;
            int a = 0, b = 0;
            while (a < inherited.Length || b < ownCount)
            {
                int nextInherited = a < inherited.Length ? inherited[a] : int.MaxValue;
                int nextOwn = b < ownCount ? (own == null ? b : own[b]) : int.MaxValue;
                int i = Math.Min(nextInherited, nextOwn);
                bool match = nextInherited == i;
                if (nextInherited == i) a++;
                if (nextOwn == i) b++;

                var pattern = _patterns[i];
                if (!match)
                {
                    if (pattern.IsException != excluded) continue;
                    match = atRoot ? MatchesSelfOrParent(pattern, path, ref work) : pattern.IsMatch(path, ref work);
                    if (match && matched == null)
                    {
                        // The first match of the path's own: the inherited ones before it (all of inherited[0..a)) come first.
                        matched = new List<int>(inherited.Length + 2);
                        for (int k = 0; k < a; k++) matched.Add(inherited[k]);
                        matched.Add(i);
                        excluded = !pattern.IsException;
                        decider = pattern;
                        continue;
                    }
                }
                if (match)
                {
                    matched?.Add(i);
                    excluded = !pattern.IsException;
                    decider = pattern;
                }
            }
            return new WalkState(matched == null ? inherited : matched.ToArray(), excluded, decider);
        }

        /// <summary>
        /// True when an excluded directory can be skipped without missing anything: no exception could re-include a
        /// path inside it. Like Docker, this only reasons about exceptions that are plain paths; with any wildcard
        /// exception every excluded directory is walked.
        /// </summary>
        public bool CanSkipExcludedDirectory(string directory) => CanSkipExcludedDirectory(directory, null);

        /// <summary>
        /// The same, disregarding the exceptions <paramref name="disregard"/> accepts: a walk that has no use for what
        /// those exceptions bring back (empty marker files such as <c>.gitignore</c>) need not list the directory.
        /// </summary>
        public bool CanSkipExcludedDirectory(string directory, Func<DockerIgnorePattern, bool>? disregard)
        {
            if (!HasExceptions) return true;
            // Only an exception that can match a path below the directory can bring something inside it back:
            // '!src/*/README.md' never reaches into 'src/Api/bin', '!**/.gitignore' reaches everywhere.
            foreach (var p in _patterns)
            {
                if (!p.IsException) continue;
                if (disregard != null && disregard(p)) continue;
                if (p.CanMatchBelow(directory)) return false;
            }
            return true;
        }

        /// <summary>What the evaluation of a directory passes to its children.</summary>
        public readonly struct WalkState
        {
            internal WalkState(int[]? matched, bool excluded, DockerIgnorePattern? decider)
            {
                Matched = matched;
                IsExcluded = excluded;
                DecidingPattern = decider;
            }

            public static WalkState Root => default;

            /// <summary>Indices (ascending) of the patterns that matched the directory; null above the top level.</summary>
            internal int[]? Matched { get; }
            public bool IsExcluded { get; }
            public DockerIgnorePattern? DecidingPattern { get; }
        }

        /// <summary>
        /// Groups patterns by a text every match of theirs must hold: its start or its end (up to
        /// <see cref="KeyLength"/> characters), or a whole path segment (<c>**/gen7/*.g.cs</c> needs a segment
        /// <c>gen7</c>). A path is tested only against the patterns filed under its own first and last characters and
        /// its own segments, plus the few that have no such key. Built once per file; read-only afterwards; lookups
        /// allocate nothing but the candidate list.
        /// </summary>
        private sealed class PatternIndex
        {
            private readonly SliceMap _exact = new SliceMap();
            private readonly SliceMap _byStart = new SliceMap();
            private readonly SliceMap _byEnd = new SliceMap(backwards: true);
            private readonly SliceMap _bySegment = new SliceMap();
            private readonly bool[] _startLengths = new bool[KeyLength + 1];
            private readonly bool[] _endLengths = new bool[KeyLength + 1];
            private readonly int[] _everywhere;

            public PatternIndex(DockerIgnorePattern[] patterns)
            {
                // Each pattern is filed once, under whichever of its keys fewest patterns share, so a list of files
                // under one folder ("generated/file1.txt", ...) spreads by its ends, a list of "*.extN" by its ends,
                // "dirN/**" by its starts and "**/genN/*.g.cs" by its segment. Plain paths are found by one exact lookup.
                var startCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                var endCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                var segmentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                var segments = new List<string>[patterns.Length];
                for (int i = 0; i < patterns.Length; i++)
                {
                    var p = patterns[i];
                    if (p.IsExactPath) continue;
                    Count(startCounts, StartKey(p));
                    Count(endCounts, EndKey(p));
                    segments[i] = p.RequiredSegments();
                    foreach (var segment in segments[i]) Count(segmentCounts, segment);
                }
                var everywhere = new List<int>();
                for (int i = 0; i < patterns.Length; i++)
                {
                    var p = patterns[i];
                    if (p.IsExactPath)
                    {
                        _exact.Add(p.Pattern, i);
                        continue;
                    }
                    string startKey = StartKey(p), endKey = EndKey(p);
                    int best = int.MaxValue;
                    SliceMap? map = null;
                    string key = "";
                    if (startKey.Length > 0 && startCounts[startKey] < best)
                    {
                        best = startCounts[startKey];
                        map = _byStart;
                        key = startKey;
                    }
                    if (endKey.Length > 0 && endCounts[endKey] < best)
                    {
                        best = endCounts[endKey];
                        map = _byEnd;
                        key = endKey;
                    }
                    foreach (var segment in segments[i])
                    {
                        if (segmentCounts[segment] < best)
                        {
                            best = segmentCounts[segment];
                            map = _bySegment;
                            key = segment;
                        }
                    }
                    if (map == null) everywhere.Add(i);
                    else
                    {
                        map.Add(key, i);
                        if (map == _byStart) _startLengths[key.Length] = true;
                        else if (map == _byEnd) _endLengths[key.Length] = true;
                    }
                }
                _everywhere = everywhere.ToArray();
            }

            private static string StartKey(DockerIgnorePattern p) =>
                p.LeadingLiteral.Length <= KeyLength ? p.LeadingLiteral : p.LeadingLiteral.Substring(0, KeyLength);

            private static string EndKey(DockerIgnorePattern p) =>
                p.TrailingLiteral.Length <= KeyLength ? p.TrailingLiteral : p.TrailingLiteral.Substring(p.TrailingLiteral.Length - KeyLength);

            private static void Count(Dictionary<string, int> counts, string key)
            {
                if (key.Length == 0) return;
                counts.TryGetValue(key, out int n);
                counts[key] = n + 1;
            }

            /// <summary>Fills <paramref name="result"/> with the ascending indices of the patterns that might match <paramref name="path"/> itself.</summary>
            public void CandidatesFor(string path, List<int> result)
            {
                result.Clear();
                result.AddRange(_everywhere);
                Collect(path, path.Length, result);
                CollectSegments(path, result);
                SortDistinct(result);
            }

            /// <summary>Fills <paramref name="result"/> with the ascending indices of the patterns that might match <paramref name="path"/> or one of its parents.</summary>
            public void CandidatesForPathAndParents(string path, List<int> result)
            {
                result.Clear();
                result.AddRange(_everywhere);
                Collect(path, path.Length, result);
                // A parent's starts are the path's own starts.
                for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                    Collect(path, slash, result, withStarts: false);
                // A parent's segments are among the path's own.
                CollectSegments(path, result);
                SortDistinct(result);
            }

            private static void SortDistinct(List<int> result)
            {
                if (result.Count < 2) return;
                result.Sort();
                // A pattern filed by its start can turn up once per parent, one filed by a segment once per repeat of it.
                int write = 0;
                for (int k = 0; k < result.Count; k++)
                    if (write == 0 || result[write - 1] != result[k]) result[write++] = result[k];
                result.RemoveRange(write, result.Count - write);
            }

            /// <summary>Collects for the first <paramref name="length"/> characters of <paramref name="path"/> (the path or a parent).</summary>
            private void Collect(string path, int length, List<int> into, bool withStarts = true)
            {
                _exact.AddTo(path, 0, length, into);
                int max = Math.Min(length, KeyLength);
                // The keys of each length are hashed as they grow, one character at a time: starts forwards, ends backwards.
                int startHash = SliceMap.Seed, endHash = SliceMap.Seed;
                for (int n = 1; n <= max; n++)
                {
                    if (withStarts)
                    {
                        startHash = SliceMap.Step(startHash, path[n - 1]);
                        if (_startLengths[n]) _byStart.AddTo(startHash, path, 0, n, into);
                    }
                    endHash = SliceMap.Step(endHash, path[length - n]);
                    if (_endLengths[n]) _byEnd.AddTo(endHash, path, length - n, n, into);
                }
            }

            private void CollectSegments(string path, List<int> into)
            {
                if (_bySegment.IsEmpty) return;
                int start = 0;
                while (start <= path.Length)
                {
                    int slash = path.IndexOf('/', start);
                    int end = slash < 0 ? path.Length : slash;
                    if (end > start) _bySegment.AddTo(path, start, end - start, into);
                    if (slash < 0) break;
                    start = slash + 1;
                }
            }
        }

        /// <summary>String keys looked up by a slice of a larger string, without allocating the slice.</summary>
        private sealed class SliceMap
        {
            public const int Seed = unchecked((int)2166136261);

            private readonly Dictionary<int, List<KeyValuePair<string, List<int>>>> _buckets = new Dictionary<int, List<KeyValuePair<string, List<int>>>>();
            private readonly bool _backwards;

            /// <param name="backwards">Keys are hashed from their last character to their first (for keys that grow leftwards).</param>
            public SliceMap(bool backwards = false) => _backwards = backwards;

            public bool IsEmpty => _buckets.Count == 0;

            public static int Step(int hash, char c) => unchecked((hash ^ c) * 16777619);

            public void Add(string key, int index)
            {
                int hash = Hash(key, 0, key.Length);
                if (!_buckets.TryGetValue(hash, out var bucket)) _buckets[hash] = bucket = new List<KeyValuePair<string, List<int>>>(1);
                foreach (var entry in bucket)
                {
                    if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                    {
                        entry.Value.Add(index);
                        return;
                    }
                }
                bucket.Add(new KeyValuePair<string, List<int>>(key, new List<int> { index }));
            }

            /// <summary>Adds the indices filed under <c>text.Substring(start, length)</c>, if any.</summary>
            public void AddTo(string text, int start, int length, List<int> into)
            {
                if (_buckets.Count == 0) return;
                AddTo(Hash(text, start, length), text, start, length, into);
            }

            /// <summary><see cref="AddTo(string, int, int, List{int})"/> with the slice's hash already computed.</summary>
            public void AddTo(int hash, string text, int start, int length, List<int> into)
            {
                if (!_buckets.TryGetValue(hash, out var bucket)) return;
                foreach (var entry in bucket)
                {
                    if (entry.Key.Length == length && string.CompareOrdinal(entry.Key, 0, text, start, length) == 0)
                    {
                        into.AddRange(entry.Value);
                        return;
                    }
                }
            }

            private int Hash(string text, int start, int length)
            {
                int hash = Seed;
                if (_backwards)
                    for (int i = start + length - 1; i >= start; i--) hash = Step(hash, text[i]);
                else
                    for (int i = start; i < start + length; i++) hash = Step(hash, text[i]);
                return hash;
            }
        }
    }
}
