using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Docker.Build.Analyzers.Cli.Tests
{
    /// <summary>The result of one run of the tool.</summary>
    public sealed class ToolRun
    {
        public ToolRun(int exitCode, string standardOutput, string standardError)
        {
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
        }

        public int ExitCode { get; }
        public string StandardOutput { get; }
        public string StandardError { get; }

        public IReadOnlyList<string> OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
    }

    /// <summary>Runs the built docker-analyzers.dll with the dotnet host, as an installed tool runs, in a given folder.</summary>
    public static class ToolProcess
    {
        private static readonly string ToolPath = Path.Combine(AppContext.BaseDirectory, "docker-analyzers.dll");

        public static ToolRun Run(string workingDirectory, params string[] arguments)
        {
            if (!File.Exists(ToolPath)) throw new FileNotFoundException("The tool was not built beside the tests.", ToolPath);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(ToolPath);
            foreach (var a in arguments) start.ArgumentList.Add(a);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment.Remove("NO_COLOR");
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("docker-analyzers did not finish in 2 minutes: " + string.Join(" ", arguments));
            }
            return new ToolRun(process.ExitCode, stdout, stderr.Result);
        }
    }

    /// <summary>A temporary folder of files written byte for byte; deleted after the test.</summary>
    public sealed class FixtureFolder : IDisposable
    {
        public FixtureFolder()
        {
            Root = Path.Combine(Path.GetTempPath(), "dba-cli-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

        public string WriteBytes(string relativePath, byte[] bytes)
        {
            string path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

        public string ReadText(string relativePath) => Encoding.UTF8.GetString(Read(relativePath));

        public ToolRun Run(params string[] arguments) => ToolProcess.Run(Root, arguments);

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
