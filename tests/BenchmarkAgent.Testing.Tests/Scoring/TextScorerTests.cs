using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Tests.Scoring;

public sealed class TextScorerTests
{
    private static readonly TextScorer Scorer = new();

    [Theory]
    [InlineData("Paris", "Paris")]
    [InlineData("Paris", "paris")]
    [InlineData("Paris", "  PARIS  ")]
    [InlineData("Paris", "Paris.")]
    [InlineData("Paris", "\"Paris\"")]
    [InlineData("Paris", "**Paris**")]
    [InlineData("Paris", "Answer: Paris")]
    [InlineData("Paris", "answer: paris!")]
    [InlineData("Paris", "The answer is Paris.")]
    [InlineData("Paris", "Let me think.\nThe capital of France.\nAnswer: Paris")]
    [InlineData("Paris", "I reasoned about this a lot.\nParis")]
    [InlineData("the Eiffel Tower", "Eiffel tower")]
    [InlineData("an apple", "Apple")]
    [InlineData("New York", "new-york")]
    [InlineData("U.S.A.", "USA")]
    [InlineData("rock and roll", "Rock  and\troll")]
    [InlineData("café", "Café")]
    public void Normalised_matches_score_one(string expected, string response)
    {
        var score = Scorer.Score(TestItems.Text(expected), response);

        Assert.True(score.Passed, score.Explanation);
        Assert.Equal(1, score.Value);
        Assert.Equal(expected, score.Expected);
    }

    [Theory]
    [InlineData("Paris", "Lyon")]
    [InlineData("Paris", "Paris, France")]
    [InlineData("Paris", "Answer: Lyon")]
    [InlineData("cat", "cats")]
    [InlineData("42", "forty-two")]
    public void Different_texts_score_zero(string expected, string response)
    {
        var score = Scorer.Score(TestItems.Text(expected), response);

        Assert.False(score.Passed);
        Assert.Equal(0, score.Value);
        Assert.NotEmpty(score.Extracted);
    }

    [Fact]
    public void Extracted_is_the_text_after_the_marker()
    {
        var score = Scorer.Score(TestItems.Text("Paris"), "Thinking...\nAnswer: Lyon");

        Assert.Equal("Lyon", score.Extracted);
        Assert.Contains("not 'paris'", score.Explanation);
    }

    [Fact]
    public void Empty_response_scores_zero()
    {
        var score = Scorer.Score(TestItems.Text("Paris"), "   ");

        Assert.False(score.Passed);
        Assert.Equal(string.Empty, score.Extracted);
    }

    [Fact]
    public void Scorers_pick_the_default_for_each_type()
    {
        Assert.IsType<NumericScorer>(Scorers.For(AnswerType.Number));
        Assert.IsType<ChoiceScorer>(Scorers.For(AnswerType.Choice));
        Assert.IsType<TextScorer>(Scorers.For(AnswerType.ShortText));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scorers.For((AnswerType)99));
    }
}
