using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.Infrastructure
{
    /// <summary>
    /// Packs the package once per test run, from a clean copy of the repository (so the run neither reads stale
    /// build output nor writes into the tree being tested), with a version no earlier run used, into a local feed.
    /// Consumers restore from that feed into a package folder of their own for this run: a package cache that already
    /// holds the version would silently keep old bits.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string PackageId = "Docker.Build.Analyzers";

        public PackageFixture()
        {
            RepositoryRoot = FindRepositoryRoot();
            // Minutes since 2025, kept below 65535 because the assembly revision is taken modulo 65535: each run
            // within ~45 days gets a package version and an assembly version of its own.
            Revision = (int)((DateTimeOffset.UtcNow - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalMinutes % 65000) + 1;
            Version = "0.1.0-e2e." + Revision;
            RunDirectory = Path.Combine(Path.GetTempPath(), "dba-e2e-" + Revision + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            FeedDirectory = Path.Combine(RunDirectory, "feed");
            PackagesDirectory = Path.Combine(RunDirectory, "packages");
            ProjectsDirectory = Path.Combine(RunDirectory, "projects");
            SourceCopyDirectory = Path.Combine(RunDirectory, "source");
            Directory.CreateDirectory(FeedDirectory);
            Directory.CreateDirectory(PackagesDirectory);
            Directory.CreateDirectory(ProjectsDirectory);

            // Stop MSBuild's upward search for Directory.Build.* / Directory.Packages.props at the consumers' root.
            File.WriteAllText(Path.Combine(ProjectsDirectory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(ProjectsDirectory, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(ProjectsDirectory, "Directory.Packages.props"), "<Project />\n");

            CopyDirectory(RepositoryRoot, SourceCopyDirectory, isRoot: true);
            PackResult = DotNet.Run(SourceCopyDirectory, null, new[]
            {
                "pack", Path.Combine("nuget", "Docker.Build.Analyzers.Package.csproj"),
                "-c", "Release", "-o", FeedDirectory, "-p:Version=" + Version,
                "-nodeReuse:false", "--disable-build-servers", "-tl:off",
            }, TimeSpan.FromMinutes(10));
            PackagePath = Path.Combine(FeedDirectory, PackageId + "." + Version + ".nupkg");
            if (PackResult.ExitCode != 0 || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException("Packing the package failed.\n" + PackResult);
            }
        }

        public string RepositoryRoot { get; }
        public int Revision { get; }
        public string Version { get; }
        public string RunDirectory { get; }
        public string FeedDirectory { get; }
        public string PackagesDirectory { get; }
        public string ProjectsDirectory { get; }
        public string SourceCopyDirectory { get; }
        public string PackagePath { get; }
        public CommandResult PackResult { get; }

        public IReadOnlyDictionary<string, string> ConsumerEnvironment =>
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

        /// <summary>A new, empty consumer directory with its own nuget.config.</summary>
        public ConsumerProject CreateConsumer(string name) => new ConsumerProject(this, name);

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable("DBA_KEEP_E2E") == "1") return;
            try
            {
                Directory.Delete(RunDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A leftover temp folder is not worth failing the run for.
            }
        }

        private static string FindRepositoryRoot()
        {
            string? root = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
            if (string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "Docker.Build.Analyzers.sln")))
            {
                throw new InvalidOperationException("The repository root is not known; build the test project from the repository.");
            }
            return Path.GetFullPath(root);
        }

        private static readonly HashSet<string> SkippedDirectories = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".git", ".vs", ".idea", "bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts",
        };

        /// <summary>Copies the sources (no build output, no git data, no tests) to build the package from.</summary>
        private static void CopyDirectory(string from, string to, bool isRoot)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.EnumerateFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
            foreach (string directory in Directory.EnumerateDirectories(from))
            {
                string name = Path.GetFileName(directory);
                if (SkippedDirectories.Contains(name)) continue;
                if (isRoot && name.Equals("tests", StringComparison.OrdinalIgnoreCase)) continue;
                CopyDirectory(directory, Path.Combine(to, name), isRoot: false);
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "Packed package";
    }
}
