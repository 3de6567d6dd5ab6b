using System;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>What is known about well-known base images: which are toolchains, which run as non-root, which have no shell.</summary>
    public static class ImageFacts
    {
        /// <summary>Tags that move to new releases over time.</summary>
        public static readonly string[] FloatingTags = { "latest", "lts", "stable", "current", "edge", "nightly", "rolling", "mainline" };

        /// <summary>The tag floats: <c>latest</c>, <c>lts</c>, ... alone or with a variant suffix (<c>lts-alpine</c>).</summary>
        public static bool IsFloatingTag(string tag, out string floatingWord)
        {
            foreach (var word in FloatingTags)
            {
                // The word alone or followed by '-' (latest-alpine), compared in place: no "word-" string per call.
                if ((tag.Length == word.Length || (tag.Length > word.Length && tag[word.Length] == '-'))
                    && string.Compare(tag, 0, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    floatingWord = word;
                    return true;
                }
            }
            floatingWord = "";
            return false;
        }

        public static bool IsMicrosoftDotNet(ImageReference image) =>
            image.Registry != null && image.Registry.Equals("mcr.microsoft.com", StringComparison.OrdinalIgnoreCase)
            && image.Path.StartsWith("dotnet/", StringComparison.OrdinalIgnoreCase);

        /// <summary>The .NET SDK image (also its nightly and old <c>core/</c> paths).</summary>
        public static bool IsDotNetSdk(ImageReference image) =>
            IsMicrosoftDotNet(image) && image.Name.Equals("sdk", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Images made to compile or package software, far larger than a runtime and full of tools an attacker can
        /// use. Returns a short description for messages.
        /// </summary>
        public static bool IsBuildToolchain(ImageReference image, out string what)
        {
            string tag = image.Tag ?? "";
            what = "";
            if (IsDotNetSdk(image)) { what = "the .NET SDK image"; return true; }
            if (image.Registry != null && !image.Registry.Equals("docker.io", StringComparison.OrdinalIgnoreCase)) return false;
            switch (image.Path.ToLowerInvariant())
            {
                case "golang": what = "the Go toolchain image"; return true;
                case "maven": what = "the Maven build image"; return true;
                case "gradle": what = "the Gradle build image"; return true;
                case "rust": what = "the Rust toolchain image"; return true;
                case "gcc": what = "the GCC toolchain image"; return true;
                case "buildpack-deps": what = "the buildpack-deps build image"; return true;
                case "openjdk": what = "a JDK image"; return true;
                case "eclipse-temurin":
                case "amazoncorretto":
                    if (tag.IndexOf("jre", StringComparison.OrdinalIgnoreCase) >= 0) return false;
                    what = "a JDK image";
                    return true;
                case "node":
                    // The full node images carry compilers, git and python for native modules; slim and alpine are runtimes.
                    if (tag.IndexOf("alpine", StringComparison.OrdinalIgnoreCase) >= 0 || tag.IndexOf("slim", StringComparison.OrdinalIgnoreCase) >= 0) return false;
                    what = "the full Node.js build image";
                    return true;
            }
            return false;
        }

        /// <summary>.NET chiseled and distroless images, distroless <c>nonroot</c> tags and other images that default to a non-root user.</summary>
        public static bool RunsAsNonRootByDefault(ImageReference image)
        {
            string tag = image.Tag ?? "";
            if (IsMicrosoftDotNet(image))
                return tag.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0
                    || tag.IndexOf("distroless", StringComparison.OrdinalIgnoreCase) >= 0;
            string registry = image.Registry ?? "";
            if (registry.Equals("gcr.io", StringComparison.OrdinalIgnoreCase) && image.Path.StartsWith("distroless/", StringComparison.OrdinalIgnoreCase))
                return tag.IndexOf("nonroot", StringComparison.OrdinalIgnoreCase) >= 0;
            if (registry.Equals("cgr.dev", StringComparison.OrdinalIgnoreCase)) return !tag.EndsWith("-dev", StringComparison.OrdinalIgnoreCase) && !tag.Equals("latest-dev", StringComparison.OrdinalIgnoreCase);
            if (image.Registry == null && image.Path.StartsWith("bitnami/", StringComparison.OrdinalIgnoreCase)) return true;
            if (image.Registry == null && image.Path.Equals("nginxinc/nginx-unprivileged", StringComparison.OrdinalIgnoreCase)) return true;
            return tag.IndexOf("nonroot", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>The administrator account of Windows containers: the Windows counterpart of root.</summary>
        public const string WindowsAdministrator = "ContainerAdministrator";

        /// <summary>The unprivileged account Windows images provide (Nano Server runs as it by default).</summary>
        public const string WindowsUser = "ContainerUser";

        /// <summary>
        /// The account a Windows image runs as when no USER is set: Nano Server images (<c>windows/nanoserver</c> and
        /// the <c>*-nanoserver-*</c> tags of .NET and other images) run as <c>ContainerUser</c>; Server Core,
        /// <c>windows</c> and <c>windows/server</c> images (and .NET Framework images, built on Server Core) run as
        /// <c>ContainerAdministrator</c>. Null for images that are not Windows images.
        /// </summary>
        public static string? WindowsDefaultUser(ImageReference image)
        {
            if (!StagePlatform.IsWindowsImage(image)) return null;
            string path = image.Path.ToLowerInvariant();
            string tag = (image.Tag ?? "").ToLowerInvariant();
            if (path.IndexOf("nanoserver", StringComparison.Ordinal) >= 0 || tag.IndexOf("nanoserver", StringComparison.Ordinal) >= 0) return WindowsUser;
            return WindowsAdministrator;
        }

        /// <summary>
        /// What the image's <c>/bin/sh</c> is, as far as well-known images tell, and whether <c>/bin/sh -c 'cmd args'</c>
        /// replaces itself with a lone simple command (exec) instead of running it as a child (fork). Returns a short
        /// description (<c>"BusyBox ash"</c>, <c>"dash 0.5.12"</c>...), or null when the image is not known.
        /// <list type="bullet">
        /// <item>BusyBox ash (Alpine, busybox): execs the last command of a <c>-c</c> string since BusyBox 1.28.</item>
        /// <item>bash as <c>/bin/sh</c> (Fedora, RHEL/UBI, CentOS, Rocky, Alma, Amazon Linux, Oracle Linux, Azure Linux,
        /// CBL-Mariner): execs a lone simple command without redirections.</item>
        /// <item>dash as packaged by Debian 11+ and Ubuntu 22.04+ (0.5.11 and later): execs it.</item>
        /// <item>dash as packaged by Debian 10 and older and Ubuntu 20.04 and older (0.5.10 and older, with Debian's
        /// patch that turned the optimisation off): forks.</item>
        /// </list>
        /// </summary>
        public static string? BinShOf(ImageReference image, out bool execsLoneCommand)
        {
            execsLoneCommand = false;
            string path = image.Path.ToLowerInvariant();
            string tag = (image.Tag ?? "").ToLowerInvariant();
            string registry = (image.Registry ?? "").ToLowerInvariant();

            if (tag.Contains("alpine") || path.Contains("alpine") || (image.Registry == null && path == "busybox"))
            {
                execsLoneCommand = true;
                return "BusyBox ash (Alpine's /bin/sh)";
            }
            foreach (var word in new[] { "buster", "stretch", "jessie", "focal", "bionic", "xenial" })
                if (tag.Contains(word)) return DashThatForks(word);
            foreach (var word in new[] { "trixie", "bookworm", "bullseye", "jammy", "noble", "oracular", "plucky" })
                if (tag.Contains(word))
                {
                    execsLoneCommand = true;
                    return DashThatExecs(word);
                }
            if (tag.Contains("azurelinux") || tag.Contains("cbl-mariner") || tag.Contains("mariner") || tag.Contains("ubi")
                || tag.Contains("fedora") || tag.Contains("rockylinux") || tag.Contains("almalinux") || tag.Contains("amazonlinux")
                || tag.Contains("oraclelinux"))
            {
                execsLoneCommand = true;
                return "bash (the image's /bin/sh)";
            }
            if (image.Registry == null && path.StartsWith("redhat/ubi", StringComparison.Ordinal))
            {
                execsLoneCommand = true;
                return "bash (the image's /bin/sh)";
            }
            if (image.Registry == null)
            {
                switch (path)
                {
                    case "fedora": case "centos": case "rockylinux": case "almalinux": case "amazonlinux": case "oraclelinux":
                    case "rockylinux/rockylinux":
                        execsLoneCommand = true;
                        return "bash (the image's /bin/sh)";
                    case "ubuntu":
                        if (tag.StartsWith("20.04", StringComparison.Ordinal) || tag.StartsWith("18.04", StringComparison.Ordinal) || tag.StartsWith("16.04", StringComparison.Ordinal))
                            return DashThatForks("Ubuntu " + tag);
                        if (tag.StartsWith("22.04", StringComparison.Ordinal) || tag.StartsWith("24.04", StringComparison.Ordinal))
                        {
                            execsLoneCommand = true;
                            return DashThatExecs("Ubuntu " + tag);
                        }
                        return null;
                    case "debian":
                        if (tag == "10" || tag.StartsWith("10.", StringComparison.Ordinal) || tag.StartsWith("10-", StringComparison.Ordinal)
                            || tag == "9" || tag.StartsWith("9.", StringComparison.Ordinal) || tag.StartsWith("9-", StringComparison.Ordinal))
                            return DashThatForks("Debian " + tag);
                        foreach (var major in new[] { "11", "12", "13" })
                            if (tag == major || tag.StartsWith(major + ".", StringComparison.Ordinal) || tag.StartsWith(major + "-", StringComparison.Ordinal))
                            {
                                execsLoneCommand = true;
                                return DashThatExecs("Debian " + tag);
                            }
                        return null;
                }
            }
            if ((registry == "registry.access.redhat.com" || registry == "registry.redhat.io") && path.StartsWith("ubi", StringComparison.Ordinal))
            {
                execsLoneCommand = true;
                return "bash (the image's /bin/sh)";
            }
            if (IsMicrosoftDotNet(image) && !StagePlatform.IsWindowsImage(image))
            {
                // Tags without a distribution word are Debian 12 for .NET 8 and 9 (Debian 11 for 6 and 7) and Ubuntu 24.04
                // for .NET 10: all ship dash 0.5.11 or later.
                int dot = tag.IndexOf('.');
                if (dot > 0 && int.TryParse(tag.Substring(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int major) && major >= 6 && major <= 10)
                {
                    execsLoneCommand = true;
                    return major >= 10 ? DashThatExecs("Ubuntu 24.04") : DashThatExecs(major >= 8 ? "Debian 12" : "Debian 11");
                }
            }
            return null;
        }

        private static string DashThatExecs(string release) => $"dash ({release}: dash 0.5.11 or later)";

        private static string DashThatForks(string release) => $"dash ({release}: dash 0.5.10 or earlier, as Debian and Ubuntu package it)";

        /// <summary>Images without <c>/bin/sh</c>: <c>scratch</c>, distroless, .NET chiseled and distroless tags.</summary>
        public static bool HasNoShell(ImageReference image, out string what)
        {
            string tag = image.Tag ?? "";
            what = "";
            if (image.IsScratch) { what = "scratch"; return true; }
            if (IsMicrosoftDotNet(image))
            {
                if (tag.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0) { what = "a .NET chiseled image"; return true; }
                if (tag.IndexOf("distroless", StringComparison.OrdinalIgnoreCase) >= 0) { what = "a .NET distroless image"; return true; }
                return false;
            }
            if ((image.Registry ?? "").Equals("gcr.io", StringComparison.OrdinalIgnoreCase)
                && image.Path.StartsWith("distroless/", StringComparison.OrdinalIgnoreCase)
                && tag.IndexOf("debug", StringComparison.OrdinalIgnoreCase) < 0)
            {
                what = "a distroless image";
                return true;
            }
            return false;
        }
    }
}
