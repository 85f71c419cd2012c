namespace BenchmarkAgent.Snapshots;

/// <summary>A subtask as <c>plan.json</c> records it: what the CI lock compares the items with.</summary>
/// <param name="Name">The subtask name.</param>
/// <param name="Source">The planned source (<c>family:&lt;id&gt;</c> or <c>dataset:&lt;name&gt;</c>).</param>
/// <param name="Quota">The number of items the plan gave the subtask.</param>
internal sealed record RecordedSubtask(string Name, ItemSource Source, int Quota);
