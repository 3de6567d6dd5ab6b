using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Docker.Build.Analyzers.IntegrationTests.Infrastructure
{
    /// <summary>A throwaway directory holding one or more projects that reference the packed package.</summary>
    public sealed class ConsumerProject
    {
        private readonly PackageFixture _package;

        internal ConsumerProject(PackageFixture package, string name)
        {
            _package = package;
            Directory = Path.Combine(package.ProjectsDirectory, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            System.IO.Directory.CreateDirectory(Directory);
            // The package comes from the local feed only; everything else (targeting packs) from nuget.org.
            WriteFile("nuget.config", $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
    <add key=""e2e"" value=""{package.FeedDirectory}"" />
    <add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key=""e2e"">
      <package pattern=""{PackageFixture.PackageId}"" />
    </packageSource>
    <packageSource key=""nuget.org"">
      <package pattern=""*"" />
    </packageSource>
  </packageSourceMapping>
</configuration>
");
        }

        public string Directory { get; }

        public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));

        public ConsumerProject WriteFile(string relativePath, string content)
        {
            string path = PathOf(relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return this;
        }

        public ConsumerProject WriteBytes(string relativePath, byte[] content)
        {
            string path = PathOf(relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            return this;
        }

        /// <summary>
        /// Writes an SDK-style project that references the package the way <c>dotnet add package</c> does.
        /// <paramref name="targetFrameworks"/> with a ';' makes a multi-targeted project.
        /// </summary>
        public ConsumerProject WriteProject(string relativePath, string targetFrameworks = "net10.0", string properties = "", string items = "", string sdk = "Microsoft.NET.Sdk")
        {
            string tfmProperty = targetFrameworks.Contains(';') ? "TargetFrameworks" : "TargetFramework";
            return WriteFile(relativePath, $@"<Project Sdk=""{sdk}"">
  <PropertyGroup>
    <{tfmProperty}>{targetFrameworks}</{tfmProperty}>
{properties}
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""{PackageFixture.PackageId}"" Version=""{_package.Version}"" PrivateAssets=""all"" />
{items}
  </ItemGroup>
</Project>
");
        }

        /// <summary><c>dotnet build</c> as a developer types it, with the classic console logger so output can be parsed.</summary>
        public CommandResult Build(params string[] arguments) =>
            DotNet.Run(Directory, _package.ConsumerEnvironment,
                new[] { "build", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo" }.Concat(arguments));

        public CommandResult Run(params string[] arguments) =>
            DotNet.Run(Directory, _package.ConsumerEnvironment, arguments);
    }
}
