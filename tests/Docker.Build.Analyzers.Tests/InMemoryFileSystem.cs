using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Tests
{
    /// <summary>A file system made of a dictionary, with '/' paths, for engine tests that must not touch the disk.</summary>
    internal sealed class InMemoryFileSystem : IFileSystem
    {
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        private readonly HashSet<string> _denied = new HashSet<string>(StringComparer.Ordinal);

        public InMemoryFileSystem AddFile(string path, string text) => AddFile(path, Encoding.UTF8.GetBytes(text));

        public InMemoryFileSystem AddFile(string path, byte[] bytes)
        {
            _files[Normalize(path)] = bytes;
            return this;
        }

        public InMemoryFileSystem Deny(string path)
        {
            _denied.Add(Normalize(path));
            return this;
        }

        private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd('/');

        public bool FileExists(string path) => _files.ContainsKey(Normalize(path));

        public bool DirectoryExists(string path)
        {
            string dir = Normalize(path) + "/";
            return _files.Keys.Any(k => k.StartsWith(dir, StringComparison.Ordinal));
        }

        public long GetFileLength(string path) => _files.TryGetValue(Normalize(path), out var b) ? b.Length : -1;

        public byte[] ReadAllBytes(string path)
        {
            string p = Normalize(path);
            if (_denied.Contains(p)) throw new UnauthorizedAccessException("denied");
            if (!_files.TryGetValue(p, out var bytes)) throw new FileNotFoundException(path);
            return bytes;
        }

        public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
        {
            string dir = Normalize(directory) + "/";
            var files = _files.Keys.Where(k => k.StartsWith(dir, StringComparison.Ordinal) && k.IndexOf('/', dir.Length) < 0)
                .Select(k => new DirectoryEntry(k.Substring(dir.Length), false));
            var directories = _files.Keys.Where(k => k.StartsWith(dir, StringComparison.Ordinal) && k.IndexOf('/', dir.Length) > 0)
                .Select(k => k.Substring(dir.Length, k.IndexOf('/', dir.Length) - dir.Length)).Distinct()
                .Select(n => new DirectoryEntry(n, true));
            return files.Concat(directories).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
    }
}
