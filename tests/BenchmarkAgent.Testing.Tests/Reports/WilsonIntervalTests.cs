using BenchmarkAgent.Testing.Reports;

namespace BenchmarkAgent.Testing.Tests.Reports;

public sealed class WilsonIntervalTests
{
    [Theory]
    // Reference values: the closed form at z = 1.96, e.g. 81/100 -> [0.7222, 0.8749] as in the textbook example
    // (and statsmodels' proportion_confint(81, 100, method="wilson")).
    [InlineData(81, 100, 0.72221, 0.87485)]
    [InlineData(5, 8, 0.30574, 0.86316)]
    [InlineData(1, 2, 0.09453, 0.90547)]
    [InlineData(0, 10, 0.0, 0.27753)]
    [InlineData(10, 10, 0.72247, 1.0)]
    public void Matches_the_closed_form(int passed, int trials, double low, double high)
    {
        var interval = WilsonInterval.Of(passed, trials);

        Assert.Equal(low, interval.Low, 0.00001);
        Assert.Equal(high, interval.High, 0.00001);
    }

    [Fact]
    public void No_trials_is_the_whole_unit_interval() => Assert.Equal(new WilsonInterval(0, 1), WilsonInterval.Of(0, 0));

    [Fact]
    public void Contains_the_observed_rate_and_narrows_with_more_trials()
    {
        var small = WilsonInterval.Of(3, 4);
        var large = WilsonInterval.Of(300, 400);

        Assert.InRange(0.75, small.Low, small.High);
        Assert.InRange(0.75, large.Low, large.High);
        Assert.True(large.High - large.Low < (small.High - small.Low) / 5);
    }

    [Fact]
    public void Rejects_more_passes_than_trials() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(5, 4));
}
