using System.Diagnostics;
using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Core.Tests.Retrieval;

public sealed class LexicalIndexTests
{
    private static RetrievalCard Card(string id, string keywords, string description = "") =>
        new(id, [new CardField("keywords", keywords, 3, Phrases: true), new CardField("description", description, 1)]);

    [Fact]
    public void A_rare_term_outweighs_a_common_one()
    {
        var index = new LexicalIndex(
        [
            Card("a", "apple ; banana"),
            Card("b", "apple ; cherry"),
            Card("c", "apple ; durian"),
        ]);

        var hits = index.Search("apple durian");

        Assert.Equal("c", hits[0].Id);
        Assert.True(index.Idf("durian") > index.Idf(TextAnalyzer.Terms("apple")[0]));
        Assert.True(hits[0].Bm25 > hits[1].Bm25);
        Assert.Equal(["durian", "appl"], hits[0].MatchedTerms);
    }

    [Fact]
    public void Scores_are_bounded_and_combined_is_the_mean_of_normalised_bm25_and_cosine()
    {
        var index = new LexicalIndex([Card("a", "red ; blue"), Card("b", "green")]);

        foreach (var hit in index.Search("red red blue"))
        {
            Assert.InRange(hit.Bm25Normalized, 0, 1);
            Assert.InRange(hit.Cosine, 0, 1);
            Assert.Equal(Math.Round((hit.Bm25Normalized + hit.Cosine) / 2, 4), hit.Combined, 4);
        }
    }

    [Fact]
    public void Words_no_card_knows_lower_every_score()
    {
        var index = new LexicalIndex([Card("a", "calendar ; dates"), Card("b", "graphs")]);

        double focused = index.Search("calendar dates")[0].Bm25Normalized;
        double diluted = index.Search("calendar dates sonnets haiku")[0].Bm25Normalized;

        Assert.True(diluted < focused / 1.5, $"{diluted} vs {focused}");
    }

    [Fact]
    public void A_phrase_the_query_repeats_outranks_its_words_scattered_over_cards()
    {
        var index = new LexicalIndex([Card("phrase", "days between"), Card("words", "days ; between ; weeks")]);

        Assert.Equal("phrase", index.Search("days between two dates")[0].Id);
        Assert.Equal("words", index.Search("between the days")[0].Id);
    }

    [Fact]
    public void Ties_are_broken_by_id_and_search_is_deterministic()
    {
        var index = new LexicalIndex([Card("b", "same words"), Card("a", "same words"), Card("c", "other")]);

        var first = index.Search("same words");
        var second = index.Search("same words");

        Assert.Equal(["a", "b", "c"], first.Select(h => h.Id));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Duplicate_ids_and_non_positive_weights_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LexicalIndex([Card("a", "x"), Card("a", "y")]));
        Assert.Throws<ArgumentException>(() => new LexicalIndex([new RetrievalCard("a", [new CardField("f", "x", 0)])]));
    }

    [Fact]
    public void An_empty_query_or_pool_scores_zero()
    {
        Assert.All(new LexicalIndex([Card("a", "x")]).Search("the and of"), h => Assert.Equal(0, h.Combined));
        Assert.Empty(new LexicalIndex([]).Search("anything"));
    }

    [Fact]
    public void A_query_over_a_few_hundred_cards_takes_well_under_five_milliseconds()
    {
        var random = new Random(7);
        string[] vocabulary = Enumerable.Range(0, 2000).Select(i => $"w{i:x}").ToArray();
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        var cards = CardPool.Build(BuiltInTaskFamilies.All, Enumerable.Range(0, 300).Select(i =>
            new DatasetCard($"ds{i}", Words(40), [Words(3)], ["text"], AnswerType.ShortText, [Words(2), Words(2), Words(1)])));
        var index = new LexicalIndex(cards);
        var queries = Enumerable.Range(0, 200).Select(_ => Words(12) + " arithmetic word problems").ToList();
        index.Search(queries[0]);

        // The best of five rounds: the machine is shared, and the claim is about the code, not the neighbours.
        double perQuery = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (string query in queries)
            {
                Assert.Equal(cards.Count, index.Search(query).Count);
            }

            perQuery = Math.Min(perQuery, stopwatch.Elapsed.TotalMilliseconds / queries.Count);
        }

        Assert.True(perQuery < 5, $"{perQuery:0.000} ms per query over {cards.Count} cards");
    }
}
