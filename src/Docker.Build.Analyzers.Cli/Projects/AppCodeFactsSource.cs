using System.Collections.Generic;
using Docker.Build.Analyzers.Analysis;

namespace Docker.Build.Analyzers.Cli.Projects
{
    /// <summary>
    /// Reads what an app's C# code says (health-check paths, listen ports: <see cref="AppCodeFacts"/>, used by DKR604/605)
    /// for a project the tool evaluated. The build gets these facts from the compiler; the tool has to parse the
    /// project's <c>Compile</c> items itself (<see cref="CSharpAppCode"/>), for the projects whose build has the compiler
    /// report those rules (<see cref="EvaluatedProjectValues.CodeAwareInCompiler"/>); for the others the facts stay
    /// <see cref="AppCodeFacts.Unknown"/> and the rules that need them stay silent, as they do in their build.
    /// </summary>
    internal interface IAppCodeFactsSource
    {
        /// <param name="projectPath">The project file.</param>
        /// <param name="compileItems">Full paths of the project's evaluated <c>Compile</c> items.</param>
        /// <returns>The facts, or null when the code was not read.</returns>
        AppCodeFacts? Read(string projectPath, IReadOnlyList<string> compileItems);
    }

    /// <summary>No code is read: every project's code facts are unknown (tests, and a host that wants none).</summary>
    internal sealed class UnreadAppCode : IAppCodeFactsSource
    {
        public AppCodeFacts? Read(string projectPath, IReadOnlyList<string> compileItems) => null;
    }
}
