#!/usr/bin/env bash
# bench/sharding: wall time of N parallel shard processes (BENCHAGENT_SHARD=k/N) plus their merge (BENCHAGENT_MERGE)
# against one process, for the same items, at a fixed server latency and rate limits (see bench/README.md, "Sharding").
# Usage (from the repository root): bench/sharding/run.sh
# Knobs: BENCH_ROUNDS (2), BENCH_ITEMS (800), BENCH_SHARDS (8), BENCH_LATENCY_MS (100), BENCH_CONCURRENCY (8, per process),
#        BENCH_CLIENT_RPM (1200: BENCHAGENT_SUBJECT_RATE_LIMIT of each process, as each CI runner would set it),
#        BENCH_SERVER_RPS (60: the "shared" server's one limit for all clients, 429 + Retry-After beyond it),
#        BENCH_OUT (bench/sharding/last-run.md; the raw rows go next to it as .csv).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${BENCH_ROUNDS:-2}
items=${BENCH_ITEMS:-800}
shards=${BENCH_SHARDS:-8}
latency=${BENCH_LATENCY_MS:-100}
concurrency=${BENCH_CONCURRENCY:-8}
rpm=${BENCH_CLIENT_RPM:-1200}
server_rps=${BENCH_SERVER_RPS:-60}
out=${BENCH_OUT:-bench/sharding/last-run.md}
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
dotnet build bench/sharding/Driver -c Release -nologo -v:q -tl:off >"$work/build-driver.log" || { cat "$work/build-driver.log"; exit 1; }
dotnet build tests/Fixtures/Sharded.Benchmarks -c Release -nologo -v:q -tl:off >"$work/build-tests.log" || { cat "$work/build-tests.log"; exit 1; }
driver=(dotnet bench/sharding/Driver/bin/Release/net10.0/Sharding.Driver.dll)
cp -r tests/Fixtures/Sharded.Benchmarks/bin/Release/net10.0 "$work/bin"
"${driver[@]}" snapshot "$work/bin/Benchmarks" "$items" >&2
total=$((items + 3))

# Two servers with the same latency: "open" limits nothing (each shard's runner has its own rate budget), "shared"
# admits server_rps requests per second from all clients together (one provider key for every shard).
mkfifo "$work/open.in" "$work/shared.in"
"${driver[@]}" serve "$latency" 0 <"$work/open.in" >"$work/open.out" &
servers+=("$!")
exec 7>"$work/open.in"
"${driver[@]}" serve "$latency" "$server_rps" <"$work/shared.in" >"$work/shared.out" &
servers+=("$!")
exec 8>"$work/shared.in"
until [ -s "$work/open.out" ] && [ -s "$work/shared.out" ]; do sleep 0.1; done
declare -A url=([open]=$(head -n 1 "$work/open.out") [shared]=$(head -n 1 "$work/shared.out"))

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# $1 = results folder, $2.. = extra environment; runs the test assembly once, fails the bench on a non-zero exit.
run_tests() {
  local results=$1; shift
  env -u CI -u BENCHAGENT_SUBJECT_BASELINE -u OPENAI_BASE_URL -u OPENAI_API_KEY \
    BENCHAGENT_SUBJECT_MODEL=bench-model BENCHAGENT_SUBJECT_API_KEY=sk-bench \
    BENCHAGENT_SUBJECT_CONCURRENCY="$concurrency" BENCHAGENT_SUBJECT_RATE_LIMIT="$rpm" \
    BENCHAGENT_RESULTS_DIRECTORY="$results" "$@" \
    dotnet "$work/bin/Sharded.Benchmarks.dll" -noColor >"$results.log" 2>&1 \
    || { echo "error: run into $results failed:" >&2; tail -n 30 "$results.log" >&2; return 1; }
}

count_results() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$1/report.json"; }

echo "round,server,arm,wall_ms" >"$csv"
for ((round = 0; round < rounds; round++)); do
  for server in open shared; do
    # one process, every item
    start=$(now_ms)
    run_tests "$work/r$round-$server-single" BENCHAGENT_SUBJECT_ENDPOINT="${url[$server]}"
    single=$(( $(now_ms) - start ))
    [ "$(count_results "$work/r$round-$server-single")" -eq "$total" ] || { echo "error: the single run did not report $total items" >&2; exit 1; }

    # N shard processes at once (N CI jobs), then the merge (the merge job)
    start=$(now_ms)
    pids=()
    for ((k = 1; k <= shards; k++)); do
      run_tests "$work/r$round-$server-shards-$k" BENCHAGENT_SUBJECT_ENDPOINT="${url[$server]}" BENCHAGENT_SHARD="$k/$shards" &
      pids+=("$!")
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    sharded=$(( $(now_ms) - start ))
    mkdir -p "$work/r$round-$server-artifacts"
    for ((k = 1; k <= shards; k++)); do cp -r "$work/r$round-$server-shards-$k/runs" "$work/r$round-$server-artifacts/shard-$k"; done
    start=$(now_ms)
    run_tests "$work/r$round-$server-merged" BENCHAGENT_MERGE="$work/r$round-$server-artifacts"
    merged=$(( $(now_ms) - start ))
    [ "$(count_results "$work/r$round-$server-merged")" -eq "$total" ] || { echo "error: the merge did not report $total items" >&2; exit 1; }

    echo "$round,$server,single,$single" >>"$csv"
    echo "$round,$server,shards,$sharded" >>"$csv"
    echo "$round,$server,merge,$merged" >>"$csv"
    echo "round $round $server: single ${single} ms, $shards shards ${sharded} ms, merge ${merged} ms" >&2
  done
done

exec 7>&- 8>&-
wait "${servers[@]}" 2>/dev/null || true
open_stats=$(tail -n 1 "$work/open.out")
shared_stats=$(tail -n 1 "$work/shared.out")

python3 - "$csv" "$out" "$items" "$shards" "$latency" "$concurrency" "$rpm" "$server_rps" "$rounds" "$open_stats" "$shared_stats" <<'PY'
import csv, statistics, sys, os, datetime, subprocess
path, out, items, shards, latency, conc, rpm, server_rps, rounds, open_stats, shared_stats = sys.argv[1:]
rows = list(csv.DictReader(open(path)))
def med(server, arm):
    return statistics.median(int(r["wall_ms"]) for r in rows if r["server"] == server and r["arm"] == arm)
lines = [
    "# bench/sharding: last run", "",
    f"- Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end.",
    f"- Items: {items} (+3 of a second benchmark); {shards} shards; server latency {latency} ms; {conc} calls in flight per process;",
    f"  BENCHAGENT_SUBJECT_RATE_LIMIT={rpm} per process; the 'shared' server admits {server_rps} requests/s from all clients together (429 + Retry-After: 1 beyond).",
    f"- Rounds: {rounds}; medians below, raw rows in `{os.path.basename(path)}`.",
    f"- Server counters: open `{open_stats}`, shared `{shared_stats}`.", "",
    "| server | one process (s) | " + shards + " parallel shards (s) | merge (s) | shards + merge (s) | speed-up |",
    "|---|---:|---:|---:|---:|---:|",
]
for server in ("open", "shared"):
    s, p, m = med(server, "single"), med(server, "shards"), med(server, "merge")
    lines.append(f"| {server} | {s/1000:.1f} | {p/1000:.1f} | {m/1000:.1f} | {(p+m)/1000:.1f} | {s/(p+m):.2f}x |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
