#!/usr/bin/env bash
# LLM-backbone generation bench: requests and tokens per accepted item, wall time at concurrency 1 and 16 against a
# scripted generator with 200 ms latency per reply. Usage: bench/llm-generation/run.sh [quota] [latency ms] [levels]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -nologo -v:q -tl:off >/dev/null
dotnet bin/Release/net10.0/LlmGeneration.Bench.dll "${1:-48}" "${2:-200}" "${3:-1,16}" | tee last-run.md
