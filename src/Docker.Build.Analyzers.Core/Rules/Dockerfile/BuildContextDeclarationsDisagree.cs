using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR129: the project (<c>DockerfileContext</c>) and a compose file name different build contexts for the same
    /// Dockerfile, and its COPY sources exist in only one of them. Reported once, at the declaration that is wrong,
    /// instead of one DKR121 per COPY; the analysis goes on with the context the sources agree with.
    /// </summary>
    public sealed class BuildContextDeclarationsDisagree : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR129", "Declared build contexts disagree", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "This build context '{0}' ({1}) disagrees with {2} ('{3}') for Dockerfile '{4}': {5} of its {6} COPY sources exist there and {7} here, so a build with this context fails. Point both at the same folder",
            "Visual Studio builds a Dockerfile with the project's DockerfileContext, docker compose with the service's build.context. When they name different folders, one of the two builds cannot find the files the Dockerfile copies.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var disagreement = context.BuildContext.Decision.Disagreement;
            if (disagreement == null) return;
            var source = disagreement.WrongSource ?? context.Syntax.Source;
            var span = disagreement.WrongSource != null ? disagreement.WrongSpan : new TextSpan(0, 0);
            context.ReportIn(source, span, Rule.DefaultSeverity,
                disagreement.WrongDirectory, disagreement.WrongDescription, disagreement.RightDescription, disagreement.RightDirectory,
                System.IO.Path.GetFileName(context.Document.Path),
                disagreement.SourcesFoundInRight, disagreement.SourceCount, disagreement.SourcesFoundInWrong);
        }
    }
}
