using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// The physical file system with directory listings kept between analyses of one process. A host that analyses many
    /// projects in one process (an MSBuild node builds project after project of a solution, and in Visual Studio's
    /// layout they all share the solution root as build context) would otherwise list the same thousands of folders
    /// once per project: reading a directory is the largest cost of a context walk.
    /// A kept listing is used only while the directory's last-write time is the one read before it was listed: adding,
    /// removing or renaming an entry changes that time on every file system we run on. A directory written less than
    /// <see cref="RacyWindow"/> before its listing is not kept, because a file system with coarse timestamps could give
    /// a change right after the listing the same time (the "racy" case). File contents are never kept: only names and
    /// kinds. Bounded: past <see cref="MaxEntries"/> names the whole cache is dropped and filled again.
    /// Thread-safe; the host owns the instance and decides its lifetime.
    /// </summary>
    public sealed class ListingCacheFileSystem : IFileSystem
    {
        /// <summary>How old a directory's last write must be before its listing is kept.</summary>
        public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

        private readonly IFileSystem _inner;
        private readonly Func<string, DateTime?> _lastWrite;
        private readonly Func<DateTime> _utcNow;
        private readonly ConcurrentDictionary<string, Kept> _listings = new ConcurrentDictionary<string, Kept>(StringComparer.Ordinal);
        private int _keptEntries;

        public ListingCacheFileSystem(int maxEntries = 500_000)
            : this(PhysicalFileSystem.Instance, PhysicalLastWrite, () => DateTime.UtcNow, maxEntries)
        {
        }

        /// <summary>For tests: another file system, clock and source of directory write times.</summary>
        internal ListingCacheFileSystem(IFileSystem inner, Func<string, DateTime?> lastWrite, Func<DateTime> utcNow, int maxEntries)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _lastWrite = lastWrite ?? throw new ArgumentNullException(nameof(lastWrite));
            _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
            MaxEntries = maxEntries < 1 ? 1 : maxEntries;
        }

        /// <summary>Names kept at most, over all directories.</summary>
        public int MaxEntries { get; }

        /// <summary>Listings served from the cache so far (for benchmarks and tests).</summary>
        public long Hits => Interlocked.Read(ref _hits);

        private long _hits;

        public bool FileExists(string path) => _inner.FileExists(path);
        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
        public long GetFileLength(string path) => _inner.GetFileLength(path);
        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);

        public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
        {
            // The time is read before the listing: a change while listing moves it past what is kept with the listing.
            DateTime? written = _lastWrite(directory);
            if (written != null && _listings.TryGetValue(directory, out var kept) && kept.LastWrite == written.Value)
            {
                Interlocked.Increment(ref _hits);
                return kept.Entries;
            }

            var entries = new List<DirectoryEntry>(_inner.EnumerateEntries(directory)).ToArray();
            if (written != null)
            {
                DateTime now = _utcNow();
                if (written.Value <= now && now - written.Value >= RacyWindow) Keep(directory, new Kept(written.Value, entries));
                else _listings.TryRemove(directory, out _);
            }
            return entries;
        }

        private void Keep(string directory, Kept listing)
        {
            if (Interlocked.Add(ref _keptEntries, listing.Entries.Length + 1) > MaxEntries)
            {
                // Bounded memory in a long-lived build node: start over rather than track what is least used.
                _listings.Clear();
                Interlocked.Exchange(ref _keptEntries, listing.Entries.Length + 1);
            }
            _listings[directory] = listing;
        }

        /// <summary>A directory's last write (UTC), or null when it is missing or cannot be asked.</summary>
        private static DateTime? PhysicalLastWrite(string directory)
        {
            try
            {
                var info = new DirectoryInfo(directory);
                if (!info.Exists) return null;
                return info.LastWriteTimeUtc;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }

        private sealed class Kept
        {
            public Kept(DateTime lastWrite, DirectoryEntry[] entries)
            {
                LastWrite = lastWrite;
                Entries = entries;
            }

            public DateTime LastWrite { get; }
            public DirectoryEntry[] Entries { get; }
        }
    }
}
