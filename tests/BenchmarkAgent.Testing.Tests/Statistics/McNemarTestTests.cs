using BenchmarkAgent.Testing.Statistics;

namespace BenchmarkAgent.Testing.Tests.Statistics;

public sealed class McNemarTestTests
{
    // Hand-computed: p = min(1, 2 * sum_{i<=min(b,c)} C(b+c, i) / 2^(b+c)).
    [Theory]
    [InlineData(10, 0, 0.001953125)]      // 2 * 1/1024
    [InlineData(0, 10, 0.001953125)]      // symmetric
    [InlineData(3, 1, 0.625)]             // 2 * (1 + 4)/16
    [InlineData(12, 0, 0.00048828125)]    // 2 * 1/4096
    [InlineData(5, 1, 0.21875)]           // 2 * (1 + 6)/64
    [InlineData(8, 2, 0.109375)]          // 2 * (1 + 10 + 45)/1024
    [InlineData(2, 0, 0.5)]               // 2 * 1/4
    [InlineData(1, 0, 1.0)]               // 2 * 1/2
    [InlineData(2, 2, 1.0)]               // an even split
    [InlineData(0, 0, 1.0)]               // no discordant pairs
    public void P_value_matches_the_hand_computed_exact_binomial(int b, int c, double expected)
    {
        var result = McNemarTest.Compute(b, c);

        Assert.Equal(expected, result.PValue, 1e-12);
        Assert.Equal(b, result.Regressions);
        Assert.Equal(c, result.Improvements);
        Assert.Equal(b + c, result.Discordant);
    }

    [Fact]
    public void Thousands_of_discordant_pairs_neither_underflow_to_nonsense_nor_exceed_one()
    {
        var balanced = McNemarTest.Compute(2500, 2490);
        var lopsided = McNemarTest.Compute(3000, 2000);

        Assert.InRange(balanced.PValue, 0.5, 1.0);
        Assert.InRange(lopsided.PValue, 0.0, 1e-40);
        Assert.True(double.IsFinite(lopsided.PValue));
    }

    [Fact]
    public void Negative_counts_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => McNemarTest.Compute(-1, 0));
}
