using BenchmarkAgent.Execution;

namespace BenchmarkAgent.Core.Tests.Execution;

public sealed class RejectionCountsTests
{
    [Fact]
    public void Sum_adds_counts_per_check_in_ordinal_order()
    {
        var earlier = new Dictionary<string, int> { ["duplicate"] = 2, ["checker"] = 1 };
        var now = new Dictionary<string, int> { ["checker"] = 3, ["Leakage"] = 1 };

        var total = RejectionCounts.Sum(earlier.Concat(now));

        Assert.Equal(["Leakage", "checker", "duplicate"], total.Keys);
        Assert.Equal([1, 4, 2], total.Values);
    }

    [Fact]
    public void Sum_of_nothing_is_empty()
    {
        Assert.Empty(RejectionCounts.Sum([]));
        Assert.Empty(RejectionCounts.Of([]));
    }

    [Fact]
    public void Of_counts_one_rejection_per_attempt()
    {
        var counts = RejectionCounts.Of(["checker", "duplicate", "checker"]);

        Assert.Equal(new Dictionary<string, int> { ["checker"] = 2, ["duplicate"] = 1 }, counts);
    }
}
