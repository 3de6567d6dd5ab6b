#!/usr/bin/env bash
# Real-world check: runs the analyzer, built from this repository, over checked-out public repositories exactly as
# 'dotnet build' would run it for each of their projects (the project's own folder and evaluation, the package's own
# asset discovery in build/Docker.Build.Analyzers.targets, the solution properties a solution build passes), and
# writes every finding to one sortable TSV.
#
#   eng/realworld-check.sh [options] <repos-dir> <out-dir>
#
#   <repos-dir>   a folder whose sub-folders are checked-out repositories (one level, e.g. /work/realworld/owner+name)
#   <out-dir>     created if missing; gets findings.tsv, projects.tsv, skipped.tsv, repos.tsv, summary.txt, logs/
#
#   -j N          projects analysed at once (default 2)
#   -t SECONDS    timeout per project (default 600; a timed-out project is listed in skipped.tsv)
#   --all         evaluate every project, not only those that can have Docker assets (see "Candidates" below)
#   --no-build    use the task already built in src/Docker.Build.Analyzers.Tasks/bin/Release/net8.0
#
# Nothing is restored and nothing is written into the repositories: each project is only evaluated and one target
# runs, DockerAnalyzersRealWorldCheck (eng/realworld/*.targets), which depends on the package's own AnalyzeDockerAssets
# (single-target) or AnalyzeDockerAssetsOnce (outer build of a multi-targeted project) under their own conditions.
# The package's files come in as CustomBeforeMicrosoftCommonProps / CustomAfterMicrosoftCommon(CrossTargeting)Targets.
#
# Differences from a real build, on purpose:
#   - no restore, so props/targets that NuGet packages would add (e.g. the Visual Studio container tools' defaults)
#     are absent; projects that set DockerfileContext themselves behave as in a build;
#   - the repositories' global.json SDK pins are bypassed (DOTNET_MSBUILD_SDK_RESOLVER_SDKS_DIR points at the running
#     SDK and dotnet runs outside the repositories), so a repository pinned to an SDK not installed still evaluates;
#   - Directory.Build.rsp files are ignored (-noAutoResponse), since they may add loggers that write files.
#
# Candidates: discovery only looks at the project directory, the Visual Studio container properties and DockerAsset
# items, so a project can have assets only if its directory holds a *Dockerfile* file, or its project file mentions
# Docker, or some .props/.targets of its repository mentions DockerAsset/Dockerfile*. Other projects are not evaluated
# (they would report nothing); --all evaluates them anyway. Which files are assets is still decided by the package.
set -euo pipefail

jobs=2
timeout_s=600
all=false
build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    -j) jobs="$2"; shift 2 ;;
    -t) timeout_s="$2"; shift 2 ;;
    --all) all=true; shift ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [[ $# -ne 2 ]]; then
  echo "usage: $0 [-j N] [-t SECONDS] [--all] [--no-build] <repos-dir> <out-dir>" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repos_dir="$(cd "$1" && pwd)"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
case "$out/" in "$repos_dir"/*) echo "the output folder must not be inside <repos-dir>" >&2; exit 2 ;; esac

work="$(mktemp -d "${TMPDIR:-/tmp}/dkr-realworld.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rm -rf "$out/logs"
mkdir -p "$out/logs"

# --- the task, built once and copied, so a rebuild elsewhere cannot change it mid-run -----------------------------
task_out="$root/src/Docker.Build.Analyzers.Tasks/bin/Release/net8.0"
if $build; then
  echo "building the task (Release, net8.0)..."
  dotnet build "$root/src/Docker.Build.Analyzers.Tasks" -c Release -f net8.0 -nologo -v:q -tl:off -nodeReuse:false >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; echo "task build failed" >&2; exit 1; }
fi
[[ -f "$task_out/Docker.Build.Analyzers.Tasks.dll" ]] || { echo "no task build at $task_out" >&2; exit 1; }
cp -r "$task_out" "$work/task"

# --- the SDK the run uses, whatever the repositories' global.json asks for ------------------------------------------
sdk_ver="$(cd "$work" && dotnet --version)"
sdk_dir="$(dotnet --list-sdks | awk -v v="$sdk_ver" '$1 == v { sub(/^\[/, "", $2); sub(/\]$/, "", $2); print $2 "/" v }' | head -n1)"
[[ -d "$sdk_dir/Sdks" ]] || { echo "cannot find the Sdks folder of SDK $sdk_ver" >&2; exit 1; }

export DOTNET_MSBUILD_SDK_RESOLVER_SDKS_DIR="$sdk_dir/Sdks"
export DOTNET_MSBUILD_SDK_RESOLVER_SDKS_VER="$sdk_ver"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DKR_ROOT="$root" DKR_WORK="$work" DKR_OUT="$out" DKR_TIMEOUT="$timeout_s"

# --- projects, each with the solution a solution build would give it ------------------------------------------------
# Lists the project paths (absolute) of one .sln or .slnx.
solution_projects() {
  local sln="$1" dir
  dir="$(dirname "$sln")"
  if [[ "$sln" == *.slnx ]]; then
    grep -o 'Path="[^"]*"' "$sln" | sed 's/^Path="//; s/"$//'
  else
    sed -n 's/^Project("[^"]*") *= *"[^"]*" *, *"\([^"]*\)".*/\1/p' "$sln"
  fi | tr '\\' '/' | tr -d '\r' | grep -E '\.(cs|fs|vb)proj$' | (cd "$dir" && xargs -r -d '\n' realpath -m --) || true
}

jobs_file="$work/jobs.tsv"
: >"$jobs_file"
: >"$out/repos.tsv"
printf 'repo\tproject\treason\n' >"$out/skipped.tsv"

for repo in "$repos_dir"/*/; do
  repo="${repo%/}"
  name="$(basename "$repo")"
  commit=unknown
  if [[ "$(git -C "$repo" rev-parse --show-toplevel 2>/dev/null)" == "$repo" ]]; then commit="$(git -C "$repo" rev-parse HEAD)"; fi
  printf '%s\t%s\n' "$name" "$commit" >>"$out/repos.tsv"

  declare -A solution_of=()
  while IFS= read -r -d '' sln; do
    while IFS= read -r p; do
      [[ -n "$p" && -z "${solution_of[$p]:-}" ]] && solution_of["$p"]="$sln"
    done < <(solution_projects "$sln")
  done < <(find "$repo" \( -name node_modules -o -name .git -o -name bin -o -name obj \) -prune -o \
                 -type f \( -name '*.sln' -o -name '*.slnx' \) -print0 | sort -z)

  repo_wide=false
  if grep -rqlE --include='*.props' --include='*.targets' --exclude-dir=node_modules --exclude-dir=.git 'DockerAsset|Dockerfile(Context|File|Path)' "$repo" 2>/dev/null; then
    repo_wide=true
  fi

  # Folders holding a *Dockerfile* file, and project files that mention Docker: one search each per repository.
  declare -A docker_dir=() docker_proj=()
  while IFS= read -r -d '' d; do docker_dir["$d"]=1; done < <(find "$repo" \( -name node_modules -o -name .git \) -prune -o \
      -type f -iname '*dockerfile*' -printf '%h\0')
  while IFS= read -r -d '' f; do docker_proj["$f"]=1; done < <(grep -rliZ --include='*.csproj' --include='*.fsproj' \
      --include='*.vbproj' --exclude-dir=node_modules --exclude-dir=.git docker "$repo" 2>/dev/null || true)

  while IFS= read -r -d '' proj; do
    rel="${proj#"$repo"/}"
    if ! grep -qE '<Project[^>]*[[:space:]]Sdk=|<Sdk[[:space:]]|<Import[^>]*[[:space:]]Sdk=' "$proj"; then
      printf '%s\t%s\t%s\n' "$name" "$rel" "not SDK-style" >>"$out/skipped.tsv"
      continue
    fi
    if ! $all && ! $repo_wide; then
      if [[ -z "${docker_dir[${proj%/*}]:-}" && -z "${docker_proj[$proj]:-}" ]]; then
        continue
      fi
    fi
    printf '%s\t%s\t%s\t%s\n' "$name" "$repo" "$proj" "${solution_of[$proj]:-}" >>"$jobs_file"
  done < <(find "$repo" \( -name node_modules -o -name .git -o -name bin -o -name obj \) -prune -o \
                 -type f \( -name '*.csproj' -o -name '*.fsproj' -o -name '*.vbproj' \) -print0 | sort -z)
  unset solution_of docker_dir docker_proj
done

# --- one project: evaluate, run the target, keep its log
# (Result files are tab-separated and read back with 'read': a tab is IFS whitespace, so an empty field would shift the
# ones after it; an empty solution is written as '-'.) --------------------------------------------------------------
run_one() {
  local name repo proj sln rel log id start rc status
  IFS=$'\t' read -r name repo proj sln <<<"$1"
  rel="${proj#"$repo"/}"
  id="$(printf '%s/%s' "$name" "$rel" | tr -c 'A-Za-z0-9._-' '_')"
  log="$DKR_OUT/logs/$id.log"
  local -a props=(
    "-p:BuildingProject=true"
    "-p:CustomBeforeMicrosoftCommonProps=$DKR_ROOT/build/Docker.Build.Analyzers.props"
    "-p:CustomAfterMicrosoftCommonTargets=$DKR_ROOT/eng/realworld/RealWorldCheck.targets"
    "-p:CustomAfterMicrosoftCommonCrossTargetingTargets=$DKR_ROOT/eng/realworld/RealWorldCheck.CrossTargeting.targets"
    "-p:DockerAnalyzersTaskAssembly=$DKR_WORK/task/Docker.Build.Analyzers.Tasks.dll"
  )
  if [[ -n "$sln" ]]; then
    local sdir sfile
    sdir="$(dirname "$sln")/"
    sfile="$(basename "$sln")"
    props+=("-p:SolutionDir=$sdir" "-p:SolutionPath=$sln" "-p:SolutionFileName=$sfile"
            "-p:SolutionName=${sfile%.*}" "-p:SolutionExt=.${sfile##*.}")
  fi
  start=$SECONDS
  rc=0
  (cd "$DKR_WORK" && timeout -k 15 "$DKR_TIMEOUT" dotnet msbuild "$proj" -nologo -noAutoResponse -nodeReuse:false -tl:off \
      -v:q -clp:NoSummary -t:DockerAnalyzersRealWorldCheck "${props[@]}" \
      "-flp:logfile=$log;verbosity=detailed;encoding=utf-8" >/dev/null 2>&1) || rc=$?
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    status="timeout after ${DKR_TIMEOUT}s"
  elif grep -qE 'error (MSB|NETSDK|NU)[0-9]+' "$log" 2>/dev/null && ! grep -q 'Target "DockerAnalyzersRealWorldCheck' "$log"; then
    status="evaluation failed: $(grep -m1 -oE 'error (MSB|NETSDK|NU)[0-9]+:.*' "$log" | sed "s#$repo/##g" | cut -c1-300)"
  elif [[ $rc -ne 0 ]]; then
    status="failed (exit $rc): $(grep -m1 -oE 'error [A-Z]+[0-9]+:.*' "$log" | sed "s#$repo/##g" | cut -c1-300)"
  elif ! grep -q 'Target "_DockerAnalyzersRun"' "$log"; then
    status="analysis off"
  elif grep -q 'Task "AnalyzeDockerAssets"' "$log" && ! grep -q 'Task "AnalyzeDockerAssets" skipped' "$log"; then
    status="analysed"
  else
    status="no assets"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rel" "$(if [[ -n "$sln" ]]; then printf '%s' "${sln#"$repo"/}"; else printf -- -; fi)" "$status" "$((SECONDS - start))" "$id" >"$DKR_WORK/result.$id"
  printf '%-14s %4ss  %s/%s\n' "${status%%:*}" "$((SECONDS - start))" "$name" "$rel" >&2
}
export -f run_one

count="$(wc -l <"$jobs_file")"
echo "$count projects to evaluate ($jobs at once, ${timeout_s}s timeout each)..."
tr '\n' '\0' <"$jobs_file" | xargs -0 -r -P "$jobs" -I{} bash -c 'run_one "$1"' _ {}

# --- results ----------------------------------------------------------------------------------------------------------
printf 'repo\tproject\tsolution\tstatus\tseconds\n' >"$out/projects.tsv"
cat "$work"/result.* 2>/dev/null | cut -f1-5 | LC_ALL=C sort >>"$out/projects.tsv" || true
while IFS=$'\t' read -r name rel sln status secs id; do
  case "$status" in
    analysed|"no assets"|"analysis off") ;;
    *) printf '%s\t%s\t%s\n' "$name" "$rel" "$status" >>"$out/skipped.tsv" ;;
  esac
done < <(cat "$work"/result.* 2>/dev/null)

# A finding line in the log: '<file>(l,c[,el,ec]): warning|message|error DKRnnn: <text> [<project>]', possibly indented
# or prefixed with a node number; warnings repeat in the summary, hence the de-duplication.
{
  printf 'repo\tproject\tfile\tline\tcolumn\tcode\tseverity\tmessage\n'
  while IFS=$'\t' read -r name rel sln status secs id; do
    repo="$repos_dir/$name"
    # MSBuild adds ' [<project>]' except when the finding is in the project file itself (DKR129 at DockerfileContext).
    sed -nE -e 's/^[[:space:]]*([0-9]+>)?(.*\S)[[:space:]]*:[[:space:]]+(warning|message|error)[[:space:]]+(DKR[0-9]+):[[:space:]]+(.*)[[:space:]]+\[[^]]*\.((cs|fs|vb)proj|slnx?)\][[:space:]]*$/\2\t\3\t\4\t\5/p;t' \
      -e 's/^[[:space:]]*([0-9]+>)?(.*\S)[[:space:]]*:[[:space:]]+(warning|message|error)[[:space:]]+(DKR[0-9]+):[[:space:]]+(.*\S)[[:space:]]*$/\2\t\3\t\4\t\5/p' \
      "$out/logs/$id.log" | tr -d '\r' | sort -u |
    while IFS=$'\t' read -r loc sev code msg; do
      file="$loc" line=0 col=0
      if [[ "$loc" =~ ^(.*)\(([0-9]+)(,([0-9]+))?(,[0-9]+,[0-9]+)?\)$ ]]; then
        file="${BASH_REMATCH[1]}" line="${BASH_REMATCH[2]}" col="${BASH_REMATCH[4]:-0}"
      fi
      file="${file#"$repo"/}"
      [[ "$sev" == message ]] && sev=suggestion
      msg="${msg//$repo\//}"
      msg="${msg//$repo/.}"
      msg="${msg//$repos_dir/<repos>}"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rel" "$file" "$line" "$col" "$code" "$sev" "${msg//$'\t'/ }"
    done
  done < <(cat "$work"/result.* 2>/dev/null)
} >"$work/findings.tsv"
{ head -n1 "$work/findings.tsv"; tail -n +2 "$work/findings.tsv" | LC_ALL=C sort -t$'\t' -k1,1 -k3,3 -k4,4n -k5,5n -k6,6 -k2,2; } >"$out/findings.tsv"

# Repositories must be untouched: any file newer than the run's start is reported.
changed="$(find "$repos_dir" -newer "$jobs_file" -type f -not -path '*/.git/*' 2>/dev/null | head -n 20)"

{
  echo "findings per code (severity):"
  tail -n +2 "$out/findings.tsv" | awk -F'\t' '{ n[$6 " " $7]++ } END { for (k in n) printf "  %-22s %5d\n", k, n[k] }' | sort
  echo "total findings: $(($(wc -l <"$out/findings.tsv") - 1))"
  echo "projects: $(tail -n +2 "$out/projects.tsv" | awk -F'\t' '{ s = $4; sub(/:.*/, "", s); n[s]++ } END { for (k in n) printf "%s %d, ", k, n[k] }')"
  echo "skipped (not SDK-style, failed evaluation, timeout): $(($(wc -l <"$out/skipped.tsv") - 1)) -> skipped.tsv"
  [[ -z "$changed" ]] || { echo "WARNING: files changed in the repositories during the run:"; echo "$changed"; }
} | tee "$out/summary.txt"
