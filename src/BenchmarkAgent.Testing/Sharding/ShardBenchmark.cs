namespace BenchmarkAgent.Testing.Sharding;

/// <summary>One benchmark in a <see cref="ShardFile"/>.</summary>
/// <param name="Name">The benchmark name.</param>
/// <param name="TotalItems">How many runnable items the whole benchmark has (all shards).</param>
/// <param name="ShardItems">How many of them belong to this shard.</param>
/// <param name="ItemSetHash">The hash of the whole benchmark's item ids (<see cref="ShardAssignment.ItemSetHash"/>).</param>
internal sealed record ShardBenchmark(string Name, int TotalItems, int ShardItems, string ItemSetHash);
