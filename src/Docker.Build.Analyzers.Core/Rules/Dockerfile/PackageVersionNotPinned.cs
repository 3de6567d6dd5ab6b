using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR118 (suggestion): packages installed without a version (apt-get, apk, pip, npm, gem). Reported once per
    /// command, at its first unpinned package, naming the others in the message.
    /// </summary>
    public sealed class PackageVersionNotPinned : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR118", "Package installed without a version", RuleCategory.ImageAndBuild, DiagnosticSeverity.Suggestion,
            "{0} by '{1}' without a version, so the build takes whatever is newest that day: pin versions (for example '{2}') where reproducible builds matter",
            "Unpinned packages make two builds of the same Dockerfile differ. Pinning trades that for maintenance: pinned versions must be bumped, and old versions can disappear from distribution mirrors.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var shipped = RunCommandFacts.ShippedStages(context.Model);
            foreach (var run in context.Document.RunScripts.All)
            {
                // Packages installed in a build stage the final image does not build on never ship: a suggestion at most.
                var severity = shipped.Contains(run.Stage) ? Rule.DefaultSeverity : RunCommandFacts.AtMostSuggestion(Rule.DefaultSeverity);
                foreach (var command in run.Commands)
                {
                    var effective = command.EffectiveCommand;
                    if (RunCommandFacts.AptSubcommand(effective, "install") != null) CheckApt(context, effective, severity);
                    else if (effective.CommandName == "apk" && effective.Subcommand?.Value == "add") CheckApk(context, effective, severity);
                    else if (effective.CommandName == "npm" && IsNpmInstall(effective.Subcommand?.Value)) CheckNpm(context, effective, severity);
                    else if (effective.CommandName == "gem" && effective.Subcommand?.Value == "install") CheckGem(context, effective, severity);
                    else
                    {
                        var pip = RunCommandFacts.Pip(command);
                        if (pip != null && pip.Subcommand?.Value == "install") CheckPip(context, pip, severity);
                    }
                }
            }
        }

        private static readonly char[] ApkVersionMarks = { '=', '~', '<', '>' };
        private static readonly char[] PipVersionMarks = { '=', '<', '>', '~', '!' };

        private static bool IsNpmInstall(string? sub) => sub == "install" || sub == "i" || sub == "add";

        /// <summary>
        /// The unpinned packages of one command and how to pin the first. A struct that keeps the first three words
        /// and a count: the usual command with nothing unpinned costs no allocation, and the message names only three.
        /// </summary>
        private struct Unpinned
        {
            private const int Shown = 3;
            private ShellWord? _first, _second, _third;
            private string? _exampleName, _exampleSuffix;
            private int _count;

            /// <summary>Adds a package; the first one's <paramref name="name"/> + <paramref name="suffix"/> is the example (<c>curl=&lt;version&gt;</c>).</summary>
            public void Add(ShellWord package, string name, string suffix)
            {
                switch (_count)
                {
                    case 0:
                        _first = package;
                        _exampleName = name;
                        _exampleSuffix = suffix;
                        break;
                    case 1: _second = package; break;
                    case 2: _third = package; break;
                }
                _count++;
            }

            public void Report(DockerfileContext context, DiagnosticSeverity severity, string tool)
            {
                if (_count == 0) return;
                if (severity == Rule.DefaultSeverity) context.Report(_first!.Span, Describe(), tool, _exampleName + _exampleSuffix);
                else context.Report(_first!.Span, severity, Describe(), tool, _exampleName + _exampleSuffix);
            }

            private string Describe()
            {
                string first = "'" + _first!.Value + "'";
                switch (_count)
                {
                    case 1: return first + " is installed";
                    case 2: return first + " and '" + _second!.Value + "' are installed";
                    case 3: return first + ", '" + _second!.Value + "' and '" + _third!.Value + "' are installed";
                    default:
                        return first + ", '" + _second!.Value + "', '" + _third!.Value + "' and "
                            + (_count - Shown).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more packages are installed";
                }
            }
        }

        private static void CheckApt(DockerfileContext context, CommandInvocation apt, DiagnosticSeverity severity)
        {
            var unpinned = new Unpinned();
            var packages = apt.OperandsAfterSubcommand;
            for (int i = 0; i < packages.Count; i++)
            {
                var package = packages[i];
                string v = package.Value;
                if (package.ContainsExpansion || v.IndexOf('=') >= 0 || IsPathOrUrl(v) || v.EndsWith(".deb", StringComparison.Ordinal)) continue;
                unpinned.Add(package, v, "=<version>");
            }
            unpinned.Report(context, severity, apt.CommandName == "apt" ? "apt install" : "apt-get install");
        }

        private static void CheckApk(DockerfileContext context, CommandInvocation apk, DiagnosticSeverity severity)
        {
            var unpinned = new Unpinned();
            var packages = apk.OperandsAfterSubcommand;
            for (int i = 0; i < packages.Count; i++)
            {
                var package = packages[i];
                string v = package.Value;
                if (package.ContainsExpansion || v.IndexOfAny(ApkVersionMarks) >= 0 || IsPathOrUrl(v) || v.EndsWith(".apk", StringComparison.Ordinal)) continue;
                unpinned.Add(package, v, "=<version>");
            }
            unpinned.Report(context, severity, "apk add");
        }

        private static void CheckPip(DockerfileContext context, CommandInvocation pip, DiagnosticSeverity severity)
        {
            var unpinned = new Unpinned();
            // A constraints file pins what the command line names.
            if (pip.HasOption("-c", "--constraint")) return;
            bool upgrade = pip.HasOption("-U", "--upgrade");
            var packages = pip.OperandsAfterSubcommand;
            for (int i = 0; i < packages.Count; i++)
            {
                var package = packages[i];
                string v = package.Value;
                if (package.ContainsExpansion || IsPathOrUrl(v) || v.IndexOf('@') >= 0) continue;
                if (v.IndexOfAny(PipVersionMarks) >= 0) continue;
                if (v.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) continue;
                string name = v;
                int bracket = name.IndexOf('[');
                if (bracket > 0) name = name.Substring(0, bracket);
                // 'pip install --upgrade pip setuptools wheel' refreshes the installer itself.
                if (upgrade && (name == "pip" || name == "setuptools" || name == "wheel")) continue;
                unpinned.Add(package, name, "==<version>");
            }
            unpinned.Report(context, severity, "pip install");
        }

        private static void CheckNpm(DockerfileContext context, CommandInvocation npm, DiagnosticSeverity severity)
        {
            var unpinned = new Unpinned();
            var packages = npm.OperandsAfterSubcommand;
            for (int i = 0; i < packages.Count; i++)
            {
                var package = packages[i];
                string v = package.Value;
                if (package.ContainsExpansion || v.EndsWith(".tgz", StringComparison.Ordinal) || v.IndexOf(':') >= 0 || v.StartsWith(".", StringComparison.Ordinal)) continue;
                bool scoped = v.StartsWith("@", StringComparison.Ordinal);
                if (!scoped && v.IndexOf('/') >= 0) continue; // user/repo from GitHub, or a path
                if (v.IndexOf('@', scoped ? 1 : 0) > 0) continue;
                unpinned.Add(package, v, "@<version>");
            }
            unpinned.Report(context, severity, "npm install");
        }

        private static void CheckGem(DockerfileContext context, CommandInvocation gem, DiagnosticSeverity severity)
        {
            var unpinned = new Unpinned();
            if (gem.HasOption("-v", "--version")) return;
            var packages = gem.OperandsAfterSubcommand;
            for (int i = 0; i < packages.Count; i++)
            {
                var package = packages[i];
                string v = package.Value;
                if (package.ContainsExpansion || v.IndexOf(':') >= 0 || v.EndsWith(".gem", StringComparison.Ordinal) || IsPathOrUrl(v)) continue;
                unpinned.Add(package, v, " -v <version>");
            }
            unpinned.Report(context, severity, "gem install");
        }

        private static bool IsPathOrUrl(string v) =>
            v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith(".", StringComparison.Ordinal) || v.IndexOf("://", StringComparison.Ordinal) >= 0
            || v.StartsWith("git+", StringComparison.Ordinal) || v.IndexOf('/') >= 0 || v.IndexOf('\\') >= 0;
    }
}
