
namespace BenchmarkAgent.Snapshots;

/// <summary>What regeneration reads back from an existing <c>plan.json</c>.</summary>
/// <param name="Fingerprint">The recorded input fingerprint, if any.</param>
/// <param name="Generation">The current generation (0 for schema @1 and for a snapshot never refreshed).</param>
/// <param name="History">The refreshes so far, oldest first.</param>
internal sealed record SnapshotPlanInfo(string? Fingerprint, int Generation, IReadOnlyList<GenerationRecord> History)
{
    /// <summary>The recorded quality summary per subtask name (rejections so far), so a regeneration that keeps items keeps their counts.</summary>
    public IReadOnlyDictionary<string, SubtaskReport> Quality { get; init; } = new Dictionary<string, SubtaskReport>(StringComparer.Ordinal);

    /// <summary>The subtasks the plan records (name, source, quota), in plan order; the CI lock checks the items against them.</summary>
    public IReadOnlyList<RecordedSubtask> Subtasks { get; init; } = [];
}
