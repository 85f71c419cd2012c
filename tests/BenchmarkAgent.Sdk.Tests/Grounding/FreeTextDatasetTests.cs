using BenchmarkAgent.Planning;
using BenchmarkAgent.Sdk.Tests.Snapshots;

namespace BenchmarkAgent.Sdk.Tests.Grounding;

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

        var snapshot = new BenchmarkGenerator().Generate(request, TestContext.Current.CancellationToken);

        var fromDataset = snapshot.Items.Where(i => i.Provenance.Source.StartsWith("dataset:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromDataset);
        Assert.All(fromDataset, item =>
        {
            Assert.Equal(AnswerType.FreeText, item.Answer.Type);
            Assert.EndsWith("It shows how elements combine and react in everyday life.", item.Answer.Value, StringComparison.Ordinal);
        });
    }
}
