#!/usr/bin/env bash
# Cost of the generator program's process start (issue 13): times `dotnet BenchmarkAgent.Generator.dll <request>`
# for an empty request (start-up, request file, lock, result line: the fixed cost a stale build pays once) and for
# one stale offline benchmark of 40 items, BENCH_RUNS times each (default 11), and prints the medians.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${BENCH_RUNS:-11}"
dotnet build "$repo_root/src/BenchmarkAgent.Generator" -c Release -nologo -v:q -tl:off >/dev/null
program="$repo_root/src/BenchmarkAgent.Generator/bin/Release/net10.0/BenchmarkAgent.Generator.dll"
work="$(mktemp -d "${TMPDIR:-/tmp}/benchagent-start.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/obj"
cat > "$work/empty.json" <<JSON
{"version":1,"benchmarks":[],"snapshotRoot":"$work/Benchmarks","intermediateDirectory":"$work/obj","projectFile":"$work/test.csproj"}
JSON
cat > "$work/stale.json" <<JSON
{"version":1,"benchmarks":[{"name":"arith","query":"Multi-step arithmetic word problems","quota":40,"seed":0,"datasets":[],"fingerprint":"sha256:bench","backbone":"offline"}],"snapshotRoot":"$work/Benchmarks","intermediateDirectory":"$work/obj","projectFile":"$work/test.csproj"}
JSON
for kind in empty stale; do
  times=()
  for _ in $(seq 1 "$runs"); do
    rm -rf "$work/Benchmarks" "$work"/obj/benchagent/*.journal
    start=$(date +%s%N)
    # Standard input must stay open: its end is the program's signal to stop.
    dotnet "$program" "$work/$kind.json" < <(sleep 60) > "$work/out-$kind.txt"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$kind request: median ${median} ms over $runs runs (${times[*]})"
done
grep -o 'generated [^"]* in [0-9.]* s' "$work/out-stale.txt" | head -1 | sed 's/^/last stale run: /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
