using System;
using System.Collections.Generic;
using System.IO;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// What a Docker asset is for. Rules about production images (root user, health check, digest pinning, layer
    /// order, cache hygiene...) are at most suggestions on development and test assets; rules about broken builds,
    /// leaked secrets and invalid syntax keep their severity everywhere.
    /// </summary>
    public enum AssetPurpose
    {
        /// <summary>Builds or runs an image that ships (the default).</summary>
        Production = 0,

        /// <summary>Exists for the inner loop: <c>Dockerfile.develop</c>, <c>.devcontainer/</c>, compose override files.</summary>
        Development,

        /// <summary>Builds an image for tests: Dockerfiles under <c>test/</c>, <c>tests/</c>, <c>testassets/</c>.</summary>
        Test,
    }

    /// <summary>Infers an asset's purpose from its name and location, or reads it from the user's metadata.</summary>
    public static class AssetPurposes
    {
        private static readonly string[] DevelopmentSuffixes = { "develop", "development", "dev", "debug", "local" };
        private static readonly string[] TestFolders = { "test", "tests", "testassets", "testing" };

        /// <summary>Parses <c>Production</c>, <c>Development</c> (<c>Dev</c>) or <c>Test</c>, any case; null for anything else.</summary>
        public static AssetPurpose? Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            switch (value!.Trim().ToLowerInvariant())
            {
                case "production": case "prod": case "release": return AssetPurpose.Production;
                case "development": case "develop": case "dev": case "debug": return AssetPurpose.Development;
                case "test": case "tests": case "testing": return AssetPurpose.Test;
                default: return null;
            }
        }

        /// <summary>
        /// The purpose a file's name and location say: <c>Dockerfile.develop|dev|debug|local</c>,
        /// <c>*.dev.Dockerfile</c>, <c>Dockerfile</c>s under <c>.devcontainer/</c>, compose override and development
        /// files (<c>docker-compose.override.yml</c>, <c>compose.dev.yaml</c>, <c>docker-compose.vs.debug.yml</c>) are
        /// development assets; files under a <c>test/</c>, <c>tests/</c> or <c>testassets/</c> folder (below
        /// <paramref name="rootDirectory"/>, when given) are test assets.
        /// </summary>
        public static AssetPurpose Infer(string path, AssetKind kind, string? rootDirectory = null)
        {
            if (string.IsNullOrEmpty(path)) return AssetPurpose.Production;
            string name = Path.GetFileName(path);
            if (IsDevelopmentName(name, kind)) return AssetPurpose.Development;
            if (kind == AssetKind.Compose && IsTestComposeName(name)) return AssetPurpose.Test;

            // Folders between the root (repository or solution) and the file: never judge the folders above the
            // repository, where a checkout may live in "/home/me/tests/".
            string relative = path;
            if (!string.IsNullOrEmpty(rootDirectory) && IsUnder(path, rootDirectory!))
                relative = path.Substring(rootDirectory!.TrimEnd('/', '\\').Length);
            var folders = relative.Replace('\\', '/').Split('/');
            bool test = false;
            for (int i = 0; i < folders.Length - 1; i++)
            {
                string folder = folders[i];
                if (folder.Equals(".devcontainer", StringComparison.OrdinalIgnoreCase)) return AssetPurpose.Development;
                if (rootDirectory != null && (Array.IndexOf(TestFolders, folder.ToLowerInvariant()) >= 0 || IsTestProjectFolder(folder))) test = true;
            }
            return test ? AssetPurpose.Test : AssetPurpose.Production;
        }

        private static readonly string[] TestProjectSuffixes = { ".tests", ".test", ".unittests", ".integrationtests", ".functionaltests", ".e2etests", ".acceptancetests" };

        /// <summary>The .NET naming convention for test projects: <c>Shop.Api.Tests</c>, <c>Shop.IntegrationTests</c>.</summary>
        private static bool IsTestProjectFolder(string folder)
        {
            string lower = folder.ToLowerInvariant();
            foreach (var suffix in TestProjectSuffixes)
                if (lower.EndsWith(suffix, StringComparison.Ordinal) && lower.Length > suffix.Length) return true;
            return false;
        }

        /// <summary><c>docker-compose-tests.yml</c>, <c>compose.test.yaml</c>, <c>docker-compose.e2e.yml</c>: stacks for test runs.</summary>
        public static bool IsTestComposeName(string name)
        {
            foreach (var part in Path.GetFileNameWithoutExtension(name.ToLowerInvariant()).Split('.', '-', '_'))
                if (part == "test" || part == "tests" || part == "testing" || part == "e2e" || part == "integration") return true;
            return false;
        }

        /// <summary>The name alone marks a development file.</summary>
        public static bool IsDevelopmentName(string name, AssetKind kind)
        {
            string lower = name.ToLowerInvariant();
            if (kind == AssetKind.Compose)
            {
                // compose.override.yml, docker-compose.dev.yml, docker-compose.vs.debug.yml, compose.local.yaml ...
                string stem = Path.GetFileNameWithoutExtension(lower);
                foreach (var part in stem.Split('.', '-', '_'))
                {
                    if (part == "override" || part == "vs") return true;
                    foreach (var suffix in DevelopmentSuffixes)
                        if (part == suffix) return true;
                }
                return false;
            }
            if (kind == AssetKind.Dockerfile || kind == AssetKind.Unknown)
            {
                // Dockerfile.develop, Dockerfile.dev, Dockerfile.debug, Dockerfile.local; api.dev.Dockerfile, dev.Dockerfile
                if (lower.StartsWith("dockerfile.", StringComparison.Ordinal))
                    return ContainsPart(lower.Substring("dockerfile.".Length));
                if (lower.EndsWith(".dockerfile", StringComparison.Ordinal))
                    return ContainsPart(lower.Substring(0, lower.Length - ".dockerfile".Length));
            }
            return false;
        }

        private static bool ContainsPart(string text)
        {
            foreach (var part in text.Split('.', '-', '_'))
                foreach (var suffix in DevelopmentSuffixes)
                    if (part == suffix) return true;
            return false;
        }

        private static bool IsUnder(string path, string directory)
        {
            string dir = directory.TrimEnd('/', '\\');
            return path.Length > dir.Length && path.StartsWith(dir, StringComparison.OrdinalIgnoreCase) && (path[dir.Length] == '/' || path[dir.Length] == '\\');
        }

        /// <summary>
        /// Does a path match one of the user's patterns (<c>DockerAnalyzersDevelopmentAssets</c>)? A pattern without
        /// '/' matches the file name; one with '/' matches the path relative to <paramref name="baseDirectory"/>.
        /// <c>*</c> and <c>?</c> stay within a folder, <c>**</c> crosses folders; case-insensitive.
        /// </summary>
        public static bool MatchesAny(string path, IReadOnlyList<string> patterns, string baseDirectory)
        {
            if (patterns == null || patterns.Count == 0) return false;
            string normalized = path.Replace('\\', '/');
            string name = Path.GetFileName(path);
            string root = (baseDirectory ?? "").Replace('\\', '/').TrimEnd('/');
            string relative = root.Length > 0 && normalized.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)
                ? normalized.Substring(root.Length + 1)
                : normalized;
            foreach (var raw in patterns)
            {
                string pattern = (raw ?? "").Trim().Replace('\\', '/');
                if (pattern.StartsWith("./", StringComparison.Ordinal)) pattern = pattern.Substring(2);
                if (pattern.Length == 0) continue;
                string subject = pattern.IndexOf('/') >= 0 ? relative : name;
                if (GlobMatch(pattern.ToLowerInvariant(), subject.ToLowerInvariant())) return true;
            }
            return false;
        }

        /// <summary>Glob match by dynamic programming over (pattern, text) positions: linear in their product, no backtracking.</summary>
        internal static bool GlobMatch(string pattern, string text)
        {
            int p = pattern.Length, t = text.Length;
            // reach[j]: the pattern prefix seen so far matches text[0..j).
            var reach = new bool[t + 1];
            var next = new bool[t + 1];
            reach[0] = true;
            for (int i = 0; i < p; i++)
            {
                Array.Clear(next, 0, next.Length);
                char c = pattern[i];
                if (c == '*')
                {
                    bool deep = i + 1 < p && pattern[i + 1] == '*';
                    if (deep)
                    {
                        i++;
                        // "**/" also matches no folder at all.
                        bool slash = i + 1 < p && pattern[i + 1] == '/';
                        bool any = false;
                        for (int j = 0; j <= t; j++)
                        {
                            if (reach[j]) any = true;
                            if (any) next[j] = true;
                        }
                        if (slash)
                        {
                            i++;
                            // After "**/" the text must be at a folder start: position 0 or just after a '/'.
                            for (int j = 0; j <= t; j++)
                                next[j] = next[j] && (j == 0 || text[j - 1] == '/') || (reach[j] && j == 0);
                        }
                    }
                    else
                    {
                        bool run = false;
                        for (int j = 0; j <= t; j++)
                        {
                            if (reach[j]) run = true;
                            next[j] = run;
                            if (j < t && text[j] == '/') run = false;
                        }
                    }
                }
                else
                {
                    for (int j = 0; j < t; j++)
                        if (reach[j] && (c == '?' ? text[j] != '/' : text[j] == c)) next[j + 1] = true;
                }
                var swap = reach; reach = next; next = swap;
            }
            return reach[t];
        }
    }
}
