using System;
using System.Globalization;
using NuGet.Versioning;

namespace Docker.Build.Analyzers.DotNetPlatform
{
    /// <summary>
    /// Versions as .NET images, target frameworks and global.json write them, turned into NuGet versions so that they
    /// compare the way the SDK compares them (prerelease labels sort before the release).
    /// </summary>
    public static class DotNetVersions
    {
        /// <summary>
        /// The version at the start of an image tag: <c>9.0</c> of <c>9.0-alpine</c>, <c>9.0.3</c> of
        /// <c>9.0.3-bookworm-slim</c>, <c>10.0.0-preview.3</c> of <c>10.0.0-preview.3-noble</c>; null for <c>latest</c>,
        /// <c>lts</c> and other tags that do not start with major.minor. The OS and variant words after the version are
        /// not a prerelease label, so the numeric part is cut out before NuGet parses it.
        /// </summary>
        public static NuGetVersion? ParseTagVersion(string? tag, out bool majorMinorOnly)
        {
            majorMinorOnly = false;
            if (string.IsNullOrEmpty(tag)) return null;
            int end = 0;
            int dots = 0;
            while (end < tag!.Length && (char.IsDigit(tag[end]) || (tag[end] == '.' && end > 0 && tag[end - 1] != '.')))
            {
                if (tag[end] == '.') dots++;
                end++;
            }
            if (end > 0 && tag[end - 1] == '.') { end--; dots--; }
            if (dots < 1) return null;
            string numbers = tag.Substring(0, end);
            // A .NET preview tag names its label right after the numbers: 10.0.0-preview.3, 9.0-preview.
            string label = "";
            string rest = tag.Substring(end);
            foreach (var word in new[] { "-preview", "-rc" })
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    int stop = word.Length;
                    while (stop < rest.Length && (char.IsDigit(rest[stop]) || rest[stop] == '.')) stop++;
                    label = rest.Substring(0, stop).TrimEnd('.');
                    break;
                }
            }
            majorMinorOnly = dots == 1;
            return NuGetVersion.TryParse(numbers + label, out var version) ? version : null;
        }

        /// <summary>
        /// The .NET version a target framework names: <c>net9.0</c> (also <c>net9.0-windows</c>) is 9.0,
        /// <c>netcoreapp3.1</c> is 3.1; null for .NET Framework (<c>net48</c>), .NET Standard and anything else.
        /// </summary>
        public static NuGetVersion? ParseTargetFramework(string? tfm)
        {
            if (string.IsNullOrWhiteSpace(tfm)) return null;
            string value = tfm!.Trim().ToLowerInvariant();
            int dash = value.IndexOf('-');
            if (dash >= 0) value = value.Substring(0, dash);
            string number;
            if (value.StartsWith("netcoreapp", StringComparison.Ordinal)) number = value.Substring("netcoreapp".Length);
            else if (value.StartsWith("net", StringComparison.Ordinal) && !value.StartsWith("netstandard", StringComparison.Ordinal)) number = value.Substring(3);
            else return null;
            // net5.0 and later always have a dot; dotless net48/net472 are .NET Framework.
            if (number.IndexOf('.') < 0) return null;
            if (!NuGetVersion.TryParse(number, out var version)) return null;
            if (version.Major < 1 || (value.StartsWith("net", StringComparison.Ordinal) && !value.StartsWith("netcoreapp", StringComparison.Ordinal) && version.Major < 5)) return null;
            return version;
        }

        /// <summary>Major and minor equal: what decides whether a framework-dependent app starts on a runtime.</summary>
        public static bool SameMajorMinor(NuGetVersion a, NuGetVersion b) => a.Major == b.Major && a.Minor == b.Minor;

        /// <summary>Compares major.minor only (-1, 0, 1).</summary>
        public static int CompareMajorMinor(NuGetVersion a, NuGetVersion b)
        {
            int c = a.Major.CompareTo(b.Major);
            return c != 0 ? c : a.Minor.CompareTo(b.Minor);
        }

        public static string MajorMinor(NuGetVersion version) =>
            version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);

        /// <summary>The SDK feature band of an SDK version: 9.0.103 is band 100, 9.0.305 band 300.</summary>
        public static int FeatureBand(NuGetVersion sdkVersion) => sdkVersion.Patch / 100 * 100;
    }
}
