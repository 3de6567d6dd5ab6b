using System;
using Docker.Build.Analyzers.Dockerfile;
using NuGet.Versioning;

namespace Docker.Build.Analyzers.DotNetPlatform
{
    /// <summary>The kinds of official .NET images.</summary>
    public enum DotNetImageKind
    {
        Sdk,
        AspNet,
        Runtime,
        RuntimeDeps,
    }

    /// <summary>
    /// An official .NET image (<c>mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps}</c>, also the nightly and
    /// the older <c>core/</c> paths) and what its tag says: the .NET version and the variant (Alpine, chiseled, ...).
    /// </summary>
    public sealed class DotNetImage
    {
        private DotNetImage(ImageReference image, DotNetImageKind kind, NuGetVersion? version)
        {
            Image = image;
            Kind = kind;
            Version = version;
        }

        public ImageReference Image { get; }
        public DotNetImageKind Kind { get; }

        /// <summary>
        /// The version the tag names: <c>9.0</c> for <c>9.0-alpine</c>, <c>9.0.3</c> for <c>9.0.3-bookworm-slim</c>, the
        /// SDK version for SDK tags (<c>9.0.102</c>); null for <c>latest</c>, no tag or a tag that names no version.
        /// </summary>
        public NuGetVersion? Version { get; }

        /// <summary>The tag names major.minor only (<c>8.0</c>, <c>8.0-alpine</c>): it floats over patches and SDK feature bands.</summary>
        public bool VersionIsMajorMinorOnly { get; private set; }

        private string TagText => (Image.Tag ?? "").ToLowerInvariant();

        public bool IsAlpine => TagText.Contains("alpine");
        public bool IsChiseled => TagText.Contains("chiseled");
        public bool IsDistroless => TagText.Contains("distroless");

        /// <summary>Chiseled or distroless with <c>-extra</c>: ICU and tzdata included.</summary>
        public bool IsExtra => TagText.Contains("extra");

        public bool IsWindows => StagePlatform.IsWindowsImage(Image);

        /// <summary>Ubuntu chiseled and Azure Linux distroless images: no shell, no package manager.</summary>
        public bool IsShellLess => IsChiseled || IsDistroless;

        /// <summary>
        /// The runtime image runs in globalization-invariant mode (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true</c>):
        /// Alpine runtime images and chiseled/distroless images without <c>-extra</c>.
        /// </summary>
        public bool ForcesInvariantGlobalization =>
            Kind != DotNetImageKind.Sdk && !IsWindows && ((IsAlpine && !IsExtra) || (IsShellLess && !IsExtra));

        /// <summary>The repository name as written in messages: <c>aspnet</c>, <c>runtime</c>...</summary>
        public string KindName => Kind switch
        {
            DotNetImageKind.Sdk => "sdk",
            DotNetImageKind.AspNet => "aspnet",
            DotNetImageKind.Runtime => "runtime",
            _ => "runtime-deps",
        };

        /// <summary>The .NET major.minor the image carries (for SDK images: the runtime the SDK ships), or null.</summary>
        public Version? MajorMinor => Version == null ? null : new Version(Version.Major, Version.Minor);

        public static DotNetImage? From(ImageReference? image)
        {
            if (image == null || !ImageFacts.IsMicrosoftDotNet(image)) return null;
            string path = image.Path.ToLowerInvariant();
            // dotnet/aspnet, dotnet/nightly/aspnet, dotnet/core/aspnet, dotnet/core-nightly/aspnet.
            string[] parts = path.Split('/');
            if (parts.Length < 2 || parts.Length > 3) return null;
            if (parts.Length == 3 && parts[1] != "nightly" && parts[1] != "core" && parts[1] != "core-nightly") return null;
            DotNetImageKind kind;
            switch (parts[parts.Length - 1])
            {
                case "sdk": kind = DotNetImageKind.Sdk; break;
                case "aspnet": kind = DotNetImageKind.AspNet; break;
                case "runtime": kind = DotNetImageKind.Runtime; break;
                case "runtime-deps": kind = DotNetImageKind.RuntimeDeps; break;
                default: return null;
            }
            var version = DotNetVersions.ParseTagVersion(image.Tag, out bool majorMinorOnly);
            return new DotNetImage(image, kind, version) { VersionIsMajorMinorOnly = majorMinorOnly };
        }

        public override string ToString() => Image.Raw;
    }
}
