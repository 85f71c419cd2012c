#!/usr/bin/env bash
# No-op build benchmark: a project with 20 fresh GeneratedBenchmark items, built with the
# BenchmarkAgent generation targets enabled (arm A) vs disabled with -p:BenchmarkAgentEnabled=false
# (arm B). Goal (DESIGN): median(A) / median(B) <= 1.03.
#
# Environment overrides:
#   BENCH_ROUNDS=15            timed rounds; each round times one A and one B build (order alternates)
#   BENCH_PACKAGES=<dir>       use existing .nupkg files instead of running 'dotnet pack'
#   BENCH_NODE_REUSE=false     value passed to -nodeReuse: for every build of both arms
#   BENCH_WORKDIR=<dir>        work dir (default: a fresh mktemp -d); must be empty or absent
#   BENCH_KEEP_WORKDIR=1       keep the work dir (default: kept only on failure)
#   BENCH_OUT=<file>           markdown fragment (default: bench/noop-build/last-run.md; raw CSV next to it)
#   BENCH_PROFILE=1            after timing, one -v:diag -clp:PerformanceSummary build per arm (untimed)
#   BENCH_ARM_C=1              also time arm C (diagnostic, see below); 0 = plain A/B alternation
#
# Arm C is a third identical copy built with generation enabled whose snapshot files get ordered
# modification times (all items.json < all plan.json < stamp; contents untouched) so that the
# Inputs/Outputs check of _BenchmarkAgentGenerate can pass: it shows what a no-op build costs when
# the target really is skipped. The goal ratio is A/B (the product as shipped).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
rounds="${BENCH_ROUNDS:-15}"
node_reuse="${BENCH_NODE_REUSE:-false}"
out_md="${BENCH_OUT:-$script_dir/last-run.md}"
out_csv="${out_md%.md}.csv"
profile="${BENCH_PROFILE:-1}"
arm_c="${BENCH_ARM_C:-1}"
sdk_version="0.1.0"

case "$rounds" in (''|*[!0-9]*) echo "BENCH_ROUNDS must be a positive integer" >&2; exit 2;; esac
[ "$rounds" -ge 2 ] || { echo "BENCH_ROUNDS must be >= 2" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required for the statistics" >&2; exit 2; }

work="${BENCH_WORKDIR:-$(mktemp -d "${TMPDIR:-/tmp}/benchagent-noop.XXXXXX")}"
mkdir -p "$work"
if [ -n "$(ls -A "$work")" ]; then echo "work dir $work is not empty" >&2; exit 2; fi
keep="${BENCH_KEEP_WORKDIR:-0}"
ok=0
cleanup() {
  if [ "$ok" = 1 ] && [ "$keep" != 1 ]; then rm -rf "$work"; else echo "work dir kept: $work" >&2; fi
}
trap cleanup EXIT

# Deterministic, quiet, unlocked builds; isolated package cache so stale 0.1.0 packages never interfere.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_PACKAGES="$work/nuget-packages"
unset CI ContinuousIntegrationBuild TF_BUILD GITHUB_ACTIONS MSBUILDDEBUGENGINE 2>/dev/null || true

log() { printf '[noop-bench] %s\n' "$*" >&2; }

# 1. Packages.
if [ -n "${BENCH_PACKAGES:-}" ]; then
  packages="$(cd "$BENCH_PACKAGES" && pwd)"
  log "using existing packages in $packages"
else
  log "packing BenchmarkAgent.Sdk.sln (Release) ..."
  (cd "$repo_root" && dotnet pack BenchmarkAgent.Sdk.sln -c Release -nologo) > "$work/pack.log" 2>&1 \
    || { tail -40 "$work/pack.log" >&2; exit 1; }
  packages="$repo_root/artifacts/packages"
fi
for id in BenchmarkAgent.Sdk BenchmarkAgent.Testing; do
  [ -f "$packages/$id.$sdk_version.nupkg" ] || { echo "missing $packages/$id.$sdk_version.nupkg" >&2; exit 1; }
done

# 2. Work dir: nuget.config (local source added, default source kept), global.json, two identical projects.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="benchagent-local" value="$packages" />
  </packageSources>
</configuration>
XML
printf '{\n  "msbuild-sdks": {\n    "BenchmarkAgent.Sdk": "%s"\n  }\n}\n' "$sdk_version" > "$work/global.json"

write_project() {
  mkdir -p "$1"
  cat > "$1/Bench.Noop.csproj" <<'XML'
<Project Sdk="BenchmarkAgent.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <GeneratedBenchmark Include="multi-step-arithmetic" Query="Multi-step arithmetic word problems with irrelevant facts" Quota="40" Seed="1" />
    <GeneratedBenchmark Include="percentages" Query="Percentage change, discounts and price increases" Quota="30" Seed="2" />
    <GeneratedBenchmark Include="ratios" Query="Sharing amounts in a ratio between people" Quota="25" Seed="3" />
    <GeneratedBenchmark Include="unit-conversion" Query="Unit conversion of lengths, masses and volumes" Quota="35" Seed="4" />
    <GeneratedBenchmark Include="days-between" Query="Counting the days between two calendar dates" Quota="30" Seed="5" />
    <GeneratedBenchmark Include="weekdays" Query="Which weekday falls a number of days after a given date" Quota="20" Seed="6" />
    <GeneratedBenchmark Include="clock" Query="Clock arithmetic with travel legs, waits and times past midnight" Quota="45" Seed="7" />
    <GeneratedBenchmark Include="dates-mixed" Query="Date and time reasoning: calendars, weekdays and durations" Quota="60" Seed="8" />
    <GeneratedBenchmark Include="knights-knaves" Query="Knights and knaves logic puzzles" Quota="40" Seed="9" />
    <GeneratedBenchmark Include="ordering" Query="Comparison and ordering puzzles: who is taller, older, faster" Quota="30" Seed="10" />
    <GeneratedBenchmark Include="logic-mixed" Query="Logic puzzles and deductive reasoning about truth tellers and orderings" Quota="50" Seed="11" />
    <GeneratedBenchmark Include="string-transform" Query="String manipulation: reversing, uppercasing and transforming words" Quota="40" Seed="12" />
    <GeneratedBenchmark Include="list-ops" Query="List operations: sorting, filtering, summing lists of numbers" Quota="25" Seed="13" />
    <GeneratedBenchmark Include="sequences" Query="Number sequences: find the next term of arithmetic and geometric patterns" Quota="35" Seed="14" />
    <GeneratedBenchmark Include="patterns" Query="Pattern completion in integer sequences" Quota="20" Seed="15" />
    <GeneratedBenchmark Include="needle" Query="Long context needle retrieval of a hidden fact" Quota="30" Seed="16" />
    <GeneratedBenchmark Include="program-output" Query="Predicting the output of short programs and code snippets" Quota="45" Seed="17" />
    <GeneratedBenchmark Include="word-problems" Query="Grade school math word problems with percentages and unit conversions" Quota="55" Seed="18" />
    <GeneratedBenchmark Include="strings-and-lists" Query="Text and data manipulation: string transforms and list operations" Quota="50" Seed="19" />
    <GeneratedBenchmark Include="reasoning-mix" Query="Mixed reasoning: arithmetic, dates, logic puzzles and sequences" Quota="60" Seed="20" />
  </ItemGroup>
</Project>
XML
}
proj_on="$work/enabled"    # arm A: always built with generation enabled
proj_off="$work/disabled"  # arm B: identical project, always built with -p:BenchmarkAgentEnabled=false
proj_c="$work/enabled-ordered"  # arm C (diagnostic): enabled, snapshot mtimes ordered
write_project "$proj_on"
write_project "$proj_off"
arms=(A B)
if [ "$arm_c" = 1 ]; then write_project "$proj_c"; arms=(A B C); fi
arm_dir() { case "$1" in A) echo "$proj_on";; B) echo "$proj_off";; C) echo "$proj_c";; esac; }
# Two copies (not one project built both ways): toggling BenchmarkAgentEnabled changes the generated
# assembly attributes and the copied snapshot files, so alternating on one obj/ would recompile every build.

common_args=(--no-restore -nologo "-nodeReuse:$node_reuse" -tl:off)

build() { # build <dir> <log> <extra args...>; fails the benchmark on a build error
  local dir="$1" logf="$2"; shift 2
  if ! (cd "$dir" && dotnet build "$@") > "$logf" 2>&1; then
    tail -40 "$logf" >&2; echo "build failed: $dir ($logf)" >&2; exit 1
  fi
}

# 3. Generate (first build, with restore) in every copy: identical snapshots.
mkdir -p "$work/logs"
for arm in "${arms[@]}"; do
  dir="$(arm_dir "$arm")"
  log "first build (restore + generate) in $dir ..."
  build "$dir" "$work/logs/generate-$(basename "$dir").log" -nologo "-nodeReuse:$node_reuse" -tl:off
  n=$(grep -c "BenchmarkAgent: generated" "$work/logs/generate-$(basename "$dir").log" || true)
  [ "$n" = 20 ] || { echo "expected 20 'BenchmarkAgent: generated' lines in $dir, got $n" >&2; exit 1; }
done
for arm in "${arms[@]}"; do
  if ! diff -r "$proj_on/Benchmarks" "$(arm_dir "$arm")/Benchmarks" > /dev/null; then
    log "warning: the copies generated different snapshots (non-deterministic generation?)"
  fi
done
stamp_of() { find "$1/obj" -name benchagent.stamp | head -1; }
if [ "$arm_c" = 1 ]; then
  # Order the mtimes (not the contents): items.json < plan.json < stamp.
  t=$(date +%s)
  find "$proj_c/Benchmarks" -name items.json -exec touch -d "@$((t - 2))" {} +
  find "$proj_c/Benchmarks" -name plan.json -exec touch -d "@$((t - 1))" {} +
  touch "$(stamp_of "$proj_c")"
fi

# 4. Warm-up: two builds per arm with the arm's own settings (the first B build recompiles once,
#    because disabling generation drops the GeneratedBenchmark assembly attributes).
arm_args() { if [ "$1" = B ]; then echo "-p:BenchmarkAgentEnabled=false"; fi; }
for i in 1 2; do
  for arm in "${arms[@]}"; do
    # shellcheck disable=SC2046
    build "$(arm_dir "$arm")" "$work/logs/warmup-$arm-$i.log" "${common_args[@]}" $(arm_args "$arm")
  done
done

# Evidence that timed builds are no-ops: snapshot hashes and the mtimes of the compiled assemblies.
# (The stamp's mtime is recorded separately: it tells whether _BenchmarkAgentGenerate ran.)
fingerprint() {
  (cd "$work" && find ./*/Benchmarks -type f -print0 | sort -z | xargs -0 sha256sum)
  (cd "$work" && find ./*/bin ./*/obj -name 'Bench.Noop.dll' -print0 | sort -z | xargs -0 stat -c '%y %s %n')
}
fingerprint > "$work/before.txt"
stamp_touches_a=0; stamp_touches_c=0
snapshot_files=$(find "$proj_on/Benchmarks" -type f | wc -l)

# 5. Timed rounds: alternate the order (A,B then B,A) to cancel drift.
echo "round,arm,position,ms,cpu_ms" > "$out_csv"
now_ns() { date +%s%N; }
TIMEFORMAT='%3U %3S'
export LC_ALL=C
timed() { # timed <round> <arm> <position>
  local r="$1" arm="$2" pos="$3" dir logf t0 t1 s0 s1
  logf="$work/logs/round-$r-$arm.log"
  dir="$(arm_dir "$arm")"
  s0=$(stat -c %Y.%y "$(stamp_of "$dir")" 2>/dev/null || echo none)
  t0=$(now_ns)
  # bash 'time' adds the user+sys CPU time of the build's process tree (less sensitive to machine load).
  # shellcheck disable=SC2046
  { time (cd "$dir" && dotnet build "${common_args[@]}" $(arm_args "$arm") > "$logf" 2>&1) ; } 2> "$work/time.txt" \
    || { tail -40 "$logf" >&2; exit 1; }
  t1=$(now_ns)
  cpu_ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/time.txt")
  s1=$(stat -c %Y.%y "$(stamp_of "$dir")" 2>/dev/null || echo none)
  if [ "$s0" != "$s1" ]; then
    case "$arm" in A) stamp_touches_a=$((stamp_touches_a + 1));; C) stamp_touches_c=$((stamp_touches_c + 1));; esac
  fi
  echo "$r,$arm,$pos,$(( (t1 - t0) / 1000000 )),$cpu_ms" >> "$out_csv"
}
log "timing $rounds rounds ..."
for r in $(seq 1 "$rounds"); do
  # Rotate the order every round (A,B / B,A; with C: A,B,C / B,C,A / C,A,B) to cancel drift.
  k=${#arms[@]}
  for j in $(seq 0 $((k - 1))); do timed "$r" "${arms[$(( (r - 1 + j) % k ))]}" $((j + 1)); done
  log "round $r/$rounds (arm,wall ms,cpu ms): $(tail -"$k" "$out_csv" | cut -d, -f2,4,5 | tr '\n' ' ')"
done

# 6. Optional profile builds (untimed): target times and the skip message of _BenchmarkAgentGenerate.
profile_md=""
if [ "$profile" = 1 ]; then
  for arm in "${arms[@]}"; do
    # shellcheck disable=SC2046
    build "$(arm_dir "$arm")" "$work/logs/profile-$arm.log" "${common_args[@]}" $(arm_args "$arm") -v:diag -clp:PerformanceSummary
  done
  profile_md="$work/profile.md"
  python3 "$script_dir/profile.py" "$work/logs" "${arms[@]}" > "$profile_md"
fi

# 7. Verification.
fingerprint > "$work/after.txt"
hashes_ok=yes
if ! diff "$work/before.txt" "$work/after.txt" > "$work/fingerprint.diff"; then hashes_ok=no; fi
generated_lines=$(cat "$work"/logs/round-*.log "$work"/logs/profile-*.log 2>/dev/null | grep -c "BenchmarkAgent: generated" || true)

# 8. Statistics and the markdown fragment.
cmd="bench/noop-build/run.sh (BENCH_ROUNDS=$rounds)"
python3 "$script_dir/stats.py" \
  --csv "$out_csv" --out "$out_md" --goal 1.03 \
  --nproc "$(nproc)" --dotnet "$(dotnet --version)" --date "$(date -u '+%Y-%m-%d %H:%M UTC')" \
  --load "$(cut -d' ' -f1-3 /proc/loadavg)" --cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
  --command "$cmd" --build-args "dotnet build ${common_args[*]}" --node-reuse "$node_reuse" \
  --snapshot-files "$snapshot_files" --hashes-ok "$hashes_ok" --generated-lines "$generated_lines" \
  --stamp-touches "A=$stamp_touches_a,C=$stamp_touches_c" \
  ${profile_md:+--profile "$profile_md"}
cat "$out_md"

if [ "$hashes_ok" != yes ]; then echo "FAIL: snapshot/output hashes changed during the no-op builds:" >&2; cat "$work/fingerprint.diff" >&2; exit 1; fi
if [ "$generated_lines" != 0 ]; then echo "FAIL: a no-op build printed 'BenchmarkAgent: generated'" >&2; exit 1; fi
ok=1
