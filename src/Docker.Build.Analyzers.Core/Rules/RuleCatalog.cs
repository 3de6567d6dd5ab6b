using System.Collections.Generic;
using System.Linq;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules.Analyzer;
using Docker.Build.Analyzers.Rules.Compose;
using Docker.Build.Analyzers.Rules.Containers;
using Docker.Build.Analyzers.Rules.Dockerfile;
using Docker.Build.Analyzers.Rules.DockerIgnore;
using Docker.Build.Analyzers.Rules.DotNet;

namespace Docker.Build.Analyzers.Rules
{
    /// <summary>Every rule of the product, one line each. The CLI, the docs and the tests enumerate this list.</summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<Rule> Rules { get; } = new Rule[]
        {
            // DKR1xx: image and build
            new BaseImageNotPinned(),                       // DKR101
            new BaseImageNotPinnedByDigest(),               // DKR102
            new FinalStageIsBuildImage(),                   // DKR103
            new SourcesCopiedBeforeRestore(),               // DKR104
            new AptInstallsRecommendedPackages(),           // DKR105
            new AptListsLeftInLayer(),                      // DKR106
            new AptUpdateWithoutInstall(),                  // DKR107
            new ApkAddWithoutNoCache(),                     // DKR108
            new PipInstallKeepsCache(),                     // DKR109
            new NpmInstallWithoutLockfile(),                // DKR110
            new AddInsteadOfCopy(),                         // DKR111
            new MaintainerDeprecated(),                     // DKR112
            new CmdEntrypointOrHealthcheckOverridden(),     // DKR113
            new UndefinedStageReference(),                  // DKR114
            new InvalidOrDuplicateStageName(),              // DKR115
            new VariableNotDefinedInScope(),                // DKR116
            new ChangeDirectoryInsteadOfWorkdir(),          // DKR117
            new PackageVersionNotPinned(),                  // DKR118
            new PipeWithoutPipefail(),                      // DKR119
            new CopyFromUnpinnedImage(),                    // DKR120
            new CopySourceNotInContext(),                   // DKR121
            new InconsistentInstructionCasing(),            // DKR122
            new LegacyKeyValueForm(),                       // DKR123
            new ExecFormNotValidJson(),                     // DKR124
            new PackageUpgradeInBuild(),                    // DKR125
            new AptInstallWithoutYes(),                     // DKR126
            new CopyDestinationNotDirectory(),              // DKR127
            new VariableInExecForm(),                       // DKR128
            new BuildContextDeclarationsDisagree(),         // DKR129

            // DKR2xx: security
            new FinalStageRunsAsRoot(),                     // DKR201
            new SecretInEnvOrArg(),                         // DKR202
            new SecretFileCopiedIntoImage(),                // DKR203
            new AddRemoteWithoutChecksum(),                 // DKR204
            new RemoteScriptPipedToShell(),                 // DKR205
            new SudoInRun(),                                // DKR206
            new WorldWritablePermissions(),                 // DKR207
            new SecretArgUsedInRun(),                       // DKR208
            new CredentialsInUrl(),                         // DKR209
            new TlsVerificationDisabled(),                  // DKR210

            // DKR3xx: runtime and operations
            new ServingImageWithoutHealthcheck(),           // DKR301
            new StartupCommandInShellForm(),                // DKR302
            new InvalidExposePort(),                        // DKR303
            new CopyOrRunBeforeWorkdir(),                   // DKR304
            new AdministrationPortExposed(),                // DKR305
            new ShellFormInShellLessImage(),                // DKR306

            // DKR4xx: .dockerignore
            new ContextCopiedWithoutDockerIgnore(),         // DKR401
            new GitDirectoryNotIgnored(),                   // DKR402
            new BuildOutputNotIgnored(),                    // DKR403
            new SecretFilesNotIgnored(),                    // DKR404
            new CopySourceExcludedByDockerIgnore(),         // DKR405
            new IneffectiveIgnorePattern(),                 // DKR406
            new BuildInputExcludedByDockerIgnore(),         // DKR407

            // DKR5xx: compose
            new ServiceImageNotPinned(),                    // DKR501
            new ServiceWithoutHealthcheck(),                // DKR502
            new ServiceWithoutRestartPolicy(),              // DKR503
            new ServiceWithoutResourceLimits(),             // DKR504
            new PrivilegedService(),                        // DKR505
            new DockerSocketMounted(),                      // DKR506
            new SecretInEnvironment(),                      // DKR507
            new DependsOnWithoutHealthCondition(),          // DKR508
            new ObsoleteComposeVersion(),                   // DKR509
            new NetworkModeHost(),                          // DKR510
            new DataPortPublishedOnAllInterfaces(),         // DKR511
            new DuplicateContainerName(),                   // DKR512
            new BuildPathNotFound(),                        // DKR513
            new InvalidComposeFile(),                       // DKR514
            new DevelopmentEnvironmentInProduction(),       // DKR515
            new ServiceRunsAsRoot(),                        // DKR516
            new HealthyConditionWithoutHealthcheck(),       // DKR517
            new DependsOnUndefinedService(),                // DKR518
            new DuplicateHostPort(),                        // DKR519

            // DKR6xx: .NET project cross-checks
            new RuntimeVersionMismatch(),                   // DKR601
            new SdkImageCannotBuildProject(),               // DKR602
            new WrongRuntimeImageFamily(),                  // DKR603
            new PortNotListenedOn(),                        // DKR604
            new HealthProbePathNotMapped(),                 // DKR605
            new HealthProbeToolMissing(),                   // DKR606
            new EntrypointAssemblyNameMismatch(),           // DKR608
            new DevelopmentEnvironmentInImage(),            // DKR609
            new DebugBuildShips(),                          // DKR610
            new RestoreLayerMissesInputs(),                 // DKR611
            new EndOfLifeDotNetImage(),                     // DKR612
            new RuntimeImageWithoutStartupCommand(),        // DKR613
            new CopyFromOutsidePublishOutput(),             // DKR614
            new InvariantGlobalizationImage(),              // DKR615
            new BuildPlatformPublishWithoutTargetArch(),    // DKR616

            // DKR617-DKR621: the container the SDK publishes without a Dockerfile (Rules/Containers/; DKR620 needs the
            // app's code and lives with the other code-aware rules in Rules/DotNet/)
            new SdkContainerBaseImageNotPinnedOrEndOfLife(), // DKR617
            new SdkContainerRunsAsRoot(),                   // DKR618
            new SdkContainerSecretInEnvironment(),          // DKR619
            new ContainerPortNotListenedOn(),               // DKR620
            new SdkContainerWebAppOnNonAspNetImage(),       // DKR621
        };

        /// <summary>Descriptors of all rules plus the analyzer's own diagnostics (DKR9xx), ordered by id.</summary>
        public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
            Rules.Select(r => r.Descriptor)
                .Concat(new[] { AnalyzerRules.AssetUnreadable, AnalyzerRules.DockerfileUnparsable, AnalyzerRules.InternalError, AnalyzerRules.UnnecessarySuppression, AnalyzerRules.UnknownSuppressedRule, AnalyzerRules.ReportUnwritable })
                .GroupBy(d => d.Id).Select(g => g.First())
                .OrderBy(d => d.Id, System.StringComparer.Ordinal)
                .ToList();

        public static RuleDescriptor? Find(string id) =>
            Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, System.StringComparison.OrdinalIgnoreCase));
    }
}
