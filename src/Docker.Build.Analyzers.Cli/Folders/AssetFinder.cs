using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Cli.Folders
{
    /// <summary>A Docker asset found in a folder.</summary>
    internal readonly struct FoundAsset
    {
        public FoundAsset(string path, AssetKind kind)
        {
            Path = path;
            Kind = kind;
        }

        public string Path { get; }
        public AssetKind Kind { get; }
    }

    /// <summary>
    /// Finds every Dockerfile, .dockerignore and compose file below a folder, the way a repository holds them:
    /// never inside <c>.git</c>, <c>bin</c>, <c>obj</c> or <c>node_modules</c>, nor in what the <c>.gitignore</c>
    /// files (of the folder, its subfolders, and its parents up to the repository root) exclude. Each folder is
    /// listed once; an excluded folder is not entered (as in git, nothing below it can be re-included), and
    /// symbolic links to folders are not followed, so a link cycle cannot make the walk endless.
    /// </summary>
    internal static class AssetFinder
    {
        private static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules" };

        public static List<FoundAsset> Find(string root)
        {
            var found = new List<FoundAsset>();
            var rules = InheritedRules(root);
            Walk(root, rules, found);
            found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return found;
        }

        /// <summary>A .gitignore that applies below its folder; <see cref="Prefix"/> is the walk root's path relative to that folder.</summary>
        private sealed class Scope
        {
            public Scope(GitIgnoreFile file, string prefix)
            {
                File = file;
                Prefix = prefix;
            }

            public GitIgnoreFile File { get; }
            public string Prefix { get; }
        }

        /// <summary>The .gitignore files of the folders above the walk root, up to the repository root (nearest last).</summary>
        private static List<Scope> InheritedRules(string root)
        {
            var scopes = new List<Scope>();
            string? repository = RepositoryLayout.FindRepositoryRoot(PhysicalFileSystem.Instance, root);
            if (repository == null || string.Equals(Path.GetFullPath(repository).TrimEnd('/', '\\'), root.TrimEnd('/', '\\'), StringComparison.Ordinal)) return scopes;
            string prefix = "";
            string current = root;
            while (true)
            {
                string? parent = Path.GetDirectoryName(current.TrimEnd('/', '\\'));
                if (string.IsNullOrEmpty(parent)) break;
                prefix = Path.GetFileName(current.TrimEnd('/', '\\')) + "/" + prefix;
                var file = ReadGitIgnore(Path.Combine(parent!, ".gitignore"));
                if (file != null) scopes.Insert(0, new Scope(file, prefix));
                current = parent!;
                if (string.Equals(current.TrimEnd('/', '\\'), repository.TrimEnd('/', '\\'), StringComparison.Ordinal)) break;
            }
            return scopes;
        }

        private static void Walk(string directory, List<Scope> scopes, List<FoundAsset> found)
        {
            var entries = List(directory);
            foreach (var entry in entries)
            {
                if (!entry.IsDirectory && entry.Name == ".gitignore")
                {
                    var file = ReadGitIgnore(Path.Combine(directory, entry.Name));
                    if (file != null)
                    {
                        scopes = new List<Scope>(scopes) { new Scope(file, "") };
                        // Prefixes of the scopes are relative to the folder being walked from here on.
                        break;
                    }
                }
            }

            foreach (var entry in entries)
            {
                if (entry.IsDirectory)
                {
                    if (SkippedFolders.Contains(entry.Name) || entry.IsLink) continue;
                    if (IsIgnored(scopes, entry.Name, true)) continue;
                    Walk(Path.Combine(directory, entry.Name), Descend(scopes, entry.Name), found);
                }
                else
                {
                    var kind = AssetKinds.Infer(entry.Name);
                    if (kind == AssetKind.Unknown || AssetKinds.IsBackupName(entry.Name)) continue;
                    if (IsIgnored(scopes, entry.Name, false)) continue;
                    found.Add(new FoundAsset(Path.Combine(directory, entry.Name), kind));
                }
            }
        }

        /// <summary>The nearest .gitignore with a verdict decides (a subfolder's file overrides its parents').</summary>
        private static bool IsIgnored(List<Scope> scopes, string name, bool isDirectory)
        {
            for (int i = scopes.Count - 1; i >= 0; i--)
            {
                var verdict = scopes[i].File.Decide(scopes[i].Prefix + name, isDirectory);
                if (verdict.HasValue) return verdict.Value;
            }
            return false;
        }

        /// <summary>Entering a subfolder: every scope sees one more segment before the names.</summary>
        private static List<Scope> Descend(List<Scope> scopes, string folder)
        {
            var next = new List<Scope>(scopes.Count);
            foreach (var scope in scopes) next.Add(new Scope(scope.File, scope.Prefix + folder + "/"));
            return next;
        }

        private static GitIgnoreFile? ReadGitIgnore(string path)
        {
            try
            {
                if (!File.Exists(path)) return null;
                var file = GitIgnoreFile.Parse(File.ReadAllText(path));
                return file.IsEmpty ? null : file;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private readonly struct Entry
        {
            public Entry(string name, bool isDirectory, bool isLink)
            {
                Name = name;
                IsDirectory = isDirectory;
                IsLink = isLink;
            }

            public string Name { get; }
            public bool IsDirectory { get; }
            public bool IsLink { get; }
        }

        private static List<Entry> List(string directory)
        {
            try
            {
                var enumerable = new FileSystemEnumerable<Entry>(
                    directory,
                    (ref FileSystemEntry e) => new Entry(e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                    new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 });
                var list = new List<Entry>(enumerable);
                list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                return list;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new List<Entry>();
            }
        }
    }
}
