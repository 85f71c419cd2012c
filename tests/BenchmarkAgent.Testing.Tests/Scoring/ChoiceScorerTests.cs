using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Tests.Scoring;

public sealed class ChoiceScorerTests
{
    private static readonly ChoiceScorer Scorer = new();

    private static readonly string[] Options = ["Berlin", "Paris", "Rome", "Madrid"];

    [Theory]
    [InlineData("B")]
    [InlineData("b")]
    [InlineData("(B)")]
    [InlineData("B)")]
    [InlineData("B.")]
    [InlineData("[B]")]
    [InlineData("**B**")]
    [InlineData(" B \n")]
    [InlineData("Answer: B")]
    [InlineData("answer: b")]
    [InlineData("Answer: (B)")]
    [InlineData("**Answer:** B")]
    [InlineData("The answer is B.")]
    [InlineData("The answer is b.")]
    [InlineData("The answer is (b)")]
    [InlineData("The correct answer is B because Paris is the capital.")]
    [InlineData("Final answer: B")]
    [InlineData("I pick option B.")]
    [InlineData("B) Paris")]
    [InlineData("(B) Paris")]
    [InlineData("Paris")]
    [InlineData("paris.")]
    [InlineData("Answer: Paris")]
    [InlineData("Let me think.\nBerlin is in Germany.\nB")]
    [InlineData("Let me think about each option.\nSo it must be (B).")]
    [InlineData("The answer is A... no. The answer is B.")]
    [InlineData("Answer: I think it's B")]
    [InlineData("Answer: definitely B, Paris")]
    public void Tolerant_formats_choose_B(string response)
    {
        var score = Scorer.Score(TestItems.Choice('B', Options), response);

        Assert.True(score.Passed, $"{score.Explanation} (extracted '{score.Extracted}')");
        Assert.Equal(1, score.Value);
        Assert.Equal("B", score.Extracted);
        Assert.Equal("B", score.Expected);
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("Answer: C", "C")]
    [InlineData("The answer is D.", "D")]
    [InlineData("Rome", "C")]
    [InlineData("Answer: E.", "E")]
    [InlineData("(a)", "A")]
    public void Wrong_choices_score_zero(string response, string extracted)
    {
        var score = Scorer.Score(TestItems.Choice('B', Options), response);

        Assert.False(score.Passed);
        Assert.Equal(0, score.Value);
        Assert.Equal(extracted, score.Extracted);
        Assert.Contains("correct option is B", score.Explanation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I am not sure.")]
    [InlineData("The answer is a city in Europe.")]
    [InlineData("London")]
    [InlineData("Either (A) or (C).")]
    public void Unreadable_responses_score_zero_with_empty_extraction(string response)
    {
        var score = Scorer.Score(TestItems.Choice('B', Options), response);

        Assert.False(score.Passed);
        Assert.Equal(string.Empty, score.Extracted);
    }

    [Fact]
    public void Lowercase_article_is_not_read_as_option_A()
    {
        Assert.Null(ChoiceScorer.Extract("the answer is a guess", Options));
        Assert.Equal("A", ChoiceScorer.Extract("the answer is a", Options));
    }

    [Fact]
    public void Option_text_matching_two_choices_is_ambiguous()
    {
        Assert.Null(ChoiceScorer.Extract("same", ["same", "Same!", "other"]));
    }

    [Fact]
    public void Letters_beyond_the_options_are_not_guessed_from_loose_text()
    {
        Assert.Null(ChoiceScorer.Extract("f", Options));
        Assert.Equal("F", ChoiceScorer.Extract("f", []));
    }
}
