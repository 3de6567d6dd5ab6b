using System;
using System.Collections.Generic;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// Finds where an MSBuild property or item is set, so findings about evaluated values point at the line that sets
    /// them. It reads the files that usually hold such settings in MSBuild's import order (Directory.Build.props, the
    /// project, Directory.Build.targets) and, like MSBuild, lets the last definition win. The scan is tolerant: it
    /// never throws on malformed XML, skips comments, CDATA and processing instructions, and ignores files too large to
    /// be hand-written. A setting made somewhere else (another import, the command line) is simply not found.
    /// </summary>
    public sealed class ProjectFileLocator
    {
        /// <summary>Files larger than this are not scanned: MSBuild files people edit are a few kilobytes.</summary>
        internal const int MaxFileLength = 1024 * 1024;

        private readonly IReadOnlyList<ScannedFile> _files;

        private ProjectFileLocator(IReadOnlyList<ScannedFile> files)
        {
            _files = files;
        }

        /// <summary>
        /// Reads the given files in import order (null or missing ones are skipped; an unreadable one counts as empty).
        /// Pass Directory.Build.props, then the project file, then Directory.Build.targets.
        /// </summary>
        public static ProjectFileLocator Load(IFileSystem fileSystem, params string?[] pathsInImportOrder)
        {
            if (fileSystem == null) throw new ArgumentNullException(nameof(fileSystem));
            var files = new List<ScannedFile>();
            var seen = new HashSet<string>(DockerAnalyzer.PathComparer);
            foreach (var path in pathsInImportOrder ?? Array.Empty<string?>())
            {
                if (string.IsNullOrWhiteSpace(path) || !seen.Add(path!)) continue;
                string? text = TryRead(fileSystem, path!);
                if (text != null) files.Add(new ScannedFile(SourceText.From(text, path!)));
            }
            return new ProjectFileLocator(files);
        }

        /// <summary>For tests and hosts that already hold the texts: (path, text) pairs in import order.</summary>
        public static ProjectFileLocator FromTexts(params (string Path, string Text)[] filesInImportOrder)
        {
            var files = new List<ScannedFile>();
            foreach (var (path, text) in filesInImportOrder)
                if (path != null && text != null) files.Add(new ScannedFile(SourceText.From(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text, path)));
            return new ProjectFileLocator(files);
        }

        /// <summary>
        /// The element that sets a property: the last one whose text is the evaluated value, else the last one with the
        /// name (its value is built from other properties). Null when no scanned file sets it.
        /// </summary>
        public ProjectFileSpot? FindProperty(string name, string? evaluatedValue = null)
        {
            if (string.IsNullOrEmpty(name)) return null;
            ProjectFileSpot? last = null, lastWithValue = null;
            string? wanted = evaluatedValue?.Trim();
            foreach (var file in _files)
            {
                foreach (var element in file.Elements)
                {
                    if (!string.Equals(element.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                    var spot = file.SpotOf(element);
                    last = spot;
                    if (!string.IsNullOrEmpty(wanted) && string.Equals(element.Text.Trim(), wanted, StringComparison.Ordinal)) lastWithValue = spot;
                }
            }
            return lastWithValue ?? last;
        }

        /// <summary>The last item element of the type whose <c>Include</c> (or <c>Update</c>) lists the value; null when none does.</summary>
        public ProjectFileSpot? FindItem(string itemType, string include)
        {
            if (string.IsNullOrEmpty(itemType) || string.IsNullOrEmpty(include)) return null;
            string wanted = include.Trim();
            ProjectFileSpot? exact = null, ignoringCase = null;
            foreach (var file in _files)
            {
                foreach (var element in file.Elements)
                {
                    if (!string.Equals(element.Name, itemType, StringComparison.OrdinalIgnoreCase)) continue;
                    foreach (var listed in new[] { element.Include, element.Update })
                    {
                        if (listed == null) continue;
                        foreach (var part in listed.Split(';'))
                        {
                            string value = part.Trim();
                            if (string.Equals(value, wanted, StringComparison.Ordinal)) exact = file.SpotOf(element);
                            else if (string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase)) ignoringCase = file.SpotOf(element);
                        }
                    }
                }
            }
            return exact ?? ignoringCase;
        }

        private static string? TryRead(IFileSystem fileSystem, string path)
        {
            try
            {
                long length = fileSystem.GetFileLength(path);
                if (length < 0 || length > MaxFileLength) return null;
                var bytes = fileSystem.ReadAllBytes(path);
                int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // Unreadable (deleted meanwhile, denied): findings go to the project file's first line instead.
                return null;
            }
        }

        /// <summary>One element start tag: its name, where it is, the attributes a locator needs, and its text content.</summary>
        internal sealed class ScannedElement
        {
            public ScannedElement(string name, int offset, string? include, string? update, string text)
            {
                Name = name;
                Offset = offset;
                Include = include;
                Update = update;
                Text = text;
            }

            public string Name { get; }

            /// <summary>Offset of the element's <c>&lt;</c>.</summary>
            public int Offset { get; }

            public string? Include { get; }
            public string? Update { get; }

            /// <summary>The text right after the start tag, up to the next tag (entities decoded); empty for an empty element.</summary>
            public string Text { get; }
        }

        private sealed class ScannedFile
        {
            public ScannedFile(SourceText source)
            {
                Source = source;
                Elements = Scan(source.Text);
            }

            public SourceText Source { get; }
            public IReadOnlyList<ScannedElement> Elements { get; }

            public ProjectFileSpot SpotOf(ScannedElement element)
            {
                var position = Source.GetLinePosition(element.Offset);
                return new ProjectFileSpot(Source.Path, position.Line, position.Column, element.Offset, element.Name.Length + 1);
            }
        }

        /// <summary>
        /// A forgiving XML scan: every start tag outside comments, CDATA, processing instructions and declarations, in
        /// document order. Unterminated constructs end the scan; nothing throws. Linear in the text's length.
        /// </summary>
        internal static IReadOnlyList<ScannedElement> Scan(string text)
        {
            var elements = new List<ScannedElement>();
            int i = 0, n = text.Length;
            while (i < n)
            {
                int lt = text.IndexOf('<', i);
                if (lt < 0 || lt + 1 >= n) break;
                char next = text[lt + 1];
                if (next == '!')
                {
                    if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0) i = SkipPast(text, lt + 4, "-->");
                    else if (string.CompareOrdinal(text, lt, "<![CDATA[", 0, 9) == 0) i = SkipPast(text, lt + 9, "]]>");
                    else i = SkipPast(text, lt + 2, ">");
                    continue;
                }
                if (next == '?') { i = SkipPast(text, lt + 2, "?>"); continue; }
                if (next == '/') { i = SkipPast(text, lt + 2, ">"); continue; }

                int nameStart = lt + 1, p = nameStart;
                while (p < n && IsNameChar(text[p])) p++;
                if (p == nameStart) { i = lt + 1; continue; }
                string name = text.Substring(nameStart, p - nameStart);

                string? include = null, update = null;
                bool selfClosing = false, closed = false;
                while (p < n)
                {
                    char c = text[p];
                    if (c == '>') { closed = true; p++; break; }
                    if (c == '/' && p + 1 < n && text[p + 1] == '>') { selfClosing = closed = true; p += 2; break; }
                    if (c == '<') break; // malformed: a new tag starts before this one ended
                    if (!IsNameChar(c)) { p++; continue; }
                    int attributeStart = p;
                    while (p < n && IsNameChar(text[p])) p++;
                    string attribute = text.Substring(attributeStart, p - attributeStart);
                    while (p < n && char.IsWhiteSpace(text[p])) p++;
                    if (p >= n || text[p] != '=') continue;
                    p++;
                    while (p < n && char.IsWhiteSpace(text[p])) p++;
                    if (p >= n || (text[p] != '"' && text[p] != '\'')) continue;
                    char quote = text[p];
                    int valueEnd = text.IndexOf(quote, p + 1);
                    if (valueEnd < 0) { p = n; break; }
                    string value = Decode(text.Substring(p + 1, valueEnd - p - 1));
                    if (attribute.Equals("Include", StringComparison.OrdinalIgnoreCase)) include = value;
                    else if (attribute.Equals("Update", StringComparison.OrdinalIgnoreCase)) update = value;
                    p = valueEnd + 1;
                }
                string content = "";
                if (closed && !selfClosing)
                {
                    int nextTag = text.IndexOf('<', p);
                    content = Decode(text.Substring(p, (nextTag < 0 ? n : nextTag) - p));
                }
                elements.Add(new ScannedElement(name, lt, include, update, content));
                i = Math.Max(p, lt + 1);
            }
            return elements;
        }

        private static int SkipPast(string text, int from, string terminator)
        {
            int end = from <= text.Length ? text.IndexOf(terminator, from, StringComparison.Ordinal) : -1;
            return end < 0 ? text.Length : end + terminator.Length;
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';

        private static string Decode(string value)
        {
            if (value.IndexOf('&') < 0) return value;
            return value.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&amp;", "&");
        }
    }
}
