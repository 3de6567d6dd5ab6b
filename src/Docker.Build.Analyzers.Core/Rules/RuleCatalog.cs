using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules.Analyzer;
using Docker.Build.Analyzers.Rules.Dockerfile;

namespace Docker.Build.Analyzers.Rules
{
    /// <summary>Every rule of the product, one line each. The CLI, the docs and the tests enumerate this list.</summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<Rule> Rules { get; } = new Rule[]
        {
            // DKR1xx: image and build
            new BaseImageNotPinned(),
            new FinalStageIsBuildImage(),
            new AptInstallsRecommendedPackages(),
            new AptListsLeftInLayer(),
            new AptUpdateWithoutInstall(),
            new ApkAddWithoutNoCache(),
            new PipInstallKeepsCache(),
            new NpmInstallWithoutLockfile(),
            new ChangeDirectoryInsteadOfWorkdir(),
            new PackageVersionNotPinned(),
            new PipeWithoutPipefail(),
            new PackageUpgradeInBuild(),
            new AptInstallWithoutYes(),

            // DKR2xx: security
            new FinalStageRunsAsRoot(),
            new SecretInEnvOrArg(),
            new RemoteScriptPipedToShell(),
            new SudoInRun(),
            new WorldWritablePermissions(),
            new SecretArgUsedInRun(),
            new TlsVerificationDisabled(),

            // DKR3xx: runtime and operations
            new ServingImageWithoutHealthcheck(),
        };

        /// <summary>Descriptors of all rules plus the analyzer's own diagnostics (DKR9xx), ordered by id.</summary>
        public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
            Rules.Select(r => r.Descriptor)
                .Concat(new[] { AnalyzerRules.AssetUnreadable, AnalyzerRules.DockerfileUnparsable, AnalyzerRules.InternalError })
                .GroupBy(d => d.Id).Select(g => g.First())
                .OrderBy(d => d.Id, System.StringComparer.Ordinal)
                .ToList();

        public static RuleDescriptor? Find(string id) =>
            Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, System.StringComparison.OrdinalIgnoreCase));
    }
}
