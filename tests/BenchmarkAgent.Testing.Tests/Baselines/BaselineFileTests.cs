using System.Text;
using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Baselines;

public sealed class BaselineFileTests : IDisposable
{
    private const string Expected =
        "{\n" +
        "  \"schema\": \"benchagent/baseline@1\",\n" +
        "  \"benchmark\": \"arith\",\n" +
        "  \"subject\": \"gpt-4o-mini\",\n" +
        "  \"passed\": 2,\n" +
        "  \"total\": 3,\n" +
        "  \"items\": [\n" +
        "    { \"id\": \"a1\", \"passed\": true, \"score\": 1 },\n" +
        "    { \"id\": \"b2\", \"passed\": false, \"score\": 0.25 },\n" +
        "    { \"id\": \"c3\", \"passed\": true, \"score\": 1 }\n" +
        "  ]\n" +
        "}\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "benchagent-baseline-" + Guid.NewGuid().ToString("N"));

    private static Baseline Sample() =>
        new("arith", "gpt-4o-mini", [new("c3", true, 1), new("a1", true, 1), new("b2", false, 0.25)]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Bytes_are_deterministic_sorted_by_id_one_item_per_line()
    {
        byte[] bytes = BaselineWriter.Serialize(Sample());

        Assert.Equal(Expected, Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        Assert.Equal(bytes, BaselineWriter.Serialize(Sample() with { Items = [.. Sample().Items.Reverse()] }));
    }

    [Fact]
    public void Reading_what_was_written_gives_the_same_items()
    {
        string path = Path.Combine(_directory, "baselines", "gpt-4o-mini.json");

        Assert.True(BaselineWriter.Write(path, Sample()));
        Assert.False(BaselineWriter.Write(path, Sample())); // same bytes: not rewritten
        var read = BaselineReader.TryRead(path, "arith", "gpt-4o-mini");

        Assert.NotNull(read);
        Assert.Equal(Sample().Items.OrderBy(i => i.Id, StringComparer.Ordinal), read.Items);
        Assert.Equal(2, read.Passed);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void A_missing_file_is_no_baseline() =>
        Assert.Null(BaselineReader.TryRead(Path.Combine(_directory, "none.json"), "arith", "gpt-4o-mini"));

    [Theory]
    [InlineData("\"score\": 0.25 }", "\"score\": 0.25 ]", 9, "not valid JSON")]
    [InlineData("\"id\": \"c3\"", "\"id\": \"a1\"", 10, "Duplicate item id 'a1'")]
    [InlineData("\"id\": \"b2\", \"passed\": false", "\"id\": \"b2\", \"passed\": \"no\"", 9, "Item 'b2' has no boolean 'passed'")]
    [InlineData("\"score\": 0.25", "\"score\": 2.5", 9, "Item 'b2' has no 'score' from 0 to 1")]
    [InlineData("baseline@1", "baseline@9", 2, "Unknown schema 'benchagent/baseline@9'")]
    [InlineData("\"benchmark\": \"arith\"", "\"benchmark\": \"other\"", 3, "belongs to benchmark 'other'")]
    [InlineData("  \"passed\": 2,\n", "<<<<<<< HEAD\n", 5, "merge-conflict markers")]
    public void A_malformed_file_is_BA2050_with_its_line(string find, string replace, int line, string detail)
    {
        string text = Expected.Replace(find, replace, StringComparison.Ordinal);

        var ex = Assert.Throws<BaselineFormatException>(() => BaselineReader.Parse("b.json", text, "arith", "gpt-4o-mini"));

        Assert.Equal("BA2050", ex.Code);
        Assert.Equal(line, ex.Line);
        Assert.Contains(detail, ex.Detail);
        Assert.Contains("BENCHAGENT_RECORD_BASELINE=true", ex.Detail);
        Assert.StartsWith($"b.json({line}): error BA2050: ", ex.Message);
    }

    [Fact]
    public void A_file_recorded_for_another_subject_with_the_same_slug_is_BA2051()
    {
        var ex = Assert.Throws<BaselineFormatException>(() => BaselineReader.Parse("b.json", Expected, "arith", "GPT/4o:mini"));

        Assert.Equal("BA2051", ex.Code);
        Assert.Equal(4, ex.Line);
        Assert.Contains("'gpt-4o-mini'", ex.Detail);
        Assert.Contains("'GPT/4o:mini'", ex.Detail);
    }

    [Fact]
    public void A_score_outside_zero_to_one_is_not_written()
    {
        var bad = new Baseline("arith", "s", [new("a", true, double.NaN)]);

        Assert.Throws<ArgumentException>(() => BaselineWriter.Serialize(bad));
    }

    [Fact]
    public void An_empty_baseline_is_valid_JSON_that_reads_back()
    {
        string text = Encoding.UTF8.GetString(BaselineWriter.Serialize(new Baseline("arith", "s", [])));

        Assert.Empty(BaselineReader.Parse("b.json", text, "arith", "s").Items);
    }
}
