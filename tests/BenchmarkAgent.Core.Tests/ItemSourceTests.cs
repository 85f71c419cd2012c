using System.Text.Json;

namespace BenchmarkAgent.Core.Tests;

/// <summary>The typed item source is read once from the file text and written back byte for byte.</summary>
public sealed class ItemSourceTests
{
    // The expected source is typed object: ItemSource is internal and a public test method cannot name it.
    public static TheoryData<string, object> Texts => new()
    {
        { "family:multi-step-arithmetic", new FamilySource("multi-step-arithmetic") },
        { "dataset:gsm8k-test", new DatasetSource("gsm8k-test") },
        { "dataset:gsm8k-test#42", new DatasetSource("gsm8k-test", "42") },
        { "dataset:d#a#b", new DatasetSource("d", "a#b") },
        { "dataset:d#", new DatasetSource("d", string.Empty) },
        { "family:", new FamilySource(string.Empty) },
        { "manual", new ExternalSource("manual") },
        { "bench:latency", new ExternalSource("bench:latency") },
        { string.Empty, new ExternalSource(string.Empty) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Parse_reads_the_kind_and_ToString_writes_the_same_text(string text, object expected)
    {
        var source = ItemSource.Parse(text);

        Assert.Equal(expected, source);
        Assert.Equal(text, source.ToString());
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Json_holds_the_text_form(string text, object expected)
    {
        var source = (ItemSource)expected;
        string json = JsonSerializer.Serialize(source);

        Assert.Equal(JsonSerializer.Serialize(text), json);
        Assert.Equal(source, JsonSerializer.Deserialize<ItemSource>(json));
    }

    [Fact]
    public void A_dataset_finds_its_records_even_when_its_name_contains_a_hash()
    {
        var dataset = new DatasetSource("a#b");

        Assert.True(dataset.TryGetRecord(ItemSource.Parse("dataset:a#b#r1"), out string? record));
        Assert.Equal("r1", record);
        Assert.False(dataset.TryGetRecord(ItemSource.Parse("dataset:a#c#r1"), out _));
        Assert.False(dataset.TryGetRecord(new DatasetSource("a#b"), out _));
        Assert.False(dataset.TryGetRecord(new FamilySource("a#b"), out _));
    }
}
