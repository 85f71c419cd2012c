using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Tests.Scoring;

public sealed class RegexScorerTests
{
    private static ItemScore Score(string pattern, string response) =>
        Scorers.For(AnswerType.Pattern).Score(TestItems.Item(ExpectedAnswer.Pattern(pattern)), response);

    [Theory]
    [InlineData(@"^\d{4}-\d{2}-\d{2}$", "Answer: 2024-02-29", "2024-02-29")]
    [InlineData(@"\bParis\b", "I believe it is **Paris**, the capital.", "Paris")]
    [InlineData(@"(?i)^yes$", "YES", "YES")]
    public void A_matching_response_scores_one_and_reports_the_match(string pattern, string response, string extracted)
    {
        var score = Score(pattern, response);

        Assert.True(score.Passed);
        Assert.Equal(1, score.Value);
        Assert.Equal(extracted, score.Extracted);
        Assert.Equal(pattern, score.Expected);
    }

    [Theory]
    [InlineData(@"^\d{4}-\d{2}-\d{2}$", "Answer: 29/02/2024")]
    [InlineData(@"^yes$", "YES")]
    [InlineData(@"\bParis\b", "")]
    public void A_response_that_does_not_match_scores_zero(string pattern, string response)
    {
        var score = Score(pattern, response);

        Assert.False(score.Passed);
        Assert.Equal(0, score.Value);
    }

    [Fact]
    public void The_model_text_is_matched_as_data_not_compiled_as_a_pattern()
    {
        // A response that is itself a regex matching everything must not pass a literal pattern.
        var score = Score(@"^42$", ".*");

        Assert.False(score.Passed);
    }

    [Fact]
    public void An_invalid_pattern_scores_zero_and_says_the_snapshot_item_is_broken()
    {
        var score = Score("([a-z", "abc");

        Assert.False(score.Passed);
        Assert.Contains("not a valid .NET regular expression", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Catastrophic_backtracking_times_out_and_counts_as_no_match()
    {
        var score = Score("^(a+)+$", new string('a', 40_000) + "!");

        Assert.False(score.Passed);
        Assert.Contains("counts as no match", score.Explanation, StringComparison.Ordinal);
    }
}
