#!/usr/bin/env python3
"""Summarises the untimed '-v:diag -clp:PerformanceSummary' builds of run.sh as markdown.

usage: profile.py <logs dir> <arm>...   (reads <logs dir>/profile-<arm>.log; arm B is the baseline)
"""
import re
import sys

NAMES = {"A": "A (enabled)", "B": "B (disabled)", "C": "C (enabled, mtimes ordered)"}


def summary(text, title):
    out, on = {}, False
    for line in text.splitlines():
        if title in line:
            on = True
            continue
        if on and "Performance Summary" in line:
            break
        m = re.match(r"(?:\S+\s+)?\s*(\d+) ms\s+(\S+)\s+(\d+) calls", line.strip())
        if on and m:
            out[m.group(2)] = out.get(m.group(2), 0) + int(m.group(1))
    return out


def parse(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r'(Skipping target "_BenchmarkAgentGenerate"[^\n]*|Building target "_BenchmarkAgentGenerate"[^\n]*)', text)
    decision = m.group(1).strip() if m else "target not reached (generation disabled)"
    reason = ""
    if m and m.group(1).startswith("Building"):
        r = re.search(r"Input file \"([^\"]+)\" is newer than output file \"([^\"]+)\"", text[m.end():m.end() + 2000])
        if r:
            reason = f'input `{r.group(1)}` is newer than output `{r.group(2).split("/Benchmarks/")[-1]}`'
    elapsed = re.search(r"Time Elapsed (\S+)", text)
    return {
        "targets": summary(text, "Target Performance Summary"),
        "tasks": summary(text, "Task Performance Summary"),
        "decision": decision, "reason": reason,
        "elapsed": elapsed.group(1) if elapsed else "?",
    }


logs, arms = sys.argv[1], sys.argv[2:]
p = {arm: parse(f"{logs}/profile-{arm}.log") for arm in arms}
print("Profile builds (untimed, one per arm, `-v:diag -clp:PerformanceSummary`; diag logging inflates absolute times):")
print()
for arm in arms:
    d = p[arm]
    ours = sorted(k for k in d["targets"] if "BenchmarkAgent" in k)
    line = f"- {NAMES[arm]}: MSBuild time elapsed {d['elapsed']}; `{d['decision']}`"
    if d["reason"]:
        line += f" ({d['reason']})"
    if ours:
        line += "; BenchmarkAgent targets: " + ", ".join(f"`{k}` {d['targets'][k]} ms" for k in ours)
        line += f" (sum {sum(d['targets'][k] for k in ours)} ms)"
        if "GenerateBenchmarks" in d["tasks"]:
            line += f"; task `GenerateBenchmarks` {d['tasks']['GenerateBenchmarks']} ms"
        else:
            line += "; task `GenerateBenchmarks` not executed"
    print(line + ".")
if "B" in p:
    for arm in [a for a in arms if a != "B"]:
        ta, tb = p[arm]["targets"], p["B"]["targets"]
        diffs = sorted(((ta.get(k, 0) - tb.get(k, 0), k) for k in set(ta) | set(tb)), reverse=True)
        top = [(d, k) for d, k in diffs if d > 0][:6]
        print(f"- Targets slower in {arm} than in B (ms): "
              + (", ".join(f"`{k}` +{d}" for d, k in top) or "none")
              + " (single builds: differences of a few ms are noise).")
