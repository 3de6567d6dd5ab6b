using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>Decides which directory and which .dockerignore make up a Dockerfile's build context.</summary>
    internal static class BuildContextResolver
    {
        /// <summary>How far up an implicit context may be moved (Visual Studio puts it one level up, at the solution).</summary>
        private const int MaxAncestorLevels = 3;

        public static BuildContext Resolve(Workspace workspace, DockerfileDocument document)
        {
            var fileSystem = workspace.FileSystem;
            string directory = document.ContextDirectory;
            bool inferred = false;
            if (!document.ContextIsExplicit)
            {
                var ancestor = InferAncestorContext(fileSystem, document);
                if (ancestor != null)
                {
                    directory = ancestor;
                    inferred = true;
                }
            }
            var ignorePath = BuildContext.FindIgnoreFile(fileSystem, document.Path, directory);
            return new BuildContext(fileSystem, directory, BuildContext.LoadIgnoreFile(fileSystem, ignorePath), inferred);
        }

        /// <summary>
        /// When the project named no context, the project directory is assumed. A Dockerfile written for a parent
        /// directory (Visual Studio's <c>COPY ["Api/Api.csproj", "Api/"]</c> with the solution as context) shows it:
        /// none of its plain sources exists in the project directory, and most of them exist in one parent (the closest
        /// such parent wins; the ones still missing there are real mistakes). Then that
        /// parent is the context the Dockerfile is built with, and reporting every source as missing would be wrong.
        /// </summary>
        private static string? InferAncestorContext(IFileSystem fileSystem, DockerfileDocument document)
        {
            var sources = new List<string>();
            foreach (var instruction in document.Syntax.Instructions)
            {
                if (!(instruction is CopyInstruction copy) || !CopySources.ReadsBuildContext(copy)) continue;
                foreach (var source in CopySources.Resolve(document.Model, copy))
                    if (source.Kind == CopySourceKind.ContextPath && !source.IsGlob && source.ContextPath!.Length > 0)
                        sources.Add(source.ContextPath);
            }
            if (sources.Count == 0) return null;
            try
            {
                string directory = document.ContextDirectory;
                if (AnyExists(fileSystem, directory, sources)) return null;
                for (int level = 1; level <= MaxAncestorLevels; level++)
                {
                    directory = Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))!;
                    if (string.IsNullOrEmpty(directory)) return null;
                    if (2 * CountExisting(fileSystem, directory, sources) > sources.Count) return directory;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
            }
            return null;
        }

        private static bool Exists(IFileSystem fileSystem, string directory, string contextPath)
        {
            string full = Path.Combine(directory, contextPath.Replace('/', Path.DirectorySeparatorChar));
            return fileSystem.FileExists(full) || fileSystem.DirectoryExists(full);
        }

        private static bool AnyExists(IFileSystem fileSystem, string directory, List<string> paths)
        {
            foreach (var p in paths)
                if (Exists(fileSystem, directory, p)) return true;
            return false;
        }

        private static int CountExisting(IFileSystem fileSystem, string directory, List<string> paths)
        {
            int count = 0;
            foreach (var p in paths)
                if (Exists(fileSystem, directory, p)) count++;
            return count;
        }
    }
}
