using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Core.Tests.Grounding;
using BenchmarkAgent.Core.Tests.Snapshots;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Execution;

/// <summary>Refresh rotation and dataset-record churn.</summary>
public sealed class RefreshAndDatasetTests : IDisposable
{
    private const string Query = "date arithmetic: days between dates and weekdays";

    private static readonly SnapshotGenerator Generator = new();

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BenchmarkRequest Request(int quota = 40) => new("Bench", Query, quota, 3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_refresh_rotates_the_fraction_per_subtask_to_a_new_generation_and_records_history()
    {
        var first = Generator.Generate(Request(), Token);
        var existing = SnapshotFiles.Save(_dir.Path, first);

        var refreshed = Generator.Regenerate(Request(), existing, refreshFraction: 0.25, Token);

        Assert.Equal(1, refreshed.Generation);
        Assert.Equal(40, refreshed.Items.Count);
        foreach (var subtask in refreshed.Plan.Subtasks)
        {
            var items = refreshed.Items.Where(i => i.Subtask == subtask.Name).ToList();
            int expected = Math.Max(1, (int)Math.Round(0.25 * subtask.Quota, MidpointRounding.AwayFromZero));
            Assert.Equal(expected, items.Count(i => i.Curation.Generation == 1));
            // Kept items are the old ones, unchanged, still generation 0.
            Assert.All(items.Where(i => i.Curation.Generation == 0), i => ItemAssert.Same(first.Items.Single(o => o.Id == i.Id), i));
        }

        var fresh = refreshed.Items.Where(i => i.Curation.Generation == 1).ToList();
        Assert.All(fresh, i => Assert.DoesNotContain(first.Items, o => o.Id == i.Id || o.Prompt == i.Prompt));
        var record = Assert.Single(refreshed.History);
        Assert.Equal(new GenerationRecord(1, BenchmarkExecutor.GenerationSeed(3, 1).ToString("x16"), 0.25, fresh.Count, 40 - fresh.Count, 0, 0), record);
        Assert.Equal(InputFingerprint.Compute(Request()), refreshed.Fingerprint);
    }

    [Fact]
    public void A_refresh_is_deterministic_and_a_second_one_appends_to_the_history()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(), Token));
        var a = Generator.Regenerate(Request(), existing, 0.5, Token);
        var b = Generator.Regenerate(Request(), existing, 0.5, Token);
        Assert.Equal(SnapshotWriter.ItemsBytes("Bench", a.Items), SnapshotWriter.ItemsBytes("Bench", b.Items));
        Assert.Equal(SnapshotWriter.PlanBytes(a), SnapshotWriter.PlanBytes(b));

        var second = Generator.Regenerate(Request(), SnapshotFiles.Save(_dir.Path, a), 0.5, Token);

        Assert.Equal(2, second.Generation);
        Assert.Equal([1, 2], second.History.Select(h => h.Generation));
        Assert.Contains(second.Items, i => i.Curation.Generation == 2);
        Assert.Equal(1, SnapshotReader.ReadPlanInfo(SnapshotLayout.PlanPath(_dir.Path, "Bench"))!.Generation);
    }

    [Fact]
    public void A_refresh_never_rotates_edited_or_excluded_items()
    {
        var existing = SnapshotFiles.Save(_dir.Path, Generator.Generate(Request(12), Token));
        var ids = existing.Items.Items.Select(i => i.Id).ToList();
        SnapshotFiles.EditItems(_dir.Path, "Bench", text =>
        {
            foreach (string id in ids.Where((_, n) => n % 2 == 0))
            {
                text = SnapshotFiles.AddToItem(text, id, "\"excluded\": true");
            }

            return text;
        });
        var reviewed = ExistingSnapshot.Load(_dir.Path, "Bench")!;

        var refreshed = Generator.Regenerate(Request(12), reviewed, refreshFraction: 1, Token);

        Assert.All(ids.Where((_, n) => n % 2 == 0), id => Assert.Contains(refreshed.Items, i => i.Id == id && i.Curation.Excluded));
        Assert.All(ids.Where((_, n) => n % 2 == 1), id => Assert.DoesNotContain(refreshed.Items, i => i.Id == id));
        Assert.Equal(12, refreshed.Items.Count(i => !i.Curation.Excluded));
        var record = Assert.Single(refreshed.History);
        Assert.Equal(6, record.Excluded);
        Assert.Equal(0, record.Kept);
    }

    [Fact]
    public void The_refresh_fraction_must_be_in_zero_to_one()
    {
        var plan = Generator.Plan(Request());

        Assert.Throws<ArgumentOutOfRangeException>(() => RefreshRotation.Choose(plan, [], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RefreshRotation.Choose(plan, [], 1.5, 1));
        Assert.True(RefreshRotation.IsValidFraction(1));
        Assert.False(RefreshRotation.IsValidFraction(double.NaN));
    }

    [Fact]
    [Trait("Category", "Dataset")]
    public void Changing_one_dataset_record_touches_only_the_items_derived_from_it()
    {
        string path = Path.Combine(_dir.Path, "gsm8k-test.jsonl");
        File.Copy(GroundingTestData.Gsm8kSamplePath(), path);
        var request = new BenchmarkRequest("Bench", "grade school math word problems robustness", 30, 3) { Datasets = [path] };
        var first = Generator.Generate(request, Token);
        var existing = SnapshotFiles.Save(_dir.Path, first);
        var datasetItems = first.Items.Where(i => i.Provenance.Source.ToString().StartsWith("dataset:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(datasetItems);
        Assert.All(datasetItems, i => Assert.NotNull(i.Provenance.RecordHash));
        string recordId = ((DatasetSource)datasetItems[0].Provenance.Source).Record!;
        var lines = File.ReadAllLines(path);
        int line = FindRecordLine(lines, recordId);
        lines[line] = lines[line].Replace("\"question\": \"", "\"question\": \"Quickly: ", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var regenerated = Generator.Regenerate(request, existing, cancellationToken: Token);

        var touched = first.Items.Where(i => i.Provenance.Source.ToString().EndsWith("#" + recordId, StringComparison.Ordinal)).Select(i => i.Id).ToHashSet();
        Assert.NotEmpty(touched);
        foreach (var item in first.Items.Where(i => !touched.Contains(i.Id)))
        {
            ItemAssert.Same(item, regenerated.Items.Single(i => i.Id == item.Id));
        }

        Assert.All(touched, id => Assert.DoesNotContain(regenerated.Items, i => i.Id == id && i.Prompt == first.Items.Single(o => o.Id == id).Prompt));
        Assert.Equal(30, regenerated.Items.Count);
    }

    private static int FindRecordLine(string[] lines, string recordId)
    {
        // A JSONL record without an id field is numbered from 1 in file order.
        if (int.TryParse(recordId, out int n) && n >= 1 && n <= lines.Length)
        {
            return n - 1;
        }

        int index = Array.FindIndex(lines, l => l.Contains($"\"{recordId}\"", StringComparison.Ordinal));
        Assert.True(index >= 0, $"record {recordId} not found");
        return index;
    }
}
