using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Compose
{
    /// <summary>
    /// One compose file, parsed: its YAML tree (anchors, aliases and merge keys resolved), the problems found while
    /// reading it, and its services as written (no <c>extends</c>, <c>include</c> or override file applied: see
    /// <see cref="ComposeProject"/>).
    /// </summary>
    public sealed class ComposeFile
    {
        /// <summary>The top-level keys the Compose specification defines (besides <c>x-*</c> extensions).</summary>
        public static readonly IReadOnlyCollection<string> TopLevelKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models",
        };

        private IReadOnlyList<ComposeService>? _services;

        private ComposeFile(SourceText source, YamlNode? root, IReadOnlyList<ComposeProblem> problems)
        {
            Source = source;
            RootNode = root;
            Problems = problems;
        }

        /// <summary>Parses a compose file. Never throws for bad input: problems are in <see cref="Problems"/>.</summary>
        public static ComposeFile Parse(SourceText source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            var problems = new List<ComposeProblem>();
            var root = IsBlank(source.Text) ? null : YamlTreeBuilder.Build(source, problems);
            return new ComposeFile(source, root, problems);
        }

        /// <summary>Nothing but blanks and comments: the cheap case no parser is needed for.</summary>
        private static bool IsBlank(string text)
        {
            bool comment = false;
            foreach (char c in text)
            {
                if (c == '\n' || c == '\r') comment = false;
                else if (comment) continue;
                else if (c == '#') comment = true;
                else if (c != ' ' && c != '\t') return false;
            }
            return true;
        }

        public string Path => Source.Path;
        public SourceText Source { get; }

        /// <summary>The document's top node (a mapping in a valid file); null for an empty or comment-only file or one that could not be parsed.</summary>
        public YamlNode? RootNode { get; }

        /// <summary>The top-level mapping, or null.</summary>
        public YamlMapping? Root => RootNode as YamlMapping;

        /// <summary>Syntax errors, limits hit and YAML Compose rejects, in file order.</summary>
        public IReadOnlyList<ComposeProblem> Problems { get; }

        /// <summary>False when the YAML could not be read at all (syntax error, limit hit): rules other than DKR514 have nothing to check.</summary>
        public bool IsParsed
        {
            get
            {
                foreach (var p in Problems)
                    if (p.Kind == ComposeProblemKind.Syntax || p.Kind == ComposeProblemKind.Limit) return false;
                return true;
            }
        }

        /// <summary>An empty or comment-only file: valid (one file of a <c>-f</c> chain may hold nothing yet).</summary>
        public bool IsEmpty => RootNode == null && Problems.Count == 0 || RootNode is YamlScalar s && s.IsNull;

        /// <summary>A top-level entry (<c>version</c>, <c>name</c>, <c>services</c>...), or null.</summary>
        public YamlEntry? Find(string key) => Root?.Find(key);

        /// <summary>The obsolete top-level <c>version</c>.</summary>
        public YamlEntry? Version => Find("version");

        /// <summary>The <c>name</c> of the project.</summary>
        public YamlScalar? Name => Find("name")?.Value as YamlScalar;

        /// <summary>The <c>services</c> mapping, or null (missing or not a mapping).</summary>
        public YamlMapping? ServicesNode => Find("services")?.Value as YamlMapping;

        public YamlMapping? Networks => Find("networks")?.Value as YamlMapping;
        public YamlMapping? Volumes => Find("volumes")?.Value as YamlMapping;
        public YamlMapping? Secrets => Find("secrets")?.Value as YamlMapping;
        public YamlMapping? Configs => Find("configs")?.Value as YamlMapping;

        /// <summary>The <c>include</c> entries: each a path (short form) or a mapping with <c>path</c> (a string or a list).</summary>
        public IReadOnlyList<ComposeInclude> Includes
        {
            get
            {
                var list = new List<ComposeInclude>();
                if (!(Find("include")?.Value is YamlSequence items)) return list;
                foreach (var item in items.Items)
                {
                    if (item is YamlScalar s && !s.IsNull) list.Add(new ComposeInclude(item, s));
                    else if (item is YamlMapping m)
                    {
                        var path = m["path"];
                        if (path is YamlScalar p) list.Add(new ComposeInclude(item, p));
                        else if (path is YamlSequence ps)
                            foreach (var x in ps.Items)
                                if (x is YamlScalar xp) list.Add(new ComposeInclude(item, xp));
                    }
                }
                return list;
            }
        }

        /// <summary>The services as this file writes them, in file order.</summary>
        public IReadOnlyList<ComposeService> Services
        {
            get
            {
                if (_services != null) return _services;
                var list = new List<ComposeService>();
                if (ServicesNode is YamlMapping services)
                    foreach (var e in services.Entries)
                        list.Add(new ComposeService(this, e.Key, new[] { new ComposeServiceLayer(this, e.Value as YamlMapping) }));
                System.Threading.Interlocked.CompareExchange(ref _services, list, null);
                return _services!;
            }
        }

        public ComposeService? FindService(string name)
        {
            foreach (var s in Services)
                if (s.Name == name) return s;
            return null;
        }
    }

    /// <summary>One file an <c>include</c> entry loads.</summary>
    public sealed class ComposeInclude
    {
        internal ComposeInclude(YamlNode entry, YamlScalar path)
        {
            Entry = entry;
            PathNode = path;
        }

        /// <summary>The list item (short path or mapping).</summary>
        public YamlNode Entry { get; }

        /// <summary>The path value, relative to the including file's directory.</summary>
        public YamlScalar PathNode { get; }
    }
}
