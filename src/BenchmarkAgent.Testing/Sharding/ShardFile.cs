using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Sharding;

/// <summary>
/// What one shard ran, as written to <c>runs/&lt;run&gt;/shard-k-of-n.json</c>: which shard, the subject, per benchmark
/// the counts and the hash of its whole item set (so the merge can prove completeness), and every item's result
/// (everything the reports and the gate need). Untrusted when read back: <see cref="ShardFiles"/> validates it.
/// </summary>
/// <param name="Schema">The format, <see cref="CurrentSchema"/>.</param>
/// <param name="Shard">The shard's <c>k</c>.</param>
/// <param name="ShardCount">The shard's <c>n</c>.</param>
/// <param name="Subject">The subject label the shard ran.</param>
/// <param name="Benchmarks">Every benchmark of the project, in name order.</param>
/// <param name="Results">The result of every item of the shard.</param>
internal sealed record ShardFile(
    string Schema,
    int Shard,
    int ShardCount,
    string Subject,
    IReadOnlyList<ShardBenchmark> Benchmarks,
    IReadOnlyList<ItemResult> Results)
{
    /// <summary>The schema this version writes and reads.</summary>
    public const string CurrentSchema = "benchagent/shard@1";
}
