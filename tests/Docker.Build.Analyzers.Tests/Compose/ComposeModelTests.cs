using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Text;
using Xunit;
using static Docker.Build.Analyzers.Tests.Compose.ComposeTestAnalysis;

namespace Docker.Build.Analyzers.Tests.Compose
{
    public class ComposeModelTests
    {
        [Fact]
        public void Scalars_keep_exact_spans_styles_and_tags()
        {
            var file = Parse("services:\n  web:\n    image: \"nginx:1.27\"\n    user: app\n    ports: !override\n      - '8080:80'\n");
            var web = file.Services.Single();
            Assert.Equal("web", web.Name);
            Assert.Equal("2:3", At(web.NameNode));
            var image = web.Image!;
            Assert.Equal("nginx:1.27", image.Value);
            Assert.Equal(YamlScalarStyle.DoubleQuoted, image.Style);
            Assert.Equal("\"nginx:1.27\"", file.Source.ToString(image.Span));
            Assert.Equal("3:12", At(image));
            Assert.True(web.User!.IsPlain);
            var ports = (YamlSequence)web.Get("ports")!;
            Assert.Equal("!override", ports.Tag);
            Assert.Equal("6:9", At(ports.Items[0]));
            Assert.Equal(YamlScalarStyle.SingleQuoted, ((YamlScalar)ports.Items[0]).Style);
        }

        [Fact]
        public void Offsets_are_right_with_crlf_and_a_byte_order_mark()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("services:\r\n  web:\r\n    image: nginx\r\n")).ToArray();
            var text = AssetReader.Decode(bytes, ComposePath, out _)!;
            var file = ComposeFile.Parse(text);
            var image = file.Services.Single().Image!;
            Assert.Equal("nginx", text.ToString(image.Span));
            Assert.Equal("3:12", At(image));
        }

        [Fact]
        public void Offsets_are_right_after_non_ascii_text()
        {
            var file = Parse("# café ☕ 𝄞\nservices:\n  web:\n    image: \"é\"\n    user: app\n");
            var user = file.Services.Single().User!;
            Assert.Equal("app", file.Source.ToString(user.Span));
            Assert.Equal("5:11", At(user));
        }

        [Fact]
        public void Merge_keys_bring_values_reported_at_the_merge_key()
        {
            var file = Parse("x-base: &base\n  image: nginx\n  restart: always\nservices:\n  web:\n    <<: *base\n    restart: \"no\"\n");
            var web = file.Services.Single();
            Assert.Equal("nginx", web.Image!.Value);
            Assert.True(web.Image.IsIndirect);
            Assert.Equal("6:5", At(web.Image));
            Assert.Equal("2:10", $"{file.Source.GetLinePosition(web.Image.Span.Start).Line}:{file.Source.GetLinePosition(web.Image.Span.Start).Column}");
            Assert.Equal("no", web.Restart!.Value);
            Assert.Equal("7:14", At(web.Restart));
        }

        [Fact]
        public void Merge_list_earlier_mapping_wins()
        {
            var file = Parse("x-a: &a {image: a, user: ua}\nx-b: &b {image: b, cpus: 1}\nservices:\n  web:\n    <<: [*a, *b]\n");
            var web = file.Services.Single();
            Assert.Equal("a", web.Image!.Value);
            Assert.Equal("1", web.Cpus!.Value);
            Assert.Equal("5:5", At(web.Cpus));
        }

        [Fact]
        public void Plain_alias_is_reported_at_the_alias()
        {
            var file = Parse("x-img: &img nginx:1\nservices:\n  web:\n    image: *img\n");
            Assert.Equal("4:12", At(file.Services.Single().Image!));
        }

        [Fact]
        public void Two_merge_keys_and_duplicate_keys_are_problems()
        {
            var file = Parse("x-a: &a {image: a}\nservices:\n  web:\n    <<: *a\n    <<: *a\n    user: x\n    user: y\n");
            Assert.Equal(new[] { "5:5", "7:5" }, file.Problems.Select(p => Pos(file, p)).ToArray());
            Assert.Equal(ComposeProblemKind.Yaml, file.Problems[0].Kind);
        }

        [Fact]
        public void Syntax_error_has_the_parser_position()
        {
            var file = Parse("services:\n  web:\n    image: [nginx\n");
            var problem = Assert.Single(file.Problems);
            Assert.Equal(ComposeProblemKind.Syntax, problem.Kind);
            Assert.False(file.IsParsed);
            Assert.DoesNotContain("Idx:", problem.Message);
        }

        [Fact]
        public void Unknown_alias_is_a_problem()
        {
            var file = Parse("services:\n  web:\n    image: *nothing\n");
            Assert.Equal("3:12", Pos(file, Assert.Single(file.Problems)));
        }

        [Fact]
        public void Alias_bomb_stops_at_the_node_budget()
        {
            var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 10; i++)
                sb.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var file = Parse(sb.ToString());
            Assert.True(watch.ElapsedMilliseconds < 5000);
            var problem = Assert.Single(file.Problems);
            Assert.Equal(ComposeProblemKind.Limit, problem.Kind);
            Assert.Null(file.RootNode);
        }

        [Theory]
        [InlineData("[", "]")]
        [InlineData("{a: ", "}")]
        public void Deep_flow_nesting_stops_at_the_depth_limit(string open, string close)
        {
            string text = "x: " + string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";
            var file = Parse(text);
            var problem = Assert.Single(file.Problems);
            Assert.Equal(ComposeProblemKind.Limit, problem.Kind);
        }

        [Fact]
        public void Deep_block_nesting_stops_at_the_depth_limit()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 2_000; i++) sb.Append(' ', i).Append("k:\n");
            var file = Parse(sb.ToString());
            Assert.Contains(file.Problems, p => p.Kind == ComposeProblemKind.Limit);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# only a comment\n\n")]
        [InlineData("---\n")]
        public void Empty_files_are_valid(string text)
        {
            var file = Parse(text);
            Assert.Empty(file.Problems);
            Assert.True(file.IsEmpty);
            Assert.Empty(file.Services);
        }

        [Theory]
        [InlineData("nginx", false, "nginx")]
        [InlineData("nginx:${TAG:-latest}", true, "nginx:latest")]
        [InlineData("nginx:${TAG-latest}", true, "nginx:latest")]
        [InlineData("nginx:${TAG}", true, null)]
        [InlineData("nginx:$TAG", true, null)]
        [InlineData("${A:?required}", true, null)]
        [InlineData("${A?required}", true, null)]
        [InlineData("${A:+alt}", true, null)]
        [InlineData("${A+alt}", true, null)]
        [InlineData("${A:-${B:-x}}y", true, "xy")]
        [InlineData("${A:-${B}}", true, null)]
        [InlineData("pa$$word", false, "pa$word")]
        [InlineData("cost $5", false, "cost $5")]
        [InlineData("${DOCKER_REGISTRY-}api", true, "api")]
        public void Interpolation(string value, bool hasVariables, string? withDefaults)
        {
            var result = ComposeInterpolation.Analyze(value);
            Assert.Equal(hasVariables, result.HasVariables);
            Assert.Equal(withDefaults, result.ValueWithDefaults);
        }

        [Fact]
        public void Deeply_nested_defaults_do_not_recurse_without_bound()
        {
            string value = string.Concat(Enumerable.Repeat("${A:-", 50_000)) + "x" + new string('}', 50_000);
            var result = ComposeInterpolation.Analyze(value);
            Assert.True(result.HasVariables);
            Assert.Null(result.ValueWithDefaults);
        }

        [Theory]
        [InlineData("\"8080:80\"", null, "8080", "80", "tcp")]
        [InlineData("\"127.0.0.1:8080:80/udp\"", "127.0.0.1", "8080", "80", "udp")]
        [InlineData("\"5000-5010:5000-5010\"", null, "5000-5010", "5000-5010", "tcp")]
        [InlineData("\"80\"", null, null, "80", "tcp")]
        [InlineData("80", null, null, "80", "tcp")]
        [InlineData("\"[::1]:6001:6001\"", "::1", "6001", "6001", "tcp")]
        [InlineData("\"::1:6000:6001\"", "::1", "6000", "6001", "tcp")]
        [InlineData("\"127.0.0.1::80\"", "127.0.0.1", null, "80", "tcp")]
        [InlineData("\"${PORT:-8080}:80\"", null, "8080", "80", "tcp")]
        [InlineData("{target: 80, published: \"8080\", host_ip: 127.0.0.1, protocol: udp}", "127.0.0.1", "8080", "80", "udp")]
        public void Ports(string item, string? ip, string? published, string? target, string protocol)
        {
            var port = Parse("services:\n  web:\n    ports:\n      - " + item + "\n").Services.Single().Ports.Single();
            Assert.Equal(ip, port.HostIp);
            Assert.Equal(published, port.Published?.ToString());
            Assert.Equal(target, port.Target?.ToString());
            Assert.Equal(protocol, port.Protocol);
        }

        [Fact]
        public void Environment_list_and_map_forms()
        {
            var list = Parse("services:\n  web:\n    environment:\n      - A=1\n      - B\n      - C=${X:-d}\n").Services.Single().Environment;
            Assert.Equal(new[] { "A", "B", "C" }, list.Select(v => v.Name).ToArray());
            Assert.Equal("1", list[0].ValueWithDefaults);
            Assert.Null(list[1].RawValue);
            Assert.True(list[2].HasVariables);
            Assert.Equal("d", list[2].ValueWithDefaults);
            var map = Parse("services:\n  web:\n    environment:\n      A: 1\n      B:\n").Services.Single().Environment;
            Assert.Equal("1", map[0].ValueWithDefaults);
            Assert.Equal("4:10", At(map[0].Node));
            Assert.Null(map[1].RawValue);
            Assert.Equal("5:7", At(map[1].Node));
        }

        [Fact]
        public void Depends_on_list_and_map_forms()
        {
            var list = Parse("services:\n  web:\n    depends_on: [db, cache]\n").Services.Single().DependsOn;
            Assert.Equal(new[] { "db", "cache" }, list.Select(d => d.ServiceName).ToArray());
            var map = Parse("services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n      x:\n        required: false\n").Services.Single().DependsOn;
            Assert.Equal("service_healthy", map[0].ConditionValue);
            Assert.False(map[1].Required);
        }

        [Fact]
        public void Build_short_and_long_forms()
        {
            var shortForm = Parse("services:\n  web:\n    build: ./api\n").Services.Single().Build!;
            Assert.True(shortForm.IsShortForm);
            Assert.Equal("./api", shortForm.Context!.Value);
            var longForm = Parse("services:\n  web:\n    build:\n      context: .\n      dockerfile: src/Api/Dockerfile\n      target: final\n      args: {A: 1}\n").Services.Single().Build!;
            Assert.Equal("src/Api/Dockerfile", longForm.Dockerfile!.Value);
            Assert.Equal("final", longForm.Target!.Value);
            Assert.IsType<YamlMapping>(longForm.Args);
        }

        [Fact]
        public void Deploy_limits_and_healthcheck()
        {
            var web = Parse("services:\n  web:\n    deploy:\n      resources:\n        limits: {memory: 512M, cpus: '0.5'}\n    healthcheck:\n      test: [\"NONE\"]\n").Services.Single();
            Assert.Equal("512M", ((YamlScalar)web.DeployMemoryLimit!).Value);
            Assert.Equal("0.5", ((YamlScalar)web.DeployCpusLimit!).Value);
            Assert.True(web.HealthcheckDisabled);
        }

        [Fact]
        public void Volumes_short_and_long_forms()
        {
            var volumes = Parse("services:\n  web:\n    volumes:\n      - ./data:/data:ro\n      - cache:/cache\n      - /anon\n      - type: bind\n        source: .\n        target: /src\n").Services.Single().Volumes;
            Assert.Equal(new[] { "bind", "volume", "volume", "bind" }, volumes.Select(v => v.Type).ToArray());
            Assert.True(volumes[0].ReadOnly);
            Assert.Equal(new[] { "/data", "/cache", "/anon", "/src" }, volumes.Select(v => v.Target).ToArray());
        }

        private static Workspace Load(InMemoryFileSystem files, params string[] composePaths)
        {
            var request = new AnalysisRequest(ProjectDir, composePaths.Select(p => new AssetInput(p, AssetKind.Compose)).ToArray(), null, files);
            return WorkspaceLoader.Load(request, new System.Collections.Generic.List<Diagnostics.Diagnostic>());
        }

        [Fact]
        public void Override_file_merges_onto_the_base()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ComposePath, "services:\n  web:\n    image: api\n    ports: [\"8080:80\"]\n    environment:\n      A: base\n      B: base\n")
                .AddFile(OverridePath, "services:\n  web:\n    ports: [\"9090:90\"]\n    environment:\n      B: dev\n  debug:\n    image: tools\n");
            var workspace = Load(files, ComposePath);
            var project = workspace.GetComposeProject(workspace.ComposeDocuments[0]);
            Assert.Equal(2, project.Files.Count);
            var web = project.FindService("web")!;
            Assert.Equal(new[] { "8080", "9090" }, web.Ports.Select(p => p.Published.ToString()).ToArray());
            Assert.Equal(new[] { "A=base", "B=dev" }, web.Environment.Select(v => v.Name + "=" + v.ValueWithDefaults).ToArray());
            var b = web.FindEnvironment("B")!;
            Assert.Equal(OverridePath, b.Node.Source.Path);
            Assert.True(project.HasService("debug"));
            // Services of the base file alone, no override.
            Assert.Single(project.ServicesOf(project.Files[0]).Single().Ports);
        }

        [Fact]
        public void Override_reset_clears_and_override_replaces()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ComposePath, "services:\n  web:\n    image: api\n    ports: [\"8080:80\"]\n    user: root\n")
                .AddFile(OverridePath, "services:\n  web:\n    ports: !override [\"9090:90\"]\n    user: !reset null\n");
            var workspace = Load(files, OverridePath);
            var web = workspace.GetComposeProject(workspace.ComposeDocuments[0]).FindService("web")!;
            Assert.Equal(new[] { "9090" }, web.Ports.Select(p => p.Published.ToString()).ToArray());
            Assert.Null(web.User);
        }

        [Fact]
        public void Extends_in_the_same_file_and_from_another_file()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ComposePath, "services:\n  base:\n    image: api\n    restart: always\n  web:\n    extends: base\n    user: app\n  worker:\n    extends:\n      service: common\n      file: ../common/compose.common.yml\n")
                .AddFile("/repo/src/common/compose.common.yml", "services:\n  common:\n    image: worker\n    build: ./w\n");
            var workspace = Load(files, ComposePath);
            var doc = workspace.ComposeDocuments[0];
            var project = workspace.GetComposeProject(doc);
            var services = project.ServicesOf(doc.File);
            var web = services.Single(s => s.Name == "web");
            Assert.Equal("api", web.Image!.Value);
            Assert.Equal("6:5", At(web.Image));
            Assert.Equal("app", web.User!.Value);
            var worker = services.Single(s => s.Name == "worker");
            Assert.Equal("worker", worker.Image!.Value);
            Assert.Equal("9:5", At(worker.Image));
            Assert.Same(doc.Source, worker.Image.ReportSource);
            Assert.Empty(project.Problems);
            var build = Assert.Single(workspace.ComposeBuilds);
            Assert.Equal("worker", build.ServiceName);
            Assert.Equal("/repo/src/common/w", build.ContextDirectory);
            Assert.Equal("/repo/src/common/w/Dockerfile", build.DockerfilePath);
        }

        [Fact]
        public void Extends_cycles_and_missing_services_are_problems()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ComposePath, "services:\n  a:\n    extends: b\n  b:\n    extends: a\n  c:\n    extends: nothing\n  d:\n    extends: {service: x, file: missing.yml}\n");
            var workspace = Load(files, ComposePath);
            var project = workspace.GetComposeProject(workspace.ComposeDocuments[0]);
            Assert.True(project.Problems.Count >= 3);
            Assert.All(project.Problems, p => Assert.Equal(ComposeProblemKind.Reference, p.Kind));
        }

        [Fact]
        public void Included_services_are_known_by_name()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ComposePath, "include:\n  - ../infra/compose.yaml\nservices:\n  web:\n    image: api\n")
                .AddFile("/repo/src/infra/compose.yaml", "include:\n  - path: ./more.yaml\nservices:\n  db:\n    image: postgres\n")
                .AddFile("/repo/src/infra/more.yaml", "include:\n  - ../infra/compose.yaml\nservices:\n  cache:\n    image: redis\n");
            var workspace = Load(files, ComposePath);
            var project = workspace.GetComposeProject(workspace.ComposeDocuments[0]);
            Assert.True(project.HasService("db"));
            Assert.True(project.HasService("cache"));
            Assert.False(project.HasService("nope"));
        }

        [Fact]
        public void Compose_builds_short_and_long_forms()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ComposePath, "services:\n  api:\n    build: ../Api\n  web:\n    build:\n      context: ..\n      dockerfile: Web/Dockerfile.web\n  remote:\n    build: https://github.com/x/y.git\n  db:\n    image: postgres\n");
            var workspace = Load(files, ComposePath);
            var builds = workspace.ComposeBuilds;
            Assert.Equal(new[] { "api", "web" }, builds.Select(b => b.ServiceName).ToArray());
            Assert.Equal("/repo/src/Api", builds[0].ContextDirectory);
            Assert.Equal("/repo/src/Api/Dockerfile", builds[0].DockerfilePath);
            Assert.Equal("../Api", builds[0].Source.ToString(builds[0].ContextSpan));
            Assert.Equal("/repo/src", builds[1].ContextDirectory);
            Assert.Equal("/repo/src/Web/Dockerfile.web", builds[1].DockerfilePath);
            Assert.Same(workspace.ComposeSources[0], builds[0].Source);
        }

        [Fact]
        public void A_compose_file_is_not_parsed_until_needed()
        {
            var files = new InMemoryFileSystem().AddFile(ComposePath, "services: [");
            var workspace = Load(files, ComposePath);
            Assert.Single(workspace.ComposeSources);
            var field = typeof(ComposeDocument).GetField("_file", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            Assert.False(((System.Lazy<ComposeFile>)field.GetValue(workspace.ComposeDocuments[0])!).IsValueCreated);
        }

        [Fact]
        public void Unreadable_and_oversized_compose_files_are_DKR901()
        {
            var files = new InMemoryFileSystem()
                .AddFile(ProjectDir + "/docker-compose.yml", new byte[] { 0x73, 0x3A, 0x20, 0xC3, 0x28, 0x0A })
                .AddFile(ProjectDir + "/compose.big.yaml", new byte[50 * 1024 * 1024]);
            var request = new AnalysisRequest(ProjectDir, new[]
            {
                new AssetInput(ProjectDir + "/docker-compose.yml", AssetKind.Compose),
                new AssetInput(ProjectDir + "/compose.big.yaml", AssetKind.Compose),
            }, null, files);
            var diagnostics = new DockerAnalyzer().Analyze(request).Diagnostics;
            Assert.Equal(new[] { "DKR901", "DKR901" }, diagnostics.Select(d => d.Id).ToArray());
            Assert.Contains(diagnostics, d => d.Message.Contains("UTF-8"));
            Assert.Contains(diagnostics, d => d.Message.Contains("MiB"));
        }

        [Fact]
        public void Two_thousand_lines_parse_and_analyse_quickly()
        {
            string text = ComposeCorpus.Generate(2000);
            var files = new InMemoryFileSystem();
            Run(files, (ComposePath, text)); // warm up
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < 10; i++) Run(new InMemoryFileSystem(), (ComposePath, text));
            watch.Stop();
            // A guard against quadratic work, not the budget: YamlDotNet's scanner alone takes 15 ms and more for
            // this file on a busy CI machine (see the benchmark ComposeBenchmarks for steady-state numbers).
            Assert.True(watch.ElapsedMilliseconds / 10 < 1000, $"{watch.ElapsedMilliseconds / 10} ms per analysis");
        }

        private static string Pos(ComposeFile file, ComposeProblem p)
        {
            var lp = file.Source.GetLinePosition(p.Span.Start);
            return $"{lp.Line}:{lp.Column}";
        }
    }

    /// <summary>A generated compose file of realistic shape (services with build, ports, environment, depends_on, anchors).</summary>
    internal static class ComposeCorpus
    {
        public static string Generate(int lines)
        {
            var sb = new StringBuilder("name: shop\nx-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file\nservices:\n");
            int n = 0;
            while (sb.ToString().Count(c => c == '\n') < lines)
            {
                sb.Append($"  svc{n}:\n    <<: *defaults\n    image: registry.example.com/svc{n}:${{TAG:-1.0.{n}}}\n    container_name: svc{n}\n")
                  .Append($"    ports:\n      - \"{10000 + n}:8080\"\n    environment:\n      ASPNETCORE_ENVIRONMENT: Production\n      ConnectionStrings__Db: \"Host=db;Password=${{DB_PASSWORD}}\"\n")
                  .Append($"    depends_on:\n      db:\n        condition: service_healthy\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n      interval: 30s\n")
                  .Append("    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: '0.5'\n");
                n++;
            }
            sb.Append("  db:\n    image: postgres:16\n");
            return sb.ToString();
        }
    }
}
