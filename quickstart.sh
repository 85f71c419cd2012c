#!/usr/bin/env bash
# The main job on the embedded offline default, from a fresh clone: no API key, no model endpoint.
#   1. packs BenchmarkAgent.Sdk, .Testing and .Templates into artifacts/packages
#   2. `dotnet new benchagent` into artifacts/quickstart/ (private template hive and package cache)
#   3. `dotnet build` plans, generates and verifies the benchmark offline -> Benchmarks/<name>/
#   4. `dotnet test` runs every item against the random-guess BASELINE subject and prints the scores
# Usage: ./quickstart.sh ["query"] [quota] [name]
set -euo pipefail
cd "$(dirname "$0")"
query=${1:-Multi-step arithmetic word problems with irrelevant facts, and knights and knaves logic puzzles}
quota=${2:-40}
name=${3:-quickstart}
root="$PWD/artifacts/quickstart"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset CI ContinuousIntegrationBuild BENCHAGENT_SUBJECT_ENDPOINT BENCHAGENT_SUBJECT_MODEL BENCHAGENT_SUBJECT_API_KEY OPENAI_BASE_URL OPENAI_API_KEY || true

echo "==> Packing the packages into artifacts/packages"
dotnet pack BenchmarkAgent.Sdk.sln -c Release -o artifacts/packages -v:q -nologo -p:ContinuousIntegrationBuild=false >/dev/null
# A private package cache for the generated project, so a re-run never sees stale 0.x packages.
export NUGET_PACKAGES="$root/packages"
rm -rf "$root/Quickstart.Benchmarks" "$root/hive" "$NUGET_PACKAGES"/benchmarkagent.*
mkdir -p "$root"
# The quickstart project lives inside this repository; keep the repository's own build settings out of it.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$root/$f"; done
cat > "$root/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="benchagent-local" value="$PWD/artifacts/packages" />
  </packageSources>
</configuration>
XML

echo "==> dotnet new benchagent"
dotnet new install artifacts/packages/BenchmarkAgent.Templates.*.nupkg --debug:custom-hive "$root/hive" >/dev/null
dotnet new benchagent -n Quickstart.Benchmarks -o "$root/Quickstart.Benchmarks" --debug:custom-hive "$root/hive" \
  --BenchmarkName "$name" --Query "$query" --Quota "$quota" >/dev/null
cd "$root/Quickstart.Benchmarks"

echo "==> dotnet build (plans, generates and verifies offline)"
dotnet build -nologo -v:m | grep -E "BenchmarkAgent|warning|error|Build succeeded" || true
echo "    snapshot: $root/Quickstart.Benchmarks/Benchmarks/$name/{plan.json,items.json}"

echo "==> dotnet test against the random-guess BASELINE (chance level; not a model)"
BENCHAGENT_SUBJECT_BASELINE=random-guess dotnet test --no-build -nologo 2>&1 | grep -E "^(Passed|Failed)!" || true
echo
cat TestResults/benchagent/report.md
