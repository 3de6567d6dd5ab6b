using System;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Containers
{
    /// <summary>
    /// DKR619: a <c>ContainerEnvironmentVariable</c> with a secret name (as DKR202 judges an <c>ENV</c>) and a literal value,
    /// or any value carrying a literal password: the SDK writes it into the image configuration.
    /// </summary>
    public sealed class SdkContainerSecretInEnvironment : ProjectRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR619", "Secret in an SDK container environment variable", RuleCategory.DotNet, DiagnosticSeverity.Warning,
            "ContainerEnvironmentVariable '{0}' {1}: it is stored in the image configuration, readable by anyone who can pull the image. Pass it to the container at run time instead",
            "The SDK writes ContainerEnvironmentVariable items into the image's configuration, just like a Dockerfile ENV: 'docker inspect' shows them to anyone who can pull the image, and the value also sits in the project file in source control.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ProjectContext context)
        {
            var container = context.Container;
            if (container == null) return;
            foreach (var variable in container.EnvironmentVariables)
            {
                string value = variable.Value.Trim();
                if (value.Length == 0 || IsPlaceholder(value)) continue;
                if (SecretNames.IsSecretName(variable.Name))
                {
                    if (LooksLikePath(value)) continue;
                    context.Report(variable.Spot, variable.Name, "is given a literal secret value");
                }
                else if (SecretNames.ContainsCredential(value))
                    context.Report(variable.Spot, variable.Name, "contains a literal password");
            }
        }

        /// <summary>
        /// A value someone fills in later: an unexpanded MSBuild or shell reference (<c>$(X)</c>, <c>${X}</c>, <c>%(X)</c>),
        /// or a token that release pipelines replace (<c>#{X}#</c>, <c>__X__</c>, <c>{{X}}</c>, <c>&lt;X&gt;</c>).
        /// </summary>
        internal static bool IsPlaceholder(string value)
        {
            if (value.IndexOf("$(", StringComparison.Ordinal) >= 0 || value.IndexOf("${", StringComparison.Ordinal) >= 0
                || value.IndexOf("%(", StringComparison.Ordinal) >= 0 || value.IndexOf("@(", StringComparison.Ordinal) >= 0) return true;
            if (value.StartsWith("$", StringComparison.Ordinal) && value.Length > 1 && (char.IsLetter(value[1]) || value[1] == '_')) return true;
            if (value.StartsWith("#{", StringComparison.Ordinal) && value.EndsWith("}#", StringComparison.Ordinal)) return true;
            if (value.StartsWith("{{", StringComparison.Ordinal) && value.EndsWith("}}", StringComparison.Ordinal)) return true;
            if (value.Length > 4 && value.StartsWith("__", StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal)) return true;
            if (value.StartsWith("<", StringComparison.Ordinal) && value.EndsWith(">", StringComparison.Ordinal)) return true;
            return false;
        }

        private static bool LooksLikePath(string v) =>
            v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)
            || (v.Length > 2 && char.IsLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/'));
    }
}
