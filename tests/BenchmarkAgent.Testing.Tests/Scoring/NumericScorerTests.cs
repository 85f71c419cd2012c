using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Tests.Scoring;

public sealed class NumericScorerTests
{
    private static readonly NumericScorer Scorer = new();

    [Theory]
    [InlineData("12", "12")]
    [InlineData("12", "Answer: 12")]
    [InlineData("12", "answer: 12.")]
    [InlineData("12", "The answer is 12.")]
    [InlineData("12", "**12**")]
    [InlineData("12", "**Answer:** 12")]
    [InlineData("12", "12.0")]
    [InlineData("12", "12.000")]
    [InlineData("12", "$12")]
    [InlineData("12", "$12.00")]
    [InlineData("1234", "1,234")]
    [InlineData("1234567", "The total is 1,234,567 units.")]
    [InlineData("-5", "-5")]
    [InlineData("-5", "Answer: \u22125")]
    [InlineData("-12", "-$12")]
    [InlineData("0.5", ".5")]
    [InlineData("3.14", "pi is about 3.14")]
    [InlineData("42", "First 3 + 4 = 7, then 7 * 6 = 42")]
    [InlineData("7", "Answer: 7\nCheck: 7 * 2 = 14")]
    [InlineData("8", "Step 1: 5 + 3 = 8\nFinal answer: 8")]
    [InlineData("2", "5 - 3 = 2")]
    [InlineData("100", "The answer is 100%")]
    [InlineData("0", "Answer: 0")]
    public void Tolerant_formats_score_one(string expected, string response)
    {
        var score = Scorer.Score(TestItems.Number(expected), response);

        Assert.True(score.Passed, score.Explanation);
        Assert.Equal(1, score.Value);
        Assert.Equal(expected, score.Extracted);
        Assert.Equal(expected, score.Expected);
    }

    [Theory]
    [InlineData("12", "13")]
    [InlineData("12", "Answer: 13 (not 12)")]
    [InlineData("12", "-12")]
    [InlineData("1234", "1,235")]
    [InlineData("5", "Answer: 50")]
    [InlineData("0.5", "5")]
    public void Wrong_numbers_score_zero(string expected, string response)
    {
        var score = Scorer.Score(TestItems.Number(expected), response);

        Assert.False(score.Passed);
        Assert.Equal(0, score.Value);
        Assert.NotEmpty(score.Extracted);
        Assert.Contains("differs", score.Explanation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I don't know")]
    [InlineData("Answer: twelve")]
    public void No_number_scores_zero_with_empty_extraction(string response)
    {
        var score = Scorer.Score(TestItems.Number("12"), response);

        Assert.False(score.Passed);
        Assert.Equal(string.Empty, score.Extracted);
        Assert.Contains("No number", score.Explanation);
    }

    [Theory]
    [InlineData("10", 0.5, "10.5", true)]
    [InlineData("10", 0.5, "9.5", true)]
    [InlineData("10", 0.5, "10.51", false)]
    [InlineData("10", 0.5, "9.49", false)]
    [InlineData("0.3", 0.1, "0.4", true)]
    [InlineData("0.3", 0.1, "0.2", true)]
    [InlineData("0.3", 0.1, "0.41", false)]
    [InlineData("3.14159", 0.01, "3.14", true)]
    [InlineData("100", 0, "100.0001", false)]
    [InlineData("100", -1, "100", true)]
    public void Tolerance_edges(string expected, double tolerance, string response, bool passes)
    {
        var score = Scorer.Score(TestItems.Number(expected, tolerance), response);

        Assert.Equal(passes, score.Passed);
    }

    [Fact]
    public void Non_numeric_reference_never_matches()
    {
        var score = Scorer.Score(TestItems.Number("abc"), "abc 12");

        Assert.False(score.Passed);
        Assert.Contains("not a number", score.Explanation);
    }

    [Fact]
    public void Extract_prefers_the_number_after_the_last_marker()
    {
        Assert.Equal(4m, NumericScorer.Extract("Answer: 3? No wait. Answer: 4, because 2 + 2 = 4 and not 9"));
        Assert.Null(NumericScorer.Extract("no digits"));
        Assert.Equal(9m, NumericScorer.Extract("Answer: unknown, maybe 9"));
    }
}
