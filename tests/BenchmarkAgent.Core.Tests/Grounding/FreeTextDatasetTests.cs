using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Core.Tests.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding;

public sealed class FreeTextDatasetTests
{
    private static readonly string[] Topics =
    [
        "water", "iron", "copper", "gold", "silver", "oxygen", "carbon", "helium", "sodium", "calcium",
        "nitrogen", "argon", "zinc", "tin", "lead", "nickel", "cobalt", "sulfur", "iodine", "neon",
    ];

    [Fact]
    public void A_dataset_of_multi_sentence_answers_becomes_free_text_items_with_the_reference_as_answer()
    {
        using var dir = new TempDirectory();
        string path = dir.File("explain.jsonl");
        File.WriteAllLines(path, Topics.Select((topic, i) =>
            $$"""{"question": "Explain in two sentences why {{topic}} matters in chemistry class number {{i}}.", "answer": "{{topic}} is a common substance studied early on. It shows how elements combine and react in everyday life."}"""));
        var request = new BenchmarkRequest("explain", "explain chemistry substances in sentences", 6, Seed: 1) { Datasets = [path] };

        var snapshot = new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken);

        var fromDataset = snapshot.Items.Where(i => i.Provenance.Source.ToString().StartsWith("dataset:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromDataset);
        Assert.All(fromDataset, item =>
        {
            Assert.Equal(AnswerType.FreeText, item.Answer.Type);
            Assert.EndsWith("It shows how elements combine and react in everyday life.", item.Answer.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_record_with_a_passage_puts_it_before_the_question_and_keeps_it_on_the_item_through_the_snapshot()
    {
        using var dir = new TempDirectory();
        string path = dir.File("explain-notes.jsonl");
        File.WriteAllLines(path, Topics.Select((topic, i) =>
            $$"""{"context": "Lab note {{i}}: {{topic}} was heated for ten minutes.\nIt changed colour twice.", "question": "Explain in two sentences why {{topic}} matters in chemistry class number {{i}}, after note {{i}}.", "answer": "{{topic}} was heated for ten minutes in the lab. It changed colour two times while it was heated."}"""));
        var request = new BenchmarkRequest("passages", "explain notes in sentences", 6, Seed: 1) { Datasets = [path] };

        var snapshot = new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken);

        var fromDataset = snapshot.Items.Where(i => i.Provenance.Source.ToString().StartsWith("dataset:", StringComparison.Ordinal)).ToList();
        Assert.True(fromDataset.Count > 0, string.Join(" | ", snapshot.Plan.Subtasks.Select(t => $"{t.Name} {t.Source} {t.Grounding}")) + " || " + string.Join(" | ", snapshot.Plan.Warnings));
        Assert.All(fromDataset, item =>
        {
            Assert.NotNull(item.Context);
            Assert.Matches(@"^Lab note \d+: \w+ was heated for ten minutes\.\nIt changed colour twice\.$", item.Context);
            Assert.StartsWith("Context:\n" + item.Context + "\n\nQuestion: ", item.Prompt, StringComparison.Ordinal);
        });
        Assert.All(snapshot.Items.Except(fromDataset), item => Assert.Null(item.Context));

        BenchmarkAgent.Snapshots.SnapshotWriter.Write(dir.Path, snapshot);
        string written = File.ReadAllText(BenchmarkAgent.Snapshots.SnapshotLayout.ItemsPath(dir.Path, "passages"));
        Assert.Contains("\"context\": [", written, StringComparison.Ordinal);
        var read = BenchmarkAgent.Snapshots.SnapshotReader.ReadItems(BenchmarkAgent.Snapshots.SnapshotLayout.ItemsPath(dir.Path, "passages"));
        Assert.Equal(snapshot.Items.Select(i => i.Context), read.Select(i => i.Context));
    }
}
