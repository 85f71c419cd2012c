using BenchmarkAgent.Generation.Planning;

namespace BenchmarkAgent.Generation.Tests.Planning;

public sealed class AllocationTests
{
    [Theory]
    [InlineData(10, new[] { 0.7, 0.3 })]
    [InlineData(7, new[] { 0.2, 0.2, 0.6 })]
    [InlineData(1, new[] { 0.5, 0.5 })]
    public void Quotas_are_exact_without_capacity_limits(int quota, double[] weights)
    {
        var (quotas, shortfall) = AllocationStage.Allocate(quota, weights, [.. weights.Select(_ => (int?)null)]);
        Assert.Equal(quota, quotas.Sum());
        Assert.Equal(0, shortfall);
    }

    [Fact]
    public void A_capped_dataset_hands_its_excess_to_the_others()
    {
        var (quotas, shortfall) = AllocationStage.Allocate(20, [0.8, 0.2], [3, null]);
        Assert.Equal([3, 17], quotas);
        Assert.Equal(0, shortfall);
    }

    [Fact]
    public void When_every_source_is_capped_the_shortfall_loops_back()
    {
        var (quotas, shortfall) = AllocationStage.Allocate(20, [0.5, 0.5], [4, 6]);
        Assert.Equal([4, 6], quotas);
        Assert.Equal(10, shortfall);
    }

    [Theory]
    [InlineData("Text-to-SQL: Joins!", "text-to-sql-joins")]
    [InlineData("   ", "subtask")]
    [InlineData("Ünïcode only", "n-code-only")]
    public void Names_are_safe_kebab_case(string raw, string expected) => Assert.Equal(expected, SubtaskNames.Normalize(raw));

    [Fact]
    public void Names_are_unique()
    {
        Assert.Equal(["a", "a-2", "a-3"], SubtaskNames.Unique(["A", "a", "a!"]));
    }
}
