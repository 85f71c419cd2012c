using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding;

[Collection(Transformations.Gsm8kCollection.Name)]
public sealed class DatasetPipelineTests
{
    private const string Query = "grade school math word problems robustness";

    private static BenchmarkRequest Gsm8kRequest(int quota = 60)
    {
        string path = GroundingTestData.Gsm8kPath();

        return new BenchmarkRequest("gsm8k-robustness", Query, quota, Seed: 3) { Datasets = [path] };
    }

    [Fact]
    public void A_gsm8k_benchmark_is_grounded_in_the_dataset_and_reproducible()
    {
        var request = Gsm8kRequest();
        var generator = new SnapshotGenerator();

        var snapshot = generator.Generate(request, TestContext.Current.CancellationToken);
        var again = generator.Generate(request, TestContext.Current.CancellationToken);

        var plan = snapshot.Plan;
        Assert.Equal(request.Quota, plan.Subtasks.Sum(s => s.Quota));
        Assert.Equal(request.Quota, snapshot.Items.Count);
        var grounded = Assert.Single(plan.Subtasks, s => s.Source.ToString().StartsWith("dataset:", StringComparison.Ordinal));
        Assert.Equal(new DatasetSource("gsm8k-test"), grounded.Source);
        Assert.Equal("dataset:gsm8k-test", grounded.Source.ToString());
        Assert.True(grounded.Quota > 0);
        Assert.NotEmpty(grounded.Transformations);
        var score = Assert.IsType<BenchmarkAgent.Grounding.GroundingScore>(grounded.Grounding);
        Assert.True(score.Accepted);

        var datasetItems = snapshot.Items.Where(i => i.Subtask == grounded.Name).ToList();
        Assert.Equal(grounded.Quota, datasetItems.Count);
        Assert.All(datasetItems, item =>
        {
            Assert.StartsWith("dataset:gsm8k-test#", item.Provenance.Source.ToString());
            Assert.NotEmpty(item.Provenance.Transformations);
            Assert.Contains(string.Join("+", item.Provenance.Transformations), grounded.Transformations);
        });
        Assert.Equal(snapshot.Items.Count, snapshot.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());

        using var json = JsonDocument.Parse(SnapshotWriter.PlanBytes(snapshot));
        var written = json.RootElement.GetProperty("subtasks").EnumerateArray().Single(s => s.GetProperty("name").GetString() == grounded.Name);
        var grounding = written.GetProperty("grounding");
        foreach (string property in new[] { "alignment", "coverage", "simplicity", "risk", "total" })
        {
            Assert.Equal(JsonValueKind.Number, grounding.GetProperty(property).ValueKind);
        }

        Assert.Equal("accept", grounding.GetProperty("decision").GetString());
        Assert.Equal(SnapshotWriter.PlanBytes(snapshot), SnapshotWriter.PlanBytes(again));
        Assert.Equal(SnapshotWriter.ItemsBytes(request.Name, snapshot.Items), SnapshotWriter.ItemsBytes(request.Name, again.Items));
    }

    [Fact]
    public void A_dataset_that_cannot_supply_the_quota_fails_with_BA0304_or_shifts_the_shortfall()
    {
        using var folder = new TempFolder();
        string path = folder.Write("tiny/test.jsonl", """
            {"question": "Tom has 3 apples and buys 4 more. How many apples does he have?", "answer": "3 + 4 = <<3+4=7>>7\n#### 7"}
            {"question": "A box holds 12 pens. How many pens are in 3 boxes?", "answer": "12 * 3 = <<12*3=36>>36\n#### 36"}
            """);
        var card = "tiny"; // a bare file: the card is built from the file name.
        var weak = new BenchmarkRequest("tiny", "tiny", 500) { Datasets = [path] };

        var ex = Assert.Throws<DatasetShortfallException>(() => new SnapshotGenerator().Plan(weak));

        Assert.Equal("BA0304", ex.Code);
        Assert.True(ex.Short > 0);
        Assert.Contains($"{ex.Short} short", ex.Message);
        Assert.Contains(card, ex.Message);

        var mixed = new BenchmarkRequest("tiny", "tiny multi-step arithmetic word problems", 40) { Datasets = [path] };
        var plan = new SnapshotGenerator().Plan(mixed);
        Assert.Equal(40, plan.Subtasks.Sum(s => s.Quota));
        var grounded = Assert.Single(plan.Subtasks, s => s.Source == new DatasetSource("tiny-test"));
        Assert.True(grounded.Quota <= 2 * grounded.Transformations.Count);
    }

    [Fact]
    public void An_unrelated_dataset_is_a_plan_warning_naming_it()
    {
        using var folder = new TempFolder();
        GroundingTestData.WriteGeneralBench(folder);
        var request = new BenchmarkRequest("mixed", "multi-step arithmetic word problems", 12)
        {
            Datasets = [Path.Combine(folder.Path, "sentiment")],
        };

        var plan = new SnapshotGenerator().Plan(request);

        Assert.DoesNotContain(plan.Subtasks, s => s.Source.ToString().StartsWith("dataset:", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Contains("movie-review-sentiment", StringComparison.Ordinal) && w.Contains("rejected", StringComparison.Ordinal));
        Assert.Equal(12, plan.Subtasks.Sum(s => s.Quota));
    }

    [Fact]
    public void Changing_a_dataset_changes_the_fingerprint_and_no_dataset_keeps_it()
    {
        using var folder = new TempFolder();
        string path = folder.Write("data/items.jsonl", "{\"question\": \"What is 2 + 2?\", \"answer\": \"4\"}\n");
        var plain = new BenchmarkRequest("fp", "arithmetic", 10);
        var withData = plain with { Datasets = [path] };

        string before = InputFingerprint.Compute(withData);
        File.WriteAllText(path, "{\"question\": \"What is 2 + 3?\", \"answer\": \"5\"}\n");
        string after = InputFingerprint.Compute(withData);

        Assert.NotEqual(before, after);
        Assert.NotEqual(InputFingerprint.Compute(plain), before);
        Assert.Equal(InputFingerprint.Compute(plain), InputFingerprint.Compute(new BenchmarkRequest("fp", "arithmetic", 10)));
        Assert.Equal(after, InputFingerprint.Compute(withData));
    }
}
