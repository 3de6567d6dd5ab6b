using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Docker.Build.Analyzers.IntegrationTests.Infrastructure
{
    /// <summary>The outcome of one <c>dotnet</c> command: exit code and everything it printed.</summary>
    public sealed class CommandResult
    {
        public CommandResult(string commandLine, int exitCode, string output, TimeSpan elapsed)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            Output = output;
            Elapsed = elapsed;
        }

        public string CommandLine { get; }
        public int ExitCode { get; }
        public string Output { get; }
        public TimeSpan Elapsed { get; }

        public BuildOutput Build => BuildOutput.Parse(Output);

        public override string ToString() => $"> {CommandLine}\n(exit {ExitCode}, {Elapsed.TotalSeconds:0.0}s)\n{Output}";
    }

    /// <summary>
    /// Runs the .NET CLI as a child process the way a developer would, but isolated from the test host: no MSBuild
    /// node reuse or build servers (they would outlive the test and keep old task assemblies loaded), English output,
    /// and none of the MSBuild variables the test host inherited from the build that started it.
    /// </summary>
    public static class DotNet
    {
        private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        public static string Executable
        {
            get
            {
                string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
            }
        }

        public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments, TimeSpan? timeout = null)
        {
            var args = arguments.ToList();
            var start = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string a in args) start.ArgumentList.Add(a);

            foreach (string key in start.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("_MSBuild", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(key);
                }
            }
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
            start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
            if (environment != null)
            {
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            }

            var output = new StringBuilder();
            var gate = new object();
            var watch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (gate) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (gate) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            string commandLine = "dotnet " + string.Join(" ", args.Select(a => a.Contains(' ') ? "\"" + a + "\"" : a));
            if (!process.WaitForExit((int)(timeout ?? DefaultTimeout).TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit();
                throw new TimeoutException($"'{commandLine}' in {workingDirectory} did not finish within {(timeout ?? DefaultTimeout).TotalMinutes} minutes.\n{output}");
            }
            process.WaitForExit(); // flushes the asynchronous output readers
            lock (gate)
            {
                return new CommandResult(commandLine, process.ExitCode, output.ToString(), watch.Elapsed);
            }
        }
    }
}
