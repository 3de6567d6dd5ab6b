using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Docker.Build.Analyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace Docker.Build.Analyzers.IntegrationTests.TaskTests
{
    /// <summary>
    /// Visual Studio and msbuild.exe run on .NET Framework and load tasks/net472/ from the package. This runs that
    /// packed build — with only the dependencies the package ships beside it, and the net472 Microsoft.Build
    /// assemblies of a host — on a .NET Framework-compatible runtime (Mono on Linux, the .NET Framework itself on
    /// Windows) through tests/Docker.Build.Analyzers.TaskHarness, and requires exactly the findings the packed net8.0
    /// build gives for the same project folder.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class NetFrameworkTaskTests
    {
        private readonly PackageFixture _package;

        public NetFrameworkTaskTests(PackageFixture package)
        {
            _package = package;
        }

        [NetFrameworkRuntimeFact]
        public void Packed_net472_task_loads_on_a_NET_Framework_runtime_and_finds_what_the_net8_task_finds()
        {
            string tasks = Path.Combine(_package.RunDirectory, "net472-check-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            using (var package = ZipFile.OpenRead(_package.PackagePath))
            {
                foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("tasks/", StringComparison.Ordinal) && e.Name.Length > 0))
                {
                    string target = Path.Combine(tasks, entry.FullName.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }

            // A project folder whose Dockerfile and compose file (YamlDotNet) both have findings.
            var sample = _package.CreateConsumer("net472-sample");
            sample.WriteProject("App.csproj");
            sample.WriteFile("Dockerfile",
                "FROM mcr.microsoft.com/dotnet/aspnet:latest\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nENV API_KEY=abc123\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
            sample.WriteFile("compose.yaml", "services:\n  app:\n    build: .\n    depends_on:\n      - db\n");
            string[] arguments = { sample.PathOf("App.csproj"), sample.PathOf("Dockerfile") };

            var netFramework = Harness.RunNetFramework(Path.Combine(tasks, "tasks", "net472", "Docker.Build.Analyzers.Tasks.dll"), arguments);
            var net8 = Harness.RunNet(Path.Combine(tasks, "tasks", "net8.0", "Docker.Build.Analyzers.Tasks.dll"), arguments);

            Assert.True(netFramework.ExitCode == 0, netFramework.ToString());
            Assert.True(net8.ExitCode == 0, net8.ToString());
            Assert.Contains(Path.Combine(tasks, "tasks", "net472", "Docker.Build.Analyzers.Tasks.dll"), netFramework.Header);
            Assert.True(netFramework.Header.Contains("# runtime: Mono ") || netFramework.Header.Contains("# runtime: .NET Framework"), netFramework.Header);
            Assert.Equal(net8.Findings, netFramework.Findings);
            // Not an empty agreement: the Dockerfile rules and the compose (YAML) rules both ran.
            Assert.Contains(netFramework.Findings, f => f.StartsWith("warning\tDKR202\t" + sample.PathOf("Dockerfile") + "\t5\t13\t", StringComparison.Ordinal));
            Assert.Contains(netFramework.Findings, f => f.StartsWith("warning\tDKR518\t" + sample.PathOf("compose.yaml") + "\t5\t9\t", StringComparison.Ordinal));
            Assert.Equal("# succeeded: true", netFramework.Footer);
        }
    }

    /// <summary>Runs only where a .NET Framework-compatible runtime exists: Windows, or Mono on PATH.</summary>
    public sealed class NetFrameworkRuntimeFactAttribute : FactAttribute
    {
        public NetFrameworkRuntimeFactAttribute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && Harness.FindMono() == null)
            {
                Skip = "No .NET Framework-compatible runtime: install Mono ('apt-get install mono-devel' on Debian; .ci/run does it) to run the net472 task.";
            }
        }
    }

    internal sealed class HarnessResult
    {
        public HarnessResult(string commandLine, int exitCode, string output, string error)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            Output = output;
            Error = error;
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
            Header = lines.FirstOrDefault(l => l.StartsWith("# runtime:", StringComparison.Ordinal)) ?? "";
            Footer = lines.LastOrDefault(l => l.StartsWith("# succeeded:", StringComparison.Ordinal)) ?? "";
            Findings = lines.Where(l => !l.StartsWith("#", StringComparison.Ordinal)).ToArray();
        }

        public string CommandLine { get; }
        public int ExitCode { get; }
        public string Output { get; }
        public string Error { get; }
        public string Header { get; }
        public string Footer { get; }
        public string[] Findings { get; }

        public override string ToString() => $"> {CommandLine}\n(exit {ExitCode})\n{Output}\n{Error}";
    }

    internal static class Harness
    {
        private static string HarnessDirectory(string framework)
        {
            string? root = typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "TaskHarnessDirectory")?.Value;
            if (string.IsNullOrEmpty(root)) throw new InvalidOperationException("The task harness directory is not known; build the test project from the repository.");
            return Path.Combine(root, framework);
        }

        public static string? FindMono()
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (directory.Length == 0) continue;
                string candidate = Path.Combine(directory, "mono");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        public static HarnessResult RunNetFramework(string taskAssembly, string[] arguments)
        {
            string exe = Path.Combine(HarnessDirectory("net472"), "Docker.Build.Analyzers.TaskHarness.exe");
            return RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? Run(exe, new[] { taskAssembly }.Concat(arguments))
                : Run(FindMono()!, new[] { "--debug", exe, taskAssembly }.Concat(arguments));
        }

        public static HarnessResult RunNet(string taskAssembly, string[] arguments) =>
            Run(DotNet.Executable, new[] { Path.Combine(HarnessDirectory("net8.0"), "Docker.Build.Analyzers.TaskHarness.dll"), taskAssembly }.Concat(arguments));

        private static HarnessResult Run(string executable, System.Collections.Generic.IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string a in arguments) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{executable} did not finish within 2 minutes.\n{output}");
            }
            return new HarnessResult(executable + " " + string.Join(" ", start.ArgumentList), process.ExitCode, output, error.Result);
        }
    }
}
