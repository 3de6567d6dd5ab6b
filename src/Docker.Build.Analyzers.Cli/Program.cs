using System;
using System.Collections.Generic;
using System.CommandLine;
using Docker.Build.Analyzers.Cli.Output;

namespace Docker.Build.Analyzers.Cli
{
    /// <summary>
    /// <c>docker-analyzers [path]</c> and <c>docker-analyzers rules</c>. Exit codes: 0 nothing at or above the
    /// threshold, 1 findings at or above it, 2 a usage error or an internal error.
    /// </summary>
    public static class Program
    {
        public const int Clean = 0;
        public const int FindingsFound = 1;
        public const int UsageOrInternalError = 2;

        public static int Main(string[] args)
        {
            var root = BuildCommandLine();
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
                Console.Error.WriteLine($"Run '{ToolInfo.CommandName} --help' for usage.");
                return UsageOrInternalError;
            }
            return parsed.Invoke();
        }

        internal static RootCommand BuildCommandLine()
        {
            var path = new Argument<string>("path")
            {
                Description = "A folder to analyse (every Dockerfile, .dockerignore and compose file below it), one Docker asset file, " +
                              "or a project (.csproj) or solution (.sln, .slnx) to analyse as its build does.",
                DefaultValueFactory = _ => ".",
            };
            var format = new Option<string>("--format", "-f")
            {
                Description = "Output format: text (file(line,col): warning DKRnnn: message), json, or sarif.",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong(ReportFormats.Names);
            var severity = new Option<string>("--severity", "-s")
            {
                Description = "Lowest severity to report and to fail on: suggestion, warning or error.",
                DefaultValueFactory = _ => "warning",
            };
            severity.AcceptOnlyFromAmong("suggestion", "warning", "error");
            var fix = new Option<bool>("--fix") { Description = "Apply the safe mechanical fixes to the files, then report what is left." };
            var dryRun = new Option<bool>("--dry-run") { Description = "With --fix: print the changes as a unified diff instead of writing them." };
            var property = new Option<string[]>("--property", "-p")
            {
                Description = "For a project or solution: an MSBuild global property, Name=Value (repeatable), e.g. -p Configuration=Release.",
                AllowMultipleArgumentsPerToken = false,
            };

            var root = new RootCommand("Checks Dockerfiles, .dockerignore and compose files with the Docker.Build.Analyzers rules (DKRnnn).");
            root.Add(path);
            root.Add(format);
            root.Add(severity);
            root.Add(fix);
            root.Add(dryRun);
            root.Add(property);
            root.SetAction(result => Guard(() => AnalyzeCommand.Run(new AnalyzeOptions(
                result.GetValue(path) ?? ".",
                result.GetValue(format) ?? "text",
                AnalyzeOptions.ParseSeverity(result.GetValue(severity) ?? "warning"),
                result.GetValue(fix),
                result.GetValue(dryRun),
                ParseProperties(result.GetValue(property))), Console.Out, Terminal.Detect())));

            var rulesFormat = new Option<string>("--format", "-f")
            {
                Description = "Output format: text or json.",
                DefaultValueFactory = _ => "text",
            };
            rulesFormat.AcceptOnlyFromAmong("text", "json");
            var rules = new Command("rules", "Lists every rule: id, default severity, title and documentation link.");
            rules.Add(rulesFormat);
            rules.SetAction(result => Guard(() => RulesCommand.Run(result.GetValue(rulesFormat) ?? "text", Console.Out, Terminal.Detect())));
            root.Add(rules);
            return root;
        }

        /// <summary>Name=Value pairs; a later value of a name wins, as on MSBuild's command line.</summary>
        internal static IReadOnlyDictionary<string, string> ParseProperties(string[]? values)
        {
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string value in values ?? Array.Empty<string>())
            {
                foreach (string pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    int equals = pair.IndexOf('=');
                    if (equals <= 0) throw new UsageException($"--property expects Name=Value, not '{pair}'.");
                    properties[pair.Substring(0, equals).Trim()] = pair.Substring(equals + 1).Trim();
                }
            }
            return properties;
        }

        /// <summary>An unexpected failure is exit code 2 with one clear line, never a silent 0 or 1.</summary>
        private static int Guard(Func<int> run)
        {
            try
            {
                return run();
            }
            catch (UsageException ex)
            {
                return AnalyzeCommand.Usage(ex.Message);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"{ToolInfo.CommandName}: internal error ({ex.GetType().Name}: {ex.Message}). Please report it with this message.");
                return UsageOrInternalError;
            }
        }
    }

    /// <summary>A command line that parsed but cannot be used: exit code 2 with its message, not an internal error.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }
}
