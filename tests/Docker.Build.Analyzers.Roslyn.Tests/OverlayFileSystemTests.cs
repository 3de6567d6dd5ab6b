using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Xunit;

namespace Docker.Build.Analyzers.Roslyn.Tests
{
    public sealed class OverlayFileSystemTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "dba-overlay-" + Guid.NewGuid().ToString("N"));

        public OverlayFileSystemTests()
        {
            Directory.CreateDirectory(_root);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void A_held_text_wins_over_the_disk()
        {
            string path = Path.Combine(_root, "Dockerfile");
            File.WriteAllText(path, "FROM disk\n");
            var fs = new OverlayFileSystem(new[] { new KeyValuePair<string, string>(path, "FROM editor\n") }, PhysicalFileSystem.Instance);

            Assert.Equal("FROM editor\n", Encoding.UTF8.GetString(fs.ReadAllBytes(path)));
            Assert.Equal("FROM editor\n".Length, fs.GetFileLength(path));
            Assert.True(fs.Holds(path));
        }

        [Fact]
        public void A_held_file_that_is_not_on_disk_exists_with_its_folders()
        {
            string path = Path.Combine(_root, "new", "Dockerfile");
            var fs = new OverlayFileSystem(new[] { new KeyValuePair<string, string>(path, "FROM x\n") }, PhysicalFileSystem.Instance);

            Assert.True(fs.FileExists(path));
            Assert.True(fs.DirectoryExists(Path.Combine(_root, "new")));
            Assert.False(fs.FileExists(Path.Combine(_root, "new", "other")));
        }

        [Fact]
        public void Other_paths_and_listings_come_from_the_underlying_file_system()
        {
            string other = Path.Combine(_root, "app.txt");
            File.WriteAllText(other, "disk");
            string held = Path.Combine(_root, "Dockerfile");
            var fs = new OverlayFileSystem(new[] { new KeyValuePair<string, string>(held, "FROM x\n") }, PhysicalFileSystem.Instance);

            Assert.Equal("disk", Encoding.UTF8.GetString(fs.ReadAllBytes(other)));
            Assert.Equal(new[] { "app.txt" }, fs.EnumerateEntries(_root).Select(e => e.Name).ToArray());
            Assert.Throws<FileNotFoundException>(() => fs.ReadAllBytes(Path.Combine(_root, "missing")));
        }

        [Fact]
        public void The_first_text_of_a_path_wins_and_readers_get_copies()
        {
            string path = Path.Combine(_root, "Dockerfile");
            var fs = new OverlayFileSystem(new[]
            {
                new KeyValuePair<string, string>(path, "first"),
                new KeyValuePair<string, string>(Path.Combine(_root, ".", "Dockerfile"), "second"),
            }, PhysicalFileSystem.Instance);

            var bytes = fs.ReadAllBytes(path);
            bytes[0] = (byte)'X';
            Assert.Equal("first", Encoding.UTF8.GetString(fs.ReadAllBytes(path)));
            Assert.Equal(1, fs.HeldCount);
        }
    }
}
