using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Compose
{
    /// <summary>One definition of a service: the mapping one file gives it (an <c>extends</c> base, the service itself, an override).</summary>
    public sealed class ComposeServiceLayer
    {
        internal ComposeServiceLayer(ComposeFile file, YamlMapping? definition)
        {
            File = file;
            Definition = definition;
        }

        public ComposeFile File { get; }

        /// <summary>The service's mapping in that file; null when the service's value is not a mapping.</summary>
        public YamlMapping? Definition { get; }
    }

    /// <summary>
    /// A compose service: the definition the file writes, plus what <c>extends</c> and override files add, merged
    /// the way Compose merges them (single values: the later definition wins; <c>ports</c>, <c>expose</c>, <c>dns</c>,
    /// <c>cap_add</c>... concatenate; <c>environment</c>, <c>depends_on</c> merge by name; <c>!reset</c> clears,
    /// <c>!override</c> replaces). Every value keeps its own node, so a finding lands on the line that sets it.
    /// </summary>
    public sealed class ComposeService
    {
        internal ComposeService(ComposeFile file, YamlScalar nameNode, IReadOnlyList<ComposeServiceLayer> layers)
        {
            File = file;
            NameNode = nameNode;
            Layers = layers;
        }

        /// <summary>The file whose <c>services:</c> declares the service (the base file for a merged project service).</summary>
        public ComposeFile File { get; }

        /// <summary>The service's key: where findings about something the service lacks are reported.</summary>
        public YamlScalar NameNode { get; }

        public string Name => NameNode.Value;

        /// <summary>The definitions merged into this service, lowest first: <c>extends</c> bases, the service, override files.</summary>
        public IReadOnlyList<ComposeServiceLayer> Layers { get; }

        /// <summary>The mapping the declaring file writes (no <c>extends</c>, no override).</summary>
        public YamlMapping? Definition
        {
            get
            {
                for (int i = Layers.Count - 1; i >= 0; i--)
                    if (ReferenceEquals(Layers[i].File, File)) return Layers[i].Definition;
                return null;
            }
        }

        /// <summary>The merged value of a service key: the latest definition that sets it; null when none does or it was <c>!reset</c>.</summary>
        public YamlNode? Get(string key)
        {
            for (int i = Layers.Count - 1; i >= 0; i--)
            {
                var value = Layers[i].Definition?[key];
                if (value == null) continue;
                return value.IsReset ? null : value;
            }
            return null;
        }

        /// <summary>The entry (key and value) of the latest definition that sets the key.</summary>
        public YamlEntry? GetEntry(string key)
        {
            for (int i = Layers.Count - 1; i >= 0; i--)
            {
                var entry = Layers[i].Definition?.Find(key);
                if (entry == null) continue;
                return entry.Value.IsReset ? null : entry;
            }
            return null;
        }

        /// <summary>A nested value (<c>"deploy", "resources", "limits", "memory"</c>) from the latest definition that sets it (mappings merge key by key).</summary>
        public YamlNode? Get(params string[] path)
        {
            for (int i = Layers.Count - 1; i >= 0; i--)
            {
                var definition = Layers[i].Definition;
                if (definition == null) continue;
                YamlNode? current = definition;
                bool reset = false;
                foreach (var key in path)
                {
                    current = (current as YamlMapping)?[key];
                    if (current == null) break;
                    if (current.IsReset) { reset = true; break; }
                }
                if (reset) return null;
                if (current != null) return current;
            }
            return null;
        }

        /// <summary>The items of a sequence key across all definitions, lowest first (<c>!override</c> and <c>!reset</c> cut the lower ones).</summary>
        public IReadOnlyList<YamlNode> GetItems(string key)
        {
            var parts = new List<YamlNode>();
            for (int i = Layers.Count - 1; i >= 0; i--)
            {
                var value = Layers[i].Definition?[key];
                if (value == null) continue;
                if (value.IsReset) break;
                parts.Add(value);
                if (value.IsOverride) break;
            }
            var items = new List<YamlNode>();
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                if (parts[i] is YamlSequence seq) items.AddRange(seq.Items);
                else if (parts[i] is YamlScalar s && !s.IsNull) items.Add(s); // short form of a list key (env_file: .env)
            }
            return items;
        }

        private YamlScalar? Scalar(string key) => Get(key) as YamlScalar;

        public YamlScalar? Image => Scalar("image");
        public YamlScalar? ContainerName => Scalar("container_name");
        public YamlScalar? Restart => Scalar("restart");
        public YamlScalar? NetworkMode => Scalar("network_mode");
        public YamlScalar? User => Scalar("user");
        public YamlScalar? Privileged => Scalar("privileged");
        public YamlScalar? MemLimit => Scalar("mem_limit");
        public YamlScalar? Cpus => Scalar("cpus");
        public YamlScalar? ReadOnly => Scalar("read_only");
        public YamlScalar? PullPolicy => Scalar("pull_policy");

        /// <summary><c>build</c> (short form: the context; long form: context, dockerfile...), or null.</summary>
        public ComposeBuild? Build
        {
            get
            {
                YamlScalar? context = null, dockerfile = null, inline = null, target = null;
                YamlNode? args = null, top = null;
                for (int i = Layers.Count - 1; i >= 0; i--)
                {
                    var value = Layers[i].Definition?["build"];
                    if (value == null) continue;
                    if (value.IsReset) break;
                    top ??= value;
                    if (value is YamlScalar s)
                    {
                        if (!s.IsNull) context ??= s;
                    }
                    else if (value is YamlMapping m)
                    {
                        context ??= m["context"] as YamlScalar;
                        dockerfile ??= m["dockerfile"] as YamlScalar;
                        inline ??= m["dockerfile_inline"] as YamlScalar;
                        target ??= m["target"] as YamlScalar;
                        args ??= m["args"];
                    }
                    if (value.IsOverride) break;
                }
                return top == null ? null : new ComposeBuild(top, context, dockerfile, inline, target, args);
            }
        }

        public YamlMapping? Healthcheck => Get("healthcheck") as YamlMapping;

        /// <summary><c>healthcheck.test</c> (a string, or a list starting with NONE, CMD or CMD-SHELL).</summary>
        public YamlNode? HealthcheckTest => Get("healthcheck", "test");

        /// <summary><c>healthcheck.disable: true</c> or <c>test: ["NONE"]</c>.</summary>
        public bool HealthcheckDisabled
        {
            get
            {
                if (Get("healthcheck", "disable") is YamlScalar d && d.AsBoolean == true) return true;
                var test = HealthcheckTest;
                if (test is YamlSequence seq && seq.Count > 0 && seq.Items[0] is YamlScalar first && first.Value == "NONE") return true;
                return test is YamlScalar t && t.Value == "NONE";
            }
        }

        public YamlMapping? Deploy => Get("deploy") as YamlMapping;
        public YamlNode? DeployMemoryLimit => Get("deploy", "resources", "limits", "memory");
        public YamlNode? DeployCpusLimit => Get("deploy", "resources", "limits", "cpus");
        public YamlNode? DeployRestartPolicy => Get("deploy", "restart_policy");

        public IReadOnlyList<YamlNode> CapAdd => GetItems("cap_add");
        public IReadOnlyList<YamlNode> Profiles => GetItems("profiles");
        public IReadOnlyList<YamlNode> EnvFile => GetItems("env_file");
        public IReadOnlyList<YamlNode> Expose => GetItems("expose");

        /// <summary>The <c>extends</c> the declaring file writes, or null.</summary>
        public ComposeExtends? Extends
        {
            get
            {
                var entry = Definition?.Find("extends");
                if (entry == null) return null;
                if (entry.Value is YamlScalar s && !s.IsNull) return new ComposeExtends(entry, s, null);
                if (entry.Value is YamlMapping m && m["service"] is YamlScalar service)
                    return new ComposeExtends(entry, service, m["file"] as YamlScalar);
                return null;
            }
        }

        /// <summary>Published and container ports, short and long form, lowest definition first.</summary>
        public IReadOnlyList<ComposePort> Ports
        {
            get
            {
                var list = new List<ComposePort>();
                foreach (var item in GetItems("ports"))
                {
                    var port = ComposePort.Parse(item);
                    if (port != null) list.Add(port);
                }
                return list;
            }
        }

        /// <summary>Volume mounts, short (<c>src:target:mode</c>) and long form; a later definition replaces one with the same target.</summary>
        public IReadOnlyList<ComposeVolumeMount> Volumes
        {
            get
            {
                var list = new List<ComposeVolumeMount>();
                foreach (var item in GetItems("volumes"))
                {
                    var mount = ComposeVolumeMount.Parse(item);
                    if (mount == null) continue;
                    if (mount.Target != null) list.RemoveAll(m => m.Target == mount.Target);
                    list.Add(mount);
                }
                return list;
            }
        }

        /// <summary>The <c>environment</c> variables (mapping or <c>NAME=value</c> list), merged by name: the latest definition wins.</summary>
        public IReadOnlyList<ComposeEnvironmentVariable> Environment
        {
            get
            {
                var byName = new Dictionary<string, int>(StringComparer.Ordinal);
                var list = new List<ComposeEnvironmentVariable>();
                foreach (var layer in Layers)
                {
                    var value = layer.Definition?["environment"];
                    if (value == null) continue;
                    if (value.IsReset || value.IsOverride) { list.Clear(); byName.Clear(); }
                    foreach (var variable in ComposeEnvironmentVariable.Read(value))
                    {
                        if (byName.TryGetValue(variable.Name, out int index)) list[index] = variable;
                        else
                        {
                            byName[variable.Name] = list.Count;
                            list.Add(variable);
                        }
                    }
                }
                return list;
            }
        }

        /// <summary>The one variable of <c>environment</c> with this name, or null.</summary>
        public ComposeEnvironmentVariable? FindEnvironment(string name)
        {
            foreach (var v in Environment)
                if (v.Name == name) return v;
            return null;
        }

        private ComposeDependency[]? _dependsOn;

        /// <summary>
        /// <c>depends_on</c> (list or mapping with <c>condition</c>), merged by service name. Read once: rules ask it of
        /// every other service for each service (who waits for this one?), which would otherwise re-read it n² times.
        /// </summary>
        public IReadOnlyList<ComposeDependency> DependsOn
        {
            get
            {
                // The layers never change, so a race only computes the same list twice.
                var cached = System.Threading.Volatile.Read(ref _dependsOn);
                if (cached != null) return cached;
                cached = ReadDependsOn().ToArray();
                System.Threading.Volatile.Write(ref _dependsOn, cached);
                return cached;
            }
        }

        private List<ComposeDependency> ReadDependsOn()
        {
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            var list = new List<ComposeDependency>();
            foreach (var layer in Layers)
            {
                var value = layer.Definition?["depends_on"];
                if (value == null) continue;
                if (value.IsReset || value.IsOverride) { list.Clear(); byName.Clear(); }
                foreach (var d in ComposeDependency.Read(value))
                {
                    if (byName.TryGetValue(d.ServiceName, out int index)) list[index] = d;
                    else
                    {
                        byName[d.ServiceName] = list.Count;
                        list.Add(d);
                    }
                }
            }
            return list;
        }

        public override string ToString() => Name;
    }

    /// <summary>A service's <c>build</c>: the short form is a context path; the long form a mapping.</summary>
    public sealed class ComposeBuild
    {
        internal ComposeBuild(YamlNode node, YamlScalar? context, YamlScalar? dockerfile, YamlScalar? dockerfileInline, YamlScalar? target, YamlNode? args)
        {
            Node = node;
            Context = context;
            Dockerfile = dockerfile;
            DockerfileInline = dockerfileInline;
            Target = target;
            Args = args;
        }

        /// <summary>The <c>build</c> value (scalar or mapping) of the latest definition.</summary>
        public YamlNode Node { get; }

        public bool IsShortForm => Node is YamlScalar;

        /// <summary>The context (<c>build: ./dir</c> or <c>context:</c>); null means the compose file's directory.</summary>
        public YamlScalar? Context { get; }

        /// <summary><c>dockerfile</c>, relative to the context (absolute allowed); null means <c>Dockerfile</c>.</summary>
        public YamlScalar? Dockerfile { get; }

        public YamlScalar? DockerfileInline { get; }
        public YamlScalar? Target { get; }

        /// <summary><c>args</c> (mapping or <c>NAME=value</c> list).</summary>
        public YamlNode? Args { get; }

        /// <summary>A context Compose fetches rather than reads from disk: a URL or git reference.</summary>
        public static bool IsRemoteContext(string context) =>
            context.IndexOf("://", StringComparison.Ordinal) > 0
            || context.StartsWith("git@", StringComparison.Ordinal)
            || context.StartsWith("github.com/", StringComparison.Ordinal)
            || context.EndsWith(".git", StringComparison.OrdinalIgnoreCase)
            || context.IndexOf(".git#", StringComparison.OrdinalIgnoreCase) > 0;
    }

    /// <summary>A service's <c>extends</c>: the service it builds on and, optionally, the file that defines it.</summary>
    public sealed class ComposeExtends
    {
        internal ComposeExtends(YamlEntry entry, YamlScalar service, YamlScalar? file)
        {
            Entry = entry;
            Service = service;
            File = file;
        }

        /// <summary>The <c>extends</c> entry: values the service inherits are reported at its key.</summary>
        public YamlEntry Entry { get; }

        public YamlScalar Service { get; }

        /// <summary>The other compose file, relative to this one; null for the same file.</summary>
        public YamlScalar? File { get; }
    }

    /// <summary>One <c>environment</c> variable.</summary>
    public sealed class ComposeEnvironmentVariable
    {
        internal ComposeEnvironmentVariable(string name, YamlNode node, string? value, YamlScalar? valueNode)
        {
            Name = name;
            Node = node;
            RawValue = value;
            ValueNode = valueNode;
            Interpolated = value == null ? InterpolatedValue.Empty : ComposeInterpolation.Analyze(value);
        }

        public string Name { get; }

        /// <summary>Where it is written: the list item (<c>- NAME=value</c>) or the mapping value (the key when the value is empty).</summary>
        public YamlNode Node { get; }

        /// <summary>The value before interpolation; null when it is taken from the shell (<c>- NAME</c>, <c>NAME:</c>).</summary>
        public string? RawValue { get; }

        /// <summary>The value's own scalar in the mapping form; null in the list form.</summary>
        public YamlScalar? ValueNode { get; }

        public InterpolatedValue Interpolated { get; }
        public bool HasVariables => Interpolated.HasVariables;

        /// <summary>The value with defaults applied; null when it is unknown (no value, or a variable without default).</summary>
        public string? ValueWithDefaults => RawValue == null ? null : Interpolated.ValueWithDefaults;

        internal static IEnumerable<ComposeEnvironmentVariable> Read(YamlNode value)
        {
            if (value is YamlMapping m)
            {
                foreach (var e in m.Entries)
                {
                    var v = e.Value as YamlScalar;
                    bool empty = v == null || v.IsNull;
                    yield return new ComposeEnvironmentVariable(e.Key.Value, empty ? (YamlNode)e.Key : v!, empty ? null : v!.Value, empty ? null : v);
                }
            }
            else if (value is YamlSequence seq)
            {
                foreach (var item in seq.Items)
                {
                    if (!(item is YamlScalar s) || s.IsNull) continue;
                    int eq = s.Value.IndexOf('=');
                    if (eq < 0) yield return new ComposeEnvironmentVariable(s.Value.Trim(), s, null, null);
                    else yield return new ComposeEnvironmentVariable(s.Value.Substring(0, eq).Trim(), s, s.Value.Substring(eq + 1), null);
                }
            }
        }
    }

    /// <summary>One <c>depends_on</c> dependency.</summary>
    public sealed class ComposeDependency
    {
        internal ComposeDependency(YamlScalar nameNode, YamlScalar? condition, bool required)
        {
            NameNode = nameNode;
            Condition = condition;
            Required = required;
        }

        /// <summary>The list item or the mapping key naming the service.</summary>
        public YamlScalar NameNode { get; }

        public string ServiceName => NameNode.Value;

        /// <summary><c>service_started</c> (the default), <c>service_healthy</c>, <c>service_completed_successfully</c>; null in the list form.</summary>
        public YamlScalar? Condition { get; }

        /// <summary><c>required: false</c> turns a missing dependency into a warning in Compose.</summary>
        public bool Required { get; }

        public string ConditionValue => Condition?.Value ?? "service_started";

        internal static IEnumerable<ComposeDependency> Read(YamlNode value)
        {
            if (value is YamlSequence seq)
            {
                foreach (var item in seq.Items)
                    if (item is YamlScalar s && !s.IsNull) yield return new ComposeDependency(s, null, true);
            }
            else if (value is YamlMapping m)
            {
                foreach (var e in m.Entries)
                {
                    var options = e.Value as YamlMapping;
                    bool required = !(options?["required"] is YamlScalar r && r.AsBoolean == false);
                    yield return new ComposeDependency(e.Key, options?["condition"] as YamlScalar, required);
                }
            }
        }
    }

    /// <summary>One volume mount of a service.</summary>
    public sealed class ComposeVolumeMount
    {
        internal ComposeVolumeMount(YamlNode node, string type, string? source, string? target, bool readOnly)
        {
            Node = node;
            Type = type;
            Source = source;
            Target = target;
            ReadOnly = readOnly;
        }

        /// <summary>The list item (short string or long mapping).</summary>
        public YamlNode Node { get; }

        /// <summary><c>volume</c>, <c>bind</c>, <c>tmpfs</c>, <c>npipe</c>, <c>image</c>...</summary>
        public string Type { get; }

        /// <summary>The host path or volume name (before interpolation); null for an anonymous volume.</summary>
        public string? Source { get; }

        public string? Target { get; }
        public bool ReadOnly { get; }

        internal static ComposeVolumeMount? Parse(YamlNode item)
        {
            if (item is YamlScalar s && !s.IsNull)
            {
                // [SOURCE:]TARGET[:MODE]; a Windows drive letter ("C:\x") belongs to the source.
                string v = s.Value;
                var parts = new List<string>();
                int start = 0;
                for (int i = 0; i < v.Length; i++)
                {
                    if (v[i] != ':') continue;
                    if (i - start == 1 && char.IsLetter(v[start]) && i + 1 < v.Length && (v[i + 1] == '\\' || v[i + 1] == '/')) continue;
                    parts.Add(v.Substring(start, i - start));
                    start = i + 1;
                }
                parts.Add(v.Substring(start));
                string? source = parts.Count >= 2 ? parts[0] : null;
                string target = parts.Count >= 2 ? parts[1] : parts[0];
                bool readOnly = parts.Count >= 3 && Array.IndexOf(parts[2].Split(','), "ro") >= 0;
                string type = source == null ? "volume" : IsPath(source) ? "bind" : "volume";
                return new ComposeVolumeMount(item, type, source, target, readOnly);
            }
            if (item is YamlMapping m)
            {
                string type = (m["type"] as YamlScalar)?.Value ?? "volume";
                bool ro = (m["read_only"] as YamlScalar)?.AsBoolean == true;
                return new ComposeVolumeMount(item, type, (m["source"] as YamlScalar)?.Value, (m["target"] as YamlScalar)?.Value, ro);
            }
            return null;
        }

        private static bool IsPath(string source) =>
            source.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("/", StringComparison.Ordinal)
            || source.StartsWith("~", StringComparison.Ordinal) || source.StartsWith("$", StringComparison.Ordinal)
            || source.IndexOf('\\') >= 0 || (source.Length >= 2 && source[1] == ':');
    }
}
