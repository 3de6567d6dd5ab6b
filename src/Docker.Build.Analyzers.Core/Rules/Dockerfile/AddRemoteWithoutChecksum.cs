using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR204: <c>ADD https://...</c> without <c>--checksum=sha256:...</c>.</summary>
    public sealed class AddRemoteWithoutChecksum : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR204", "ADD of a URL without --checksum", RuleCategory.Security, DiagnosticSeverity.Warning,
            "ADD downloads '{0}' without verifying it{1}. Add --checksum=sha256:<hash of the file> so a changed or tampered download fails the build",
            "Whatever the server returns goes into the image; without a checksum a compromised or simply updated download changes the image unnoticed.");

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
                    if (add.GetFlag("checksum") != null) continue;
                    foreach (var source in add.Sources)
                    {
                        string value = source.Value;
                        if (source.Raw.IndexOf('$') >= 0 && !IsHttp(value))
                        {
                            // ADD $URL: judge what the variable holds when it is known.
                            if (target != instruction) continue;
                            value = model.Expand(source.Raw, stage.ScopeBefore(instruction), out bool complete);
                            if (!complete) continue;
                        }
                        if (!IsHttp(value) || IsGitRepository(value)) continue;
                        bool clear = value.StartsWith("http:", StringComparison.OrdinalIgnoreCase);
                        context.Report(source.Span, source.Value, clear ? ", over unencrypted http" : "");
                    }
                }
            }
        }

        private static bool IsHttp(string value) =>
            value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        /// <summary>A git URL (<c>https://host/repo.git</c>, <c>...git#ref</c>): ADD clones it, and a commit in <c>#ref</c> pins it.</summary>
        private static bool IsGitRepository(string value)
        {
            int hash = value.IndexOf('#');
            string path = hash >= 0 ? value.Substring(0, hash) : value;
            int query = path.IndexOf('?');
            if (query >= 0) path = path.Substring(0, query);
            return path.TrimEnd('/').EndsWith(".git", StringComparison.OrdinalIgnoreCase);
        }
    }
}
