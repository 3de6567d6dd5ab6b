using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Rules;

namespace Docker.Build.Analyzers.Benchmarks
{
    /// <summary>
    /// The issue's acceptance point: a 2,000-line compose file and a 500-line .dockerignore over a 20,000-file
    /// context, analysed together (as the MSBuild task calls the engine for one project) in under 50 ms. The solution
    /// is written to a temporary folder: 40 projects of about 500 files each (nested sources, bin/ and obj/ output,
    /// wwwroot, a node_modules tree), a .git folder, the ignore file and the compose file at the root.
    /// </summary>
    [MemoryDiagnoser]
    public class AssetsBenchmarks
    {
        public const int Projects = 40;

        private readonly DockerAnalyzer _analyzer = new DockerAnalyzer();

        internal string Root { get; private set; } = "";
        internal AnalysisRequest Request { get; private set; } = null!;
        internal int FileCount { get; private set; }
        internal int IgnoreLines { get; private set; }
        internal int ComposeLines { get; private set; }

        [GlobalSetup]
        public void Setup()
        {
            Root = Path.Combine(Path.GetTempPath(), "dba-assets-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
            int files = 0;
            void Write(string relative, string text = "")
            {
                string full = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
                files++;
            }

            // A clone's .git folder: a few refs and loose objects.
            Write(".git/HEAD", "ref: refs/heads/main\n");
            Write(".git/config", "[core]\n\tbare = false\n");
            Write(".git/packed-refs", "");
            Write(".git/refs/heads/main", "0000000000000000000000000000000000000000\n");
            Write(".git/index", "");
            for (int i = 0; i < 195; i++) Write($".git/objects/{i % 64:x2}/{i:x38}", "x");
            Write(".gitignore", "bin/\nobj/\n");
            Write("README.md", "# Shop\n");
            Write("LICENSE", "MIT");
            Write("Directory.Build.props", "<Project />");
            Write("Directory.Packages.props", "<Project />");
            Write("Shop.sln", "");
            Write("global.json", "{}");

            for (int p = 0; p < Projects; p++)
            {
                string dir = $"src/P{p}";
                Write($"{dir}/P{p}.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
                Write($"{dir}/Program.cs", "var app = WebApplication.Create(args); app.Run();");
                Write($"{dir}/appsettings.json", "{}");
                Write($"{dir}/appsettings.Development.json", "{}");
                Write($"{dir}/appsettings.Development.local.json", "{}");
                Write($"{dir}/Properties/launchSettings.json", "{}");
                Write($"{dir}/README.md", "# P");
                Write($"{dir}/Dockerfile", Dockerfile(p));
                // Sources: 5 features x 4 folders x 10 classes, and generated code.
                for (int f = 0; f < 5; f++)
                    for (int s = 0; s < 4; s++)
                        for (int c = 0; c < 10; c++)
                            Write($"{dir}/Features/Feature{f}/Part{s}/Class{c}.cs", "class C {}");
                for (int g = 0; g < 10; g++) Write($"{dir}/Generated/generated{p * 5 % 200}/Model{g}.g.cs", "");
                // Build output.
                for (int b = 0; b < 70; b++) Write($"{dir}/bin/Debug/net8.0/Lib{b}.{(b % 2 == 0 ? "dll" : "pdb")}", "");
                for (int b = 0; b < 10; b++) Write($"{dir}/bin/Debug/net8.0/runtimes/linux-x64/native/lib{b}.so", "");
                Write($"{dir}/obj/project.assets.json", "{}");
                Write($"{dir}/obj/P{p}.csproj.nuget.g.targets", "<Project />");
                Write($"{dir}/obj/P{p}.csproj.nuget.g.props", "<Project />");
                for (int o = 0; o < 42; o++) Write($"{dir}/obj/Debug/net8.0/P{p}.{o}.cache", "");
                // Static web assets.
                for (int w = 0; w < 5; w++) Write($"{dir}/wwwroot/css/site{w}.css", "");
                for (int w = 0; w < 10; w++) Write($"{dir}/wwwroot/js/app{w}.js", "");
                for (int w = 0; w < 15; w++) Write($"{dir}/wwwroot/lib/bootstrap/dist/css/bootstrap{w}.min.css", "");
                for (int w = 0; w < 15; w++) Write($"{dir}/wwwroot/lib/bootstrap/dist/js/bootstrap{w}.min.js", "");
                // A front-end app and its node_modules.
                Write($"{dir}/ClientApp/package.json", "{}");
                Write($"{dir}/ClientApp/package-lock.json", "{}");
                for (int t = 0; t < 10; t++) Write($"{dir}/ClientApp/src/component{t}.ts", "");
                for (int m = 0; m < 25; m++)
                {
                    Write($"{dir}/ClientApp/node_modules/pkg{m}/package.json", "{}");
                    Write($"{dir}/ClientApp/node_modules/pkg{m}/index.js", "");
                    Write($"{dir}/ClientApp/node_modules/pkg{m}/lib/util.js", "");
                    Write($"{dir}/ClientApp/node_modules/pkg{m}/README.md", "");
                }
                Write($"{dir}/ClientApp/npm-debug.log", "");
                Write($"{dir}/data.tmp", "");
            }

            string ignore = IgnoreFile(Projects);
            IgnoreLines = ignore.Split('\n').Length - 1;
            Write(".dockerignore", ignore);
            string compose = ComposeBenchmarks.Generate(2000, Projects);
            ComposeLines = compose.Split('\n').Length - 1;
            Write("compose.yaml", compose);
            FileCount = files;

            // A checked-out solution's folders were written long before the build, not a second ago (a listing cache
            // keeps only directories whose last write is older than its racy window).
            foreach (var directory in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).Append(Root))
                Directory.SetLastWriteTimeUtc(directory, DateTime.UtcNow.AddHours(-1));
            Request = CreateRequest(null);
        }

        /// <summary>The MSBuild task's request for project P0, reading through <paramref name="fileSystem"/> (null: the disk).</summary>
        internal AnalysisRequest CreateRequest(IFileSystem? fileSystem)
        {
            string projectDirectory = Path.Combine(Root, "src", "P0");
            return new AnalysisRequest(projectDirectory, new[]
            {
                new AssetInput(Path.Combine(projectDirectory, "Dockerfile"), AssetKind.Dockerfile),
                new AssetInput(Path.Combine(Root, "compose.yaml"), AssetKind.Compose),
                new AssetInput(Path.Combine(Root, ".dockerignore"), AssetKind.DockerIgnore),
            }, new ProjectFacts(Path.Combine(projectDirectory, "P0.csproj"), "P0", new[] { "net8.0" }, isWebProject: true), fileSystem, discoverSharedAssets: true);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            if (Root.Length > 0 && Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }

        [Benchmark]
        public int Analyze() => _analyzer.Analyze(Request).Diagnostics.Count;

        /// <summary>Visual Studio's template: restore the project alone, then <c>COPY . .</c> from the solution root.</summary>
        private static string Dockerfile(int p) =>
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nWORKDIR /app\nEXPOSE 8080\n\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\n" +
            $"COPY [\"src/P{p}/P{p}.csproj\", \"src/P{p}/\"]\nCOPY [\"Directory.Build.props\", \".\"]\nRUN dotnet restore \"./src/P{p}/P{p}.csproj\"\nCOPY . .\n" +
            $"WORKDIR \"/src/src/P{p}\"\nRUN dotnet build \"./P{p}.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n\n" +
            $"FROM build AS publish\nARG BUILD_CONFIGURATION=Release\nRUN dotnet publish \"./P{p}.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n\n" +
            $"FROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"P{p}.dll\"]\n";

        /// <summary>
        /// A long, real-looking ignore file: Visual Studio's template (with its wildcard exception), build output,
        /// editor files, per-project literal paths and exceptions, generated folders, extensions, character classes.
        /// </summary>
        internal static string IgnoreFile(int projects)
        {
            var sb = new StringBuilder("# Visual Studio's template\n");
            foreach (var line in new[]
            {
                "**/.classpath", "**/.dockerignore", "**/.env", "**/.git", "**/.gitignore", "**/.project", "**/.settings", "**/.toolstarget",
                "**/.vs", "**/.vscode", "**/*.*proj.user", "**/*.dbmdl", "**/*.jfm", "**/azds.yaml", "**/bin", "**/charts", "**/docker-compose*",
                "**/compose*", "**/Dockerfile*", "**/node_modules", "**/npm-debug.log", "**/obj", "**/secrets.dev.yaml", "**/values.dev.yaml",
                "LICENSE", "README.md", "!**/.gitignore", "!.git/HEAD", "!.git/config", "!.git/packed-refs", "!.git/refs/heads/**",
                "", "# docs and tooling", "**/*.md", "!src/*/README.md", "docs/", "coverage/", "TestResults/", "**/TestResults", "artifacts/",
                ".idea/", "*.swp", "**/*.sw[op]", "**/*.[Tt]mp", "**/[Dd]ebug/", "**/[Rr]elease/", "**/*.log", "**/*.cache", "**/.DS_Store",
                "src/*/appsettings.*.local.json", "**/appsettings.Local.json", "**/*.pfx", "**/*.key", "**/secrets.json", "*.user",
            })
            {
                // DKR_BENCH_NO_WILDCARD_EXCEPTION=1: the template without its wildcard exception (the walk skips the same folders either way).
                if (line == "!**/.gitignore" && Environment.GetEnvironmentVariable("DKR_BENCH_NO_WILDCARD_EXCEPTION") == "1") continue;
                sb.Append(line).Append('\n');
            }
            sb.Append("\n# per project\n");
            for (int p = 0; p < projects; p++)
            {
                sb.Append($"src/P{p}/appsettings.Development.json\n");
                sb.Append($"src/P{p}/Properties/launchSettings.json\n");
                sb.Append($"src/P{p}/wwwroot/lib/**\n");
                sb.Append($"!src/P{p}/wwwroot/lib/bootstrap/dist/css/bootstrap{p % 15}.min.css\n");
                sb.Append($"src/P{p}/ClientApp/src/*.spec.ts\n");
            }
            sb.Append("\n# generated code\n");
            int lines = sb.ToString().Split('\n').Length;
            for (int g = 0; lines < 480; g++, lines++)
            {
                switch (g % 5)
                {
                    case 0: sb.Append($"**/generated{g}/*.g.cs\n"); break;
                    case 1: sb.Append($"src/*/Generated/generated{g}/\n"); break;
                    case 2: sb.Append($"**/*.ext{g}\n"); break;
                    case 3: sb.Append($"tools/script{g}.sh\n"); break;
                    default: sb.Append($"**/Fixtures/case{g}/**\n"); break;
                }
            }
            sb.Append("\n# keep\n");
            for (int k = 0; lines < 500; k++, lines++) sb.Append($"!src/P{k}/Generated/generated{k * 5}/Model0.g.cs\n");
            return sb.ToString();
        }

        /// <summary>The --assets mode: whole analysis and where its time goes, medians and minimums over warm runs.</summary>
        public static void RunReport(int iterations)
        {
            var bench = new AssetsBenchmarks();
            var clock = Stopwatch.StartNew();
            bench.Setup();
            try
            {
                Console.WriteLine($"Solution at {bench.Root}: {bench.FileCount} files written in {clock.Elapsed.TotalSeconds:F1} s; " +
                    $".dockerignore {bench.IgnoreLines} lines, compose.yaml {bench.ComposeLines} lines; load: {Load()}");
                var request = bench.Request;
                var analyzer = new DockerAnalyzer();
                var first = analyzer.Analyze(request).Diagnostics;
                if (Environment.GetEnvironmentVariable("DBA_ASSETS_FINDINGS") == "1")
                {
                    foreach (var d in first.Where(d => d.Id != "DKR517")) Console.WriteLine($"  {d.Id} {d.Severity} {d.FilePath}:{d.Location} {d.Message}");
                    return;
                }
                for (int i = 0; i < 20; i++) analyzer.Analyze(request);

                var dockerfileRules = RuleCatalog.Rules.OfType<DockerfileRule>().ToList();
                var ignoreRules = RuleCatalog.Rules.OfType<DockerIgnoreRule>().ToList();
                var composeRules = RuleCatalog.Rules.OfType<ComposeRule>().ToList();
                var composeText = Analysis.AssetReader.TryRead(request.FileSystem, Path.Combine(bench.Root, "compose.yaml"), out _)!;

                var stages = new[] { "load workspace (reads, parses, context decision)", "context walk (.dockerignore over every entry)",
                    ".dockerignore rules (DKR4xx)", "compose rules (DKR5xx)", "Dockerfile rules", "compose parse alone (YamlDotNet + tree)", "whole analysis",
                    "  context walk without .dockerignore (disk only)", "  .dockerignore verdicts alone (no disk)", "  raw recursive listing (the disk's floor)" };
                var ignoreFile = BuildContext.LoadIgnoreFile(request.FileSystem, Path.Combine(bench.Root, ".dockerignore"))!;
                var walkedPaths = new BuildContext(request.FileSystem, bench.Root, null).Files.Files;
                var times = stages.Select(_ => new List<double>()).ToArray();
                var allocated = new long[stages.Length];
                ContextFileList? walked = null;
                var sw = new Stopwatch();
                long allocatedAtLap = 0;
                void Record(int stage)
                {
                    times[stage].Add(Lap(sw));
                    long now = GC.GetTotalAllocatedBytes(precise: false);
                    allocated[stage] += now - allocatedAtLap;
                    allocatedAtLap = GC.GetTotalAllocatedBytes(precise: false);
                }
                for (int i = 0; i < iterations; i++)
                {
                    var sink = new List<Diagnostic>();
                    allocatedAtLap = GC.GetTotalAllocatedBytes(precise: false);
                    sw.Restart();
                    var workspace = WorkspaceLoader.Load(request, sink);
                    Record(0);
                    var dockerfile = workspace.Dockerfiles.First(d => d.IsReported);
                    walked = workspace.GetBuildContext(dockerfile).Files;
                    Record(1);
                    foreach (var doc in workspace.DockerIgnores.Where(d => d.IsReported))
                        foreach (var rule in ignoreRules) rule.Analyze(new DockerIgnoreContext(rule.Descriptor, doc, workspace, sink));
                    Record(2);
                    foreach (var doc in workspace.ComposeDocuments.Where(d => d.IsReported))
                        foreach (var rule in composeRules) rule.Analyze(new ComposeContext(rule.Descriptor, doc, workspace, sink));
                    Record(3);
                    foreach (var doc in workspace.Dockerfiles.Where(d => d.IsReported))
                        foreach (var rule in dockerfileRules) rule.Analyze(new DockerfileContext(rule.Descriptor, doc, workspace, sink));
                    Record(4);
                    ComposeFile.Parse(composeText);
                    Record(5);
                    analyzer.Analyze(request);
                    Record(6);
                    _ = new BuildContext(request.FileSystem, bench.Root, null).Files;
                    Record(7);
                    Verdicts(ignoreFile.Matcher, walkedPaths);
                    Record(8);
                    RawListing(bench.Root);
                    Record(9);
                }
                Console.WriteLine($"Walk: {walked!.Files.Count} visible files of {walked.EntriesVisited} entries visited, truncated: {walked.Truncated}");
                Console.WriteLine($"{iterations} warm runs, each step on fresh objects (the compose parse happens inside 'load workspace' when compose decides the context):");
                for (int s = 0; s < stages.Length; s++)
                {
                    var t = times[s];
                    t.Sort();
                    Console.WriteLine($"  {stages[s],-52} median {t[t.Count / 2],8:F2} ms   min {t[0],8:F2} ms   allocates {allocated[s] / iterations / 1024,7:N0} KB");
                }
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                analyzer.Analyze(request);
                Console.WriteLine($"One analysis allocates {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024:N0} KB");
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var wallClock = Stopwatch.StartNew();
                for (int i = 0; i < iterations; i++) analyzer.Analyze(request);
                process.Refresh();
                Console.WriteLine($"Whole analysis, {iterations} in a row: wall {wallClock.Elapsed.TotalMilliseconds / iterations:F2} ms, " +
                    $"process CPU {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations:F2} ms per analysis (CPU time is what a quiet machine needs); " +
                    $"collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
                // As the MSBuild task runs it: listings kept by the build process between projects (ListingCacheFileSystem),
                // each one checked against its directory's last-write time. The first analysis lists the disk; the next
                // ones (the other projects of a solution built in the same node, or the next build) only ask the times.
                var listings = new ListingCacheFileSystem();
                var cachedRequest = bench.CreateRequest(listings);
                var coldClock = Stopwatch.StartNew();
                int coldFindings = analyzer.Analyze(cachedRequest).Diagnostics.Count;
                double cold = coldClock.Elapsed.TotalMilliseconds;
                var warm = new List<double>();
                for (int i = 0; i < iterations; i++)
                {
                    var lap = Stopwatch.StartNew();
                    int count = analyzer.Analyze(cachedRequest).Diagnostics.Count;
                    warm.Add(lap.Elapsed.TotalMilliseconds);
                    if (count != first.Count || coldFindings != first.Count) throw new InvalidOperationException("The listing cache changed the findings");
                }
                warm.Sort();
                Console.WriteLine($"With the task's listing cache: first analysis {cold:F2} ms (lists the disk); then median {warm[warm.Count / 2]:F2} ms, " +
                    $"min {warm[0]:F2} ms, max {warm[warm.Count - 1]:F2} ms ({listings.Hits:N0} listings reused; same findings)");
                if (Environment.GetEnvironmentVariable("DBA_ASSETS_TYPES") == "1")
                {
                    using var listener = new AllocationTypes.Listener { Recording = true };
                    for (int i = 0; i < iterations; i++) analyzer.Analyze(request);
                    listener.Recording = false;
                    lock (listener.Bytes)
                        foreach (var p in listener.Bytes.OrderByDescending(p => p.Value).Take(15))
                            Console.WriteLine($"  {p.Value / iterations / 1024,6} KB  {p.Key}");
                }
                Console.WriteLine($"Matching work of the verdicts alone (patterns tried + automaton steps): {LastWork:N0} for {walkedPaths.Count:N0} files");
                Console.WriteLine($"{first.Count} findings: " + string.Join(", ", first.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
                Console.WriteLine($"load after: {Load()}");
            }
            finally
            {
                // DKR_BENCH_KEEP=1 leaves the solution on disk for profiling (its path is printed above).
                if (Environment.GetEnvironmentVariable("DKR_BENCH_KEEP") != "1") bench.Cleanup();
            }
        }

        private static long LastWork;

        /// <summary>The walk's matching alone: every path evaluated from its parent's state, as the walk does.</summary>
        private static int Verdicts(DockerIgnore.DockerIgnoreMatcher matcher, IReadOnlyList<string> paths)
        {
            LastWork = 0;
            var scratch = new List<int>();
            var states = new Dictionary<string, DockerIgnore.DockerIgnoreMatcher.WalkState>(StringComparer.Ordinal);
            int excluded = 0;
            foreach (var path in paths)
            {
                var state = DockerIgnore.DockerIgnoreMatcher.WalkState.Root;
                int slash = -1;
                while (true)
                {
                    int next = path.IndexOf('/', slash + 1);
                    string prefix = next < 0 ? path : path.Substring(0, next);
                    if (next < 0 || !states.TryGetValue(prefix, out var known))
                    {
                        known = matcher.Evaluate(prefix, state, ref LastWork, scratch);
                        if (next >= 0) states[prefix] = known;
                    }
                    state = known;
                    if (next < 0) break;
                    slash = next;
                }
                if (state.IsExcluded) excluded++;
            }
            return excluded;
        }

        /// <summary>Every name under the root, by the runtime's own recursive enumeration: no sorting, no paths kept.</summary>
        private static int RawListing(string root)
        {
            int n = 0;
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            foreach (var _ in new System.IO.Enumeration.FileSystemEnumerable<bool>(root, (ref System.IO.Enumeration.FileSystemEntry e) => e.IsDirectory, options)) n++;
            return n;
        }

        private static double Lap(Stopwatch sw)
        {
            double ms = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            return ms;
        }

        private static string Load()
        {
            try { return File.ReadAllText("/proc/loadavg").Trim(); }
            catch (IOException) { return "unknown"; }
            catch (UnauthorizedAccessException) { return "unknown"; }
        }
    }
}
