using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.DockerIgnore;

namespace Docker.Build.Analyzers.Dockerfile
{
    public enum CopySourceKind
    {
        /// <summary>A path in the build context (maybe with wildcards): <see cref="CopySource.ContextPath"/> is set.</summary>
        ContextPath,

        /// <summary>An inline heredoc document (<c>COPY &lt;&lt;EOF /file</c>).</summary>
        Heredoc,

        /// <summary>A URL or git address (ADD only; COPY rejects them).</summary>
        Remote,

        /// <summary>Depends on a variable whose value is unknown here.</summary>
        Unresolved,
    }

    /// <summary>One source of a <c>COPY</c>/<c>ADD</c> that reads the build context, resolved the way BuildKit resolves it.</summary>
    public sealed class CopySource
    {
        internal CopySource(Word word, CopySourceKind kind, string expanded, string? contextPath, bool isGlob)
        {
            Word = word;
            Kind = kind;
            Expanded = expanded;
            ContextPath = contextPath;
            IsGlob = isGlob;
        }

        public Word Word { get; }
        public CopySourceKind Kind { get; }

        /// <summary>The source with variables expanded and quotes removed (partly, when <see cref="Kind"/> is <see cref="CopySourceKind.Unresolved"/>).</summary>
        public string Expanded { get; }

        /// <summary>
        /// The path relative to the context root, cleaned: <c>/src/a</c>, <c>./src/a/</c> and <c>../src/a</c> all give
        /// <c>src/a</c> (BuildKit joins every source to the context root, so a source can never leave it); "" is the
        /// root itself. Wildcards and their escapes are kept.
        /// </summary>
        public string? ContextPath { get; }

        /// <summary>The path uses <c>*</c>, <c>?</c> or <c>[</c>.</summary>
        public bool IsGlob { get; }

        /// <summary>The whole context: <c>.</c>, <c>./</c>, <c>/</c>, <c>*</c>.</summary>
        public bool IsWholeContext => Kind == CopySourceKind.ContextPath && (ContextPath == "" || ContextPath == "*");

        /// <summary>The source as written started with <c>..</c>: people expect it to reach outside the context, which it cannot.</summary>
        public bool ClimbsAboveContext => Expanded.StartsWith("..", StringComparison.Ordinal);
    }

    /// <summary>Resolves the sources of <c>COPY</c> and <c>ADD</c> instructions that read the build context.</summary>
    public static class CopySources
    {
        /// <summary>
        /// True when the instruction reads the build context: not <c>COPY --from</c> (a stage, an image or a named
        /// context) and not an ONBUILD trigger (which runs in another build).
        /// </summary>
        public static bool ReadsBuildContext(CopyInstruction copy) => copy.Destination != null && !copy.HasFlag("from");

        /// <summary>The sources of a COPY/ADD, expanded in the variables visible at the instruction.</summary>
        public static IReadOnlyList<CopySource> Resolve(DockerfileModel model, CopyInstruction copy) =>
            // Several rules ask for the same copies: resolve each once per document.
            // (a static delegate: a lambda capturing the model would be allocated on every call)
            model.GetCopySources(copy, ResolveUncachedDelegate);

        private static readonly Func<DockerfileModel, CopyInstruction, IReadOnlyList<CopySource>> ResolveUncachedDelegate = ResolveUncached;

        private static IReadOnlyList<CopySource> ResolveUncached(DockerfileModel model, CopyInstruction copy)
        {
            var result = new List<CopySource>();
            var stage = model.StageOf(copy);
            var scope = stage != null ? stage.ScopeBefore(copy) : model.GlobalScope;
            bool windowsPaths = model.Escape != '\\';
            foreach (var word in copy.Sources)
            {
                if (IsHeredocMarker(copy, word))
                {
                    result.Add(new CopySource(word, CopySourceKind.Heredoc, word.Value, null, false));
                    continue;
                }
                // JSON form holds the value already unquoted; Docker still expands variables in it.
                string text = copy.IsJsonForm ? EscapeQuotes(word.Value, model.Escape) : word.Raw;
                string expanded = model.Expand(text, scope, out bool complete);
                if (!complete)
                {
                    result.Add(new CopySource(word, CopySourceKind.Unresolved, expanded, null, false));
                    continue;
                }
                if (IsRemote(expanded))
                {
                    result.Add(new CopySource(word, CopySourceKind.Remote, expanded, null, false));
                    continue;
                }
                // With the backtick escape (Windows Dockerfiles) a backslash is a path separator, not an escape.
                string path = windowsPaths ? expanded.Replace('\\', '/') : expanded;
                if (windowsPaths && path.Length >= 2 && char.IsLetter(path[0]) && path[1] == ':') path = path.Substring(2);
                string contextPath = SlashPath.ToContextPath(path);
                bool glob = SlashPath.HasGlobCharacters(contextPath, backslashEscapes: !windowsPaths);
                result.Add(new CopySource(word, CopySourceKind.ContextPath, expanded, contextPath, glob));
            }
            return result;
        }

        private static bool IsHeredocMarker(CopyInstruction copy, Word word)
        {
            foreach (var h in copy.Heredocs)
                if (h.Marker.Span == word.Span) return true;
            return false;
        }

        private static string EscapeQuotes(string value, char escape)
        {
            if (value.IndexOf('"') < 0 && value.IndexOf('\'') < 0 && value.IndexOf(escape) < 0) return value;
            var sb = new System.Text.StringBuilder(value.Length + 4);
            foreach (char c in value)
            {
                if (c == '"' || c == '\'' || c == escape) sb.Append(escape);
                sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>URLs and git addresses ADD can fetch.</summary>
        public static bool IsRemote(string source)
        {
            int scheme = source.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0)
            {
                bool letters = true;
                for (int i = 0; i < scheme; i++)
                    if (!char.IsLetterOrDigit(source[i]) && source[i] != '+' && source[i] != '-' && source[i] != '.') letters = false;
                if (letters) return true;
            }
            return source.StartsWith("git@", StringComparison.Ordinal);
        }
    }
}
