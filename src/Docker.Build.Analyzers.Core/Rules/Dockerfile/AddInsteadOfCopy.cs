using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR111: <c>ADD</c> of local files, folders or heredocs, which <c>COPY</c> does the same way.</summary>
    public sealed class AddInsteadOfCopy : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR111", "ADD used where COPY does the same", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "ADD of {0}: nothing here needs ADD's download or archive extraction. Use COPY, which does only what it says",
            "ADD also downloads URLs and unpacks local tar archives; using it for plain files hides which of these the author meant and turns a later archive in the source list into a silent extraction.");

        /// <summary>Names of archives that ADD unpacks (Docker looks at the content, these are the usual names of such content).</summary>
        private static readonly string[] ArchiveEndings =
        {
            ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.lzma", ".tlz",
            ".gz", ".bz2", ".xz", ".zst", ".lzma",
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            foreach (var stage in model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    var target = instruction.SelfOrTrigger;
                    if (!(target is CopyInstruction add) || add.Kind != InstructionKind.Add) continue;
                    if (add.Sources.Count == 0) continue;
                    // Flags only ADD has: --checksum and --keep-git-dir belong to remote sources; --from is not an ADD
                    // flag at all (Docker rejects it), so there is nothing to advise.
                    if (add.GetFlag("checksum") != null || add.GetFlag("keep-git-dir") != null || add.GetFlag("from") != null) continue;
                    var unpack = add.GetFlag("unpack");
                    bool extractionOff = unpack?.Value != null && unpack.Value.Equals("false", StringComparison.OrdinalIgnoreCase);
                    if (unpack != null && !extractionOff) continue; // --unpack asks for extraction on purpose

                    var scope = stage.ScopeBefore(instruction);
                    bool allLocal = true;
                    bool anyHeredoc = false;
                    foreach (var source in add.Sources)
                    {
                        if (IsHeredocSource(add, source)) { anyHeredoc = true; continue; }
                        string value = model.Expand(source.Raw, scope, out bool complete);
                        if (!complete || !IsPlainLocal(value, extractionOff))
                        {
                            allLocal = false;
                            break;
                        }
                    }
                    if (!allLocal) continue;
                    string what = anyHeredoc && add.Sources.Count == add.Heredocs.Count ? "inline (heredoc) content"
                        : add.Sources.Count == 1 ? $"the local path '{add.Sources[0].Value}'"
                        : "local paths";
                    context.Report(add.Keyword.Span, what);
                }
            }
        }

        private static bool IsHeredocSource(CopyInstruction add, Word source)
        {
            foreach (var heredoc in add.Heredocs)
                if (heredoc.Marker.Span == source.Span) return true;
            return false;
        }

        /// <summary>A path in the build context that ADD copies as it is: not a URL or git repository, not an archive it would unpack.</summary>
        private static bool IsPlainLocal(string value, bool extractionOff)
        {
            if (value.Length == 0) return false;
            if (value.IndexOf("://", StringComparison.Ordinal) > 0) return false;
            if (value.StartsWith("git@", StringComparison.OrdinalIgnoreCase)) return false;
            if (extractionOff) return true;
            string name = value.TrimEnd('/', '\\');
            int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
            string last = slash >= 0 ? name.Substring(slash + 1) : name;
            // A wildcard whose end is open may match archives: ADD *.tar.gz, ADD dist/*, ADD pkg-?.
            if (last.EndsWith("*", StringComparison.Ordinal) || last.EndsWith("?", StringComparison.Ordinal) || last.EndsWith("]", StringComparison.Ordinal)) return false;
            foreach (var ending in ArchiveEndings)
                if (last.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }
    }
}
