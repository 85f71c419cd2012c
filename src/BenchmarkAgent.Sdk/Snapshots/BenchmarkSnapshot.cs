using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Snapshots;

/// <summary>Everything committed for one benchmark: the plan, its quality summary, and the items.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Reports">Per-subtask verification summary, in plan order.</param>
/// <param name="Fingerprint">The fingerprint of the inputs the snapshot was generated from.</param>
/// <param name="Items">The verified items.</param>
public sealed record BenchmarkSnapshot(
    BenchmarkPlan Plan,
    IReadOnlyList<SubtaskReport> Reports,
    string Fingerprint,
    IReadOnlyList<BenchmarkItem> Items);
