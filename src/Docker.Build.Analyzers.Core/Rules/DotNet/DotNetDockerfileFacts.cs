using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;
using Docker.Build.Analyzers.Shell;
using NuGet.Versioning;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// What the .NET cross-checks (DKR6xx) share about one Dockerfile: whether it builds the project whose facts the
    /// build handed over, its <c>dotnet</c> commands, the properties they set, and the final image.
    /// </summary>
    internal static class DotNetDockerfileFacts
    {
        /// <summary>
        /// The Dockerfile builds or runs this project, so the project's facts apply to it: it names the project file
        /// (<c>COPY Api/Api.csproj</c>, <c>dotnet publish Api/Api.csproj</c>), or it lives in the project's folder and names
        /// no other project file. A shared Dockerfile that builds another project of the solution is left alone.
        /// </summary>
        public static bool DescribesProject(DockerfileContext context)
        {
            var project = context.Project;
            if (project.ProjectPath == null) return false;
            string projectFile = Path.GetFileName(project.ProjectPath);
            string text = context.Syntax.Source.Text;
            bool namesOther = false;
            int at = 0;
            while ((at = IndexOfProjectExtension(text, at, out int extensionLength)) >= 0)
            {
                int start = at;
                while (start > 0 && !IsNameBoundary(text[start - 1])) start--;
                string name = text.Substring(start, at + extensionLength - start);
                int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
                if (slash >= 0) name = name.Substring(slash + 1);
                if (name.Equals(projectFile, StringComparison.OrdinalIgnoreCase)) return true;
                // '*.csproj' copies every project file, ours included.
                if (name.IndexOf('*') < 0 && name.IndexOf('$') < 0) namesOther = true;
                at += extensionLength;
            }
            if (namesOther) return false;
            string? dockerfileDir = Path.GetDirectoryName(context.Document.Path);
            string? projectDir = Path.GetDirectoryName(project.ProjectPath);
            return dockerfileDir != null && projectDir != null && SamePath(dockerfileDir, projectDir);
        }

        private static int IndexOfProjectExtension(string text, int from, out int length)
        {
            length = 0;
            int best = -1;
            foreach (var extension in new[] { ".csproj", ".fsproj", ".vbproj" })
            {
                int i = text.IndexOf(extension, from, StringComparison.OrdinalIgnoreCase);
                if (i >= 0 && (best < 0 || i < best)) { best = i; length = extension.Length; }
            }
            return best;
        }

        private static bool IsNameBoundary(char c) => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '[' || c == ',' || c == '=';

        private static bool SamePath(string a, string b) =>
            string.Equals(a.Replace('\\', '/').TrimEnd('/'), b.Replace('\\', '/').TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

        /// <summary>One <c>dotnet</c> command of a RUN: the stage it runs in and the invocation.</summary>
        public readonly struct DotNetCommand
        {
            public DotNetCommand(RunInstructionScripts run, CommandInvocation invocation, string verb)
            {
                Run = run;
                Invocation = invocation;
                Verb = verb;
            }

            public RunInstructionScripts Run { get; }
            public CommandInvocation Invocation { get; }

            /// <summary><c>publish</c>, <c>build</c>, <c>restore</c>, <c>run</c>...</summary>
            public string Verb { get; }

            public Stage Stage => Run.Stage;
        }

        /// <summary>Every <c>dotnet &lt;verb&gt;</c> of the Dockerfile's RUN instructions, in order.</summary>
        public static List<DotNetCommand> Commands(DockerfileContext context)
        {
            var list = new List<DotNetCommand>();
            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    var invocation = command.EffectiveCommand;
                    if (invocation.CommandName != "dotnet") continue;
                    var verb = invocation.Subcommand;
                    if (verb == null || verb.ContainsExpansion) continue;
                    list.Add(new DotNetCommand(run, invocation, verb.Value));
                }
            }
            return list;
        }

        /// <summary>
        /// The MSBuild property a command sets (<c>-p:Name=value</c>, <c>/p:Name=value</c>, <c>--property:Name=value</c>,
        /// several ';'-separated), last one wins; null when it sets none.
        /// </summary>
        public static string? PropertyValue(CommandInvocation invocation, string name)
        {
            string? value = null;
            foreach (var word in invocation.Arguments)
            {
                string text = word.Value;
                int colon = text.IndexOf(':');
                if (colon < 0) continue;
                string switchName = text.Substring(0, colon).ToLowerInvariant();
                if (switchName != "-p" && switchName != "/p" && switchName != "--property" && switchName != "-property" && switchName != "/property") continue;
                foreach (var pair in text.Substring(colon + 1).Split(';'))
                {
                    int eq = pair.IndexOf('=');
                    if (eq <= 0) continue;
                    if (pair.Substring(0, eq).Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) value = pair.Substring(eq + 1).Trim().Trim('"');
                }
            }
            return value;
        }

        /// <summary>The framework the Dockerfile's <c>dotnet publish</c> builds (<c>-f net9.0</c>), when one names it.</summary>
        public static NuGetVersion? PublishedFramework(IReadOnlyList<DotNetCommand> commands, out string? tfm)
        {
            tfm = null;
            foreach (var command in commands)
            {
                if (command.Verb != "publish" && command.Verb != "build") continue;
                var value = command.Invocation.OptionValue("-f", "--framework");
                if (value == null || value.ContainsExpansion) continue;
                var version = DotNetVersions.ParseTargetFramework(value.Value);
                if (version != null) { tfm = value.Value; return version; }
            }
            return null;
        }

        /// <summary>
        /// The project's .NET versions the image must serve: the framework the Dockerfile publishes, else every target
        /// framework of the project (.NET Framework and .NET Standard ones left out).
        /// </summary>
        public static List<(string Tfm, NuGetVersion Version)> TargetVersions(DockerfileContext context, IReadOnlyList<DotNetCommand> commands)
        {
            var list = new List<(string, NuGetVersion)>();
            var published = PublishedFramework(commands, out string? publishedTfm);
            if (published != null) { list.Add((publishedTfm!, published)); return list; }
            foreach (var tfm in context.Project.TargetFrameworks)
            {
                var version = DotNetVersions.ParseTargetFramework(tfm);
                if (version != null) list.Add((tfm, version));
            }
            return list;
        }

        /// <summary>
        /// The app carries its own runtime: the project says so (SelfContained, PublishAot) or a publish command does
        /// (<c>--self-contained</c>, <c>--sc</c>, <c>-p:PublishAot=true</c>), unless a publish command turns it off.
        /// </summary>
        public static bool IsSelfContained(DockerfileContext context, IReadOnlyList<DotNetCommand> commands)
        {
            bool selfContained = context.Project.DotNet.IsSelfContained;
            foreach (var command in commands)
            {
                if (command.Verb != "publish") continue;
                var invocation = command.Invocation;
                if (invocation.HasOption("--no-self-contained")) return false;
                var sc = invocation.FindOption("--self-contained", "--sc");
                if (sc != null)
                {
                    string text = sc.Value;
                    int eq = text.IndexOf('=');
                    if (eq >= 0) selfContained = !text.Substring(eq + 1).Equals("false", StringComparison.OrdinalIgnoreCase);
                    else selfContained = !NextWordIs(invocation, sc, "false");
                }
                // Trimming and AOT imply self-contained; PublishSelfContained is SelfContained for publish only.
                var property = PropertyValue(invocation, "SelfContained") ?? PropertyValue(invocation, "PublishSelfContained")
                    ?? PropertyValue(invocation, "PublishAot") ?? PropertyValue(invocation, "PublishTrimmed");
                if (property != null) selfContained = property.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            return selfContained;
        }

        private static bool NextWordIs(CommandInvocation invocation, ShellWord word, string value)
        {
            var args = invocation.Arguments;
            for (int i = 0; i + 1 < args.Count; i++)
                if (ReferenceEquals(args[i], word)) return args[i + 1].Value.Equals(value, StringComparison.OrdinalIgnoreCase);
            return false;
        }

        /// <summary>The final stage and its .NET image, when the image is an official .NET one with a known name.</summary>
        public static DotNetImage? FinalImage(DockerfileContext context, out Stage? final)
        {
            final = context.Model.FinalStage;
            if (final == null || final.IsExportOnly) return null;
            return DotNetImage.From(final.RootImage);
        }

        /// <summary>A variable of the stage chain's final scope (ENV or ARG with its default), or null.</summary>
        public static string? FinalValue(Stage stage, string name) => stage.FinalScope.Lookup(name)?.Value;
    }
}
