using System;
using System.IO;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules.DotNet;
using Microsoft.Build.Framework;

namespace Docker.Build.Analyzers.Tasks
{
    /// <summary>
    /// The rules that need the app's C# code (DKR301's health-path hint, DKR604, DKR605, DKR620) are reported by the
    /// package's analyzer inside the compiler, which has the syntax trees; the task has none (its code facts are always
    /// Unknown, so DKR604/605/620 never fire here). What is left to decide is DKR301: the compiler reports it when one
    /// of the project's files mentions a health-check mapping (the same text test on both sides), the task otherwise.
    /// </summary>
    public sealed partial class AnalyzeDockerAssets
    {
        /// <summary>
        /// The targets' decision (<c>_DockerAnalyzersCodeAwareInCompiler</c>): a C# project whose compilation runs the
        /// package's analyzer in this build (analyzers not turned off, the analyzer not removed).
        /// </summary>
        public bool CodeAwareRulesInCompiler { get; set; }

        /// <summary>The project's C# files (<c>@(Compile)</c>): read only to decide who reports DKR301, and only when it fires.</summary>
        public ITaskItem[]? CompileFiles { get; set; }

        private bool? _compilerOwnsServingRule;

        private bool IsReportedByCompiler(Diagnostic diagnostic)
        {
            if (!CodeAwareRulesInCompiler) return false;
            if (CodeAwareRules.IsCodeOnly(diagnostic.Id)) return true;
            if (!string.Equals(diagnostic.Id, "DKR301", StringComparison.OrdinalIgnoreCase)) return false;
            _compilerOwnsServingRule ??= AnyCompileFileMapsHealthChecks();
            return _compilerOwnsServingRule.Value;
        }

        private bool AnyCompileFileMapsHealthChecks()
        {
            foreach (var item in CompileFiles ?? Array.Empty<ITaskItem>())
            {
                string path = item.GetMetadata("FullPath");
                if (string.IsNullOrEmpty(path)) continue;
                try
                {
                    if (CodeAwareRules.MayMapHealthChecks(File.ReadAllText(path))) return true;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    // The compiler cannot read it either; it reports that itself.
                }
            }
            return false;
        }
    }
}
