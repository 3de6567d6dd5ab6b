using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR207: a mode that grants write permission to others (<c>chmod 777</c>, <c>chmod o+w</c>, <c>mkdir -m 777</c>,
    /// <c>install -m 666</c>, <c>COPY --chmod=777</c>). Modes with the sticky bit (<c>1777</c>, the shared-temp-directory
    /// pattern) and who-less symbolic modes such as <c>+w</c> (filtered by the umask) are not reported.
    /// </summary>
    public sealed class WorldWritablePermissions : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR207", "World-writable permissions", RuleCategory.Security, DiagnosticSeverity.Warning,
            "Mode '{0}' lets every user write to {1}: any process in the container, whatever user it runs as, can change them and plant code that others run. Grant write to the owner only (755 for directories and programs, 644 for files) and give ownership to the user that must write (chown, or --chown on COPY)",
            "Files writable by 'others' break the separation between the users of a container; a compromised low-privilege process can modify binaries, scripts or configuration used by more privileged ones.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            foreach (var instruction in context.Syntax.Instructions)
            {
                if (!(instruction is CopyInstruction copy)) continue;
                var chmod = copy.GetFlag("chmod");
                if (chmod?.ValueWord == null) continue;
                if (GrantsOthersWrite(chmod.ValueWord.Value))
                    context.Report(chmod.ValueWord.Span, chmod.ValueWord.Value, "the copied files");
            }

            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    var e = command.EffectiveCommand;
                    ShellWord? mode = null;
                    switch (e.CommandName)
                    {
                        case "chmod":
                            if (e.HasOption("--reference")) break;
                            var operands = e.Operands;
                            if (operands.Count >= 2) mode = operands[0];
                            break;
                        case "mkdir":
                        case "install":
                            mode = e.OptionValue("-m", "--mode");
                            break;
                    }
                    if (mode == null || mode.ContainsExpansion) continue;
                    if (GrantsOthersWrite(mode.Value)) context.Report(mode.Span, mode.Value, e.CommandName == "mkdir" ? "the directory" : "the files");
                }
            }
        }

        /// <summary>True when the mode gives write permission to others.</summary>
        internal static bool GrantsOthersWrite(string mode)
        {
            mode = mode.Trim();
            if (mode.Length == 0) return false;
            if (IsOctal(mode))
            {
                int bits = OctalToInt(mode);
                if ((bits & 0x200) != 0) return false; // sticky bit (1xxx): a shared temp directory
                return (bits & 0x2) != 0;
            }
            foreach (var clause in mode.Split(','))
            {
                int i = 0;
                bool others = false, any = false;
                while (i < clause.Length && "ugoa".IndexOf(clause[i]) >= 0)
                {
                    any = true;
                    if (clause[i] == 'o' || clause[i] == 'a') others = true;
                    i++;
                }
                // Without a 'who', the umask decides, and the usual 022 keeps write away from others.
                if (!any) continue;
                while (i < clause.Length)
                {
                    char op = clause[i];
                    if (op != '+' && op != '-' && op != '=') return false;
                    i++;
                    bool write = false;
                    while (i < clause.Length && "rwxXstugo".IndexOf(clause[i]) >= 0)
                    {
                        if (clause[i] == 'w') write = true;
                        i++;
                    }
                    if (others && write && op != '-') return true;
                }
            }
            return false;
        }

        private static bool IsOctal(string mode)
        {
            if (mode.Length > 5) return false;
            foreach (char c in mode)
                if (c < '0' || c > '7') return false;
            return true;
        }

        private static int OctalToInt(string mode)
        {
            int v = 0;
            foreach (char c in mode) v = v * 8 + (c - '0');
            return v;
        }
    }
}
