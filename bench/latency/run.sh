#!/usr/bin/env bash
# bench/latency: pipelined subject calls, per-item CPU cost and first-call start-up (see bench/README.md, "Latency").
# Usage (from the repository root): bench/latency/run.sh
# Knobs: BENCH_ROUNDS (default 5), BENCH_ITEMS (480), BENCH_CONCURRENCY (16), BENCH_LATENCY_MS (100),
#        BENCH_OUT (default bench/latency/last-run.md; the raw rows go next to it as .csv).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${BENCH_ROUNDS:-5}
items=${BENCH_ITEMS:-480}
concurrency=${BENCH_CONCURRENCY:-16}
latency=${BENCH_LATENCY_MS:-100}
out=${BENCH_OUT:-bench/latency/last-run.md}
csv=${out%.md}.csv
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
servers=()
cleanup() {
  exec 7>&- 8>&- 2>/dev/null || true
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release)..." >&2
dotnet build bench/latency/Driver -c Release -nologo -v:q -tl:off >"$work/build-driver.log" || { cat "$work/build-driver.log"; exit 1; }
dotnet build bench/latency/Tests -c Release -nologo -v:q -tl:off >"$work/build-tests.log" || { cat "$work/build-tests.log"; exit 1; }
driver=(dotnet bench/latency/Driver/bin/Release/net10.0/Latency.Driver.dll)
tests=bench/latency/Tests/bin/Release/net10.0
mkdir -p "$tests/Benchmarks/latency"
"${driver[@]}" snapshot "$tests/Benchmarks/latency/items.json" "$items" >&2

# 1. In process: the product's SubjectScheduler vs Parallel.ForEachAsync over the same client and server.
echo "in-process scheduler, $rounds rounds..." >&2
"${driver[@]}" scheduler "$latency" "$items" "$concurrency" "$rounds" | tee "$work/scheduler.txt" >&2

# 2. Real xUnit runs of the test project (the in-process runner that dotnet test launches), one process per run.
# Each server runs until its stdin (a fifo held open on fd 7 / 8 by this shell) closes. Not in a subshell: the fd
# must stay open in this shell.
mkfifo "$work/slow.in" "$work/fast.in"
"${driver[@]}" serve "$latency" <"$work/slow.in" >"$work/slow.out" &
servers+=("$!")
exec 7>"$work/slow.in"
"${driver[@]}" serve 0 <"$work/fast.in" >"$work/fast.out" &
servers+=("$!")
exec 8>"$work/fast.in"
until [ -s "$work/slow.out" ] && [ -s "$work/fast.out" ]; do sleep 0.1; done
slow_url=$(head -n 1 "$work/slow.out")
fast_url=$(head -n 1 "$work/fast.out")

# 3. First-call start-up: a fresh process builds the subject pipeline and makes one call to the instant server.
echo "first call, $rounds fresh processes..." >&2
for ((round = 0; round < rounds; round++)); do
  "${driver[@]}" firstcall "$fast_url" | tee -a "$work/firstcall.txt" >&2
done

run_arm() { # $1 = arm, $2 = test class, $3 = base URL, $4 = expected passing tests; prints "xunit_seconds wall_ms cpu_seconds"
  local log="$work/$1.log" start end status=0 TIMEFORMAT='%U %S'
  start=$(date +%s%N)
  { time env -u CI -u BENCHAGENT_SUBJECT_BASELINE -u BENCHAGENT_SUBJECT_ENDPOINT -u BENCHAGENT_SUBJECT_API_KEY \
    BENCHAGENT_RESULTS_DIRECTORY="$work/results-$1" OPENAI_BASE_URL="$3" OPENAI_API_KEY=sk-bench \
    BENCHAGENT_SUBJECT_MODEL=bench-model BENCHAGENT_SUBJECT_CONCURRENCY="$concurrency" \
    dotnet "$tests/Latency.Tests.dll" -class "Latency.Tests.$2" -noColor -noLogo >"$log" 2>&1 || status=$? ; } 2>"$work/$1.time"
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then echo "arm $1 failed ($status):" >&2; cat "$log" >&2; exit 1; fi
  local summary
  summary=$(grep -E "Total: [0-9]+, Errors: 0, Failed: 0, Skipped: 0" "$log" || true)
  if ! grep -q "Total: $4," <<<"$summary"; then echo "arm $1: expected $4 passing tests:" >&2; cat "$log" >&2; exit 1; fi
  local seconds
  seconds=$(sed -E 's/.*Time: ([0-9.]+)s.*/\1/' <<<"$summary")
  echo "$seconds $(( (end - start) / 1000000 )) $(awk '{ printf "%.3f", $1 + $2 }' "$work/$1.time")"
}

echo "round,arm,xunit_s,wall_ms,cpu_s" >"$csv"
arms=(L I P)
for ((round = 0; round < rounds; round++)); do
  for ((k = 0; k < 3; k++)); do
    arm=${arms[$(( (round + k) % 3 ))]}
    case $arm in
      # The benchmark class runs one row per item plus the benchmark's aggregate gate row.
      L) result=$(run_arm L Benchmarks "$slow_url" $((items + 1))) ;;
      I) result=$(run_arm I Benchmarks "$fast_url" $((items + 1))) ;;
      P) result=$(run_arm P PlainTheory "$fast_url" "$items") ;;
    esac
    echo "$round,$arm,${result// /,}" >>"$csv"
    echo "round $round arm $arm: $result" >&2
  done
done
exec 7>&- 8>&-
wait
slow_stats=$(tail -n 1 "$work/slow.out")
fast_stats=$(tail -n 1 "$work/fast.out")

python3 - "$csv" "$work/scheduler.txt" "$work/firstcall.txt" "$items" "$concurrency" "$latency" "$rounds" "$slow_stats" "$fast_stats" "$(uptime)" "$(nproc)" "$(dotnet --version)" "$(git rev-parse --short HEAD)" >"$out" <<'PY'
import csv, statistics as st, sys, re
rows, sched_path, first_path, items, conc, lat, rounds, slow, fast, up, cpus, sdk, commit = sys.argv[1], sys.argv[2], sys.argv[3], *map(int, sys.argv[4:8]), *sys.argv[8:]
data = {}
for r in csv.DictReader(open(rows)):
    data.setdefault(r["arm"], []).append((float(r["xunit_s"]), float(r["wall_ms"]) / 1000, float(r["cpu_s"])))
sched = [tuple(float(x) for x in re.findall(r"(?:scheduler|raw)=([0-9.]+)", line)) for line in open(sched_path) if line.startswith("round=")]
ideal = items * lat / conc / 1000
med = lambda xs: st.median(xs)
def line(name, xs): return f"| {name} | {len(xs)} | {med(xs):.3f} | {min(xs):.3f} | {max(xs):.3f} |"
L, Lw, Lc = (list(c) for c in zip(*data["L"])); I, Iw, Ic = (list(c) for c in zip(*data["I"])); P, Pw, Pc = (list(c) for c in zip(*data["P"]))
S = [s for s, _ in sched]; R = [r for _, r in sched]
first = [tuple(float(x) for x in re.findall(r"(?:firstcall|pipeline)-ms=([0-9.]+)", line)) for line in open(first_path) if line.startswith("firstcall")]
F = [f for f, _ in first]; FP = [p for _, p in first]
print(f"# bench/latency run\n\n- {items} items, concurrency {conc}, server latency {lat} ms; ideal wall time N*latency/concurrency = {ideal:.3f} s")
print(f"- {rounds} rounds; commit {commit}; {cpus} CPUs; dotnet {sdk}; at the end: {up.strip()}")
print(f"- servers: latency {slow}; instant {fast}\n")
print("| arm | n | median s | min s | max s |\n|---|---:|---:|---:|---:|")
print(line("in-process: SubjectScheduler, items awaited one after another, scored", S))
print(line("in-process baseline: Parallel.ForEachAsync, same client and server", R))
print(line(f"xUnit L: benchmark project vs {lat} ms server (xUnit 'Time')", L))
print(line("xUnit I: benchmark project vs instant server (xUnit 'Time')", I))
print(line("xUnit P: plain theory, same rows (xUnit 'Time')", P))
print(line(f"process wall L (incl. startup, discovery, reports)", Lw))
print(line("process wall I", Iw))
print(line("process wall P", Pw))
print(line("CPU user+sys L (test process)", Lc))
print(line("CPU user+sys I", Ic))
print(line("CPU user+sys P", Pc))
print(line("first call, fresh process: pipeline built + one call to the instant server (ms)", F))
print(line("  of which building the pipeline (ms)", FP))
print()
print(f"- goal: xUnit benchmark run L / ideal = {med(L)/ideal:.3f} (goal <= 1.2); in-process scheduler / ideal = {med(S)/ideal:.3f}; scheduler / Parallel.ForEachAsync = {med(S)/med(R):.3f}")
print(f"- per-item CPU cost of the product over a plain theory (test process, instant server): (CPU I - CPU P) / {items} = {(med(Ic)-med(Pc))/items*1000:.2f} ms; per-item time (I - P) / {items} = {(med(I)-med(P))/items*1000:.2f} ms")
print(f"- first-call start-up: {med(F):.1f} ms median (pipeline {med(FP):.1f} ms) in a fresh process")
print(f"- information, no longer a goal: I / P = {med(I)/med(P):.3f}; process wall I / P = {med(Iw)/med(Pw):.3f}; CPU I / P = {med(Ic)/med(Pc):.3f}")
PY
cat "$out"
