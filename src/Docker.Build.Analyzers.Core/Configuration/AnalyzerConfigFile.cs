using System;
using System.Collections.Generic;
using System.Globalization;

namespace Docker.Build.Analyzers.Configuration
{
    /// <summary>
    /// One parsed .editorconfig or global analyzer config (<c>.globalconfig</c>, or any file with <c>is_global</c> in its
    /// preamble), read line by line as the .NET compiler reads it: <c>[section]</c> headers, <c>key = value</c> (or
    /// <c>key: value</c>) properties, <c>#</c>/<c>;</c> comments; keys are lower-cased; a line that is none of these is
    /// ignored.
    /// </summary>
    public sealed class AnalyzerConfigFile
    {
        /// <summary>The file name the compiler always treats as a global config (level 100 unless it says otherwise).</summary>
        public const string GlobalConfigFileName = ".globalconfig";

        public const string EditorConfigFileName = ".editorconfig";

        /// <summary>Level of a global config named <c>.globalconfig</c> without <c>global_level</c>.</summary>
        public const int UserGlobalConfigLevel = 100;

        /// <summary>Level of any other global config without <c>global_level</c>.</summary>
        public const int DefaultGlobalConfigLevel = 0;

        // Values of these keys, and these values anywhere, are compared case-insensitively, so they are lower-cased.
        private static readonly HashSet<string> ReservedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "root", "indent_style", "indent_size", "tab_width", "end_of_line", "charset", "trim_trailing_whitespace", "insert_final_newline",
        };

        private static readonly HashSet<string> ReservedValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "true", "false", "unset" };

        private AnalyzerConfigFile(string path, ConfigSection preamble, IReadOnlyList<ConfigSection> sections)
        {
            Path = path;
            Preamble = preamble;
            Sections = sections;
            NormalizedDirectory = ConfigPaths.Normalize(System.IO.Path.GetDirectoryName(path) ?? "");
            HasGlobalFileName = string.Equals(System.IO.Path.GetFileName(path), GlobalConfigFileName, StringComparison.OrdinalIgnoreCase);
        }

        public string Path { get; }

        /// <summary>The folder of the file, with '/' separators and no trailing '/' (unless it is a root such as '/').</summary>
        public string NormalizedDirectory { get; }

        /// <summary>The properties above the first section header.</summary>
        public ConfigSection Preamble { get; }

        /// <summary>The named sections, in file order (a later section wins for the same key).</summary>
        public IReadOnlyList<ConfigSection> Sections { get; }

        private bool HasGlobalFileName { get; }

        private IReadOnlyList<SectionGlob?>? _sectionGlobs;

        /// <summary>The compiled section names (null for a name the compiler rejects), compiled once per file.</summary>
        internal IReadOnlyList<SectionGlob?> SectionGlobs
        {
            get
            {
                var globs = _sectionGlobs;
                if (globs != null) return globs;
                var compiled = new SectionGlob?[Sections.Count];
                for (int i = 0; i < compiled.Length; i++) compiled[i] = SectionGlob.TryCreate(Sections[i].Name);
                // A race compiles twice and keeps either result: both are equal.
                _sectionGlobs = compiled;
                return compiled;
            }
        }

        /// <summary><c>root = true</c> in the preamble: configuration files in folders above are not read.</summary>
        public bool IsRoot => Preamble.Properties.TryGetValue("root", out var value) && value == "true";

        /// <summary>
        /// A global config: named <c>.globalconfig</c>, or with an <c>is_global</c> key in its preamble (the compiler checks
        /// for the key, whatever its value).
        /// </summary>
        public bool IsGlobal => HasGlobalFileName || Preamble.Properties.ContainsKey("is_global");

        /// <summary>Precedence among global configs: <c>global_level</c>, else 100 for <c>.globalconfig</c>, else 0.</summary>
        public int GlobalLevel
        {
            get
            {
                if (Preamble.Properties.TryGetValue("global_level", out var value)
                    && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int level))
                    return level;
                return HasGlobalFileName ? UserGlobalConfigLevel : DefaultGlobalConfigLevel;
            }
        }

        /// <summary>Parses a file's text. Never throws for bad input: unreadable lines are skipped as the compiler skips them.</summary>
        public static AnalyzerConfigFile Parse(string text, string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            text ??= "";
            var preamble = new Dictionary<string, string>(StringComparer.Ordinal);
            var sections = new List<ConfigSection>();
            string? sectionName = null;
            var properties = preamble;

            foreach (var line in Lines(text))
            {
                if (IsBlankOrComment(line)) continue;
                if (TryParseSectionHeader(line, out var name))
                {
                    if (sectionName != null) sections.Add(new ConfigSection(sectionName, properties));
                    sectionName = name;
                    properties = new Dictionary<string, string>(StringComparer.Ordinal);
                    continue;
                }
                if (TryParseProperty(line, out var key, out var value))
                {
                    if (ReservedKeys.Contains(key) || ReservedValues.Contains(value)) value = value.ToLowerInvariant();
                    properties[key] = value;
                }
            }
            if (sectionName != null) sections.Add(new ConfigSection(sectionName, properties));
            return new AnalyzerConfigFile(path, new ConfigSection("", preamble), sections);
        }

        /// <summary>Lines split at every line break the compiler's text reader knows (CR, LF, CRLF, NEL, LS, PS).</summary>
        private static IEnumerable<string> Lines(string text)
        {
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c != '\r' && c != '\n' && c != '\u0085' && c != '\u2028' && c != '\u2029') continue;
                yield return text.Substring(start, i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
            if (start <= text.Length) yield return text.Substring(start);
        }

        private static bool IsBlankOrComment(string line)
        {
            int i = SkipWhiteSpace(line, 0);
            return i == line.Length || line[i] == '#' || line[i] == ';';
        }

        /// <summary><c>[name]</c> with optional trailing comment; the name has at least one character and no unescaped '#' or ';'.</summary>
        private static bool TryParseSectionHeader(string line, out string name)
        {
            name = "";
            int i = SkipWhiteSpace(line, 0);
            if (i >= line.Length || line[i] != '[') return false;
            // The name is the longest run of allowed characters that is followed by ']' and then only blanks or a comment.
            int nameStart = i + 1;
            int candidateEnd = -1;
            int j = nameStart;
            while (j < line.Length)
            {
                char c = line[j];
                if (c == '\\' && j + 1 < line.Length && (line[j + 1] == '#' || line[j + 1] == ';'))
                {
                    j += 2;
                    continue;
                }
                if (c == '#' || c == ';') break;
                if (c == ']' && j > nameStart && IsBlankOrCommentTail(line, j + 1)) candidateEnd = j;
                j++;
            }
            // ']' itself is an allowed name character, so a later closing bracket wins (greedy, like the compiler's pattern).
            if (candidateEnd < 0) return false;
            name = line.Substring(nameStart, candidateEnd - nameStart);
            return true;
        }

        private static bool IsBlankOrCommentTail(string line, int from)
        {
            int i = SkipWhiteSpace(line, from);
            return i == line.Length || line[i] == '#' || line[i] == ';';
        }

        /// <summary><c>key = value</c>: key of word characters, '.', '-'; value up to a '#' or ';' comment, trimmed.</summary>
        private static bool TryParseProperty(string line, out string key, out string value)
        {
            key = value = "";
            int i = SkipWhiteSpace(line, 0);
            int keyStart = i;
            while (i < line.Length && IsKeyChar(line[i])) i++;
            if (i == keyStart) return false;
            string rawKey = line.Substring(keyStart, i - keyStart);
            i = SkipWhiteSpace(line, i);
            if (i >= line.Length || (line[i] != '=' && line[i] != ':')) return false;
            i = SkipWhiteSpace(line, i + 1);
            int valueEnd = i;
            int commentStart = line.Length;
            for (int j = i; j < line.Length; j++)
            {
                if (line[j] == '#' || line[j] == ';')
                {
                    commentStart = j;
                    break;
                }
            }
            valueEnd = commentStart;
            while (valueEnd > i && IsRegexWhiteSpace(line[valueEnd - 1])) valueEnd--;
            key = rawKey.ToLowerInvariant();
            value = line.Substring(i, valueEnd - i);
            return true;
        }

        private static bool IsKeyChar(char c)
        {
            if (c == '.' || c == '-' || c == '_') return true;
            // Word characters as regular expressions define them.
            if (char.IsLetterOrDigit(c)) return true;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.ConnectorPunctuation;
        }

        private static int SkipWhiteSpace(string line, int from)
        {
            int i = from;
            while (i < line.Length && IsRegexWhiteSpace(line[i])) i++;
            return i;
        }

        private static bool IsRegexWhiteSpace(char c) => char.IsWhiteSpace(c);
    }

    /// <summary>A section of a configuration file: its name (empty for the preamble) and its properties (keys lower-cased).</summary>
    public sealed class ConfigSection
    {
        public ConfigSection(string name, IReadOnlyDictionary<string, string> properties)
        {
            Name = name ?? "";
            Properties = properties ?? throw new ArgumentNullException(nameof(properties));
        }

        public string Name { get; }
        public IReadOnlyDictionary<string, string> Properties { get; }
    }

    /// <summary>Path spelling shared by configuration matching: '/' separators, as the compiler compares them.</summary>
    internal static class ConfigPaths
    {
        public static string Normalize(string path)
        {
            string normalized = path.Replace('\\', '/');
            // A folder keeps no trailing '/' except a root ("/", "C:/").
            while (normalized.Length > 1 && normalized.EndsWith("/", StringComparison.Ordinal) && !(normalized.Length == 3 && normalized[1] == ':'))
                normalized = normalized.Substring(0, normalized.Length - 1);
            return normalized;
        }

        /// <summary>The path relative to a configuration folder, starting with '/', or null when the folder is not above it.</summary>
        public static string? RelativeTo(string normalizedDirectory, string normalizedPath)
        {
            if (!normalizedPath.StartsWith(normalizedDirectory, StringComparison.Ordinal)) return null;
            int length = normalizedDirectory.Length;
            // A root folder ends with '/': keep it in the relative path.
            if (length > 0 && normalizedDirectory[length - 1] == '/') length--;
            if (normalizedPath.Length <= length || normalizedPath[length] != '/') return null;
            return normalizedPath.Substring(length);
        }
    }
}
