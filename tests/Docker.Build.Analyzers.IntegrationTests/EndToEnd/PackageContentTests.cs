using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.EndToEnd
{
    /// <summary>What the .nupkg holds, entry by entry: a new file in the package has to be added here on purpose.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageContentTests
    {
        private static readonly string[] ExpectedEntries =
        {
            "Docker.Build.Analyzers.nuspec",
            "README.md",
            "analyzers/dotnet/cs/Docker.Build.Analyzers.Core.dll",
            "analyzers/dotnet/cs/Docker.Build.Analyzers.Roslyn.dll",
            "analyzers/dotnet/cs/NuGet.Versioning.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/Docker.Build.Analyzers.CodeFacts.targets",
            "build/Docker.Build.Analyzers.props",
            "build/Docker.Build.Analyzers.Containers.targets",
            "build/Docker.Build.Analyzers.Roslyn.targets",
            "build/Docker.Build.Analyzers.targets",
            "buildMultiTargeting/Docker.Build.Analyzers.props",
            "buildMultiTargeting/Docker.Build.Analyzers.targets",
            "tasks/net472/Docker.Build.Analyzers.Core.dll",
            "tasks/net472/Docker.Build.Analyzers.Core.pdb",
            "tasks/net472/Docker.Build.Analyzers.Tasks.dll",
            "tasks/net472/Docker.Build.Analyzers.Tasks.pdb",
            "tasks/net472/NuGet.Versioning.dll",
            "tasks/net472/YamlDotNet.dll",
            "tasks/net8.0/Docker.Build.Analyzers.Core.dll",
            "tasks/net8.0/Docker.Build.Analyzers.Core.pdb",
            "tasks/net8.0/Docker.Build.Analyzers.Tasks.deps.json",
            "tasks/net8.0/Docker.Build.Analyzers.Tasks.dll",
            "tasks/net8.0/Docker.Build.Analyzers.Tasks.pdb",
            "tasks/net8.0/NuGet.Versioning.dll",
            "tasks/net8.0/YamlDotNet.dll",
        };

        private readonly PackageFixture _package;

        public PackageContentTests(PackageFixture package)
        {
            _package = package;
        }

        private static bool IsPackagingMetadata(string entry) =>
            entry == "[Content_Types].xml" || entry.StartsWith("_rels/", StringComparison.Ordinal)
            || entry.StartsWith("package/services/", StringComparison.Ordinal) || entry == ".signature.p7s";

        [Fact]
        public void Package_holds_exactly_the_expected_files()
        {
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            var entries = zip.Entries.Select(e => e.FullName).Where(e => !IsPackagingMetadata(e)).OrderBy(e => e, StringComparer.Ordinal).ToArray();

            Assert.Equal(ExpectedEntries.OrderBy(e => e, StringComparer.Ordinal).ToArray(), entries);
            Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) || e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void Nuspec_declares_a_development_dependency_without_dependencies()
        {
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            using var stream = zip.GetEntry("Docker.Build.Analyzers.nuspec")!.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal(PackageFixture.PackageId, Value("id"));
            Assert.Equal(_package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("MIT", Value("license"));
            Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
            Assert.Equal("README.md", Value("readme"));
            Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        }

        [Theory]
        [InlineData("tasks/net472/Docker.Build.Analyzers.Tasks.dll")]
        [InlineData("tasks/net472/Docker.Build.Analyzers.Core.dll")]
        [InlineData("tasks/net8.0/Docker.Build.Analyzers.Tasks.dll")]
        [InlineData("tasks/net8.0/Docker.Build.Analyzers.Core.dll")]
        public void Every_package_version_carries_its_own_assembly_version(string entry)
        {
            // A reused MSBuild node keeps the first task assembly of an identity it loaded; 0.1.0-e2e.N must be 0.1.0.N.
            string path = Path.Combine(_package.RunDirectory, "extracted", entry.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var zip = ZipFile.OpenRead(_package.PackagePath))
            {
                zip.GetEntry(entry)!.ExtractToFile(path, overwrite: true);
            }

            Assert.Equal(new Version(0, 1, 0, _package.Revision), AssemblyName.GetAssemblyName(path).Version);
        }
    }
}
