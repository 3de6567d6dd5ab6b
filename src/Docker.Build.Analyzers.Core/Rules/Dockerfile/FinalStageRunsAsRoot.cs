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
            "The container runs as {0}: {1}. {2}",
            "A process running as root in the container is root on the host's kernel: any escape or mounted volume is a full compromise.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var final = context.Model.FinalStage;
            if (final == null) return;
            // A FROM scratch stage without a command only carries files out of the build: no container runs it.
            if (final.IsExportOnly) return;

            var user = final.FindLastInherited(i => i.Kind == InstructionKind.User, out var owner) as WordsInstruction;
            if (user != null)
            {
                var word = user.FirstWord;
                if (word == null || owner == null) return;
                string value = context.Model.Expand(word.Raw, owner.ScopeBefore(user), out bool complete);
                if (!complete) return; // $APP_UID and the like: a variable user is not root unless we know it is.
                bool administrator = IsWindowsAdministrator(value, out int userLength);
                if (!administrator && !IsRoot(value, out userLength)) return;
                // Point at the user part of 'root:group' only, and only when it is in this file's final chain.
                var span = word.Span;
                if (word.Raw == value && userLength < word.Raw.Length) span = word.RawText.ToSourceSpan(0, userLength);
                if (administrator)
                    context.Report(span, "an administrator", $"the last USER of the final stage is '{value}', the administrator of Windows containers", WindowsFix);
                else
                    ReportRunsAsRoot(context, final, span, $"the last USER of the final stage is '{value}'");
                return;
            }

            var root = final.RootImage;
            if (root == null) return; // the base depends on a build argument: it may well be a non-root image
            if (ImageFacts.RunsAsNonRootByDefault(root)) return;
            string? windowsUser = ImageFacts.WindowsDefaultUser(root);
            if (windowsUser == ImageFacts.WindowsUser) return; // Nano Server runs as ContainerUser, not an administrator
            if (windowsUser != null)
            {
                context.Report(final.From.Span, "an administrator",
                    $"the final stage (and the stages it builds on) set no USER, and '{root.Raw}' runs as {ImageFacts.WindowsAdministrator} by default", WindowsFix);
                return;
            }
            ReportRunsAsRoot(context, final, final.From.Span, $"the final stage (and the stages it builds on) set no USER, and '{root.Raw}' runs as root by default");
        }

        /// <summary>
        /// A startup command that switches to a non-root user itself (gosu, su-exec, setpriv...) runs the application
        /// unprivileged: only its first moments run as root, on purpose, so the finding is a suggestion at most.
        /// </summary>
        private static void ReportRunsAsRoot(DockerfileContext context, Stage final, Text.TextSpan span, string reason)
        {
            if (EntrypointPrivilegeDrop.Find(context, final) is string drop)
                context.Report(span, DiagnosticSeverity.Suggestion, "root",
                    reason + $" (the startup command drops to a non-root user itself with {drop}, so only the startup runs as root)", LinuxFix);
            else
                context.Report(span, "root", reason, LinuxFix);
        }

        private const string LinuxFix = "Add 'USER $APP_UID' (.NET 8+ images) or another non-root user at the end of the final stage";

        private const string WindowsFix = "Add 'USER ContainerUser' (the unprivileged account of Windows images) at the end of the final stage";

        /// <summary><c>ContainerAdministrator</c> (Windows account names ignore case), alone or as <c>ContainerAdministrator:group</c>.</summary>
        internal static bool IsWindowsAdministrator(string value, out int userLength)
        {
            int colon = value.IndexOf(':');
            string name = colon < 0 ? value : value.Substring(0, colon);
            userLength = name.Length;
            return name.Trim().Equals(ImageFacts.WindowsAdministrator, StringComparison.OrdinalIgnoreCase);
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
