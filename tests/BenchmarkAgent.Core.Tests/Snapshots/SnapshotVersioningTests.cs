using System.Text;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Snapshots;

/// <summary>Schema @1 files (checked in under Fixtures/v1) are still read, and rewriting them upgrades to @2.</summary>
public sealed class SnapshotVersioningTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Snapshots", "Fixtures", "v1", name);

    [Fact]
    public void A_v1_items_file_is_read_with_curation_defaults()
    {
        var items = SnapshotReader.ReadItems(Fixture("items.json"));

        Assert.Equal(["3f2a9c01be", "77c0de5a11", "0b5e11d00d"], items.Select(i => i.Id));
        Assert.Equal("A baker makes 12 loaves in the morning and 7 in the afternoon. She sells 15.\n\nHow many loaves are left? Answer with a number only.", items[0].Prompt);
        Assert.Equal(["yes", "no"], items[1].Choices);
        Assert.Equal(2, items[1].Provenance.Attempt);
        Assert.Equal(0.005, items[2].Answer.Tolerance);
        Assert.Equal(["numeric-retemplating"], items[2].Provenance.Transformations);
        Assert.All(items, i =>
        {
            Assert.Equal(0, i.Curation.Generation);
            Assert.Null(i.Curation.ContentHash);
            Assert.False(i.Curation.Edited);
            Assert.False(i.Curation.Excluded);
            Assert.Null(i.Provenance.RecordHash);
            // Without a recorded hash the current content counts as generated: a v1 item is never "edited".
            Assert.False(ItemContent.IsEdited(i));
        });
    }

    [Fact]
    public void A_v1_plan_is_read_as_generation_zero_without_history()
    {
        var info = SnapshotReader.ReadPlanInfo(Fixture("plan.json"));

        Assert.NotNull(info);
        Assert.Equal("sha256:" + new string('0', 64), info.Fingerprint);
        Assert.Equal(0, info.Generation);
        Assert.Empty(info.History);
    }

    [Fact]
    public void Rewriting_a_v1_file_upgrades_it_to_v2_and_keeps_every_item()
    {
        var v1 = SnapshotReader.ReadItems(Fixture("items.json"));
        using var dir = new TempDirectory();
        string path = dir.File("items.json");

        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("legacy", v1));
        string text = File.ReadAllText(path);
        var v2 = SnapshotReader.ReadItems(path);

        Assert.StartsWith("{\n  \"schema\": \"benchagent/items@2\",", text, StringComparison.Ordinal);
        Assert.Equal(v1.Count, v2.Count);
        for (int i = 0; i < v1.Count; i++)
        {
            ItemAssert.Same(v1[i], v2[i]);
            // The upgrade records the content as it is now as the generated content.
            Assert.Equal(ItemContent.Hash(v1[i]), v2[i].Curation.ContentHash);
            Assert.False(ItemContent.IsEdited(v2[i]));
        }
    }

    [Fact]
    public void V2_curation_fields_round_trip()
    {
        var item = new BenchmarkItem("0123456789", "s", Difficulty.Easy, "Edited prompt", [], ExpectedAnswer.Number(1),
            new ItemProvenance(ItemSource.Parse("dataset:d#4"), "0000000000000009", 3, 1, ["t"], ["schema"]) { RecordHash = "abcdef0123456789" })
        {
            Curation = new ItemCuration(Generation: 2, ContentHash: "00112233445566ff", Edited: true, Excluded: true, Reason: "ambiguous wording"),
        };
        using var dir = new TempDirectory();
        string path = dir.File("items.json");
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("B", [item]));

        var read = Assert.Single(SnapshotReader.ReadItems(path));

        ItemAssert.Same(item, read);
        Assert.Equal(item.Curation, read.Curation);
        Assert.Equal("abcdef0123456789", read.Provenance.RecordHash);
        Assert.Contains("\"reason\": \"ambiguous wording\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edit_of_one_prompt_line_is_a_one_line_diff_and_is_detected()
    {
        var item = new BenchmarkItem("0123456789", "s", Difficulty.Easy, "Line one\nLine two", [], ExpectedAnswer.Number(1),
            new ItemProvenance(ItemSource.Parse("family:s"), "0000000000000009", 0, 0, [], ["schema"]));
        string before = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("B", [item]));
        string after = before.Replace("\"Line two\"", "\"Line 2\"", StringComparison.Ordinal);
        using var dir = new TempDirectory();
        string path = dir.File("items.json");
        File.WriteAllText(path, after);

        var read = Assert.Single(SnapshotReader.ReadItems(path));

        Assert.Equal(1, before.Split('\n').Zip(after.Split('\n')).Count(p => p.First != p.Second));
        Assert.True(ItemContent.IsEdited(read));
        Assert.False(read.Curation.Edited);
    }
}
