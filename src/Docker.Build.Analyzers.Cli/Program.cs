using System;
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
                Description = "A folder to analyse (every Dockerfile, .dockerignore and compose file below it), or one Docker asset file.",
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

            var root = new RootCommand("Checks Dockerfiles, .dockerignore and compose files with the Docker.Build.Analyzers rules (DKRnnn).");
            root.Add(path);
            root.Add(format);
            root.Add(severity);
            root.Add(fix);
            root.Add(dryRun);
            root.SetAction(result => Guard(() => AnalyzeCommand.Run(new AnalyzeOptions(
                result.GetValue(path) ?? ".",
                result.GetValue(format) ?? "text",
                AnalyzeOptions.ParseSeverity(result.GetValue(severity) ?? "warning"),
                result.GetValue(fix),
                result.GetValue(dryRun)), Console.Out, Terminal.Detect())));

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

        /// <summary>An unexpected failure is exit code 2 with one clear line, never a silent 0 or 1.</summary>
        private static int Guard(Func<int> run)
        {
            try
            {
                return run();
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"{ToolInfo.CommandName}: internal error ({ex.GetType().Name}: {ex.Message}). Please report it with this message.");
                return UsageOrInternalError;
            }
        }
    }
}
