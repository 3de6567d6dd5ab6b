using System.Collections.Generic;
using System.IO;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>Read-only access to files. The engine never writes.</summary>
    public interface IFileSystem
    {
        bool FileExists(string path);
        bool DirectoryExists(string path);

        /// <summary>The file's length in bytes, or -1 when it does not exist.</summary>
        long GetFileLength(string path);

        /// <summary>Reads a whole file; throws the usual IO exceptions (missing, denied).</summary>
        byte[] ReadAllBytes(string path);

        /// <summary>The files and directories directly inside a directory, by name (not path), in one listing.</summary>
        IEnumerable<DirectoryEntry> EnumerateEntries(string directory);
    }

    /// <summary>One name in a directory listing.</summary>
    public readonly struct DirectoryEntry
    {
        public DirectoryEntry(string name, bool isDirectory)
        {
            Name = name;
            IsDirectory = isDirectory;
        }

        public string Name { get; }
        public bool IsDirectory { get; }
    }

    public sealed class PhysicalFileSystem : IFileSystem
    {
        public static readonly PhysicalFileSystem Instance = new PhysicalFileSystem();

        private PhysicalFileSystem() { }

        public bool FileExists(string path) => File.Exists(path);
        public bool DirectoryExists(string path) => Directory.Exists(path);

        public long GetFileLength(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : -1;
        }

        public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

        public IEnumerable<DirectoryEntry> EnumerateEntries(string directory)
        {
#if NET
            // One directory read: names and kinds come from the listing itself, with no stat call per entry, and no
            // existence check first: the enumerable opens the directory when it is created and throws then if it is missing.
            try
            {
                return new System.IO.Enumeration.FileSystemEnumerable<DirectoryEntry>(
                    directory,
                    (ref System.IO.Enumeration.FileSystemEntry entry) => new DirectoryEntry(entry.FileName.ToString(), entry.IsDirectory),
                    new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 });
            }
            catch (IOException) when (!Directory.Exists(directory))
            {
                // Missing, or not a directory: nothing inside.
                return System.Array.Empty<DirectoryEntry>();
            }
#else
            return EnumerateByKind(directory);
#endif
        }

#if !NET
        private static IEnumerable<DirectoryEntry> EnumerateByKind(string directory)
        {
            if (!Directory.Exists(directory)) yield break;
            // Two name-only listings: FileSystemInfo objects would cost a stat call per entry.
            foreach (var d in Directory.EnumerateDirectories(directory)) yield return new DirectoryEntry(Path.GetFileName(d), true);
            foreach (var f in Directory.EnumerateFiles(directory)) yield return new DirectoryEntry(Path.GetFileName(f), false);
        }
#endif
    }
}
