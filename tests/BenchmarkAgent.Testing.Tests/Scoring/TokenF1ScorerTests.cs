using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Tests.Scoring;

public sealed class TokenF1ScorerTests
{
    private static ItemScore Score(string reference, string response) =>
        Scorers.For(AnswerType.FreeText).Score(TestItems.Item(ExpectedAnswer.FreeText(reference)), response);

    // Hand-computed: articles and punctuation are dropped before tokens are compared as bags.
    [Theory]
    [InlineData("A cat sat on a rug.", "The cat sat on the mat", 0.75)]             // [cat sat on rug] vs [cat sat on mat]: P=R=3/4
    [InlineData("cat", "The cat sat on the mat", 0.4)]                             // P=1, R=1/4: 2*0.25/1.25
    [InlineData("cat cat cat", "cat sat", 0.4)]                                    // bag overlap 1: P=1/3, R=1/2: (1/3)/(5/6)
    [InlineData("Dogs bark loudly.", "The cat sat on the mat", 0)]
    [InlineData("The cat sat on the mat!", "the CAT sat on the mat", 1)]
    public void F1_matches_the_hand_computed_value(string prediction, string reference, double expected) =>
        Assert.Equal(expected, TokenF1Scorer.F1(prediction, reference), precision: 10);

    [Fact]
    public void A_response_at_the_threshold_passes_and_scores_its_f1()
    {
        // [water boils at 100 degrees] vs [water boils at 100 degrees celsius at sea level]: 5 shared of 5 and of 9 tokens.
        var score = Score("Water boils at 100 degrees Celsius at sea level.", "Water boils at 100 degrees.");

        Assert.True(score.Passed);
        Assert.Equal(2 * 1.0 * (5.0 / 9) / (1 + (5.0 / 9)), score.Value, precision: 10);
    }

    [Fact]
    public void A_response_below_the_threshold_fails_and_names_the_threshold()
    {
        var score = Score("Water boils at 100 degrees Celsius at sea level.", "It gets hot.");

        Assert.False(score.Passed);
        Assert.Equal(0, score.Value);
        Assert.Contains("0.5", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_after_an_answer_marker_is_preferred_when_it_scores_better()
    {
        var score = Score("Paris is the capital of France.", "Let me think about European capitals for a while.\nAnswer: Paris is the capital of France.");

        Assert.True(score.Passed);
        Assert.Equal(1, score.Value, precision: 10);
    }
}
