using System;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Tells Windows container stages (and stages whose SHELL is not a POSIX shell) from Linux ones.</summary>
    public static class StagePlatform
    {
        /// <summary>Windows base images: servercore, nanoserver, windows, .NET Framework and the Windows tags of multi-OS images.</summary>
        public static bool IsWindowsImage(ImageReference image)
        {
            string path = image.Path.ToLowerInvariant();
            string tag = (image.Tag ?? "").ToLowerInvariant();
            if (path == "windows" || path.StartsWith("windows/", StringComparison.Ordinal)) return true;
            if (path.IndexOf("nanoserver", StringComparison.Ordinal) >= 0 || path.IndexOf("servercore", StringComparison.Ordinal) >= 0) return true;
            if (path.StartsWith("dotnet/framework/", StringComparison.Ordinal)) return true;
            return tag.IndexOf("nanoserver", StringComparison.Ordinal) >= 0
                || tag.IndexOf("windowsservercore", StringComparison.Ordinal) >= 0
                || tag.StartsWith("ltsc", StringComparison.Ordinal)
                || tag.IndexOf("-ltsc", StringComparison.Ordinal) >= 0;
        }

        /// <summary>The SHELL executable is PowerShell or cmd rather than a POSIX shell.</summary>
        public static bool IsNonPosixShell(ShellInstruction shell)
        {
            var command = shell.Command;
            if (command == null || command.Arguments.Count == 0) return false;
            string exe = command.Arguments[0].Value.Replace('\\', '/');
            int slash = exe.LastIndexOf('/');
            if (slash >= 0) exe = exe.Substring(slash + 1);
            exe = exe.ToLowerInvariant();
            if (exe.EndsWith(".exe", StringComparison.Ordinal)) exe = exe.Substring(0, exe.Length - 4);
            return exe == "powershell" || exe == "pwsh" || exe == "cmd";
        }

        /// <summary>
        /// A Windows stage: the Dockerfile uses the backtick escape, the root image is a Windows image, or a SHELL in
        /// the stage chain is PowerShell or cmd. Signals, shells and paths work differently there.
        /// </summary>
        public static bool IsWindowsOrNonPosix(Stage stage, DockerfileSyntax syntax)
        {
            if (syntax.EscapeCharacter == '`') return true;
            var root = stage.RootImage;
            if (root != null && IsWindowsImage(root)) return true;
            return stage.FindLastInherited(i => i is ShellInstruction s && IsNonPosixShell(s)) != null;
        }
    }
}
