using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>Whether a service has a health check, as far as the compose files and the Dockerfile it builds tell.</summary>
    internal enum HealthcheckState
    {
        /// <summary>Compose or the built Dockerfile defines a check.</summary>
        Defined,

        /// <summary>Turned off: <c>disable: true</c>, <c>test: ["NONE"]</c> or <c>HEALTHCHECK NONE</c>.</summary>
        Disabled,

        /// <summary>Known to have none: no compose check, and a Dockerfile or image known to declare none.</summary>
        Missing,

        /// <summary>Cannot tell: an image from a registry that may declare one, a Dockerfile that cannot be read, a variable.</summary>
        Unknown,
    }

    /// <summary>Facts about compose services that several production rules share. Stateless: everything is computed per call.</summary>
    internal static class ComposeServiceFacts
    {
        /// <summary>
        /// Images known to declare no HEALTHCHECK: the Docker Official Images below (the docker-library images leave
        /// health checks to the user) and Microsoft's .NET and SQL Server images. Any other image may declare one.
        /// </summary>
        private static readonly HashSet<string> OfficialImagesWithoutHealthcheck = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "postgres", "mysql", "mariadb", "mongo", "redis", "rabbitmq", "memcached", "nginx", "httpd", "cassandra",
            "couchdb", "influxdb", "zookeeper", "elasticsearch", "eclipse-mosquitto", "haproxy",
        };

        /// <summary>Profile names that mark optional development tooling rather than part of what ships.</summary>
        private static readonly HashSet<string> DevelopmentProfiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "dev", "develop", "development", "debug", "local", "test", "tests", "testing", "tools", "tooling",
        };

        /// <summary>
        /// Rules about something a service lacks (health check, restart policy, limits, pinned tag) only judge
        /// production compose files: never an override or development file, which adds to a base file, nor a stack
        /// for test runs (<c>docker-compose-tests.yml</c>, compose files under <c>tests/</c>).
        /// </summary>
        public static bool JudgesMissingSettings(ComposeContext context) =>
            !context.IsOverrideFile && context.Document.Purpose == AssetPurpose.Production;

        /// <summary>
        /// A service the missing-settings rules skip: scaled to zero, only in development profiles, or a fragment
        /// (no <c>image</c>, <c>build</c> or <c>extends</c>) that a non-standard overlay file adds to a base service.
        /// </summary>
        public static bool IsOutOfScope(ComposeService service)
        {
            if (IsScaledToZero(service)) return true;
            if (service.Image == null && service.Build == null && service.Get("extends") == null) return true;
            var profiles = service.Profiles;
            if (profiles.Count == 0) return false;
            foreach (var p in profiles)
                if (!(p is YamlScalar s) || !DevelopmentProfiles.Contains(s.Value)) return false;
            return true;
        }

        private static readonly string[] BaseFileNames = { "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml" };

        /// <summary>
        /// <see cref="IsOutOfScope(ComposeService)"/>, and a service of a non-standard overlay file
        /// (<c>docker-compose.prod.yml</c>, <c>docker-compose.windows.yml</c>) that the base file beside it defines too:
        /// such files are used as <c>-f docker-compose.yml -f docker-compose.prod.yml</c> and only add settings, so
        /// what the service lacks is judged on the base file.
        /// </summary>
        public static bool IsOutOfScope(ComposeContext context, ComposeService service)
        {
            if (IsOutOfScope(service)) return true;
            string path = context.Document.Path;
            string name = System.IO.Path.GetFileName(path);
            foreach (var baseName in BaseFileNames)
                if (name.Equals(baseName, StringComparison.OrdinalIgnoreCase)) return false;
            string directory = System.IO.Path.GetDirectoryName(path) ?? "";
            foreach (var baseName in BaseFileNames)
            {
                var baseFile = context.Workspace.GetComposeFile(System.IO.Path.Combine(directory, baseName));
                if (baseFile != null && baseFile.FindService(service.Name) != null) return true;
            }
            return false;
        }

        public static bool IsScaledToZero(ComposeService service) =>
            IsZero(service.Get("deploy", "replicas")) || IsZero(service.Get("scale"));

        private static bool IsZero(YamlNode? node) => node is YamlScalar s && !s.HasVariables && s.Value.Trim() == "0";

        /// <summary>
        /// A job that runs and exits: another service waits for it with <c>service_completed_successfully</c>, or it
        /// says <c>restart: "no"</c> explicitly. It needs no health check and no restart policy.
        /// </summary>
        public static bool IsOneShot(ComposeService service, ComposeProject project)
        {
            if (service.Restart is YamlScalar r && !r.HasVariables && r.Value.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var other in project.Services)
            {
                if (ReferenceEquals(other, service)) continue;
                foreach (var d in other.DependsOn)
                    if (d.ServiceName == service.Name && d.ConditionValue == "service_completed_successfully") return true;
            }
            return false;
        }

        /// <summary>Another service of the project names this one in <c>depends_on</c>.</summary>
        public static bool IsDependedOn(ComposeService service, ComposeProject project)
        {
            foreach (var other in project.Services)
            {
                if (ReferenceEquals(other, service)) continue;
                foreach (var d in other.DependsOn)
                    if (d.ServiceName == service.Name) return true;
            }
            return false;
        }

        /// <summary>The service pulls its image (no <c>build</c>): <c>image</c> names something from a registry.</summary>
        public static bool Pulls(ComposeService service) => service.Build == null && service.Image != null;

        /// <summary>The image a pulling service uses, with variable defaults applied; null when unknown.</summary>
        public static ImageReference? PulledImage(ComposeService service)
        {
            if (!Pulls(service)) return null;
            return ImageReference.Parse(service.Image!.ValueWithDefaults);
        }

        /// <summary>An image known to declare no HEALTHCHECK.</summary>
        public static bool IsKnownWithoutHealthcheck(ImageReference image)
        {
            if (ImageFacts.IsMicrosoftDotNet(image)) return true;
            if (image.Registry != null && image.Registry.Equals("mcr.microsoft.com", StringComparison.OrdinalIgnoreCase))
                return image.Path.Equals("mssql/server", StringComparison.OrdinalIgnoreCase);
            string? name = OfficialImageName(image);
            return name != null && OfficialImagesWithoutHealthcheck.Contains(name);
        }

        /// <summary>A well-known server image (database, cache, broker, web server) that runs until stopped.</summary>
        public static bool IsKnownServerImage(ImageReference image)
        {
            if (image.Registry != null && image.Registry.Equals("mcr.microsoft.com", StringComparison.OrdinalIgnoreCase)
                && image.Path.Equals("mssql/server", StringComparison.OrdinalIgnoreCase)) return true;
            string? name = OfficialImageName(image);
            return name != null && OfficialImagesWithoutHealthcheck.Contains(name);
        }

        private static readonly HashSet<string> DataServiceImages = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "postgres", "mysql", "mariadb", "mongo", "redis", "rabbitmq", "memcached", "cassandra", "couchdb", "influxdb",
            "zookeeper", "elasticsearch", "eclipse-mosquitto",
        };

        /// <summary>A well-known database, cache or broker image: what dependants should wait to be ready.</summary>
        public static bool IsKnownDataServiceImage(ImageReference image)
        {
            if (image.Registry != null && image.Registry.Equals("mcr.microsoft.com", StringComparison.OrdinalIgnoreCase))
                return image.Path.Equals("mssql/server", StringComparison.OrdinalIgnoreCase);
            string? name = OfficialImageName(image);
            return name != null && DataServiceImages.Contains(name);
        }

        /// <summary>The name of a Docker Official Image (<c>postgres</c>, <c>docker.io/library/postgres</c>), or null.</summary>
        private static string? OfficialImageName(ImageReference image)
        {
            string path = image.Path;
            if (image.Registry != null)
            {
                string r = image.Registry.ToLowerInvariant();
                if (r != "docker.io" && r != "index.docker.io" && r != "registry-1.docker.io") return null;
            }
            if (path.StartsWith("library/", StringComparison.OrdinalIgnoreCase)) path = path.Substring("library/".Length);
            return path.IndexOf('/') >= 0 ? null : path;
        }

        /// <summary>The health check a service runs: compose's <c>healthcheck</c> first, then the built Dockerfile's or the image's.</summary>
        public static HealthcheckState Healthcheck(ComposeService service, Workspace workspace)
        {
            if (service.Get("healthcheck") is YamlMapping)
            {
                if (service.HealthcheckDisabled) return HealthcheckState.Disabled;
                if (service.HealthcheckTest != null) return HealthcheckState.Defined;
                // Options without a test tune the image's own HEALTHCHECK: fall through to it.
            }
            if (service.Build != null)
            {
                var stage = BuiltStage(service, workspace, out bool unknown);
                if (stage == null) return HealthcheckState.Unknown;
                var instruction = stage.FindLastInherited(i => i.Kind == InstructionKind.Healthcheck);
                if (instruction is HealthcheckInstruction h) return h.IsNone ? HealthcheckState.Disabled : HealthcheckState.Defined;
                var root = stage.RootImage;
                if (root == null || unknown) return HealthcheckState.Unknown;
                return root.IsScratch || IsKnownWithoutHealthcheck(root) ? HealthcheckState.Missing : HealthcheckState.Unknown;
            }
            var image = PulledImage(service);
            if (image == null) return HealthcheckState.Unknown;
            return IsKnownWithoutHealthcheck(image) ? HealthcheckState.Missing : HealthcheckState.Unknown;
        }

        /// <summary>The built Dockerfile's stage EXPOSEs a port (itself or through the stages it builds on).</summary>
        public static bool BuiltImageExposesPort(ComposeService service, Workspace workspace)
        {
            var stage = BuiltStage(service, workspace, out _);
            return stage?.FindLastInherited(i => i.Kind == InstructionKind.Expose) != null;
        }

        /// <summary>
        /// The stage a service builds: <c>build.target</c> or the final stage of <c>dockerfile_inline</c>, of a workspace
        /// Dockerfile, or of the Dockerfile read through the file system (size-limited; read and parsed once per
        /// analysis, however many services and rules ask). Null when it cannot be known.
        /// </summary>
        private static Stage? BuiltStage(ComposeService service, Workspace workspace, out bool unknown)
        {
            unknown = false;
            var build = service.Build;
            if (build == null) return null;
            DockerfileModel? model = null;
            if (build.DockerfileInline != null)
            {
                if (build.DockerfileInline.HasVariables) return null;
                model = DockerfileModel.Create(DockerfileParser.Parse(build.DockerfileInline.Value, service.File.Path));
            }
            else
            {
                var reference = ComposeBuildReferences.Create(service.File, service);
                if (reference == null) return null;
                if (build.Context != null && build.Context.HasVariables || build.Dockerfile != null && build.Dockerfile.HasVariables) return null;
                model = workspace.GetDockerfileModel(reference.DockerfilePath);
                if (model == null) return null;
            }
            if (build.Target != null)
            {
                string? target = build.Target.ValueWithDefaults;
                if (target == null || build.Target.HasVariables) return null;
                return model.FindStageByName(target);
            }
            var final = model.FinalStage;
            if (final != null && !final.BaseNameIsComplete) unknown = true;
            return final;
        }

        /// <summary>
        /// The service the dependency names, as the depending file sees it: the file's own definition (with
        /// <c>extends</c>, without the override file) when the file is a base file, else the merged project's.
        /// </summary>
        public static ComposeService? FindDependency(ComposeContext context, string name)
        {
            if (!context.IsOverrideFile)
            {
                foreach (var s in context.Services)
                    if (s.Name == name) return s;
            }
            return context.ComposeProject.FindService(name);
        }

        /// <summary>A line comment right above <paramref name="line"/> (1-based), or at the end of that line, that is not a suppression directive.</summary>
        public static bool HasExplainingComment(Text.SourceText source, int line)
        {
            if (TrailingComment(source, line)) return true;
            if (line <= 1) return false;
            string above = source.ToString(source.GetLineSpan(line - 1)).Trim();
            return above.StartsWith("#", StringComparison.Ordinal) && !IsDirective(above);
        }

        private static bool TrailingComment(Text.SourceText source, int line)
        {
            string text = source.ToString(source.GetLineSpan(line));
            int hash = text.IndexOf(" #", StringComparison.Ordinal);
            return hash >= 0 && !IsDirective(text.Substring(hash + 1).Trim());
        }

        private static bool IsDirective(string comment)
        {
            string body = comment.TrimStart('#').Trim();
            return body.StartsWith("dkr-", StringComparison.OrdinalIgnoreCase) || body.Length == 0;
        }

        /// <summary>
        /// Reports at an environment variable's value: the mapping value, or the part after '=' of a <c>- NAME=value</c>
        /// item written in this file (the whole item when it came through a merge key or <c>extends</c>).
        /// </summary>
        public static void ReportAtValue(ComposeContext context, ComposeEnvironmentVariable variable, params object?[] arguments)
        {
            if (variable.ValueNode != null)
            {
                context.Report(variable.ValueNode, arguments);
                return;
            }
            var node = variable.Node;
            if (!node.IsIndirect && node is YamlScalar item && ReferenceEquals(node.Source, context.Document.Source))
            {
                int quote = item.IsQuoted ? 1 : 0;
                int eq = item.Value.IndexOf('=');
                int start = node.Span.Start + quote + eq + 1;
                string text = node.Source.Text;
                // Only when the text is exactly the value (no escapes or folding before the '=').
                if (eq >= 0 && (item.IsPlain || item.IsQuoted) && start <= node.Span.End
                    && string.CompareOrdinal(text, node.Span.Start + quote, item.Value, 0, eq + 1) == 0)
                {
                    int end = item.IsQuoted ? System.Math.Max(start, node.Span.End - 1) : node.Span.End;
                    context.Report(Text.TextSpan.FromBounds(start, end), arguments);
                    return;
                }
            }
            context.Report(node, arguments);
        }
    }
}
