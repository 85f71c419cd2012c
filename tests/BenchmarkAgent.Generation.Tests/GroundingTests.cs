using System.Globalization;
using System.Text;
using BenchmarkAgent.Generation.Grounding;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Generation.Tests;

public sealed class GroundingTests
{
    [Fact]
    public async Task A_registered_dataset_is_grounded_with_an_operation_plan_and_transformed_by_the_tool()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "math-word-problems.jsonl");
        var lines = new StringBuilder();
        for (int i = 1; i <= 12; i++)
        {
            int a = 3 + i, b = 2 + (i % 5);
            lines.Append(CultureInfo.InvariantCulture, $$"""{"question": "A shop sells {{a}} boxes with {{b}} pens each. How many pens does it sell?", "answer": "It sells {{a}} * {{b}} = <<{{a}}*{{b}}={{a * b}}>>{{a * b}} pens.\n#### {{a * b}}"}""").Append('\n');
        }

        await File.WriteAllTextAsync(path, lines.ToString(), TestContext.Current.CancellationToken);
        var script = new ScriptedGenerator { AcceptCard = id => id.StartsWith("dataset:", StringComparison.Ordinal) };
        await using var harness = GeneratorHarness.Start(script);
        var request = GeneratorHarness.Request("math word problems about pens and boxes", 4) with { Datasets = [path] };
        var (snapshot, _) = await harness.RunAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, snapshot.Items.Count);
        var grounded = snapshot.Plan.Subtasks.Where(s => s.Source is DatasetSource).ToList();
        Assert.NotEmpty(grounded);
        Assert.All(grounded, s =>
        {
            Assert.NotEmpty(s.Transformations);
            Assert.True(snapshot.Plan.Datasets.ContainsKey(s.Name));
            Assert.Equal("accept", s.Grounding!.Decision);
        });
        var datasetItems = snapshot.Items.Where(i => i.Provenance.Source is DatasetSource).ToList();
        Assert.NotEmpty(datasetItems);
        Assert.All(datasetItems, i =>
        {
            Assert.NotNull(i.Provenance.RecordHash);
            Assert.NotEmpty(i.Provenance.Transformations);
        });
    }

    [Fact]
    public void The_lexical_retriever_ranks_families_and_datasets_with_bm25_and_tfidf()
    {
        var dataset = new Dataset(
            new DatasetCard("sql-questions", "Questions about a database answered with SQL.", ["text to sql"], ["text"], AnswerType.ShortText, ["sql", "database", "query"]),
            [new DatasetRecord("1", "How many orders?", "SELECT COUNT(*) FROM orders")],
            "sql.jsonl",
            "hash");
        var pool = CardPool.Build(Families.BuiltInTaskFamilies.All, [dataset]);
        var retriever = new LexicalCardRetriever();

        var sql = retriever.Rank("translate questions into sql for a database", pool, 3);
        Assert.Equal("dataset:sql-questions", sql[0].Card.Id);
        var arithmetic = retriever.Rank("multi-step arithmetic word problems", pool, 3);
        Assert.Equal(3, arithmetic.Count);
        Assert.Contains(arithmetic, r => r.Card.Id == "family:multi-step-arithmetic");
        Assert.True(arithmetic.Zip(arithmetic.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Empty(retriever.Rank("zzzz qqqq", pool, 3));
    }

    [Fact]
    public void Dataset_cards_offer_only_the_chains_that_apply_to_their_records()
    {
        var dataset = new Dataset(
            new DatasetCard("facts", "Short facts.", ["qa"], ["text"], AnswerType.ShortText, ["facts"]),
            [new DatasetRecord("1", "What colour is the sky?", "blue")],
            "facts.jsonl",
            "hash");
        var card = CardPool.Build([], [dataset]).Single();
        Assert.DoesNotContain(card.Operations, o => o.StartsWith("numeric-retemplating", StringComparison.Ordinal));
        Assert.Equal(0, CardPool.Capacity(dataset, ["numeric-retemplating+answer-format-constraint"]));
    }
}
