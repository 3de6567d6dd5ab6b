using System;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>An image reference <c>[registry/]path[:tag][@digest]</c>, split into its parts.</summary>
    public sealed class ImageReference
    {
        private ImageReference(string raw, string? registry, string path, string? tag, int tagStart, string? digest)
        {
            Raw = raw;
            Registry = registry;
            Path = path;
            Tag = tag;
            TagStart = tagStart;
            Digest = digest;
        }

        public string Raw { get; }

        /// <summary>The registry host, or null for Docker Hub.</summary>
        public string? Registry { get; }

        /// <summary>The repository path without registry, Docker Hub's <c>library/</c> removed: <c>node</c>, <c>dotnet/aspnet</c>.</summary>
        public string Path { get; }

        public string? Tag { get; }

        /// <summary>Index of the tag in <see cref="Raw"/>, or -1.</summary>
        public int TagStart { get; }

        public string? Digest { get; }

        /// <summary>Registry and path: <c>mcr.microsoft.com/dotnet/aspnet</c>, <c>node</c>.</summary>
        public string Repository => Registry == null ? Path : Registry + "/" + Path;

        /// <summary>The last path segment: <c>aspnet</c>, <c>node</c>.</summary>
        public string Name
        {
            get
            {
                int slash = Path.LastIndexOf('/');
                return slash < 0 ? Path : Path.Substring(slash + 1);
            }
        }

        public bool IsScratch => Registry == null && Path.Equals("scratch", StringComparison.OrdinalIgnoreCase) && Tag == null && Digest == null;

        public static ImageReference? Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            string raw = value!.Trim();
            string rest = raw;
            string? digest = null;
            int at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
            }
            string? tag = null;
            int tagStart = -1;
            int lastSlash = rest.LastIndexOf('/');
            int colon = rest.LastIndexOf(':');
            if (colon > lastSlash)
            {
                tag = rest.Substring(colon + 1);
                tagStart = colon + 1;
                rest = rest.Substring(0, colon);
            }
            string? registry = null;
            int firstSlash = rest.IndexOf('/');
            if (firstSlash > 0)
            {
                string first = rest.Substring(0, firstSlash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                {
                    registry = first;
                    rest = rest.Substring(firstSlash + 1);
                }
            }
            if (registry != null && (registry.Equals("docker.io", StringComparison.OrdinalIgnoreCase) || registry.Equals("index.docker.io", StringComparison.OrdinalIgnoreCase)))
                registry = null;
            if (registry == null && rest.StartsWith("library/", StringComparison.OrdinalIgnoreCase))
                rest = rest.Substring("library/".Length);
            if (tag != null && tag.Length == 0) { tag = null; tagStart = -1; }
            return new ImageReference(raw, registry, rest, tag, tagStart, digest);
        }

        public bool IsRepository(string repository) =>
            string.Equals(Repository, repository, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Raw;
    }
}
