using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Baselines;

public sealed class GateSettingsTests
{
    [Theory]
    [InlineData(null, null, null, 0.05)]
    [InlineData("", " ", null, 0.05)]
    [InlineData("0.6", null, 0.6, 0.05)]
    [InlineData("0", "0.01", 0.0, 0.01)]
    [InlineData("1", "0.2", 1.0, 0.2)]
    public void Valid_metadata_parses_in_the_invariant_culture(string? minScore, string? alpha, double? expectedMin, double expectedAlpha)
    {
        Assert.True(GateSettings.TryParse("b", minScore, alpha, out var settings, out string? error));

        Assert.Null(error);
        Assert.Equal(expectedMin, settings.MinScore);
        Assert.Equal(expectedAlpha, settings.Alpha);
    }

    [Theory]
    [InlineData("1.5", null, "BA2052")]
    [InlineData("-0.1", null, "BA2052")]
    [InlineData("0,6", null, "BA2052")]
    [InlineData("high", null, "BA2052")]
    [InlineData("NaN", null, "BA2052")]
    [InlineData(null, "0", "BA2053")]
    [InlineData(null, "1", "BA2053")]
    [InlineData(null, "five percent", "BA2053")]
    public void Invalid_metadata_is_an_error_with_its_code_and_value(string? minScore, string? alpha, string code)
    {
        Assert.False(GateSettings.TryParse("arith", minScore, alpha, out _, out string? error));

        Assert.StartsWith(code, error);
        Assert.Contains("'arith'", error);
        Assert.Contains($"'{minScore ?? alpha}'", error);
    }
}
