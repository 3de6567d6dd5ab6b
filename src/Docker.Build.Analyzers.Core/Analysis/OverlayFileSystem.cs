using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// Files whose text a host already holds in memory (an editor's unsaved buffer, Roslyn's additional texts), over
    /// another file system for everything else. A held file always wins over the disk: the engine sees what the user
    /// is typing, at the positions the editor shows. Listings come from the underlying file system (a file that only
    /// exists in an editor buffer is still found by its path, not by a directory walk).
    /// </summary>
    public sealed class OverlayFileSystem : IFileSystem
    {
        private static readonly UTF8Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        private readonly Dictionary<string, byte[]> _held;
        private readonly HashSet<string> _heldDirectories;
        private readonly IFileSystem _underlying;

        /// <param name="texts">Full path to text. The texts are stored as UTF-8, the encoding Docker reads.</param>
        /// <param name="underlying">Answers for every path not held; <see cref="PhysicalFileSystem.Instance"/> for the disk.</param>
        public OverlayFileSystem(IEnumerable<KeyValuePair<string, string>> texts, IFileSystem underlying)
        {
            if (texts == null) throw new ArgumentNullException(nameof(texts));
            _underlying = underlying ?? throw new ArgumentNullException(nameof(underlying));
            _held = new Dictionary<string, byte[]>(DockerAnalyzer.PathComparer);
            _heldDirectories = new HashSet<string>(DockerAnalyzer.PathComparer);
            foreach (var pair in texts)
            {
                if (string.IsNullOrEmpty(pair.Key) || pair.Value == null) continue;
                string path = Normalize(pair.Key);
                // The first text of a path wins, as the first item of a path wins in the build.
                if (_held.ContainsKey(path)) continue;
                _held[path] = Utf8WithoutBom.GetBytes(pair.Value);
                string? directory = SafeDirectoryName(path);
                while (!string.IsNullOrEmpty(directory) && _heldDirectories.Add(directory!)) directory = SafeDirectoryName(directory!);
            }
        }

        /// <summary>How many texts the overlay holds.</summary>
        public int HeldCount => _held.Count;

        /// <summary>Is this path served from memory?</summary>
        public bool Holds(string path) => path != null && _held.ContainsKey(Normalize(path));

        public bool FileExists(string path) => Holds(path) || _underlying.FileExists(path);

        public bool DirectoryExists(string path) =>
            (path != null && _heldDirectories.Contains(Normalize(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)))
            || _underlying.DirectoryExists(path!);

        public long GetFileLength(string path) =>
            path != null && _held.TryGetValue(Normalize(path), out var bytes) ? bytes.Length : _underlying.GetFileLength(path!);

        public byte[] ReadAllBytes(string path)
        {
            if (path != null && _held.TryGetValue(Normalize(path), out var bytes))
            {
                // A copy: the caller may not change what the next reader sees.
                var copy = new byte[bytes.Length];
                Buffer.BlockCopy(bytes, 0, copy, 0, bytes.Length);
                return copy;
            }
            return _underlying.ReadAllBytes(path!);
        }

        public IEnumerable<DirectoryEntry> EnumerateEntries(string directory) => _underlying.EnumerateEntries(directory);

        private static string Normalize(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return path;
            }
        }

        private static string? SafeDirectoryName(string path)
        {
            try { return Path.GetDirectoryName(path); }
            catch (Exception ex) when (ex is ArgumentException || ex is PathTooLongException) { return null; }
        }
    }
}
