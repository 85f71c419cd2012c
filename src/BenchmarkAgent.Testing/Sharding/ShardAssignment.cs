namespace BenchmarkAgent.Testing.Sharding;

/// <summary>
/// Pure rules that put an item into a shard. The shard depends only on the benchmark name, the item id and the
/// shard count (a SHA-256 of the two, <see cref="StableHash"/>), never on the other items, so adding or removing items
/// moves no other item between shards; over many items each shard gets about <c>1/n</c> of them.
/// </summary>
internal static class ShardAssignment
{
    /// <summary>The 1-based shard of an item when the items are split into <paramref name="count"/> shards.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="itemId">The item id.</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <returns>A number from 1 to <paramref name="count"/>.</returns>
    public static int IndexOf(string benchmark, string itemId, int count)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)(StableHash.Seed("benchagent-shard", benchmark, itemId) % (ulong)count) + 1;
    }

    /// <summary>
    /// A hash of a benchmark's whole item-id set (order does not matter), which every shard records so a merge can prove
    /// its shards and the project it runs in hold the same items.
    /// </summary>
    /// <param name="itemIds">Every runnable item id of the benchmark.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string ItemSetHash(IEnumerable<string> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        object[] sorted = itemIds.Order(StringComparer.Ordinal).Cast<object>().ToArray();
        return StableHash.Hex(64, ["benchagent-item-set", .. sorted]);
    }
}
