using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Core.Tests.Grounding;

public sealed class DatasetMatcherTests
{
    private static (Dataset Math, Dataset Sentiment) Pool(TempFolder folder)
    {
        GroundingTestData.WriteGeneralBench(folder);
        return (DatasetReader.Read(Path.Combine(folder.Path, "math")), DatasetReader.Read(Path.Combine(folder.Path, "sentiment")));
    }

    [Fact]
    public void Arithmetic_query_picks_math_and_rejects_sentiment_with_a_reason()
    {
        using var folder = new TempFolder();
        var (math, sentiment) = Pool(folder);
        var matcher = new DatasetMatcher();

        var ranked = matcher.Rank("multi-step arithmetic word problems", [sentiment, math], [new AnswerFormatConstraint(), new OpenToMultipleChoice(3)], quota: 2);

        Assert.Equal(4, ranked.Count);
        Assert.Same(math, ranked[0].Dataset);
        Assert.True(ranked[0].Score.Accepted);
        Assert.Contains("arithmetic", ranked[0].Score.Rationale);
        var rejected = ranked.Where(c => c.Dataset == sentiment).ToList();
        Assert.All(rejected, c =>
        {
            Assert.Equal(GroundingScore.Reject, c.Score.Decision);
            Assert.Contains("below the threshold", c.Score.Rationale);
        });
        Assert.All(ranked.Where(c => c.Dataset == math), c => Assert.True(c.Score.Accepted, c.Score.Rationale));
    }

    [Fact]
    public void Sentiment_query_picks_sentiment_and_rejects_math()
    {
        using var folder = new TempFolder();
        var (math, sentiment) = Pool(folder);

        var ranked = new DatasetMatcher().Rank("sentiment classification of movie reviews", [math, sentiment], [new AnswerFormatConstraint()], quota: 3);

        Assert.Same(sentiment, ranked[0].Dataset);
        Assert.True(ranked[0].Score.Accepted);
        Assert.Equal(1.0, ranked[0].Score.Coverage);
        Assert.False(ranked[1].Score.Accepted);
        Assert.StartsWith("rejected: task alignment", ranked[1].Score.Rationale);
    }

    [Fact]
    public void Coverage_is_applicable_records_over_quota_capped_at_one()
    {
        using var folder = new TempFolder();
        var (math, _) = Pool(folder);

        Assert.Equal(0.3, DatasetMatcher.Cover(math, new AnswerFormatConstraint(), 10).Coverage);
        Assert.Equal(1.0, DatasetMatcher.Cover(math, new AnswerFormatConstraint(), 2).Coverage);
        Assert.Equal(0, DatasetMatcher.Cover(math, new OptionShuffle(), 2).Applicable);
    }

    [Fact]
    public void Aligned_dataset_whose_records_do_not_fit_the_transformation_is_rejected()
    {
        using var folder = new TempFolder();
        var (math, _) = Pool(folder);

        var score = new DatasetMatcher().Score("arithmetic word problems", math, new OptionShuffle(), 5);

        Assert.Equal(GroundingScore.Reject, score.Decision);
        Assert.Contains("applies to none", score.Rationale);
        Assert.True(score.Alignment >= DatasetMatcher.DefaultAlignmentThreshold);
    }

    [Fact]
    public void Simpler_lower_risk_transformation_ranks_first_on_the_same_dataset()
    {
        using var folder = new TempFolder();
        var (math, _) = Pool(folder);

        var ranked = new DatasetMatcher().Rank("arithmetic", [math], [new NumericRetemplating(), new AnswerFormatConstraint()], quota: 3);

        // Retemplating applies to none of these (no calculator annotations), so it is rejected and ranked last.
        Assert.Equal("answer-format-constraint", ranked[0].Transformation.Name);
        Assert.False(ranked[1].Score.Accepted);
    }

    [Fact]
    public void Gsm8k_with_a_given_card_is_grounded_for_a_math_query_and_covers_the_quota()
    {
        string path = GroundingTestData.Gsm8kPath();

        var card = new DatasetCard("gsm8k", "Grade-school math word problems solved by multi-step arithmetic.", ["math word problem solving"], ["text"], AnswerType.Number, ["math", "arithmetic", "word problems"]);
        var gsm8k = DatasetReader.Read(path, card);

        var ranked = new DatasetMatcher().Rank("arithmetic reasoning in math word problems", [gsm8k], [new NumericRetemplating(), new OptionShuffle()], quota: 200);

        Assert.Equal("numeric-retemplating", ranked[0].Transformation.Name);
        Assert.True(ranked[0].Score.Accepted, ranked[0].Score.Rationale);
        Assert.Equal(1.0, ranked[0].Score.Coverage);
        Assert.False(ranked[1].Score.Accepted);
    }
}
