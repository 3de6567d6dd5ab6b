using System;
using System.IO;

namespace Docker.Build.Analyzers.Analysis
{
    public enum AssetKind
    {
        Unknown = 0,
        Dockerfile,
        DockerIgnore,
        Compose,
    }

    /// <summary>Tells what a Docker asset is from its file name, the way Docker and compose name them.</summary>
    public static class AssetKinds
    {
        /// <summary><c>Dockerfile</c>, <c>Dockerfile.*</c> and <c>*.Dockerfile</c> (any case).</summary>
        public static bool IsDockerfileName(string fileName)
        {
            if (string.IsNullOrEmpty(fileName)) return false;
            return fileName.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
                || (fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) && fileName.Length > "Dockerfile.".Length)
                || (fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) && fileName.Length > ".Dockerfile".Length);
        }

        /// <summary><c>.dockerignore</c> and <c>*.dockerignore</c> (Docker's per-Dockerfile ignore files, <c>Dockerfile.dockerignore</c>).</summary>
        public static bool IsDockerIgnoreName(string fileName) =>
            !string.IsNullOrEmpty(fileName) && fileName.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>compose*.yml</c>/<c>.yaml</c> and <c>docker-compose*.yml</c>/<c>.yaml</c>.</summary>
        public static bool IsComposeName(string fileName)
        {
            if (string.IsNullOrEmpty(fileName)) return false;
            string ext = Path.GetExtension(fileName);
            if (!ext.Equals(".yml", StringComparison.OrdinalIgnoreCase) && !ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase)) return false;
            return fileName.StartsWith("compose", StringComparison.OrdinalIgnoreCase)
                || fileName.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Editor and merge leftovers that are not assets even when their names start like one:
        /// <c>Dockerfile.original</c> (Visual Studio keeps it when it rewrites a Dockerfile), <c>*.orig</c>, <c>*.bak</c>,
        /// <c>*~</c>, <c>*.swp</c>, <c>*.tmp</c>.
        /// </summary>
        public static bool IsBackupName(string fileName)
        {
            if (string.IsNullOrEmpty(fileName)) return false;
            if (fileName.EndsWith("~", StringComparison.Ordinal)) return true;
            foreach (var suffix in BackupSuffixes)
                if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static readonly string[] BackupSuffixes = { ".original", ".orig", ".bak", ".swp", ".swo", ".tmp", ".old", ".rej" };

        /// <summary>The kind from explicit metadata (<c>Dockerfile</c>, <c>DockerIgnore</c>, <c>Compose</c>) or, failing that, from the name.</summary>
        public static AssetKind Infer(string path, string? kindMetadata = null)
        {
            if (!string.IsNullOrWhiteSpace(kindMetadata))
            {
                switch (kindMetadata!.Trim().ToLowerInvariant())
                {
                    case "dockerfile": return AssetKind.Dockerfile;
                    case "dockerignore": case ".dockerignore": return AssetKind.DockerIgnore;
                    case "compose": case "dockercompose": case "docker-compose": return AssetKind.Compose;
                }
            }
            string name = Path.GetFileName(path ?? "");
            // .dockerignore first: "Dockerfile.dockerignore" is an ignore file, not a Dockerfile.
            if (IsDockerIgnoreName(name)) return AssetKind.DockerIgnore;
            if (IsDockerfileName(name)) return AssetKind.Dockerfile;
            if (IsComposeName(name)) return AssetKind.Compose;
            return AssetKind.Unknown;
        }
    }
}
