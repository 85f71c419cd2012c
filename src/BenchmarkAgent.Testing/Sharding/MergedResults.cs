using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Sharding;

/// <summary>
/// The outcome of merging shard files: every item's result and the subject, or the error that stops the merge (then
/// every item and gate test of the merge run fails with it, and no report holds a partial merge).
/// </summary>
/// <param name="Subject">The subject label the shards ran (empty on error).</param>
/// <param name="Results">Every item's result, by benchmark and item id (empty on error).</param>
/// <param name="Error">What is wrong, with its code, or <see langword="null"/>.</param>
/// <param name="Shards">The shard count <c>n</c> merged (0 on error).</param>
internal sealed record MergedResults(string Subject, IReadOnlyDictionary<(string Benchmark, string ItemId), ItemResult> Results, string? Error, int Shards)
{
    /// <summary>A merge that failed.</summary>
    /// <param name="error">What is wrong, with its code.</param>
    /// <returns>The failed merge.</returns>
    public static MergedResults Failed(string error) => new(string.Empty, new Dictionary<(string, string), ItemResult>(), error, 0);

    /// <summary>The merged result of one item, or <see langword="null"/>.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="itemId">The item id.</param>
    /// <returns>The result.</returns>
    public ItemResult? Get(string benchmark, string itemId) => Results.GetValueOrDefault((benchmark, itemId));
}
