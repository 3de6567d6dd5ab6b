using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// What MSBuild knows about how the project builds and publishes, for the .NET cross-checks (DKR6xx). The hosts
    /// pass evaluated properties and items; the engine never reads a project file itself. Unset properties are null,
    /// so a rule can tell "false" from "not said".
    /// </summary>
    public sealed class DotNetProjectFacts
    {
        public static readonly DotNetProjectFacts None = new DotNetProjectFacts();

        public DotNetProjectFacts(
            bool? invariantGlobalization = null,
            bool? publishRelease = null,
            bool? selfContained = null,
            bool? publishAot = null,
            bool? useAppHost = null,
            string? runtimeIdentifier = null,
            string? rollForward = null,
            IReadOnlyList<string>? packageReferences = null,
            IReadOnlyList<string>? projectReferences = null,
            bool centralPackageManagement = false,
            string? directoryPackagesPropsPath = null,
            string? directoryBuildPropsPath = null,
            string? directoryBuildTargetsPath = null,
            string? globalJsonPath = null,
            string? globalJsonSdkVersion = null,
            string? globalJsonRollForward = null,
            DateTime? today = null,
            SdkContainerFacts? container = null,
            AppCodeFacts? code = null)
        {
            Container = container;
            Code = code ?? AppCodeFacts.Unknown;
            InvariantGlobalization = invariantGlobalization;
            PublishRelease = publishRelease;
            SelfContained = selfContained;
            PublishAot = publishAot;
            UseAppHost = useAppHost;
            RuntimeIdentifier = Blank(runtimeIdentifier);
            RollForward = Blank(rollForward);
            PackageReferences = packageReferences ?? Array.Empty<string>();
            ProjectReferences = projectReferences ?? Array.Empty<string>();
            CentralPackageManagement = centralPackageManagement;
            DirectoryPackagesPropsPath = Blank(directoryPackagesPropsPath);
            DirectoryBuildPropsPath = Blank(directoryBuildPropsPath);
            DirectoryBuildTargetsPath = Blank(directoryBuildTargetsPath);
            GlobalJsonPath = Blank(globalJsonPath);
            GlobalJsonSdkVersion = Blank(globalJsonSdkVersion);
            GlobalJsonRollForward = Blank(globalJsonRollForward);
            Today = today;
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        public bool? InvariantGlobalization { get; }

        /// <summary><c>PublishRelease</c>: null when the project does not set it (the SDK's default applies: true from .NET 8 on).</summary>
        public bool? PublishRelease { get; }

        public bool? SelfContained { get; }
        public bool? PublishAot { get; }
        public bool? UseAppHost { get; }
        public string? RuntimeIdentifier { get; }

        /// <summary><c>RollForward</c> of the app (Minor by default): Major or LatestMajor let it run on a newer runtime.</summary>
        public string? RollForward { get; }

        /// <summary>The ids of the project's PackageReference items.</summary>
        public IReadOnlyList<string> PackageReferences { get; }

        /// <summary>Full paths of the project files the project references.</summary>
        public IReadOnlyList<string> ProjectReferences { get; }

        /// <summary><c>ManagePackageVersionsCentrally</c> is on.</summary>
        public bool CentralPackageManagement { get; }

        public string? DirectoryPackagesPropsPath { get; }
        public string? DirectoryBuildPropsPath { get; }
        public string? DirectoryBuildTargetsPath { get; }

        /// <summary>The <c>global.json</c> that selects the SDK for this project, when there is one.</summary>
        public string? GlobalJsonPath { get; }

        /// <summary>global.json's <c>sdk.version</c>, as written (the rules parse it; the host only reads the file).</summary>
        public string? GlobalJsonSdkVersion { get; }

        /// <summary>global.json's <c>sdk.rollForward</c>; null means the SDK's default (latestPatch).</summary>
        public string? GlobalJsonRollForward { get; }

        /// <summary>The date support lifecycles are judged on; null means the current UTC date (tests pin it).</summary>
        public DateTime? Today { get; }

        /// <summary>The container the SDK publishes without a Dockerfile (DKR617–DKR621); null when the project sets none of it.</summary>
        public SdkContainerFacts? Container { get; }

        /// <summary>What the app's C# code says about ports and health endpoints; <see cref="AppCodeFacts.Unknown"/> when not read.</summary>
        public AppCodeFacts Code { get; }

        /// <summary>The app needs no shared .NET runtime in the image: self-contained or native AOT.</summary>
        public bool IsSelfContained => SelfContained == true || PublishAot == true;

        public bool References(string packageId)
        {
            foreach (var id in PackageReferences)
                if (string.Equals(id, packageId, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
