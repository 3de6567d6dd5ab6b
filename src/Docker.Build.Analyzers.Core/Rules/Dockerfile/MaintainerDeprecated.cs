using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR112: the deprecated <c>MAINTAINER</c> instruction.</summary>
    public sealed class MaintainerDeprecated : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR112", "MAINTAINER is deprecated", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "MAINTAINER is deprecated: write LABEL org.opencontainers.image.authors=\"{0}\" instead",
            "MAINTAINER fills a legacy image field that tools no longer read; the OCI label org.opencontainers.image.authors is where registries and scanners look.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var instruction in context.Syntax.Instructions)
            {
                if (instruction.Kind != InstructionKind.Maintainer || !(instruction is WordsInstruction maintainer)) continue;
                string who = maintainer.FirstWord?.Value ?? "";
                context.Report(maintainer.Keyword.Span, who.Replace("\"", "\\\""));
            }
        }
    }
}
