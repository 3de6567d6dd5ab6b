using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR514: what Compose would refuse to load: a YAML syntax error, YAML Compose rejects (duplicate keys, two
    /// merge keys, unknown aliases), an unknown top-level or service key, a common key with the wrong type, and an
    /// <c>extends</c> or <c>include</c> that cannot be followed.
    /// </summary>
    public sealed class InvalidComposeFile : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR514", "Compose file is invalid", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "Compose cannot load this file: {0}. Fix it, or Compose stops before it starts anything",
            "docker compose refuses a file with a syntax error, an unknown key or a value of the wrong type; nothing starts until it is fixed.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>The service keys of the Compose specification.</summary>
        internal static readonly HashSet<string> ServiceKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
            "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
            "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
            "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "driver_opts", "entrypoint",
            "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add",
            "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging",
            "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode",
            "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
            "pre_stop", "privileged", "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale",
            "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
            "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes",
            "volumes_from", "working_dir",
        };

        [Flags]
        private enum Shape
        {
            Scalar = 1,
            Sequence = 2,
            Mapping = 4,
        }

        private static readonly Dictionary<string, Shape> ServiceKeyShapes = new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["build"] = Shape.Scalar | Shape.Mapping,
            ["cap_add"] = Shape.Sequence,
            ["cap_drop"] = Shape.Sequence,
            ["command"] = Shape.Scalar | Shape.Sequence,
            ["entrypoint"] = Shape.Scalar | Shape.Sequence,
            ["depends_on"] = Shape.Sequence | Shape.Mapping,
            ["deploy"] = Shape.Mapping,
            ["devices"] = Shape.Sequence,
            ["dns"] = Shape.Scalar | Shape.Sequence,
            ["env_file"] = Shape.Scalar | Shape.Sequence,
            ["environment"] = Shape.Sequence | Shape.Mapping,
            ["expose"] = Shape.Sequence,
            ["extends"] = Shape.Scalar | Shape.Mapping,
            ["extra_hosts"] = Shape.Sequence | Shape.Mapping,
            ["healthcheck"] = Shape.Mapping,
            ["image"] = Shape.Scalar,
            ["container_name"] = Shape.Scalar,
            ["labels"] = Shape.Sequence | Shape.Mapping,
            ["logging"] = Shape.Mapping,
            ["networks"] = Shape.Sequence | Shape.Mapping,
            ["ports"] = Shape.Sequence,
            ["profiles"] = Shape.Sequence,
            ["restart"] = Shape.Scalar,
            ["secrets"] = Shape.Sequence,
            ["configs"] = Shape.Sequence,
            ["security_opt"] = Shape.Sequence,
            ["ulimits"] = Shape.Mapping,
            ["user"] = Shape.Scalar,
            ["volumes"] = Shape.Sequence,
            ["working_dir"] = Shape.Scalar,
        };

        private static readonly Dictionary<string, Shape> TopLevelShapes = new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["version"] = Shape.Scalar,
            ["name"] = Shape.Scalar,
            ["include"] = Shape.Sequence,
            ["services"] = Shape.Mapping,
            ["networks"] = Shape.Mapping,
            ["volumes"] = Shape.Mapping,
            ["secrets"] = Shape.Mapping,
            ["configs"] = Shape.Mapping,
            ["models"] = Shape.Mapping,
        };

        public override void Analyze(ComposeContext context)
        {
            var file = context.File;
            foreach (var problem in file.Problems)
                context.Report(problem.Span, problem.Message);
            if (!file.IsParsed || file.IsEmpty) return;

            var root = file.RootNode;
            if (!(root is YamlMapping top))
            {
                if (root != null) context.Report(root, "a compose file is a mapping of top-level keys (services:, volumes:...), not " + Describe(root));
                return;
            }
            foreach (var entry in top.Entries)
            {
                string key = entry.Key.Value;
                if (IsExtension(key)) continue;
                if (!TopLevelShapes.TryGetValue(key, out var shape))
                {
                    context.Report(entry.Key, $"'{key}' is not a top-level key of the Compose specification (custom keys start with 'x-')");
                    continue;
                }
                CheckShape(context, entry.Value, key, shape);
            }

            if (file.ServicesNode is YamlMapping services)
            {
                foreach (var service in services.Entries)
                {
                    string name = service.Key.Value;
                    if (!(service.Value is YamlMapping definition))
                    {
                        if (!(service.Value is YamlScalar s && s.IsNull))
                            context.Report(service.Value, $"the service '{name}' must be a mapping, not {Describe(service.Value)}");
                        continue;
                    }
                    foreach (var entry in definition.Entries)
                    {
                        string key = entry.Key.Value;
                        if (IsExtension(key)) continue;
                        if (!ServiceKeys.Contains(key))
                        {
                            context.Report(entry.Key, $"'{key}' is not a service key of the Compose specification (service '{name}'; custom keys start with 'x-')");
                            continue;
                        }
                        if (ServiceKeyShapes.TryGetValue(key, out var shape))
                            CheckShape(context, entry.Value, "services." + name + "." + key, shape);
                    }
                }
            }

            // extends and include that cannot be followed, found while building the project of this file.
            foreach (var problem in context.ComposeProject.Problems)
            {
                if (problem.Source.Path != context.Document.Path) continue;
                context.Report(problem.Span, problem.Message);
            }
        }

        private static bool IsExtension(string key) => key.StartsWith("x-", StringComparison.Ordinal);

        private static void CheckShape(ComposeContext context, YamlNode value, string path, Shape allowed)
        {
            if (value is YamlScalar s && (s.IsNull || value.IsReset)) return; // an empty key is null: Compose reads it as unset
            Shape actual = value is YamlMapping ? Shape.Mapping : value is YamlSequence ? Shape.Sequence : Shape.Scalar;
            if ((allowed & actual) != 0) return;
            context.Report(value, $"'{path}' must be {Expected(allowed)}, not {Describe(value)}");
        }

        private static string Expected(Shape shape)
        {
            var parts = new List<string>();
            if ((shape & Shape.Scalar) != 0) parts.Add("a single value");
            if ((shape & Shape.Sequence) != 0) parts.Add("a list");
            if ((shape & Shape.Mapping) != 0) parts.Add("a mapping");
            return string.Join(" or ", parts);
        }

        private static string Describe(YamlNode node) =>
            node is YamlMapping ? "a mapping" : node is YamlSequence ? "a list" : "the value '" + ((YamlScalar)node).Value + "'";
    }
}
