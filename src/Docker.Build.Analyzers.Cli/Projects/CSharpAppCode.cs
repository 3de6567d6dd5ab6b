using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.CodeFacts;

namespace Docker.Build.Analyzers.Cli.Projects
{
    /// <summary>
    /// Reads a project's C# files with the reader the package's analyzer uses in the compiler
    /// (<see cref="AppCodeFactsReader"/>): the same text pre-filter, then a syntax walk of the files that pass it. Files
    /// that cannot be read, or are larger than a source file plausibly is, are left out, as the facts of a file the
    /// compiler could not read would be.
    /// </summary>
    internal sealed class CSharpAppCode : IAppCodeFactsSource
    {
        /// <summary>Generated or data files beyond this size are not hand-written startup code.</summary>
        private const long MaxFileBytes = 4 * 1024 * 1024;

        public AppCodeFacts? Read(string projectPath, IReadOnlyList<string> compileItems)
        {
            var texts = new List<KeyValuePair<string, string>>();
            foreach (string path in compileItems)
            {
                if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) continue;
                try
                {
                    var info = new FileInfo(path);
                    if (!info.Exists || info.Length > MaxFileBytes) continue;
                    texts.Add(new KeyValuePair<string, string>(path, File.ReadAllText(path)));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    // The compiler could not read it either (and says so itself).
                }
            }
            return ReadTexts(texts);
        }

        // Separate method: Roslyn's types are touched (and its assemblies loaded) only here.
        private static AppCodeFacts ReadTexts(List<KeyValuePair<string, string>> texts) =>
            AppCodeFactsReader.ReadTexts(texts, options: null, CancellationToken.None);
    }
}
