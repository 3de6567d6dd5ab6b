using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.DotNetPlatform;

namespace Docker.Build.Analyzers.Rules.DotNet
{
    /// <summary>
    /// What DKR604 and DKR605 share about one Dockerfile of the project: the final stage, its environment, the compose
    /// services that build it, and the health probes written for it.
    /// </summary>
    internal static class AppPortFacts
    {
        /// <summary>The port the final image listens on by default; null when it is not an official .NET image.</summary>
        public static int? ImageDefaultPort(Stage final)
        {
            var image = DotNetImage.From(final.RootImage);
            if (image == null) return null;
            // 'latest' or no version: today's images, .NET 8 or later.
            return image.Version == null ? 8080 : AppListenPorts.DefaultPortFor(image.Version.Major);
        }

        /// <summary>The port variables the final stage sets with ENV (a value with a variable in it is "unknown").</summary>
        public static ContainerEnvironment DockerfileEnvironment(Stage final)
        {
            var environment = new ContainerEnvironment();
            foreach (var name in AllPortNames())
            {
                var definition = final.FinalScope.Lookup(name);
                if (definition == null || definition.Kind != VariableKind.Env) continue;
                string? value = definition.Value;
                // From a build argument (even with a default) the build decides.
                var written = definition.Declaration?.ValueWord;
                bool fromVariable = written == null || written.Raw.IndexOf('$') >= 0;
                environment.Set(name, value == null || fromVariable || value.IndexOf('$') >= 0 ? null : value);
            }
            return environment;
        }

        /// <summary>The Dockerfile's environment with a compose service's on top (its env_file may set anything).</summary>
        public static ContainerEnvironment ServiceEnvironment(Stage final, ComposeService service)
        {
            var environment = DockerfileEnvironment(final);
            if (service.EnvFile.Count > 0) environment.IsOpen = true;
            foreach (var variable in service.Environment)
                if (AppListenPorts.IsPortVariable(variable.Name)) environment.Set(variable.Name, variable.ValueWithDefaults);
            return environment;
        }

        /// <summary>The service moves the app's ports itself: the Dockerfile alone no longer says where the app listens.</summary>
        public static bool ServiceSetsPorts(ComposeService service)
        {
            if (service.EnvFile.Count > 0) return true;
            foreach (var variable in service.Environment)
                if (AppListenPorts.IsPortVariable(variable.Name)) return true;
            return false;
        }

        public static IEnumerable<string> AllPortNames()
        {
            foreach (var n in AppListenPorts.UrlNames) yield return n;
            foreach (var n in AppListenPorts.HttpPortNames) yield return n;
            foreach (var n in AppListenPorts.HttpsPortNames) yield return n;
        }

        /// <summary>The local URLs the final stage's HEALTHCHECK probes (none for HEALTHCHECK NONE or no HEALTHCHECK).</summary>
        public static List<HealthProbeUrl> DockerfileProbes(DockerfileContext context, Stage final)
        {
            var instruction = final.FindLastInherited(i => i.Kind == InstructionKind.Healthcheck) as HealthcheckInstruction;
            var list = new List<HealthProbeUrl>();
            if (instruction == null || instruction.IsNone || instruction.Command == null) return list;
            var source = context.Syntax.Source;
            switch (instruction.Command)
            {
                case ShellForm shell:
                    list.AddRange(HealthProbeUrl.Find(shell.Script.Value, source, (start, length) => shell.Script.ToSourceSpan(start, length)));
                    break;
                case ExecForm exec:
                    foreach (var word in exec.Arguments)
                    {
                        bool literal = word.Raw == word.Value;
                        list.AddRange(HealthProbeUrl.Find(word.Value, source, (start, length) => literal ? word.RawText.ToSourceSpan(start, length) : word.Span));
                    }
                    break;
            }
            return list;
        }

        /// <summary>The local URLs a compose service's <c>healthcheck.test</c> probes.</summary>
        public static List<HealthProbeUrl> ComposeProbes(ComposeService service)
        {
            var list = new List<HealthProbeUrl>();
            if (service.HealthcheckDisabled) return list;
            var test = service.HealthcheckTest;
            if (test == null) return list;
            var scalars = new List<YamlScalar>();
            if (test is YamlScalar single) scalars.Add(single);
            else if (test is YamlSequence sequence)
                foreach (var item in sequence.Items)
                    if (item is YamlScalar s) scalars.Add(s);
            foreach (var scalar in scalars)
            {
                var at = scalar;
                list.AddRange(HealthProbeUrl.Find(scalar.Value, at.ReportSource, (start, length) => at.ReportSpan));
            }
            return list;
        }
    }
}
