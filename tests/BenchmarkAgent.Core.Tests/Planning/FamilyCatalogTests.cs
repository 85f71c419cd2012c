using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Core.Tests.Planning;

public sealed class FamilyCatalogTests
{
    private static readonly FamilyCatalog Catalog = new(BuiltInTaskFamilies.All);

    [Fact]
    public void Arithmetic_word_problems_rank_multi_step_arithmetic_first()
    {
        var ranked = Catalog.Rank("Multi-step arithmetic word problems with irrelevant facts");

        Assert.Equal("multi-step-arithmetic", ranked[0].Family.Card.Id);
        Assert.True(ranked[0].Score > ranked[1].Score, $"no clear winner: {ranked[0].Score} vs {ranked[1].Score}");
        Assert.Contains("irrelevant facts", ranked[0].MatchedTerms);
        Assert.Contains("multi-step", ranked[0].MatchedTerms);
    }

    [Fact]
    public void Date_query_ranks_temporal_families_first()
    {
        var ranked = Catalog.Rank("date arithmetic: days between dates and weekdays");

        Assert.Equal("days-between-dates", ranked[0].Family.Card.Id);
        Assert.Equal("weekday-after-days", ranked[1].Family.Card.Id);
        Assert.All(ranked.Take(2), m => Assert.Equal("temporal", m.Family.Card.Skill));
    }

    [Fact]
    public void Knights_and_knaves_query_ranks_that_family_first()
    {
        var ranked = Catalog.Rank("knights and knaves logic puzzles");

        Assert.Equal("knights-and-knaves", ranked[0].Family.Card.Id);
        Assert.Contains("knights and knaves", ranked[0].MatchedTerms);
        Assert.Contains("logic puzzle", ranked[0].MatchedTerms);
    }

    [Fact]
    public void Every_family_is_ranked_once_with_scores_between_zero_and_one_best_first()
    {
        var ranked = Catalog.Rank("temporal reasoning about clocks and calendars");

        Assert.Equal(BuiltInTaskFamilies.All.Count, ranked.Count);
        Assert.Equal(ranked.Count, ranked.Select(m => m.Family.Card.Id).Distinct().Count());
        Assert.All(ranked, m => Assert.InRange(m.Score, 0.0, 1.0));
        for (int i = 1; i < ranked.Count; i++)
        {
            Assert.True(ranked[i - 1].Score >= ranked[i].Score, $"position {i} is out of order");
            if (ranked[i - 1].Score == ranked[i].Score)
            {
                Assert.True(string.CompareOrdinal(ranked[i - 1].Family.Card.Id, ranked[i].Family.Card.Id) < 0, "ties are not ordered by id");
            }
        }
    }

    [Fact]
    public void Query_without_content_words_scores_zero_everywhere()
    {
        var ranked = Catalog.Rank("the and of a");

        Assert.All(ranked, m => Assert.Equal(0.0, m.Score));
        Assert.All(ranked, m => Assert.Empty(m.MatchedTerms));
    }

    [Fact]
    public void Ranking_ignores_case()
    {
        var lower = Catalog.Rank("knights and knaves logic puzzles");
        var upper = Catalog.Rank("KNIGHTS AND KNAVES LOGIC PUZZLES");

        Assert.Equal(lower.Select(m => (m.Family.Card.Id, m.Score)), upper.Select(m => (m.Family.Card.Id, m.Score)));
    }
}
