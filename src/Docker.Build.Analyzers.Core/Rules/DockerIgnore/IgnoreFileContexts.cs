using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DockerIgnore;

namespace Docker.Build.Analyzers.Rules.DockerIgnore
{
    /// <summary>The build contexts an ignore file applies to, and facts about their files that several DKR4xx rules share.</summary>
    internal static class IgnoreFileContexts
    {
        /// <summary>
        /// The contexts of the workspace's Dockerfiles built with this ignore file (one per directory); when none is,
        /// a <c>.dockerignore</c> still applies to its own directory. A per-Dockerfile ignore file no Dockerfile of the
        /// workspace uses has no known context: nothing is returned and the rules stay silent.
        /// </summary>
        public static List<BuildContext> Of(Workspace workspace, DockerIgnoreDocument ignore)
        {
            var contexts = new List<BuildContext>();
            foreach (var dockerfile in workspace.DockerfilesUsing(ignore))
            {
                var context = workspace.GetBuildContext(dockerfile);
                if (!context.Exists || Contains(contexts, context.Directory)) continue;
                contexts.Add(context);
            }
            if (contexts.Count == 0 && !ignore.IsDockerfileSpecific)
            {
                var own = workspace.GetOwnContext(ignore);
                if (own.Exists) contexts.Add(own);
            }
            return contexts;
        }

        private static bool Contains(List<BuildContext> contexts, string directory)
        {
            foreach (var c in contexts)
                if (DockerAnalyzer.PathComparer.Equals(c.Directory, directory)) return true;
            return false;
        }

        /// <summary>The ignore file's name as users see it (<c>.dockerignore</c>, <c>Dockerfile.dockerignore</c>).</summary>
        public static string FileName(string path) => System.IO.Path.GetFileName(path) is { Length: > 0 } name ? name : ".dockerignore";

        /// <summary>
        /// Is this visible context file a secret? By name (<see cref="SecretFiles"/>, plus local settings overrides),
        /// and for names that only may hold one (<c>*.pem</c>, <c>.npmrc</c>, <c>NuGet.Config</c>) by reading it; a
        /// file that cannot be read is not counted.
        /// </summary>
        public static bool IsSecret(BuildContext context, string path, out string what, out string ignorePattern)
        {
            var evidence = SecretFiles.Classify(path, out what, out ignorePattern);
            if (evidence == SecretFileEvidence.None) return IsLocalSettings(path, out what, out ignorePattern);
            if (evidence == SecretFileEvidence.Name) return true;
            var text = context.TryReadText(path);
            return text != null && SecretFiles.ContentHoldsSecret(path, text);
        }

        /// <summary>
        /// Could <see cref="IsSecret"/> say yes for this path? By name alone, no reading: walks ask .dockerignore about
        /// these files only.
        /// </summary>
        public static bool MayBeSecret(string path) =>
            SecretFiles.Classify(path, out _, out _) != SecretFileEvidence.None || IsLocalSettings(path, out _, out _);

        /// <summary><c>appsettings.Development.local.json</c>: a developer's own overrides, where connection strings and keys end up.</summary>
        private static bool IsLocalSettings(string path, out string what, out string ignorePattern)
        {
            string name = SlashPath.FileName(path);
            if (name.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".local.json", StringComparison.OrdinalIgnoreCase)
                && name.Length > "appsettings.".Length + ".local.json".Length)
            {
                what = "local settings overrides";
                ignorePattern = "**/appsettings.*.local.json";
                return true;
            }
            what = "";
            ignorePattern = "";
            return false;
        }

        /// <summary>A project file MSBuild builds: <c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>.</summary>
        public static bool IsProjectFile(string path) =>
            path.Length > 7 && (path[path.Length - 1] | 0x20) == 'j' // most files of a context end otherwise: no string compares for them
            && (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase));

        /// <summary>The plain (no wildcard) context sources of every COPY/ADD of a Dockerfile that reads the context.</summary>
        public static IEnumerable<(CopyInstruction Copy, CopySource Source)> ContextSources(DockerfileDocument document)
        {
            foreach (var instruction in document.Syntax.Instructions)
            {
                if (!(instruction is CopyInstruction copy) || !CopySources.ReadsBuildContext(copy)) continue;
                foreach (var source in CopySources.Resolve(document.Model, copy))
                    if (source.Kind == CopySourceKind.ContextPath) yield return (copy, source);
            }
        }

        /// <summary>Quotes and joins the first paths, then says how many more there are.</summary>
        public static string ListPaths(IReadOnlyList<string> paths, int shown = 3)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < paths.Count && i < shown; i++)
            {
                if (i > 0) sb.Append(i == paths.Count - 1 ? " and " : ", ");
                sb.Append('\'').Append(paths[i]).Append('\'');
            }
            if (paths.Count > shown) sb.Append(" and ").Append(paths.Count - shown).Append(" more");
            return sb.ToString();
        }
    }
}
