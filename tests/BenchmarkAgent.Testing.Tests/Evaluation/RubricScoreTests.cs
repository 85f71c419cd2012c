using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Scoring;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Tests.Evaluation;

public sealed class RubricScoreTests
{
    private static readonly ItemScore LowF1 = ItemScore.Wrong("a hundred degrees C", "100 degrees", "Token F1 0.2 < 0.5.") with { Value = 0.2 };

    private static EvaluationResult Equivalence(double? value, EvaluationMetricInterpretation? interpretation) =>
        new(new NumericMetric("Equivalence", value, "judged") { Interpretation = interpretation });

    [Theory]
    [InlineData(5, true)]
    [InlineData(4, true)]
    [InlineData(3, false)]
    [InlineData(1, false)]
    public void The_rubric_interpretation_passes_equivalence_from_good_up(double score, bool passes)
    {
        var combined = RubricScore.Combine(LowF1, Equivalence(score, JudgeReplyParser.Interpret(score)));

        Assert.Equal(passes, combined.Passed);
        Assert.Equal(Math.Max(0.2, (score - 1) / 4), combined.Value);
        Assert.Contains($"{score}/5 ({(passes ? "pass" : "fail")})", combined.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pass_rule_reads_the_interpretation_not_the_number()
    {
        // A high score whose interpretation fails it fails; a low score whose interpretation passes it passes.
        Assert.False(RubricScore.Combine(LowF1, Equivalence(5, new EvaluationMetricInterpretation(EvaluationRating.Exceptional, failed: true))).Passed);
        Assert.True(RubricScore.Combine(LowF1, Equivalence(2, new EvaluationMetricInterpretation(EvaluationRating.Good, failed: false))).Passed);
        // No interpretation, or an inconclusive one, never passes.
        Assert.False(RubricScore.Combine(LowF1, Equivalence(5, null)).Passed);
        Assert.False(RubricScore.Combine(LowF1, Equivalence(5, new EvaluationMetricInterpretation(EvaluationRating.Inconclusive))).Passed);
    }

    [Fact]
    public void Without_a_readable_equivalence_the_token_f1_score_stands()
    {
        Assert.Same(LowF1, RubricScore.Combine(LowF1, new EvaluationResult()));
        Assert.Same(LowF1, RubricScore.Combine(LowF1, Equivalence(null, new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: true))));
    }

    [Fact]
    public void A_passing_token_f1_passes_whatever_the_judge_says()
    {
        var f1 = ItemScore.Correct("100 degrees", "100 degrees", "Token F1 1.") with { Value = 1 };

        Assert.True(RubricScore.Combine(f1, Equivalence(1, JudgeReplyParser.Interpret(1))).Passed);
    }
}
