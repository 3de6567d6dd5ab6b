#!/usr/bin/env bash
# Measures what reading the app's C# code (the code-aware rules DKR301/604/605/620) adds to one compilation of a
# generated 500-file web project, with the packed package: one Program.cs maps health checks and calls UseUrls, the
# other 499 files are ordinary code that the text pre-filter turns away.
#   baseline   the real build's compiler command line without our analyzer;
#   codeaware  with the analyzer as a real C# build runs it (no IDE switch, _DockerAnalyzersCodeAwareInCompiler=true):
#              it reads the code facts (pre-filter over 500 trees, syntax walk of the one that passes) and runs the
#              engine with the code-aware rules only over the project's Dockerfile.
# Each variant is compiled RUNS times by csc (no compiler server, so assembly loading is counted); the median wall time
# is printed, plus csc's own -reportanalyzer figure for our analyzer (cold, and warm through the compiler server).
# Usage: eng/measure-code-facts.sh [runs]   (figures depend on machine load; say so when quoting them)
set -euo pipefail
RUNS=${1:-7}
FILES=${DBA_MEASURE_FILES:-500}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/dba-measure-XXXXXX)
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# DBA_MEASURE_FEED + DBA_MEASURE_VERSION reuse a package packed before (packing takes minutes on a loaded machine).
FEED=${DBA_MEASURE_FEED:-$WORK/feed}
VERSION=${DBA_MEASURE_VERSION:-0.1.0-measure.$(( $(date +%s) / 60 % 65000 ))}
if [ ! -f "$FEED/Docker.Build.Analyzers.$VERSION.nupkg" ]; then
  echo "packing $VERSION into $FEED"
  dotnet pack "$ROOT/nuget/Docker.Build.Analyzers.Package.csproj" -c Release -o "$FEED" -p:Version=$VERSION -nodeReuse:false -tl:off -v:q -nologo >/dev/null
fi
export NUGET_PACKAGES="$WORK/packages"

P="$WORK/App"; mkdir -p "$P"
cat > "$WORK/nuget.config" <<XML
<configuration><packageSources><clear /><add key="local" value="$FEED" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
<packageSourceMapping><packageSource key="local"><package pattern="Docker.Build.Analyzers" /></packageSource><packageSource key="nuget.org"><package pattern="*" /></packageSource></packageSourceMapping></configuration>
XML
echo "<Project />" > "$WORK/Directory.Build.props"; echo "<Project />" > "$WORK/Directory.Packages.props"
cat > "$WORK/Directory.Build.targets" <<'XML'
<Project>
  <Target Name="_CaptureIdeCommandLine" AfterTargets="CoreCompile" Condition="'$(DesignTimeBuild)' == 'true'">
    <WriteLinesToFile File="$(MSBuildProjectDirectory)/ide.rsp" Lines="@(CscCommandLineArgs)" Overwrite="true" />
    <WriteLinesToFile File="$(MSBuildProjectDirectory)/csc.path" Lines="$(RoslynTargetsPath)" Overwrite="true" />
  </Target>
</Project>
XML
cat > "$P/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Docker.Build.Analyzers" Version="$VERSION" PrivateAssets="all" /></ItemGroup>
</Project>
XML
for i in $(seq 2 "$FILES"); do
  cat > "$P/Type$i.cs" <<CS
namespace App.Generated;
public sealed class Type$i
{
    private readonly System.Collections.Generic.List<int> _values = new();
    public int Sum() { int total = 0; foreach (var v in _values) total += v * $i; return total; }
    public string Describe(int x) => x switch { 0 => "zero", < 0 => "negative", _ => \$"positive {x} in Type$i" };
    public async System.Threading.Tasks.Task<int> LaterAsync() { await System.Threading.Tasks.Task.Yield(); return Sum(); }
}
CS
done
cat > "$P/Program.cs" <<'CS'
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.WebHost.UseUrls("http://+:5000");
var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapGet("/", () => "hi");
app.Run();
CS
cat > "$P/Dockerfile" <<'DOCKER'
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY App.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
EXPOSE 8080
HEALTHCHECK CMD ["/app/probe", "http://localhost:5000/health"]
ENTRYPOINT ["dotnet", "App.dll"]
DOCKER
printf 'bin/\nobj/\n.git\n' > "$P/.dockerignore"

cd "$P"
dotnet restore -nodeReuse:false -v:q >/dev/null
dotnet msbuild -t:Compile -p:DesignTimeBuild=true -p:SkipCompilerExecution=true -p:ProvideCommandLineArgs=true -nodeReuse:false -tl:off -v:q -nologo >/dev/null
CSC="$(cat csc.path | tr -d '\r')/bincore/csc.dll"
# The real build's command line: the design-time one without the IDE switch (everything else is the same).
grep -v 'DockerAnalyzers.Live.globalconfig' ide.rsp > codeaware.rsp
grep -v 'Docker.Build.Analyzers.Roslyn.dll' codeaware.rsp > baseline.rsp
grep -qi '_DockerAnalyzersCodeAwareInCompiler = true' obj/*/*/*.GeneratedMSBuildEditorConfig.editorconfig || { echo "the generated editorconfig lacks the code-aware switch"; exit 1; }
echo "compiler: $CSC"
echo "files: $(ls *.cs | wc -l) C# files; analyzers on the command line: $(grep -c '^/analyzer:' ide.rsp)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for variant in baseline codeaware; do
  : > "times.$variant"
  dotnet exec "$CSC" "@$variant.rsp" -out:"$WORK/$variant.dll" >/dev/null 2>&1 || true   # warm the disk cache
done
for r in $(seq 1 "$RUNS"); do
  for variant in baseline codeaware; do
    start=$(date +%s%N)
    dotnet exec "$CSC" "@$variant.rsp" -out:"$WORK/$variant.dll" > "out.$variant" 2>&1 || { cat "out.$variant"; exit 1; }
    echo $(( ($(date +%s%N) - start) / 1000000 )) >> "times.$variant"
  done
done
for variant in baseline codeaware; do
  echo "$variant: median $(median < "times.$variant") ms over $RUNS runs (runs: $(tr '\n' ' ' < "times.$variant"))"
done
echo "DKR lines printed by the code-aware compilation (expect DKR604 and DKR605):"
grep -o ' DKR[0-9]*:' out.codeaware | sort | uniq -c || true
for r in 1 2 3; do
  dotnet exec "$CSC" "@codeaware.rsp" -out:"$WORK/codeaware.dll" -reportanalyzer 2>&1 \
    | grep -E "^ +[0-9.<]+ +[0-9]+ +Docker.Build.Analyzers.Roslyn.DockerAssetsAnalyzer" | sed -E "s/\(DKR.*//; s/^/cold, run $r: /" || true
done
# Warm, as in the compiler server that keeps analyzers loaded between builds (the first run pays loading and JIT).
for r in 1 2 3 4; do
  dotnet exec "$CSC" -shared "@codeaware.rsp" -out:"$WORK/codeaware.dll" -reportanalyzer 2>&1 \
    | grep -E "^ +[0-9.<]+ +[0-9]+ +Docker.Build.Analyzers.Roslyn.DockerAssetsAnalyzer" | sed -E "s/\(DKR.*//; s/^/server, run $r: /" || true
done
# The extraction alone (pre-filter over every tree, syntax walk of the files that pass, DKR301's ownership test), on
# trees parsed beforehand as the compiler has them: a small harness against the package's analyzer and the SDK's Roslyn.
ROSLYN="$(cat csc.path | tr -d '\r')/bincore"
CS_DIR="$NUGET_PACKAGES/docker.build.analyzers/$VERSION/analyzers/dotnet/cs"
H="$WORK/Harness"; mkdir -p "$H"
cat > "$H/Harness.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>
    <Reference Include="$ROSLYN/Microsoft.CodeAnalysis.dll" /><Reference Include="$ROSLYN/Microsoft.CodeAnalysis.CSharp.dll" />
    <Reference Include="$CS_DIR/Docker.Build.Analyzers.Core.dll" /><Reference Include="$CS_DIR/Docker.Build.Analyzers.Roslyn.dll" />
  </ItemGroup>
</Project>
XML
cat > "$H/Program.cs" <<'CS'
using System.Diagnostics;
using Docker.Build.Analyzers.CodeFacts;
using Docker.Build.Analyzers.Rules.DotNet;
using Microsoft.CodeAnalysis.CSharp;
var trees = Directory.GetFiles(args[0], "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList();
foreach (var t in trees) t.GetRoot();
double Once()
{
    var sw = Stopwatch.StartNew();
    var facts = AppCodeFactsReader.Read(trees, default);
    bool owns = trees.Any(t => CodeAwareRules.MayMapHealthChecks(t.GetText().ToString()));
    sw.Stop();
    if (facts.HealthCheckPaths.Count != 1 || facts.ListenPorts.Count != 1 || !owns) throw new Exception("unexpected facts");
    return sw.Elapsed.TotalMilliseconds;
}
Console.WriteLine($"extraction over {trees.Count} trees, first call (JIT included): {Once():F1} ms");
var times = Enumerable.Range(0, 21).Select(_ => Once()).OrderBy(x => x).ToList();
Console.WriteLine($"extraction over {trees.Count} trees, warm: median {times[10]:F2} ms, best {times[0]:F2} ms (21 runs)");
CS
(cd "$H" && dotnet build -c Release -nodeReuse:false -tl:off -v:q -nologo >/dev/null && dotnet bin/Release/net10.0/Harness.dll "$P")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
