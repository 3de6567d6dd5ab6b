using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Analysis
{
    public class ListingCacheFileSystemTests
    {
        /// <summary>Counts listings and lets the test set each directory's last-write time.</summary>
        private sealed class FakeDisk : IFileSystem
        {
            public readonly Dictionary<string, List<DirectoryEntry>> Directories = new Dictionary<string, List<DirectoryEntry>>();
            public readonly Dictionary<string, DateTime> LastWrite = new Dictionary<string, DateTime>();
            public int Listings;

            public bool FileExists(string path) => false;
            public bool DirectoryExists(string path) => Directories.ContainsKey(path);
            public long GetFileLength(string path) => -1;
            public byte[] ReadAllBytes(string path) => throw new FileNotFoundException(path);

            public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
            {
                Listings++;
                return Directories.TryGetValue(directory, out var entries) ? entries.ToArray() : Array.Empty<DirectoryEntry>();
            }

            public DateTime? Written(string directory) => LastWrite.TryGetValue(directory, out var t) ? t : (DateTime?)null;
        }

        private static readonly DateTime Now = new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);

        private static (FakeDisk Disk, ListingCacheFileSystem Cache) Create(int maxEntries = 1000)
        {
            var disk = new FakeDisk();
            disk.Directories["/ctx"] = new List<DirectoryEntry> { new DirectoryEntry("a.txt", false), new DirectoryEntry("src", true) };
            disk.LastWrite["/ctx"] = Now.AddHours(-1);
            return (disk, new ListingCacheFileSystem(disk, disk.Written, () => Now, maxEntries));
        }

        private static string[] Names(IEnumerable<DirectoryEntry> entries) => entries.Select(e => e.Name).ToArray();

        [Fact]
        public void An_unchanged_directory_is_listed_once()
        {
            var (disk, cache) = Create();
            Assert.Equal(new[] { "a.txt", "src" }, Names(cache.EnumerateEntries("/ctx")));
            Assert.Equal(new[] { "a.txt", "src" }, Names(cache.EnumerateEntries("/ctx")));
            Assert.Equal(1, disk.Listings);
            Assert.Equal(1, cache.Hits);
        }

        [Fact]
        public void A_directory_whose_write_time_moved_is_listed_again()
        {
            var (disk, cache) = Create();
            cache.EnumerateEntries("/ctx");
            disk.Directories["/ctx"].Add(new DirectoryEntry("b.txt", false));
            disk.LastWrite["/ctx"] = Now.AddMinutes(-10);
            Assert.Equal(new[] { "a.txt", "src", "b.txt" }, Names(cache.EnumerateEntries("/ctx")));
            Assert.Equal(2, disk.Listings);
        }

        [Fact]
        public void A_directory_written_just_before_its_listing_is_not_kept()
        {
            // A file system with coarse timestamps could give a change right after the listing the same time.
            var (disk, cache) = Create();
            disk.LastWrite["/ctx"] = Now - ListingCacheFileSystem.RacyWindow + TimeSpan.FromMilliseconds(1);
            cache.EnumerateEntries("/ctx");
            cache.EnumerateEntries("/ctx");
            Assert.Equal(2, disk.Listings);
            // A time in the future (clock skew) is not trusted either.
            disk.LastWrite["/ctx"] = Now.AddMinutes(5);
            cache.EnumerateEntries("/ctx");
            cache.EnumerateEntries("/ctx");
            Assert.Equal(4, disk.Listings);
        }

        [Fact]
        public void A_directory_without_a_write_time_is_never_kept()
        {
            var (disk, cache) = Create();
            disk.LastWrite.Remove("/ctx");
            cache.EnumerateEntries("/ctx");
            cache.EnumerateEntries("/ctx");
            Assert.Equal(2, disk.Listings);
        }

        [Fact]
        public void Past_its_bound_the_cache_starts_over()
        {
            var (disk, cache) = Create(maxEntries: 5);
            for (int i = 0; i < 4; i++)
            {
                disk.Directories["/d" + i] = new List<DirectoryEntry> { new DirectoryEntry("x", false) };
                disk.LastWrite["/d" + i] = Now.AddHours(-1);
                cache.EnumerateEntries("/d" + i);
            }
            Assert.Equal(4, disk.Listings);
            // Each listing counts its names plus one: the third went past the bound, so the cache was dropped (keeping
            // /d2, then /d3) and /d0 is read again; it is kept after that.
            cache.EnumerateEntries("/d0");
            Assert.Equal(5, disk.Listings);
            cache.EnumerateEntries("/d0");
            Assert.Equal(5, disk.Listings);
        }

        [Fact]
        public void On_disk_an_added_file_shows_in_the_next_walk()
        {
            string root = Path.Combine(Path.GetTempPath(), "dba-listing-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(root, "src"));
            try
            {
                File.WriteAllText(Path.Combine(root, "src", "Program.cs"), "x");
                File.WriteAllText(Path.Combine(root, "Dockerfile"), "FROM scratch\n");
                // Old enough to be kept.
                Directory.SetLastWriteTimeUtc(root, DateTime.UtcNow.AddHours(-1));
                Directory.SetLastWriteTimeUtc(Path.Combine(root, "src"), DateTime.UtcNow.AddHours(-1));
                var cache = new ListingCacheFileSystem();

                var first = new BuildContext(cache, root, null).Files.Files;
                Assert.Equal(new[] { "Dockerfile", "src/Program.cs" }, first.ToArray());
                var again = new BuildContext(cache, root, null).Files.Files;
                Assert.Equal(first.ToArray(), again.ToArray());
                Assert.True(cache.Hits >= 2, "The second walk read the disk again");

                File.WriteAllText(Path.Combine(root, "src", ".env"), "SECRET=1");
                var after = new BuildContext(cache, root, null).Files.Files;
                Assert.Equal(new[] { "Dockerfile", "src/.env", "src/Program.cs" }, after.ToArray());
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
