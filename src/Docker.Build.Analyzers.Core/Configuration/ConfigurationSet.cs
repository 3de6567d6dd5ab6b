using System;
using System.Collections.Generic;
using System.Linq;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// A set of .editorconfig files and global configs, combined as the .NET compiler combines them:
    /// <list type="bullet">
    /// <item>.editorconfig files apply to files below their folder, outermost first, so the nearest wins; a file with
    /// <c>root = true</c> discards everything from folders above it; within a file, a later section wins.</item>
    /// <item>global configs merge key by key: the higher <c>global_level</c> wins; the same key at the same level in two
    /// files is a conflict and the key is dropped. Their sections must be absolute paths.</item>
    /// <item>.editorconfig entries win over global config entries.</item>
    /// </list>
    /// Immutable once built; <see cref="GetConfiguration"/> can be called from many threads.
    /// </summary>
    public sealed class ConfigurationSet
    {
        private readonly IReadOnlyList<CompiledConfig> _editorConfigs;
        private readonly IReadOnlyList<(string Path, IReadOnlyDictionary<string, string> Properties)> _globalSections;
        private readonly Dictionary<string, ConfiguredSeverity> _globalSeverities;
        private readonly Dictionary<string, string> _globalOptions;

        public static readonly ConfigurationSet Empty = Create(Array.Empty<AnalyzerConfigFile>());

        private ConfigurationSet(IReadOnlyList<CompiledConfig> editorConfigs,
            IReadOnlyList<(string, IReadOnlyDictionary<string, string>)> globalSections,
            Dictionary<string, ConfiguredSeverity> globalSeverities,
            Dictionary<string, string> globalOptions,
            IReadOnlyList<string> conflicts)
        {
            _editorConfigs = editorConfigs;
            _globalSections = globalSections;
            _globalSeverities = globalSeverities;
            _globalOptions = globalOptions;
            GlobalConflicts = conflicts;
        }

        /// <summary>Keys set at the same level by two global configs (dropped), as "key (file, file)", for hosts that want to tell.</summary>
        public IReadOnlyList<string> GlobalConflicts { get; }

        public bool IsEmpty => _editorConfigs.Count == 0 && _globalSections.Count == 0 && _globalSeverities.Count == 0 && _globalOptions.Count == 0;

        public static ConfigurationSet Create(IEnumerable<AnalyzerConfigFile> files)
        {
            if (files == null) throw new ArgumentNullException(nameof(files));
            var editorConfigs = new List<CompiledConfig>();
            var globals = new List<AnalyzerConfigFile>();
            foreach (var file in files)
            {
                if (file == null) continue;
                if (file.IsGlobal) globals.Add(file);
                else editorConfigs.Add(new CompiledConfig(file));
            }
            // Outermost first; a stable sort keeps the given order for two files of one folder.
            var ordered = editorConfigs.Select((c, i) => (c, i)).OrderBy(x => x.c.File.NormalizedDirectory.Length).ThenBy(x => x.i).Select(x => x.c).ToList();

            var merged = new GlobalMerge();
            foreach (var global in globals)
            {
                merged.Merge("", global.Preamble.Properties, global.GlobalLevel, global.Path, isPreamble: true);
                foreach (var section in global.Sections)
                {
                    // Only absolute paths name files in a global config; other sections are ignored.
                    if (!IsAbsoluteSectionName(section.Name)) continue;
                    merged.Merge(section.Name, section.Properties, global.GlobalLevel, global.Path, isPreamble: false);
                }
            }

            var globalSeverities = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
            var globalOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var globalSections = new List<(string, IReadOnlyDictionary<string, string>)>();
            foreach (var section in merged.Sections)
            {
                var properties = section.Value.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
                if (section.Key.Length == 0) Split(properties, globalSeverities, globalOptions);
                else globalSections.Add((ConfigPaths.Normalize(section.Key), properties));
            }
            return new ConfigurationSet(ordered, globalSections, globalSeverities, globalOptions, merged.Conflicts);
        }

        /// <summary>This set plus more .editorconfig files (the ones found on disk above a folder); global configs are shared, not merged again.</summary>
        internal ConfigurationSet WithEditorConfigs(IEnumerable<AnalyzerConfigFile> editorConfigs)
        {
            var added = new List<CompiledConfig>(_editorConfigs);
            foreach (var file in editorConfigs)
                if (file != null && !file.IsGlobal) added.Add(new CompiledConfig(file));
            if (added.Count == _editorConfigs.Count) return this;
            var ordered = added.Select((c, i) => (c, i)).OrderBy(x => x.c.File.NormalizedDirectory.Length).ThenBy(x => x.i).Select(x => x.c).ToList();
            return new ConfigurationSet(ordered, _globalSections, _globalSeverities, _globalOptions, GlobalConflicts);
        }

        /// <summary>The configuration that applies to one file (full path; '\' or '/' separators).</summary>
        public PathConfiguration GetConfiguration(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            string normalized = ConfigPaths.Normalize(path);
            var severities = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            foreach (var config in _editorConfigs)
            {
                string? relative = ConfigPaths.RelativeTo(config.File.NormalizedDirectory, normalized);
                if (relative == null) continue;
                if (config.File.IsRoot)
                {
                    severities.Clear();
                    options.Clear();
                }
                for (int i = 0; i < config.Sections.Count; i++)
                {
                    var glob = config.Globs[i];
                    if (glob != null && glob.IsMatch(relative)) Split(config.Sections[i].Properties, severities, options);
                }
            }

            // Path sections of global configs name one file exactly (no globs); .editorconfig entries win over them, and
            // an .editorconfig root does not discard them.
            foreach (var (sectionPath, properties) in _globalSections)
            {
                if (!string.Equals(sectionPath, normalized, StringComparison.Ordinal)) continue;
                var sectionSeverities = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
                var sectionOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                Split(properties, sectionSeverities, sectionOptions);
                foreach (var entry in sectionSeverities)
                    if (!severities.ContainsKey(entry.Key)) severities[entry.Key] = entry.Value;
                foreach (var entry in sectionOptions)
                    if (!options.ContainsKey(entry.Key)) options[entry.Key] = entry.Value;
            }

            if (severities.Count == 0 && options.Count == 0 && _globalSeverities.Count == 0 && _globalOptions.Count == 0) return PathConfiguration.Empty;
            return new PathConfiguration(severities, _globalSeverities, options, _globalOptions);
        }

        /// <summary>Severity keys go to the rule table (an unknown severity word leaves the earlier value); the rest stays raw.</summary>
        private static void Split(IReadOnlyDictionary<string, string> properties, Dictionary<string, ConfiguredSeverity> severities, Dictionary<string, string> options)
        {
            foreach (var property in properties)
            {
                if (ConfiguredSeverities.TryGetRuleId(property.Key, out var id))
                {
                    if (ConfiguredSeverities.TryParse(property.Value, out var severity)) severities[id] = severity;
                }
                else
                {
                    options[property.Key] = property.Value;
                }
            }
        }

        private static bool IsAbsoluteSectionName(string name)
        {
            if (name.StartsWith("/", StringComparison.Ordinal)) return true;
            return name.Length >= 3 && char.IsLetter(name[0]) && name[1] == ':' && name[2] == '/';
        }

        private sealed class CompiledConfig
        {
            public CompiledConfig(AnalyzerConfigFile file)
            {
                File = file;
                Sections = file.Sections;
                Globs = file.SectionGlobs;
            }

            public AnalyzerConfigFile File { get; }
            public IReadOnlyList<ConfigSection> Sections { get; }
            public IReadOnlyList<SectionGlob?> Globs { get; }
        }

        /// <summary>Key-by-key merge of global configs with levels and conflicts.</summary>
        private sealed class GlobalMerge
        {
            public readonly Dictionary<string, Dictionary<string, (string Value, int Level, string Path)>> Sections =
                new Dictionary<string, Dictionary<string, (string, int, string)>>(StringComparer.Ordinal);

            private readonly Dictionary<string, Dictionary<string, (int Level, List<string> Paths)>> _duplicates =
                new Dictionary<string, Dictionary<string, (int, List<string>)>>(StringComparer.Ordinal);

            public List<string> Conflicts
            {
                get
                {
                    var list = new List<string>();
                    foreach (var section in _duplicates)
                        foreach (var key in section.Value)
                            list.Add(key.Key + " (" + string.Join(", ", key.Value.Paths) + ")");
                    return list;
                }
            }

            public void Merge(string sectionName, IReadOnlyDictionary<string, string> properties, int level, string path, bool isPreamble)
            {
                if (!Sections.TryGetValue(sectionName, out var section))
                {
                    section = new Dictionary<string, (string, int, string)>(StringComparer.OrdinalIgnoreCase);
                    Sections[sectionName] = section;
                }
                if (!_duplicates.TryGetValue(sectionName, out var duplicates))
                {
                    duplicates = new Dictionary<string, (int, List<string>)>(StringComparer.OrdinalIgnoreCase);
                    _duplicates[sectionName] = duplicates;
                }
                foreach (var property in properties)
                {
                    string key = property.Key;
                    if (isPreamble && (key == "is_global" || key == "global_level")) continue;
                    bool present = section.TryGetValue(key, out var existing);
                    bool duplicated = duplicates.TryGetValue(key, out var duplicate);
                    if (!present && !duplicated)
                    {
                        section[key] = (property.Value, level, path);
                        continue;
                    }
                    int currentLevel = present ? existing.Level : duplicate.Level;
                    if (currentLevel < level)
                    {
                        section[key] = (property.Value, level, path);
                        if (duplicated) duplicates.Remove(key);
                    }
                    else if (currentLevel == level)
                    {
                        if (present)
                        {
                            duplicates[key] = (level, new List<string> { existing.Path });
                            section.Remove(key);
                            duplicate = duplicates[key];
                        }
                        duplicate.Paths.Add(path);
                    }
                }
            }
        }
    }
}
