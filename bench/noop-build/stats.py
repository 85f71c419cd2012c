#!/usr/bin/env python3
"""Statistics for bench/noop-build/run.sh: reads round,arm,order,ms rows and writes a markdown fragment."""
import argparse
import csv
import random
import statistics as st

p = argparse.ArgumentParser()
for name in ("csv", "out", "nproc", "dotnet", "date", "load", "cpu", "command", "build-args",
             "node-reuse", "snapshot-files", "hashes-ok", "generated-lines", "stamp-touches"):
    p.add_argument("--" + name, required=True)
p.add_argument("--goal", type=float, default=1.03)
p.add_argument("--profile")
a = p.parse_args()

rows = list(csv.DictReader(open(a.csv)))
by_round, cpu = {}, {}
for r in rows:
    by_round.setdefault(int(r["round"]), {})[r["arm"]] = float(r["ms"])
    cpu.setdefault(r["arm"], []).append(float(r["cpu_ms"]))
rounds = sorted(k for k, v in by_round.items() if "A" in v and "B" in v)
A = [by_round[k]["A"] for k in rounds]
B = [by_round[k]["B"] for k in rounds]
has_c = all("C" in by_round[k] for k in rounds) and any(r["arm"] == "C" for r in rows)
C = [by_round[k]["C"] for k in rounds] if has_c else []
n = len(rounds)
touches = dict(kv.split("=") for kv in a.stamp_touches.split(","))

ratio_med = st.median(A) / st.median(B)
ratio_mean = st.mean(A) / st.mean(B)
paired = [x / y for x, y in zip(A, B)]

# Paired bootstrap (resample rounds) of the ratio of medians; fixed seed for reproducible output.
rng = random.Random(20251123)


def bootstrap(X, Y):
    out = []
    for _ in range(10000):
        idx = [rng.randrange(n) for _ in range(n)]
        out.append(st.median([X[i] for i in idx]) / st.median([Y[i] for i in idx]))
    out.sort()
    return out, out[250], out[9749]


boot, lo, hi = bootstrap(A, B)
p_le_goal = sum(1 for b in boot if b <= a.goal) / len(boot)

# Sign test on the paired differences: in how many rounds was A slower?
a_slower = sum(1 for x, y in zip(A, B) if x > y)


def fmt(v):
    return f"{v:,.0f}"


def row(name, xs):
    return (f"| {name} | {n} | {fmt(st.median(xs))} | {fmt(st.mean(xs))} | {fmt(st.stdev(xs))} "
            f"| {fmt(min(xs))} | {fmt(max(xs))} |")


verdict = "MEETS" if ratio_med <= a.goal else "MISSES"
if ratio_med <= a.goal and hi <= a.goal:
    confidence = f"the whole 95% bootstrap interval is at or below {a.goal:.2f}"
elif ratio_med <= a.goal:
    confidence = f"but the 95% bootstrap interval reaches above {a.goal:.2f} (noise; more rounds would tighten it)"
else:
    confidence = f"the 95% bootstrap interval is [{lo:.3f}, {hi:.3f}]"

lines = [
    f"- Date: {a.date}",
    f"- Machine: {a.nproc} CPUs ({a.cpu}), load average at the end {a.load}; `dotnet --version` {a.dotnet}",
    f"- Command: `{a.command}`",
    f"- Each timed build: `{a.build_args}` (arm A) and the same plus `-p:BenchmarkAgentEnabled=false` (arm B),"
    f" wall clock per `dotnet build` process (date +%s%N), {n} rounds; the order rotates every round"
    f" ({'A,B,C / B,C,A / C,A,B' if has_c else 'A,B / B,A'}) to cancel drift."
    f" `-nodeReuse:{a.node_reuse}` for both arms.",
    "",
    "| Arm | n | median ms | mean ms | stddev ms | min ms | max ms |",
    "|---|---|---|---|---|---|---|",
    row("A: generation enabled (20 fresh benchmarks)", A),
    row("B: `-p:BenchmarkAgentEnabled=false`", B),
    *([row("C (diagnostic): enabled, snapshot mtimes ordered", C)] if has_c else []),
    "",
    f"- **Ratio of medians A/B = {ratio_med:.3f}** (goal <= {a.goal:.2f}: **{verdict}**; {confidence}).",
    f"- Ratio of means {ratio_mean:.3f}; median of per-round ratios {st.median(paired):.3f};"
    f" difference of medians {st.median(A) - st.median(B):+.0f} ms.",
    f"- Paired bootstrap (10,000 resamples of rounds) of the ratio of medians: 95% interval [{lo:.3f}, {hi:.3f}];"
    f" P(ratio <= {a.goal:.2f}) = {p_le_goal:.2f}. A was slower than B in {a_slower}/{n} rounds.",
    f"- CPU time (user+sys of the build process tree, less sensitive to machine load), median ms: "
    + ", ".join(f"{x} {st.median(cpu[x]):,.0f}" for x in (['A', 'B', 'C'] if has_c else ['A', 'B']))
    + f"; ratio A/B {st.median(cpu['A']) / st.median(cpu['B']):.3f}"
    + (f", C/B {st.median(cpu['C']) / st.median(cpu['B']):.3f}." if has_c else "."),
    f"- No-op check: {a.snapshot_files} snapshot files per project (SHA-256) and the compiled assemblies' mtimes, before and after"
    f" the timed and profile builds: {'unchanged' if a.hashes_ok == 'yes' else 'CHANGED'};"
    f" lines containing `BenchmarkAgent: generated` in those builds' output: {a.generated_lines}.",
    f"- `_BenchmarkAgentGenerate` ran (stamp `obj/.../benchagent.stamp` re-touched) in {touches['A']}/{n} timed A builds"
    + (f" and {touches['C']}/{n} timed C builds." if has_c else "."),
]
if has_c:
    _, clo, chi = bootstrap(C, B)
    lines.append(f"- Diagnostic C/B ratio of medians = {st.median(C) / st.median(B):.3f} (95% [{clo:.3f}, {chi:.3f}]);"
                 f" A/C = {st.median(A) / st.median(C):.3f} (A runs `_BenchmarkAgentGenerate`, C skips it; under this noise the wall clock cannot resolve that difference).")
if a.profile:
    lines += ["", open(a.profile).read().rstrip()]
arms = ["A", "B"] + (["C"] if has_c else [])
lines += ["", "Raw wall-clock timings (ms), round: " + " / ".join(arms),
          "", "```", *[f"{k:>3}: " + " / ".join(f"{by_round[k][x]:>6.0f}" for x in arms) for k in rounds], "```"]
open(a.out, "w").write("\n".join(lines) + "\n")
