using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Snapshots;

public sealed class PatternAndFreeTextSnapshotTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BenchmarkItem Item(string id, ExpectedAnswer answer) =>
        new(id, "sub", Difficulty.Medium, "Give a date.", [], answer, new ItemProvenance(ItemSource.Parse("family:sub"), "0000000000000001", 0, 0, [], ["schema"]));

    private string Write(params BenchmarkItem[] items)
    {
        string path = _dir.File("items.json");
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("Bench", items));
        return path;
    }

    [Fact]
    public void Pattern_and_free_text_answers_round_trip_with_their_names()
    {
        var items = new[]
        {
            Item("aaaaaaaaaa", ExpectedAnswer.Pattern(@"^\d{4}-\d{2}-\d{2}$")),
            Item("bbbbbbbbbb", ExpectedAnswer.FreeText("Water boils at 100 degrees Celsius. It does so at sea level.")),
        };
        string path = Write(items);

        var read = SnapshotReader.ReadItems(path);

        Assert.Equal(items.Select(i => i.Answer), read.Select(i => i.Answer));
        string text = File.ReadAllText(path);
        Assert.Contains("\"type\": \"pattern\"", text, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"freetext\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_pattern_is_a_BA0201_snapshot_error_naming_the_item()
    {
        string path = Write(Item("aaaaaaaaaa", ExpectedAnswer.Pattern("([a-z")));

        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));

        Assert.Equal("BA0201", ex.Code);
        Assert.Contains("'aaaaaaaaaa' has the pattern answer '([a-z'", ex.Detail, StringComparison.Ordinal);
    }
}
