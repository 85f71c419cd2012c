using System.Text;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Snapshots;

public sealed class SnapshotRoundTripTests
{
    private const string BroadQuery = "arithmetic math reasoning logic puzzles temporal reasoning calendar time dates lists strings sequences code";

    private static readonly SnapshotGenerator Generator = new();

    private static BenchmarkSnapshot Generate(string query = BroadQuery, int quota = 36, int seed = 4) =>
        Generator.Generate(new BenchmarkRequest("RoundTrip", query, quota, seed), TestContext.Current.CancellationToken);

    [Fact]
    public void Items_written_and_read_back_are_equal()
    {
        var snapshot = Generate();
        using var dir = new TempDirectory();
        string path = dir.File(SnapshotLayout.ItemsFileName);
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("RoundTrip", snapshot.Items));

        var read = SnapshotReader.ReadItems(path);

        Assert.Equal(snapshot.Items.Count, read.Count);
        Assert.Contains(snapshot.Items, i => i.Choices.Count > 0);
        Assert.Contains(snapshot.Items, i => i.Prompt.Contains('\n'));
        for (int i = 0; i < read.Count; i++)
        {
            ItemAssert.Same(snapshot.Items[i], read[i]);
        }
    }

    [Fact]
    public void Hand_made_items_with_tolerance_transformations_and_unicode_round_trip()
    {
        BenchmarkItem[] items =
        [
            new("a1b2c3d4e5", "custom", Difficulty.Hard, "Line one\nLine \"two\" — ünïcode\n\nLine four", ["1", "2"], new ExpectedAnswer(AnswerType.Choice, "B"),
                new ItemProvenance(ItemSource.Parse("dataset:x#3"), "00000000000000ff", 4, 2, ["paraphrase", "shuffle"], ["schema", "checker"])),
            new("0f0f0f0f0f", "custom", Difficulty.Easy, "Pi to two places?", [], new ExpectedAnswer(AnswerType.Number, "3.14", 0.005),
                new ItemProvenance(ItemSource.Parse("family:x"), "0000000000000001", 0, 0, [], ["schema"])),
        ];
        using var dir = new TempDirectory();
        string path = dir.File("items.json");
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("Custom", items));

        var read = SnapshotReader.ReadItems(path);

        Assert.Equal(2, read.Count);
        ItemAssert.Same(items[0], read[0]);
        ItemAssert.Same(items[1], read[1]);
        Assert.Contains("ünïcode", File.ReadAllText(path));
    }

    [Fact]
    public void Multi_line_prompts_are_written_as_arrays_of_lines()
    {
        var snapshot = Generate();
        var item = snapshot.Items.First(i => i.Prompt.Contains('\n'));
        string text = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("RoundTrip", [item]));
        var fileLines = text.Split('\n');

        Assert.Contains("\"prompt\": [", text);
        foreach (string line in item.Prompt.Split('\n'))
        {
            string encoded = System.Text.Json.JsonSerializer.Serialize(line, new System.Text.Json.JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            Assert.Contains(fileLines, l => l.Trim() == encoded || l.Trim() == encoded + ",");
        }
    }

    [Fact]
    public void Single_line_prompts_are_plain_strings()
    {
        var item = new BenchmarkItem("0123456789", "s", Difficulty.Easy, "One line only.", [], ExpectedAnswer.Number(1), new ItemProvenance(ItemSource.Parse("family:s"), "0", 0, 0, [], []));
        string text = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("B", [item]));

        Assert.Contains("\"prompt\": \"One line only.\"", text);
    }

    [Fact]
    public void Carriage_returns_in_prompts_are_normalised()
    {
        var item = new BenchmarkItem("0123456789", "s", Difficulty.Easy, "First\r\nSecond", [], ExpectedAnswer.Number(1), new ItemProvenance(ItemSource.Parse("family:s"), "0", 0, 0, [], []));
        byte[] bytes = SnapshotWriter.ItemsBytes("B", [item]);

        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.DoesNotContain("\\r", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Bytes_are_identical_across_two_generations()
    {
        var a = Generate();
        var b = Generate();

        Assert.Equal(SnapshotWriter.ItemsBytes("RoundTrip", a.Items), SnapshotWriter.ItemsBytes("RoundTrip", b.Items));
        Assert.Equal(SnapshotWriter.PlanBytes(a), SnapshotWriter.PlanBytes(b));
    }

    [Fact]
    public void Files_end_with_a_newline_and_contain_no_carriage_return()
    {
        var snapshot = Generate();
        using var dir = new TempDirectory();
        SnapshotWriter.Write(dir.Path, snapshot);

        foreach (string path in new[] { SnapshotLayout.ItemsPath(dir.Path, "RoundTrip"), SnapshotLayout.PlanPath(dir.Path, "RoundTrip") })
        {
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 2);
            Assert.Equal((byte)'\n', bytes[^1]);
            Assert.NotEqual((byte)'\n', bytes[^2]);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void ReadFingerprint_returns_the_recorded_fingerprint()
    {
        var snapshot = Generate();
        using var dir = new TempDirectory();
        SnapshotWriter.Write(dir.Path, snapshot);

        string? fingerprint = SnapshotReader.ReadFingerprint(SnapshotLayout.PlanPath(dir.Path, "RoundTrip"));

        Assert.Equal(snapshot.Fingerprint, fingerprint);
        Assert.Equal(InputFingerprint.Compute(snapshot.Plan.Request), fingerprint);
        Assert.StartsWith("sha256:", fingerprint);
    }

    [Fact]
    public void ReadFingerprint_returns_null_for_a_missing_file()
    {
        using var dir = new TempDirectory();

        Assert.Null(SnapshotReader.ReadFingerprint(dir.File("plan.json")));
    }

    [Fact]
    public void Fingerprint_changes_with_query_quota_seed_and_difficulty_only()
    {
        var baseline = new BenchmarkRequest("Name", "knights and knaves logic puzzles", 20, 1, null);
        string fingerprint = InputFingerprint.Compute(baseline);

        Assert.Matches("^sha256:[0-9a-f]{64}$", fingerprint);
        Assert.Equal(fingerprint, InputFingerprint.Compute(baseline with { }));
        Assert.Equal(fingerprint, InputFingerprint.Compute(baseline with { Name = "Other" }));
        Assert.Equal(fingerprint, InputFingerprint.Compute(baseline with { Query = "  knights and knaves logic puzzles \n" }));

        string[] changed =
        [
            InputFingerprint.Compute(baseline with { Query = "knights and knaves logic puzzle" }),
            InputFingerprint.Compute(baseline with { Quota = 21 }),
            InputFingerprint.Compute(baseline with { Seed = 2 }),
            InputFingerprint.Compute(baseline with { Difficulty = Difficulty.Easy }),
            InputFingerprint.Compute(baseline with { Difficulty = Difficulty.Hard }),
        ];
        Assert.DoesNotContain(fingerprint, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }
}
