using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>DKR118 (suggestion): a package installed without a version (apt-get, apk, pip, npm, gem), reported at each package.</summary>
    public sealed class PackageVersionNotPinned : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR118", "Package installed without a version", RuleCategory.ImageAndBuild, DiagnosticSeverity.Suggestion,
            "'{0}' is installed by '{1}' without a version, so the build takes whatever is newest that day: pin it as '{2}' where reproducible builds matter",
            "Unpinned packages make two builds of the same Dockerfile differ. Pinning trades that for maintenance: pinned versions must be bumped, and old versions can disappear from distribution mirrors.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    var effective = command.EffectiveCommand;
                    if (RunCommandFacts.AptSubcommand(effective, "install") != null) CheckApt(context, effective);
                    else if (effective.CommandName == "apk" && effective.Subcommand?.Value == "add") CheckApk(context, effective);
                    else if (effective.CommandName == "npm" && IsNpmInstall(effective.Subcommand?.Value)) CheckNpm(context, effective);
                    else if (effective.CommandName == "gem" && effective.Subcommand?.Value == "install") CheckGem(context, effective);
                    else
                    {
                        var pip = RunCommandFacts.Pip(command);
                        if (pip != null && pip.Subcommand?.Value == "install") CheckPip(context, pip);
                    }
                }
            }
        }

        private static bool IsNpmInstall(string? sub) => sub == "install" || sub == "i" || sub == "add";

        private static void CheckApt(DockerfileContext context, CommandInvocation apt)
        {
            foreach (var package in apt.OperandsAfterSubcommand)
            {
                string v = package.Value;
                if (package.ContainsExpansion || v.IndexOf('=') >= 0 || IsPathOrUrl(v) || v.EndsWith(".deb", StringComparison.Ordinal)) continue;
                context.Report(package.Span, v, apt.CommandName + " install", v + "=<version>");
            }
        }

        private static void CheckApk(DockerfileContext context, CommandInvocation apk)
        {
            foreach (var package in apk.OperandsAfterSubcommand)
            {
                string v = package.Value;
                if (package.ContainsExpansion || v.IndexOfAny(new[] { '=', '~', '<', '>' }) >= 0 || IsPathOrUrl(v) || v.EndsWith(".apk", StringComparison.Ordinal)) continue;
                context.Report(package.Span, v, "apk add", v + "=<version>");
            }
        }

        private static void CheckPip(DockerfileContext context, CommandInvocation pip)
        {
            // A constraints file pins what the command line names.
            if (pip.HasOption("-c", "--constraint")) return;
            foreach (var package in pip.OperandsAfterSubcommand)
            {
                string v = package.Value;
                if (package.ContainsExpansion || IsPathOrUrl(v) || v.IndexOf('@') >= 0) continue;
                if (v.IndexOfAny(new[] { '=', '<', '>', '~', '!' }) >= 0) continue;
                if (v.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) continue;
                string name = v;
                int bracket = name.IndexOf('[');
                if (bracket > 0) name = name.Substring(0, bracket);
                context.Report(package.Span, v, "pip install", name + "==<version>");
            }
        }

        private static void CheckNpm(DockerfileContext context, CommandInvocation npm)
        {
            foreach (var package in npm.OperandsAfterSubcommand)
            {
                string v = package.Value;
                if (package.ContainsExpansion || v.EndsWith(".tgz", StringComparison.Ordinal) || v.IndexOf(':') >= 0 || v.StartsWith(".", StringComparison.Ordinal)) continue;
                bool scoped = v.StartsWith("@", StringComparison.Ordinal);
                if (!scoped && v.IndexOf('/') >= 0) continue; // user/repo from GitHub, or a path
                if (v.IndexOf('@', scoped ? 1 : 0) > 0) continue;
                context.Report(package.Span, v, "npm install", v + "@<version>");
            }
        }

        private static void CheckGem(DockerfileContext context, CommandInvocation gem)
        {
            if (gem.HasOption("-v", "--version")) return;
            foreach (var package in gem.OperandsAfterSubcommand)
            {
                string v = package.Value;
                if (package.ContainsExpansion || v.IndexOf(':') >= 0 || v.EndsWith(".gem", StringComparison.Ordinal) || IsPathOrUrl(v)) continue;
                context.Report(package.Span, v, "gem install", v + " -v <version>");
            }
        }

        private static bool IsPathOrUrl(string v) =>
            v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith(".", StringComparison.Ordinal) || v.IndexOf("://", StringComparison.Ordinal) >= 0
            || v.StartsWith("git+", StringComparison.Ordinal) || v.IndexOf('/') >= 0 || v.IndexOf('\\') >= 0;
    }
}
