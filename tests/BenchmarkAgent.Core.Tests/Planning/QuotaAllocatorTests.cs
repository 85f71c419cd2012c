using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Core.Tests.Planning;

public sealed class QuotaAllocatorTests
{
    public static TheoryData<int, double[]> Combos() => new()
    {
        { 0, [1.0, 2.0] },
        { 1, [1.0, 1.0, 1.0] },
        { 2, [0.3, 0.9, 0.5] },
        { 3, [1.0, 1.0, 1.0] },
        { 5, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] },
        { 7, [0.0, 0.0, 0.0] },
        { 10, [0.0, 1.0] },
        { 10, [0.1, 0.2, 0.7] },
        { 40, [0.8647, 0.6321, 0.6321, 0.5507, 0.3935, 0.3] },
        { 60, [1.0, 2.0, 3.0] },
        { 97, [0.33, 0.33, 0.34] },
        { 100, [1e-9, 1.0, 1e9] },
        { 1000, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1] },
        { 13, [-1.0, 2.0, 3.0] },
    };

    [Theory]
    [MemberData(nameof(Combos))]
    public void Allocation_sums_exactly_to_the_quota(int quota, double[] weights)
    {
        var result = QuotaAllocator.Allocate(quota, weights);

        Assert.Equal(weights.Length, result.Count);
        Assert.Equal(quota, result.Sum());
        Assert.All(result, n => Assert.True(n >= 0, $"negative share {n}"));
    }

    [Fact]
    public void Allocation_sums_exactly_for_many_random_combinations()
    {
        var rng = new DeterministicRandom(12345);
        for (int trial = 0; trial < 5000; trial++)
        {
            int n = rng.Between(1, 8);
            int quota = rng.Between(0, 300);
            var weights = Enumerable.Range(0, n)
                .Select(_ => rng.Chance(0.15) ? 0.0 : Math.Round(rng.NextDouble(), rng.Between(1, 6)))
                .ToArray();

            var result = QuotaAllocator.Allocate(quota, weights);

            Assert.True(result.Sum() == quota, $"quota {quota}, weights [{string.Join(", ", weights)}] -> [{string.Join(", ", result)}]");
            if (quota >= n)
            {
                Assert.True(result.All(x => x >= 1), $"quota {quota} >= {n} subtasks but one got nothing: [{string.Join(", ", result)}]");
            }
        }
    }

    [Fact]
    public void Every_subtask_gets_at_least_one_item_when_the_quota_allows()
    {
        var result = QuotaAllocator.Allocate(10, [0.0, 0.0, 100.0]);

        Assert.Equal([1, 1, 8], result);
    }

    [Fact]
    public void Quota_smaller_than_the_subtask_count_gives_single_items_to_the_heaviest()
    {
        var result = QuotaAllocator.Allocate(2, [0.1, 0.9, 0.5, 0.2]);

        Assert.Equal([0, 1, 1, 0], result);
    }

    [Fact]
    public void Ties_go_to_the_earlier_subtask()
    {
        Assert.Equal([2, 1, 1], QuotaAllocator.Allocate(4, [1.0, 1.0, 1.0]));
        Assert.Equal([1, 1, 0], QuotaAllocator.Allocate(2, [1.0, 1.0, 1.0]));
        Assert.Equal([3, 3, 2, 2], QuotaAllocator.Allocate(10, [2.0, 2.0, 2.0, 2.0]));
    }

    [Fact]
    public void All_zero_weights_split_evenly()
    {
        Assert.Equal([4, 3, 3], QuotaAllocator.Allocate(10, [0.0, 0.0, 0.0]));
    }

    [Fact]
    public void Negative_weights_count_as_zero()
    {
        Assert.Equal(QuotaAllocator.Allocate(20, [0.0, 1.0, 3.0]), QuotaAllocator.Allocate(20, [-5.0, 1.0, 3.0]));
    }

    [Fact]
    public void Allocation_is_proportional_to_weights()
    {
        // One item each up front, the remaining 57 split 9.5 / 19 / 28.5; the tied .5 remainder goes to the first.
        Assert.Equal([11, 20, 29], QuotaAllocator.Allocate(60, [1.0, 2.0, 3.0]));
        Assert.Equal([25, 25, 50], QuotaAllocator.Allocate(100, [1.0, 1.0, 2.0]));
    }

    [Fact]
    public void Heavier_weights_never_get_fewer_items_and_shares_stay_close_to_exact()
    {
        var rng = new DeterministicRandom(777);
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = rng.Between(1, 6);
            int quota = rng.Between(n, 500);
            var weights = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 0.01).ToArray();
            double total = weights.Sum();

            var result = QuotaAllocator.Allocate(quota, weights);

            for (int i = 0; i < n; i++)
            {
                double exact = quota * weights[i] / total;
                Assert.True(Math.Abs(result[i] - exact) < n, $"share {i}: {result[i]} vs exact {exact:0.00} for quota {quota}");
                for (int j = 0; j < n; j++)
                {
                    if (weights[i] > weights[j])
                    {
                        Assert.True(result[i] >= result[j], $"weight {weights[i]} got {result[i]} < {result[j]} of weight {weights[j]}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Allocation_is_deterministic()
    {
        double[] weights = [0.8647, 0.6321, 0.5507, 0.3935];
        var first = QuotaAllocator.Allocate(77, weights);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(first, QuotaAllocator.Allocate(77, weights.ToArray()));
        }
    }

    [Fact]
    public void No_weights_give_an_empty_allocation()
    {
        Assert.Empty(QuotaAllocator.Allocate(10, []));
    }

    [Fact]
    public void Negative_quota_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaAllocator.Allocate(-1, [1.0]));
    }
}
