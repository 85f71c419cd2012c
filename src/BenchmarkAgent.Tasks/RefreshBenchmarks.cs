namespace BenchmarkAgent.Tasks;

/// <summary>
/// <c>BenchmarkAgent_Refresh</c>: renews saturated benchmarks by rotating <see cref="RefreshFraction"/> of each subtask's
/// items (never edited or excluded ones) to fresh items of the next generation, even in fresh snapshots.
/// </summary>
public sealed class RefreshBenchmarks : SnapshotGenerationTask
{
    /// <summary>The share of each subtask's rotatable items replaced, 0 &lt; f &lt;= 1 (<c>$(BenchmarkAgentRefreshFraction)</c>; empty for 0.25).</summary>
    public string RefreshFraction { get; set; } = string.Empty;

    private protected override bool Refreshing => true;

    private protected override GenerationProperties Properties() => base.Properties() with { RefreshFraction = RefreshFraction };
}
