using System.Reflection;

namespace Docker.Build.Analyzers.Cli
{
    internal static class ToolInfo
    {
        public const string CommandName = "docker-analyzers";

        /// <summary>The package version (informational version without the source-revision suffix).</summary>
        public static string Version
        {
            get
            {
                string? informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                if (string.IsNullOrEmpty(informational)) return typeof(ToolInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
                int plus = informational!.IndexOf('+');
                return plus < 0 ? informational : informational.Substring(0, plus);
            }
        }
    }
}
