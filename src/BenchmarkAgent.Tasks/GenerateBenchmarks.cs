namespace BenchmarkAgent.Tasks;

/// <summary>
/// <c>BenchmarkAgent_Generate</c> (before every build): brings every <c>GeneratedBenchmark</c> snapshot up to date,
/// skipping fresh ones; in locked (CI) mode a missing or stale snapshot is an error instead.
/// </summary>
public sealed class GenerateBenchmarks : SnapshotGenerationTask
{
    private protected override bool Refreshing => false;
}
