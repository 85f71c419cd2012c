#!/usr/bin/env bash
# bench/scale: one real xUnit run of N items (default 50,000) against an instant OpenAI-wire server; records wall time,
# the test host's peak resident memory (GNU time's "Maximum resident set size") and the report sizes (issue 16, scale).
# Usage (from the repository root): bench/scale/run.sh      Knobs: BENCH_ITEMS (50000), BENCH_CONCURRENCY (16).
# Reuses bench/latency's driver (snapshot writer, server) and test project (shaped like the one the SDK generates).
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${BENCH_ITEMS:-50000}
concurrency=${BENCH_CONCURRENCY:-16}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
server=
cleanup() { exec 7>&- 2>/dev/null || true; [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build bench/latency/Driver -c Release -nologo -v:q -tl:off >"$work/build-driver.log" || { cat "$work/build-driver.log"; exit 1; }
dotnet build bench/latency/Tests -c Release -nologo -v:q -tl:off >"$work/build-tests.log" || { cat "$work/build-tests.log"; exit 1; }
driver=(dotnet bench/latency/Driver/bin/Release/net10.0/Latency.Driver.dll)
tests=bench/latency/Tests/bin/Release/net10.0
mkdir -p "$tests/Benchmarks/latency"
"${driver[@]}" snapshot "$tests/Benchmarks/latency/items.json" "$items" >&2
items_bytes=$(stat -c %s "$tests/Benchmarks/latency/items.json")

mkfifo "$work/server.in"
"${driver[@]}" serve 0 <"$work/server.in" >"$work/server.out" &
server=$!
exec 7>"$work/server.in"
until [ -s "$work/server.out" ]; do sleep 0.1; done
url=$(head -n 1 "$work/server.out")

status=0
start=$(date +%s%N)
env -u CI -u BENCHAGENT_SUBJECT_BASELINE -u BENCHAGENT_SUBJECT_ENDPOINT -u BENCHAGENT_SUBJECT_API_KEY \
  BENCHAGENT_RESULTS_DIRECTORY="$work/results" OPENAI_BASE_URL="$url" OPENAI_API_KEY=sk-bench \
  BENCHAGENT_SUBJECT_MODEL=bench-model BENCHAGENT_SUBJECT_CONCURRENCY="$concurrency" \
  /usr/bin/time -v -o "$work/time.txt" dotnet "$tests/Latency.Tests.dll" -class Latency.Tests.Benchmarks -noColor -noLogo >"$work/run.log" 2>&1 || status=$?
end=$(date +%s%N)
summary=$(grep -E "Total: [0-9]+" "$work/run.log" | tail -n 1 || true)
peak_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt")
size() { [ -f "$1" ] && stat -c %s "$1" || echo 0; }
echo "items=$items concurrency=$concurrency exit=$status wall_ms=$(( (end - start) / 1000000 )) peak_rss_mb=$(( peak_kb / 1024 ))" \
  "items_json_mb=$(( items_bytes / 1048576 )) report_json_mb=$(( $(size "$work/results/report.json") / 1048576 ))" \
  "report_html_kb=$(( $(size "$work/results/report.html") / 1024 )) commit=$(git rev-parse --short HEAD) load=\"$(uptime | sed 's/.*load average: //')\""
echo "xunit: $summary"
