using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Docker.Build.Analyzers.DockerIgnore;

namespace Docker.Build.Analyzers.Analysis
{
    public enum ContextEntryKind
    {
        Missing,
        File,
        Directory,
    }

    /// <summary>What the context holds at one path, and whether .dockerignore keeps it out of the build.</summary>
    public readonly struct ContextEntry
    {
        public ContextEntry(string path, ContextEntryKind kind, DockerIgnoreMatch ignore)
        {
            Path = path;
            Kind = kind;
            Ignore = ignore;
        }

        /// <summary>Context-relative, '/'-separated ("" is the root).</summary>
        public string Path { get; }

        public ContextEntryKind Kind { get; }
        public DockerIgnoreMatch Ignore { get; }

        public bool Exists => Kind != ContextEntryKind.Missing;

        /// <summary>The path is on disk but .dockerignore keeps it out of what the build sees.</summary>
        public bool IsExcluded => Exists && Ignore.IsExcluded;

        /// <summary>The build sees it.</summary>
        public bool IsVisible => Exists && !Ignore.IsExcluded;
    }

    /// <summary>The paths a COPY wildcard matches, split into those the build sees and those .dockerignore hides.</summary>
    public sealed class ContextGlobResult
    {
        internal ContextGlobResult(IReadOnlyList<ContextEntry> visible, IReadOnlyList<ContextEntry> excluded, bool truncated)
        {
            Visible = visible;
            Excluded = excluded;
            Truncated = truncated;
        }

        public IReadOnlyList<ContextEntry> Visible { get; }
        public IReadOnlyList<ContextEntry> Excluded { get; }

        /// <summary>The search stopped at the limit; absence of matches proves nothing.</summary>
        public bool Truncated { get; }
    }

    /// <summary>
    /// The files of a context the build sees (after .dockerignore), up to the limits. Marker files (<c>.gitignore</c>,
    /// <c>.gitkeep</c>...) that an exception re-includes inside an excluded folder are left out: they hold nothing a
    /// rule looks for, and finding them would mean listing every excluded folder.
    /// </summary>
    public sealed class ContextFileList
    {
        internal ContextFileList(IReadOnlyList<string> files, bool truncated, int entriesVisited)
        {
            Files = files;
            Truncated = truncated;
            EntriesVisited = entriesVisited;
        }

        /// <summary>Context-relative paths in breadth-first, ordinal order (shallow files first).</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>The walk stopped at <see cref="BuildContextLimits.MaxEntries"/>, <see cref="BuildContextLimits.MaxDepth"/> or <see cref="BuildContextLimits.MaxMatchWork"/>.</summary>
        public bool Truncated { get; }

        public int EntriesVisited { get; }
    }

    /// <summary>Where a Dockerfile's build context came from.</summary>
    public enum ContextSource
    {
        /// <summary>The project said so: <c>DockerfileContext</c> or the item's <c>Context</c>.</summary>
        Declared,

        /// <summary>A compose service that builds this Dockerfile (<c>build.context</c>).</summary>
        Compose,

        /// <summary>The COPY sources exist in this folder above the Dockerfile, and not where it lives.</summary>
        Inferred,

        /// <summary>Nothing else said anything: the project directory (or the Dockerfile's directory above it).</summary>
        ProjectDirectory,

        /// <summary>No candidate holds most of the COPY sources: rules that depend on the context stay silent.</summary>
        Undecided,
    }

    /// <summary>The decision about a Dockerfile's build context, with the words a finding uses for it.</summary>
    public sealed class ContextDecision
    {
        public static readonly ContextDecision ProjectDirectory = new ContextDecision(ContextSource.ProjectDirectory, "the project directory, the default");
        public static readonly ContextDecision Inferred = new ContextDecision(ContextSource.Inferred, "inferred from the COPY sources, which exist there");
        public static readonly ContextDecision Undecided = new ContextDecision(ContextSource.Undecided, "undecided: no folder holds most of the COPY sources");

        public ContextDecision(ContextSource source, string description, ContextDisagreement? disagreement = null)
        {
            Source = source;
            Description = description;
            Disagreement = disagreement;
        }

        public ContextSource Source { get; }

        /// <summary>How findings name the source ("DockerfileContext in Api.csproj", "service 'api' in docker-compose.yml").</summary>
        public string Description { get; }

        /// <summary>Two declarations named different contexts and the sources exist in only one of them.</summary>
        public ContextDisagreement? Disagreement { get; }
    }

    /// <summary>
    /// A declared context that the COPY sources contradict while another declaration agrees with them: reported once,
    /// at the declaration that is wrong.
    /// </summary>
    public sealed class ContextDisagreement
    {
        public ContextDisagreement(string wrongFilePath, Text.SourceText? wrongSource, Text.TextSpan wrongSpan, string wrongDescription, string wrongDirectory, string rightDescription, string rightDirectory, int sourcesFoundInRight, int sourcesFoundInWrong, int sourceCount)
        {
            WrongFilePath = wrongFilePath;
            WrongSource = wrongSource;
            WrongSpan = wrongSpan;
            WrongDescription = wrongDescription;
            WrongDirectory = wrongDirectory;
            RightDescription = rightDescription;
            RightDirectory = rightDirectory;
            SourcesFoundInRight = sourcesFoundInRight;
            SourcesFoundInWrong = sourcesFoundInWrong;
            SourceCount = sourceCount;
        }

        /// <summary>The file that holds the wrong declaration (a project file or a compose file).</summary>
        public string WrongFilePath { get; }

        /// <summary>Its text, when it could be read; null means the finding goes to the Dockerfile's first line.</summary>
        public Text.SourceText? WrongSource { get; }

        public Text.TextSpan WrongSpan { get; }
        public string WrongDescription { get; }
        public string WrongDirectory { get; }
        public string RightDescription { get; }
        public string RightDirectory { get; }
        public int SourcesFoundInRight { get; }
        public int SourcesFoundInWrong { get; }
        public int SourceCount { get; }
    }

    /// <summary>Bounds that keep context inspection cheap inside every build.</summary>
    public sealed class BuildContextLimits
    {
        public static readonly BuildContextLimits Default = new BuildContextLimits(20000, 24);

        /// <summary>The default budget of .dockerignore matching work per walk: well under a second on one core.</summary>
        public const long DefaultMaxMatchWork = 50_000_000;

        public BuildContextLimits(int maxEntries, int maxDepth)
            : this(maxEntries, maxDepth, DefaultMaxMatchWork)
        {
        }

        public BuildContextLimits(int maxEntries, int maxDepth, long maxMatchWork)
            : this(maxEntries, maxDepth, maxMatchWork, DefaultListingThreads)
        {
        }

        public BuildContextLimits(int maxEntries, int maxDepth, long maxMatchWork, int listingThreads)
        {
            MaxEntries = maxEntries;
            MaxDepth = maxDepth;
            MaxMatchWork = maxMatchWork;
            ListingThreads = listingThreads < 1 ? 1 : listingThreads;
        }

        /// <summary>
        /// Reading a directory is mostly waiting for the file system, so a walk reads the directories of one tree level
        /// on a few threads (at most four, never more than the machine's cores); the results are used in the same
        /// order as a single-threaded walk, so findings do not depend on timing.
        /// </summary>
        public static int DefaultListingThreads => Math.Max(1, Math.Min(4, Environment.ProcessorCount));

        /// <summary>Threads a walk may use to read the directories of one level (1: read them one by one).</summary>
        public int ListingThreads { get; }

        /// <summary>Files and directories looked at by one walk before it gives up.</summary>
        public int MaxEntries { get; }

        /// <summary>Directory levels below the context root a walk descends.</summary>
        public int MaxDepth { get; }

        /// <summary>
        /// .dockerignore matching work (patterns tried plus automaton steps) one walk or wildcard search may spend
        /// before it stops as truncated: however many and whatever the patterns, a walk ends in bounded time.
        /// </summary>
        public long MaxMatchWork { get; }
    }

    /// <summary>
    /// The build context of one Dockerfile: its directory, the .dockerignore Docker would apply, and questions about
    /// what the build can see ("does this source exist", "what does this wildcard match", "which files does
    /// <c>COPY . .</c> send"). Everything is read through the workspace's <see cref="IFileSystem"/>, lazily, once per
    /// analysis; excluded directories are not walked when no exception could re-include something inside them.
    /// Thread-safe: results are computed once and never change.
    /// </summary>
    public sealed class BuildContext
    {
        private readonly IFileSystem _fileSystem;
        private readonly Lazy<ContextFileList> _files;
        private readonly BuildContextLimits _limits;

        public BuildContext(IFileSystem fileSystem, string directory, DockerIgnoreFile? ignoreFile, bool isInferred = false, BuildContextLimits? limits = null,
            ContextDecision? decision = null)
        {
            _fileSystem = fileSystem ?? throw new ArgumentNullException(nameof(fileSystem));
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
            IgnoreFile = ignoreFile;
            Matcher = ignoreFile?.Matcher ?? DockerIgnoreMatcher.Empty;
            Decision = decision ?? (isInferred ? ContextDecision.Inferred : ContextDecision.ProjectDirectory);
            IsInferred = Decision.Source == ContextSource.Inferred;
            _limits = limits ?? BuildContextLimits.Default;
            // An undecided context is treated as one we cannot see: context-dependent rules stay silent rather than guess.
            Exists = Decision.Source != ContextSource.Undecided && SafeDirectoryExists(directory);
            _tree = new Lazy<ListedTree>(ListTree, LazyThreadSafetyMode.ExecutionAndPublication);
            _files = new Lazy<ContextFileList>(Walk, LazyThreadSafetyMode.ExecutionAndPublication);
            _listUncached = ListUncached;
            _probeUncached = ProbeUncached;
        }

        /// <summary>The full path of the context directory.</summary>
        public string Directory { get; }

        /// <summary>False when the directory is missing: then nothing can be said about sources.</summary>
        public bool Exists { get; }

        /// <summary>The ignore file Docker would use, or null.</summary>
        public DockerIgnoreFile? IgnoreFile { get; }

        public DockerIgnoreMatcher Matcher { get; }

        /// <summary>
        /// The project did not name a context and the Dockerfile's sources showed that it is built from a parent
        /// directory (Visual Studio's layout), so that directory was taken.
        /// </summary>
        public bool IsInferred { get; }

        public BuildContextLimits Limits => _limits;

        /// <summary>Which source decided the context (declared, compose, inferred, the project directory) and how it is described in findings.</summary>
        public ContextDecision Decision { get; }

        /// <summary>The full path of a context-relative path.</summary>
        public string GetFullPath(string contextPath) =>
            contextPath.Length == 0 ? Directory : Path.Combine(Directory, contextPath.Replace('/', Path.DirectorySeparatorChar));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ContextEntry> _probes =
            new System.Collections.Concurrent.ConcurrentDictionary<string, ContextEntry>(StringComparer.Ordinal);

        // Each directory is read from the disk once per analysis, sorted by name, and shared by probes, wildcards and
        // the walk: probing the sources of many COPY lines costs one listing per directory instead of a stat call per
        // path, and probes after the walk cost nothing.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DirectoryEntry[]> _listings =
            new System.Collections.Concurrent.ConcurrentDictionary<string, DirectoryEntry[]>(StringComparer.Ordinal);

        private readonly Func<string, DirectoryEntry[]> _listUncached;
        private readonly Func<string, ContextEntry> _probeUncached;

        // Linux file systems tell names apart by case, so a name missing from the listing is missing. Elsewhere
        // (Windows, macOS) the disk may match it in another case: ask the disk itself then, as Docker's client would.
        private static readonly bool NamesAreCaseSensitive =
            System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux);

        /// <summary>Does a literal context-relative path exist, and does the build see it? Each path is asked once.</summary>
        public ContextEntry Probe(string contextPath) =>
            _probes.GetOrAdd(contextPath ?? "", _probeUncached);

        private ContextEntry ProbeUncached(string contextPath)
        {
            if (!Exists) return new ContextEntry(contextPath, ContextEntryKind.Missing, default);
            if (contextPath.Length == 0) return new ContextEntry("", ContextEntryKind.Directory, default);
            var kind = FindInListing(contextPath);
            if (kind == ContextEntryKind.Missing && !NamesAreCaseSensitive)
            {
                string full = GetFullPath(contextPath);
                kind = SafeFileExists(full) ? ContextEntryKind.File
                    : SafeDirectoryExists(full) ? ContextEntryKind.Directory
                    : ContextEntryKind.Missing;
            }
            if (kind == ContextEntryKind.Missing) return new ContextEntry(contextPath, kind, default);
            var match = Matcher.Match(contextPath);
            // An excluded directory that an exception re-opens still reaches the build with what is re-included.
            if (match.IsExcluded && kind == ContextEntryKind.Directory && !Matcher.CanSkipExcludedDirectory(contextPath))
                match = new DockerIgnoreMatch(false, match.DecidingPattern);
            return new ContextEntry(contextPath, kind, match);
        }

        /// <summary>
        /// The kind of a (cleaned, context-relative) path according to its parent directory's listing; a parent that
        /// is missing or not a directory lists nothing.
        /// </summary>
        private ContextEntryKind FindInListing(string contextPath)
        {
            int slash = contextPath.LastIndexOf('/');
            string parent = slash < 0 ? "" : contextPath.Substring(0, slash);
            var entries = Listing(parent);
            int lo = 0, hi = entries.Length - 1;
            int nameStart = slash + 1, nameLength = contextPath.Length - nameStart;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                string name = entries[mid].Name;
                int c = string.CompareOrdinal(name, 0, contextPath, nameStart, Math.Max(name.Length, nameLength));
                if (c == 0) return entries[mid].IsDirectory ? ContextEntryKind.Directory : ContextEntryKind.File;
                if (c < 0) lo = mid + 1; else hi = mid - 1;
            }
            return ContextEntryKind.Missing;
        }

        /// <summary>A directory's entries, sorted by name (ordinal), read once.</summary>
        private DirectoryEntry[] Listing(string contextDirectory) => _listings.GetOrAdd(contextDirectory, _listUncached);

        private DirectoryEntry[] ListUncached(string contextDirectory)
        {
            var entries = SafeList(GetFullPath(contextDirectory));
            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries.ToArray();
        }

        /// <summary>
        /// The entries a COPY wildcard (Go <c>filepath.Match</c> syntax, per path segment, relative to the context
        /// root) matches.
        /// </summary>
        public ContextGlobResult Glob(string pattern)
        {
            var visible = new List<ContextEntry>();
            var excluded = new List<ContextEntry>();
            if (!Exists) return new ContextGlobResult(visible, excluded, false);
            var segments = pattern.Split('/');
            int budget = _limits.MaxEntries;
            long work = 0;
            bool truncated = false;
            GlobFrom("", segments, 0, visible, excluded, ref budget, ref work, ref truncated);
            return new ContextGlobResult(visible, excluded, truncated);
        }

        private void GlobFrom(string directory, string[] segments, int index, List<ContextEntry> visible, List<ContextEntry> excluded, ref int budget, ref long work, ref bool truncated)
        {
            string segment = segments[index];
            bool last = index == segments.Length - 1;
            if (!SlashPath.HasGlobCharacters(segment))
            {
                string path = SlashPath.Combine(directory, SlashPath.Unescape(segment));
                if (last)
                {
                    var entry = Probe(path);
                    if (entry.IsVisible) visible.Add(entry);
                    else if (entry.IsExcluded) excluded.Add(entry);
                }
                else if (Probe(path).Kind == ContextEntryKind.Directory)
                {
                    GlobFrom(path, segments, index + 1, visible, excluded, ref budget, ref work, ref truncated);
                }
                return;
            }

            foreach (var listed in Listing(directory))
            {
                string name = listed.Name;
                bool isDirectory = listed.IsDirectory;
                if (!last && !isDirectory) continue;
                if (--budget < 0)
                {
                    truncated = true;
                    return;
                }
                if (!NameGlob.IsMatch(segment, name)) continue;
                string path = SlashPath.Combine(directory, name);
                if (last)
                {
                    var match = Matcher.Match(path, ref work);
                    if (work > _limits.MaxMatchWork)
                    {
                        truncated = true;
                        return;
                    }
                    if (match.IsExcluded && isDirectory && !Matcher.CanSkipExcludedDirectory(path)) match = new DockerIgnoreMatch(false, match.DecidingPattern);
                    var entry = new ContextEntry(path, isDirectory ? ContextEntryKind.Directory : ContextEntryKind.File, match);
                    (match.IsExcluded ? excluded : visible).Add(entry);
                }
                else if (isDirectory)
                {
                    GlobFrom(path, segments, index + 1, visible, excluded, ref budget, ref work, ref truncated);
                    if (truncated) return;
                }
            }
        }

        /// <summary>The files the build sees, walked once on first use.</summary>
        public ContextFileList Files => _files.Value;

        /// <summary>The visible files at or below a context-relative path ("" for all).</summary>
        public IEnumerable<string> FilesUnder(string contextPath) => FilesUnder(contextPath, null);

        /// <summary>
        /// The visible files at or below a context-relative path that <paramref name="mayMatter"/> accepts, in walk
        /// order. The filter sees the context-relative path before .dockerignore is asked about it: a rule that looks
        /// for a few names (secrets, project files) pays the ignore file's verdict only for those, not for every file
        /// of the context. Lazy: stopping early (<c>Any</c>) stops the matching too.
        /// </summary>
        public IEnumerable<string> FilesUnder(string contextPath, Func<string, bool>? mayMatter)
        {
            if (_files.IsValueCreated || mayMatter == null)
            {
                foreach (var f in Files.Files)
                    if (SlashPath.IsUnder(f, contextPath) && (mayMatter == null || mayMatter(f))) yield return f;
                yield break;
            }

            var tree = _tree.Value;
            var scratch = new List<int>();
            long work = tree.Work;
            for (int i = 0; i < tree.FilePaths.Count; i++)
            {
                string f = tree.FilePaths[i];
                if (!SlashPath.IsUnder(f, contextPath) || !mayMatter(f)) continue;
                if (!Matcher.Evaluate(f, tree.DirectoryStates[tree.FileDirectories[i]], ref work, scratch).IsExcluded) yield return f;
                if (work > _limits.MaxMatchWork) yield break;
            }
        }

        /// <summary>Every visible file: the listed tree with each file's verdict.</summary>
        private ContextFileList Walk()
        {
            var tree = _tree.Value;
            var files = new List<string>(tree.FilePaths.Count);
            var scratch = new List<int>();
            long work = tree.Work;
            for (int i = 0; i < tree.FilePaths.Count; i++)
            {
                string path = tree.FilePaths[i];
                if (!Matcher.Evaluate(path, tree.DirectoryStates[tree.FileDirectories[i]], ref work, scratch).IsExcluded) files.Add(path);
                if (work > _limits.MaxMatchWork) return new ContextFileList(files, true, tree.EntriesVisited);
            }
            return new ContextFileList(files, tree.Truncated, tree.EntriesVisited);
        }

        /// <summary>
        /// The context's tree as the build sees it, minus the verdicts on files: every directory that is not excluded
        /// (with its .dockerignore state) and every file in those directories. Breadth-first, ordinal order, shallow
        /// files first; bounded in entries, depth and matching work.
        /// </summary>
        private sealed class ListedTree
        {
            public readonly List<string> FilePaths = new List<string>();
            public readonly List<int> FileDirectories = new List<int>();
            public readonly List<DockerIgnoreMatcher.WalkState> DirectoryStates = new List<DockerIgnoreMatcher.WalkState>();
            public bool Truncated;
            public int EntriesVisited;
            public long Work;
        }

        private readonly Lazy<ListedTree> _tree;

        private ListedTree ListTree()
        {
            var tree = new ListedTree();
            if (!Exists) return tree;
            int visited = 0;
            long work = 0;
            var scratch = new List<int>();
            var queue = new Queue<(string Path, int State, int Depth)>();
            tree.DirectoryStates.Add(DockerIgnoreMatcher.WalkState.Root);
            queue.Enqueue(("", 0, 0));
            int levelEnd = 0;
            while (queue.Count > 0)
            {
                // At the start of each level, read all of its directories at once (in parallel when there are enough
                // of them to be worth it); the loop below then finds every listing already read.
                if (levelEnd == 0)
                {
                    levelEnd = queue.Count;
                    PrefetchListings(queue);
                }
                levelEnd--;
                var (directory, stateIndex, depth) = queue.Dequeue();
                var state = tree.DirectoryStates[stateIndex];
                var entries = Listing(directory);
                foreach (var entry in entries)
                {
                    if (entry.IsDirectory) continue;
                    if (++visited > _limits.MaxEntries) return Stop(tree, visited - 1, work);
                    tree.FilePaths.Add(SlashPath.Combine(directory, entry.Name));
                    tree.FileDirectories.Add(stateIndex);
                }
                foreach (var entry in entries)
                {
                    if (!entry.IsDirectory) continue;
                    if (++visited > _limits.MaxEntries) return Stop(tree, visited - 1, work);
                    string path = SlashPath.Combine(directory, entry.Name);
                    var childState = Matcher.Evaluate(path, state, ref work, scratch);
                    if (work > _limits.MaxMatchWork) return Stop(tree, visited, work);
                    if (childState.IsExcluded && Matcher.CanSkipExcludedDirectory(path, IsMarkerFileException)) continue;
                    if (depth + 1 > _limits.MaxDepth)
                    {
                        tree.Truncated = true;
                        continue;
                    }
                    tree.DirectoryStates.Add(childState);
                    queue.Enqueue((path, tree.DirectoryStates.Count - 1, depth + 1));
                }
            }
            tree.EntriesVisited = visited;
            tree.Work = work;
            return tree;
        }

        /// <summary>Directories a level must have before its listings are read on several threads.</summary>
        private const int ParallelListingThreshold = 8;

        private void PrefetchListings(Queue<(string Path, int State, int Depth)> level)
        {
            if (_limits.ListingThreads <= 1 || level.Count < ParallelListingThreshold) return;
            var directories = new string[level.Count];
            int i = 0;
            foreach (var item in level) directories[i++] = item.Path;
            System.Threading.Tasks.Parallel.ForEach(
                directories,
                new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = _limits.ListingThreads },
                directory => Listing(directory));
        }

        private static ListedTree Stop(ListedTree tree, int visited, long work)
        {
            tree.Truncated = true;
            tree.EntriesVisited = visited;
            tree.Work = work;
            return tree;
        }

        // Files that only mark or configure a folder for other tools: no code, no build output, no secrets. Visual
        // Studio's template re-includes '**/.gitignore' everywhere; listing every excluded bin/, obj/ and node_modules/
        // folder of a solution to find them would cost most of the walk, and no rule has a use for them.
        private static readonly HashSet<string> MarkerFileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".gitignore", ".gitkeep", ".gitattributes", ".keep", ".npmignore", ".dockerignore", ".editorconfig",
            ".prettierignore", ".eslintignore",
        };

        private static readonly Func<DockerIgnorePattern, bool> IsMarkerFileException = pattern =>
        {
            string text = pattern.Pattern;
            int slash = text.LastIndexOf('/');
            string last = text.Substring(slash + 1);
            return MarkerFileNames.Contains(last);
        };

        /// <summary>Reads a context file's text for content checks; null when missing, unreadable or larger than <paramref name="maxBytes"/>.</summary>
        public string? TryReadText(string contextPath, int maxBytes = 256 * 1024)
        {
            try
            {
                string full = GetFullPath(contextPath);
                long length = _fileSystem.GetFileLength(full);
                if (length < 0 || length > maxBytes) return null;
                var bytes = _fileSystem.ReadAllBytes(full);
                int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                return System.Text.Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }

        private bool SafeFileExists(string path)
        {
            try { return _fileSystem.FileExists(path); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException) { return false; }
        }

        private bool SafeDirectoryExists(string path)
        {
            try { return _fileSystem.DirectoryExists(path); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException) { return false; }
        }

        private List<DirectoryEntry> SafeList(string directory)
        {
            try { return new List<DirectoryEntry>(_fileSystem.EnumerateEntries(directory)); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException) { return new List<DirectoryEntry>(); }
        }

        /// <summary>
        /// Docker's choice of ignore file: <c>&lt;Dockerfile name&gt;.dockerignore</c> beside the Dockerfile wins over
        /// <c>.dockerignore</c> at the context root. Returns the path, or null when neither exists.
        /// </summary>
        public static string? FindIgnoreFile(IFileSystem fileSystem, string dockerfilePath, string contextDirectory)
        {
            try
            {
                // BuildKit looks for the Dockerfile's own path plus ".dockerignore" (api.Dockerfile ->
                // api.Dockerfile.dockerignore), also for a bare relative name.
                if (!string.IsNullOrEmpty(dockerfilePath) && !string.IsNullOrEmpty(Path.GetFileName(dockerfilePath)))
                {
                    string specific = dockerfilePath + ".dockerignore";
                    if (fileSystem.FileExists(specific)) return specific;
                }
                string shared = Path.Combine(contextDirectory, ".dockerignore");
                return fileSystem.FileExists(shared) ? shared : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>Reads and parses an ignore file; an unreadable one counts as absent (its own rules will say why).</summary>
        public static DockerIgnoreFile? LoadIgnoreFile(IFileSystem fileSystem, string? path)
        {
            if (path == null) return null;
            var text = AssetReader.TryRead(fileSystem, path, out _);
            return text == null ? null : DockerIgnoreParser.Parse(text);
        }
    }
}
