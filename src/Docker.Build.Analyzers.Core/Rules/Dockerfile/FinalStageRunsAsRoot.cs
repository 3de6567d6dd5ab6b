using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR201: the final stage has no non-root <c>USER</c> (itself or inherited), or switches back to root.</summary>
    public sealed class FinalStageRunsAsRoot : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR201", "Final stage runs as root", RuleCategory.Security, DiagnosticSeverity.Warning,
            "The container runs as root: {0}. Add 'USER $APP_UID' (.NET 8+ images) or another non-root user at the end of the final stage",
            "A process running as root in the container is root on the host's kernel: any escape or mounted volume is a full compromise.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null) return;

            var user = final.FindLastInherited(i => i.Kind == InstructionKind.User, out var owner) as WordsInstruction;
            if (user != null)
            {
                var word = user.FirstWord;
                if (word == null || owner == null) return;
                string value = context.Model.Expand(word.Raw, owner.ScopeBefore(user), out bool complete);
                if (!complete) return; // $APP_UID and the like: a variable user is not root unless we know it is.
                if (!IsRoot(value, out int userLength)) return;
                // Point at the user part of 'root:group' only, and only when it is in this file's final chain.
                var span = word.Span;
                if (word.Raw == value && userLength < word.Raw.Length) span = word.RawText.ToSourceSpan(0, userLength);
                ReportRunsAsRoot(context, final, span, $"the last USER of the final stage is '{value}'");
                return;
            }

            var root = final.RootImage;
            if (root == null) return; // the base depends on a build argument: it may well be a non-root image
            if (ImageFacts.RunsAsNonRootByDefault(root)) return;
            ReportRunsAsRoot(context, final, final.From.Span, $"the final stage (and the stages it builds on) set no USER, and '{root.Raw}' runs as root by default");
        }

        /// <summary>
        /// A startup command that switches to a non-root user itself (gosu, su-exec, setpriv...) runs the application
        /// unprivileged: only its first moments run as root, on purpose, so the finding is a suggestion at most.
        /// </summary>
        private static void ReportRunsAsRoot(DockerfileContext context, Stage final, Text.TextSpan span, string reason)
        {
            if (EntrypointPrivilegeDrop.Find(context, final) is string drop)
                context.Report(span, DiagnosticSeverity.Suggestion,
                    reason + $" (the startup command drops to a non-root user itself with {drop}, so only the startup runs as root)");
            else
                context.Report(span, reason);
        }

        /// <summary><c>root</c>, <c>0</c>, <c>root:x</c>, <c>0:x</c>.</summary>
        internal static bool IsRoot(string value, out int userLength)
        {
            int colon = value.IndexOf(':');
            string name = colon < 0 ? value : value.Substring(0, colon);
            userLength = name.Length;
            name = name.Trim();
            return name.Equals("root", StringComparison.Ordinal) || name == "0";
        }
    }
}
