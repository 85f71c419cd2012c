using BenchmarkAgent.Testing.Sharding;

namespace BenchmarkAgent.Testing.Tests.Sharding;

public sealed class ShardAssignmentTests
{
    private static readonly List<string> Ids = Enumerable.Range(0, 4000).Select(i => ShardedWorkspace.Id(i)).ToList();

    [Fact]
    public void Every_item_is_in_exactly_one_of_n_shards_and_the_shards_are_as_balanced_as_independent_hashing_allows()
    {
        // An item's shard depends on nothing but its own id (so adding items moves none), which makes each shard's size
        // binomial: 4,000 items in 8 shards is 500 +- 21 (one standard deviation, 4.2%). Every shard must be within
        // 4 standard deviations; the sizes are printed.
        foreach (int n in new[] { 2, 3, 8, 16 })
        {
            var sizes = new int[n + 1];
            foreach (string id in Ids)
            {
                var holders = Enumerable.Range(1, n).Where(k => new Shard(k, n).Contains("sharded", id)).ToList();
                sizes[Assert.Single(holders)]++;
            }

            double mean = Ids.Count / (double)n;
            double sd = Math.Sqrt(Ids.Count * (1.0 / n) * (1 - 1.0 / n));
            TestContext.Current.TestOutputHelper?.WriteLine($"n={n}: sizes {string.Join(", ", sizes.Skip(1))}; mean {mean:0.#}, sd {sd:0.#}; largest deviation {sizes.Skip(1).Max(s => Math.Abs(s - mean)) / mean:P1}");
            Assert.Equal(Ids.Count, sizes.Sum());
            Assert.All(sizes.Skip(1), s => Assert.InRange(s, mean - 4 * sd, mean + 4 * sd));
        }
    }

    [Fact]
    public void Adding_and_removing_items_moves_no_other_item()
    {
        var before = Ids.ToDictionary(id => id, id => ShardAssignment.IndexOf("sharded", id, 8));
        var grown = Ids.Skip(500).Concat(Enumerable.Range(0, 1000).Select(i => $"new-item-{i}")).ToList();

        foreach (string id in grown.Where(before.ContainsKey))
        {
            Assert.Equal(before[id], ShardAssignment.IndexOf("sharded", id, 8));
        }
    }

    [Theory]
    [InlineData("sharded", "item-0", 8, 6)]
    [InlineData("sharded", "Q00001", 8, 3)]
    [InlineData("sharded", "ünïcode.2", 8, 2)]
    [InlineData("tiny", "only one", 3, 3)]
    [InlineData("sharded", "Item 4", 1024, 219)]
    public void The_shard_is_a_fixed_function_of_benchmark_id_and_n_computed_independently(string benchmark, string id, int n, int expected)
    {
        // Expected values computed outside .NET (Python hashlib: SHA-256 of "16:benchagent-shard|<len>:<benchmark>|<len>:<id>|",
        // first 8 bytes little-endian, mod n, plus 1): a change to the rule would reshuffle every CI matrix mid-merge.
        Assert.Equal(expected, ShardAssignment.IndexOf(benchmark, id, n));
    }

    [Fact]
    public void The_benchmark_name_is_part_of_the_hash_and_n_must_be_positive()
    {
        int agree = Ids.Count(id => ShardAssignment.IndexOf("a", id, 8) == ShardAssignment.IndexOf("b", id, 8));

        Assert.InRange(agree, 350, 650); // about 1 in 8, as for unrelated hashes
        Assert.Equal(1, ShardAssignment.IndexOf("sharded", "anything", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardAssignment.IndexOf("sharded", "x", 0));
    }

    [Fact]
    public void The_item_set_hash_ignores_order_but_sees_every_id_and_its_boundaries()
    {
        string hash = ShardAssignment.ItemSetHash(Ids);

        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, ShardAssignment.ItemSetHash(Enumerable.Reverse(Ids)));
        Assert.NotEqual(hash, ShardAssignment.ItemSetHash(Ids.Skip(1)));
        Assert.NotEqual(ShardAssignment.ItemSetHash(["ab", "c"]), ShardAssignment.ItemSetHash(["a", "bc"]));
        Assert.NotEqual(ShardAssignment.ItemSetHash(["a\nb"]), ShardAssignment.ItemSetHash(["a", "b"]));
        Assert.NotEqual(ShardAssignment.ItemSetHash([]), ShardAssignment.ItemSetHash([""]));
    }
}
