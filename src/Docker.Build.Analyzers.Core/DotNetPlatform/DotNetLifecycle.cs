using System;
using System.Collections.Generic;
using NuGet.Versioning;

namespace Docker.Build.Analyzers.DotNetPlatform
{
    /// <summary>
    /// When each .NET (Core) release stops getting fixes, from Microsoft's .NET support policy
    /// (dotnet.microsoft.com/platform/support/policy/dotnet-core). LTS releases get 36 months, STS releases 18, and
    /// 24 from .NET 9 on. A version missing here (a future one) is never called end-of-life.
    /// </summary>
    public static class DotNetLifecycle
    {
        public sealed class Release
        {
            public Release(int major, int minor, DateTime released, DateTime endOfSupport, bool isLts)
            {
                Released = released;
                Major = major;
                Minor = minor;
                EndOfSupport = endOfSupport;
                IsLts = isLts;
            }

            public int Major { get; }
            public int Minor { get; }

            /// <summary>General availability: a release is only recommended once it is out.</summary>
            public DateTime Released { get; }

            /// <summary>The last day with support; from the next day on there are no security fixes.</summary>
            public DateTime EndOfSupport { get; }

            public bool IsLts { get; }
            public string Name => Major + "." + Minor;
        }

        public static IReadOnlyList<Release> Releases { get; } = new[]
        {
            new Release(1, 0, new DateTime(2016, 6, 27), new DateTime(2019, 6, 27), isLts: true),
            new Release(1, 1, new DateTime(2016, 11, 16), new DateTime(2019, 6, 27), isLts: false),
            new Release(2, 0, new DateTime(2017, 8, 14), new DateTime(2018, 10, 1), isLts: false),
            new Release(2, 1, new DateTime(2018, 5, 30), new DateTime(2021, 8, 21), isLts: true),
            new Release(2, 2, new DateTime(2018, 12, 4), new DateTime(2019, 12, 23), isLts: false),
            new Release(3, 0, new DateTime(2019, 9, 23), new DateTime(2020, 3, 3), isLts: false),
            new Release(3, 1, new DateTime(2019, 12, 3), new DateTime(2022, 12, 13), isLts: true),
            new Release(5, 0, new DateTime(2020, 11, 10), new DateTime(2022, 5, 10), isLts: false),
            new Release(6, 0, new DateTime(2021, 11, 8), new DateTime(2024, 11, 12), isLts: true),
            new Release(7, 0, new DateTime(2022, 11, 8), new DateTime(2024, 5, 14), isLts: false),
            new Release(8, 0, new DateTime(2023, 11, 14), new DateTime(2026, 11, 10), isLts: true),
            new Release(9, 0, new DateTime(2024, 11, 12), new DateTime(2026, 11, 10), isLts: false),
            new Release(10, 0, new DateTime(2025, 11, 11), new DateTime(2028, 11, 14), isLts: true),
            new Release(11, 0, new DateTime(2026, 11, 10), new DateTime(2028, 11, 14), isLts: false),
        };

        public static Release? Find(NuGetVersion version)
        {
            foreach (var release in Releases)
                if (release.Major == version.Major && release.Minor == version.Minor) return release;
            return null;
        }

        /// <summary>True when the release's support ended before <paramref name="today"/>.</summary>
        public static bool IsEndOfLife(NuGetVersion version, DateTime today, out Release? release)
        {
            release = Find(version);
            return release != null && today.Date > release.EndOfSupport;
        }

        /// <summary>The release to move to on <paramref name="today"/>: the newest supported LTS, else the newest supported one.</summary>
        public static Release? Recommended(DateTime today)
        {
            Release? lts = null, any = null;
            foreach (var release in Releases)
            {
                if (today.Date > release.EndOfSupport || today.Date < release.Released) continue;
                if (release.IsLts && (lts == null || release.Major > lts.Major)) lts = release;
                if (any == null || release.Major > any.Major) any = release;
            }
            return lts ?? any;
        }
    }
}
