using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// The configuration of the files one analysis reports on. Reads each configuration file at most once (per folder),
    /// builds one set per folder of analysed files, and answers per file; lives as long as one analysis.
    /// </summary>
    internal sealed class ConfigurationResolver
    {
        /// <summary>Larger configuration files are not read: nothing legitimate comes close.</summary>
        internal const long MaxFileLength = 1024 * 1024;

        private readonly ConfigurationSources _sources;
        private readonly IFileSystem _fileSystem;
        private readonly ConfigurationSet _baseSet;
        private readonly HashSet<string> _knownPaths = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, AnalyzerConfigFile?> _editorConfigByDirectory = new Dictionary<string, AnalyzerConfigFile?>(StringComparer.Ordinal);
        private readonly Dictionary<string, AnalyzerConfigFile> _rootsByPath = new Dictionary<string, AnalyzerConfigFile>(StringComparer.Ordinal);
        private readonly Dictionary<string, ConfigurationSet> _setByDirectory = new Dictionary<string, ConfigurationSet>(StringComparer.Ordinal);
        private readonly Dictionary<string, PathConfiguration> _byPath = new Dictionary<string, PathConfiguration>(StringComparer.Ordinal);

        public ConfigurationResolver(AnalysisRequest request)
        {
            _sources = request.Configuration;
            _fileSystem = request.FileSystem;
            if (_sources.IsEmpty)
            {
                _baseSet = ConfigurationSet.Empty;
                return;
            }

            var files = new List<AnalyzerConfigFile>();
            foreach (var document in _sources.Documents)
            {
                if (document == null || !_knownPaths.Add(Key(document.Path))) continue;
                Add(files, AnalyzerConfigFile.Parse(document.Text, document.Path));
            }
            foreach (var path in _sources.FilePaths)
            {
                if (string.IsNullOrWhiteSpace(path) || _knownPaths.Contains(Key(path))) continue;
                var file = TryRead(path);
                if (file == null) continue;
                _knownPaths.Add(Key(path));
                Add(files, file);
            }
            if (_sources.DiscoverGlobalConfigFiles)
            {
                for (string? directory = request.ProjectDirectory; !string.IsNullOrEmpty(directory); directory = Parent(directory!))
                {
                    string path = Path.Combine(directory, AnalyzerConfigFile.GlobalConfigFileName);
                    if (_knownPaths.Contains(Key(path))) continue;
                    var file = TryRead(path);
                    if (file == null) continue;
                    _knownPaths.Add(Key(path));
                    files.Add(file);
                }
            }
            _baseSet = ConfigurationSet.Create(files);
        }

        /// <summary>The configuration of one file the analysis reports on.</summary>
        public PathConfiguration For(string filePath)
        {
            if (_sources.IsEmpty || string.IsNullOrEmpty(filePath)) return PathConfiguration.Empty;
            if (_byPath.TryGetValue(filePath, out var known)) return known;
            string directory = Path.GetDirectoryName(filePath) ?? "";
            if (!_setByDirectory.TryGetValue(directory, out var set))
            {
                set = _sources.DiscoverEditorConfigFiles ? _baseSet.WithEditorConfigs(Discover(directory)) : _baseSet;
                _setByDirectory[directory] = set;
            }
            var configuration = set.GetConfiguration(filePath);
            _byPath[filePath] = configuration;
            return configuration;
        }

        /// <summary>The .editorconfig files from a folder upwards (nearest first), up to and including the first root.</summary>
        private List<AnalyzerConfigFile> Discover(string directory)
        {
            var found = new List<AnalyzerConfigFile>();
            for (string? current = directory; !string.IsNullOrEmpty(current); current = Parent(current!))
            {
                string path = Path.Combine(current, AnalyzerConfigFile.EditorConfigFileName);
                if (_knownPaths.Contains(Key(path)))
                {
                    // Given by the host already (it is in the base set); only its root flag matters here.
                    if (_rootsByPath.ContainsKey(Key(path))) break;
                    continue;
                }
                if (!_editorConfigByDirectory.TryGetValue(current!, out var file))
                {
                    file = TryRead(path);
                    if (file != null && file.IsGlobal) file = null; // a global config named .editorconfig is not a folder config
                    _editorConfigByDirectory[current!] = file;
                }
                if (file == null) continue;
                found.Add(file);
                if (file.IsRoot) break;
            }
            return found;
        }

        private void Add(List<AnalyzerConfigFile> files, AnalyzerConfigFile file)
        {
            files.Add(file);
            if (!file.IsGlobal && file.IsRoot) _rootsByPath[Key(file.Path)] = file;
        }

        private AnalyzerConfigFile? TryRead(string path)
        {
            try
            {
                long length = _fileSystem.GetFileLength(path);
                if (length < 0 || length > MaxFileLength) return null;
                byte[] bytes = _fileSystem.ReadAllBytes(path);
                return AnalyzerConfigFile.Parse(Decode(bytes), path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }

        private static string Decode(byte[] bytes)
        {
            int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
        }

        private static string? Parent(string directory)
        {
            try
            {
                return Path.GetDirectoryName(directory);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static string Key(string path) => ConfigPaths.Normalize(path);
    }
}
