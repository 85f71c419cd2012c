using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Execution;

/// <summary>The outcome of <see cref="SnapshotReconciler.Reconcile"/>.</summary>
/// <param name="Items">The new item list: per subtask in plan order, kept items in their old order, then new ones.</param>
/// <param name="Reports">Per subtask, in plan order: items counted toward the quota, and the candidates rejected in this run.</param>
internal sealed record ReconciledItems(IReadOnlyList<BenchmarkItem> Items, IReadOnlyList<SubtaskReport> Reports);
