using System;

namespace Docker.Build.Analyzers.Cli.Output
{
    /// <summary>
    /// What the process may draw: colour only when standard output is a terminal and <c>NO_COLOR</c> is not set
    /// (https://no-color.org), a progress line only when standard error is a terminal. Redirected output is plain.
    /// </summary>
    internal sealed class Terminal
    {
        public Terminal(bool useColor, bool showProgress)
        {
            UseColor = useColor;
            ShowProgress = showProgress;
        }

        public bool UseColor { get; }
        public bool ShowProgress { get; }

        public static Terminal Detect()
        {
            bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            bool dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
            return new Terminal(!noColor && !dumb && !Console.IsOutputRedirected, !dumb && !Console.IsErrorRedirected);
        }

        public string Paint(string text, string ansiColor) => UseColor ? "\u001b[" + ansiColor + "m" + text + "\u001b[0m" : text;

        public const string Red = "31";
        public const string Yellow = "33";
        public const string Cyan = "36";
        public const string Dim = "2";
        public const string Bold = "1";

        /// <summary>Shows one status line on standard error, replacing the previous one.</summary>
        public void Progress(string status)
        {
            if (!ShowProgress) return;
            Console.Error.Write("\r\u001b[K" + status);
            Console.Error.Flush();
        }

        /// <summary>Erases the status line before the results are written.</summary>
        public void ClearProgress()
        {
            if (!ShowProgress) return;
            Console.Error.Write("\r\u001b[K");
            Console.Error.Flush();
        }
    }
}
