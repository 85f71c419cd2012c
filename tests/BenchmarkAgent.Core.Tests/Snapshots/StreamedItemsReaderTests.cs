using System.Text;
using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Snapshots;

/// <summary>
/// items.json is read as a stream (issue 16, scale): one item at a time in a 64 KiB window instead of the whole text.
/// These pin that the window stays small, that items crossing window boundaries (huge prompts, multi-byte characters)
/// read back exactly, and that errors keep the order and lines of reading the file whole.
/// </summary>
public sealed class StreamedItemsReaderTests : IDisposable
{
    private const int Window = 64 * 1024;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Prompts meant to hurt: escapes, line ends, 4-byte characters, bidirectional marks, huge runs.</summary>
    private static readonly string[] HostilePrompts =
    [
        "What is \"2\" + 2?\\ (backslash) \t tab",
        "Line one\nLine two\n\nLine four",
        "Line separator \u2028 paragraph \u2029 form feed \f slash / end",
        "Emoji 🧪🧬 and CJK 漢字かな and combining e\u0301 and RTL \u202Eevil\u202C and LRM \u200E.",
        "Control \u0001\u0002\u001F characters and a NUL-free end",
        new string('a', 3000),
        string.Concat(Enumerable.Repeat("🧪", 700)), // 4-byte UTF-8 sequences that some window boundary will split
    ];

    private static BenchmarkItem Item(int n, string? prompt = null) =>
        new($"it{n:D8}", $"subtask-{n % 7}", (Difficulty)(1 + (n % 3)), prompt ?? HostilePrompts[n % HostilePrompts.Length] + $" #{n}",
            n % 5 == 0 ? ["alpha \"a\"", "béta", "γ"] : [], n % 5 == 0 ? new ExpectedAnswer(AnswerType.Choice, "B") : ExpectedAnswer.Number(n),
            new ItemProvenance(ItemSource.Parse(n % 2 == 0 ? "family:subtask" : $"dataset:set#{n}"), "00000000000000ab", n, n % 4, n % 3 == 0 ? ["paraphrase"] : [], ["schema", "checker"]));

    private string Write(IReadOnlyList<BenchmarkItem> items)
    {
        string path = _dir.File("items.json");
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("Stream", items));
        return path;
    }

    /// <summary>The 1-based line of every item's <c>"id"</c> property as the writer indents it, in file order.</summary>
    private static List<int> IdLines(string text) =>
        text.Split('\n').Select((line, i) => (line, i)).Where(x => x.line.StartsWith("      \"id\": ", StringComparison.Ordinal)).Select(x => x.i + 1).ToList();

    private static int LineOf(string text, string fragment)
    {
        int index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{fragment}' not found");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static JsonArrayFileSummary Stream(string path, out int elements)
    {
        int count = 0;
        using var stream = File.OpenRead(path);
        var summary = JsonArrayFile.Read(stream, "items", "id", default, (_, _) => count++);
        elements = count;
        return summary;
    }

    [Fact]
    public void Thousands_of_hostile_items_and_two_bigger_than_the_window_read_back_equal_with_each_id_line()
    {
        var items = Enumerable.Range(0, 4000).Select(n => Item(n)).ToList();
        items[1234] = Item(1234, "Huge: " + string.Concat(Enumerable.Repeat("x\"y\\z 🧬 ", 40_000)));
        items[3001] = Item(3001, new string('q', Window + 17));
        string path = Write(items);
        string text = File.ReadAllText(path);
        Assert.True(new FileInfo(path).Length > 20 * Window);

        var read = SnapshotReader.ReadItemsFile(path);

        Assert.Equal(items.Count, read.Items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            ItemAssert.Same(items[i], read.Items[i]);
        }

        var lines = IdLines(text);
        Assert.Equal(items.Count, lines.Count);
        for (int i = 0; i < items.Count; i++)
        {
            Assert.Equal(lines[i], read.LineOf(items[i].Id));
        }
    }

    [Fact]
    public void The_window_stays_one_chunk_for_small_items_and_grows_only_to_fit_one_bigger_item()
    {
        string small = Write(Enumerable.Range(0, 6000).Select(n => Item(n)).ToList());
        long smallBytes = new FileInfo(small).Length;

        var summary = Stream(small, out int count);

        Assert.Equal(6000, count);
        Assert.True(summary.RootIsObject);
        Assert.True(summary.ArrayFound);
        Assert.Equal(SnapshotLayout.ItemsSchema, summary.Strings["schema"]);
        Assert.True(smallBytes > 40 * Window, $"the fixture should be far bigger than the window ({smallBytes} bytes)");
        Assert.Equal(Window, summary.WindowBytes);

        var items = Enumerable.Range(0, 3000).Select(n => Item(n)).ToList();
        items[1500] = Item(1500, new string('w', 300_000));
        string big = Write(items);

        var grown = Stream(big, out count);

        Assert.Equal(3000, count);
        Assert.InRange(grown.WindowBytes, 300_000, 4 * 300_000);
        Assert.True(grown.WindowBytes < new FileInfo(big).Length / 2);
    }

    [Fact]
    public void Items_repeating_a_subtask_seed_or_source_share_one_instance()
    {
        var items = SnapshotReader.ReadItems(Write(Enumerable.Range(0, 50).Select(n => Item(n)).ToList()));

        Assert.Same(items[0].Subtask, items[7].Subtask);
        Assert.Same(items[0].Provenance.Seed, items[49].Provenance.Seed);
        Assert.Same(items[0].Provenance.Source, items[48].Provenance.Source);
        Assert.Same(items[0].Provenance.Checks, items[1].Provenance.Checks);
        Assert.NotSame(items[1].Provenance.Source, items[3].Provenance.Source); // distinct dataset records stay distinct
        Assert.Equal("subtask-0", items[7].Subtask);
    }

    [Fact]
    public void Invalid_json_far_past_the_first_window_wins_over_an_earlier_bad_item_and_names_its_line()
    {
        var items = Enumerable.Range(0, 2000).Select(n => Item(n)).ToList();
        string text = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("Stream", items));
        // The first item is bad (unknown difficulty), and item 1900's subtask line lost its colon.
        text = ReplaceFirst(text, "\"difficulty\": \"easy\"", "\"difficulty\": \"extreme\"");
        int line = LineOf(text, "\"id\": \"it00001900\"") + 1;
        var split = text.Split('\n');
        Assert.StartsWith("      \"subtask\": ", split[line - 1], StringComparison.Ordinal);
        split[line - 1] = split[line - 1].Replace("\"subtask\": ", "\"subtask\" ", StringComparison.Ordinal);
        string path = _dir.File("items.json");
        File.WriteAllText(path, string.Join('\n', split));
        Assert.True(Encoding.UTF8.GetByteCount(text[..text.IndexOf("it00001900", StringComparison.Ordinal)]) > 10 * Window);

        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));

        Assert.Equal(ErrorCodes.MalformedSnapshot, ex.Code);
        Assert.Equal(line, ex.Line);
        Assert.Contains("not valid JSON", ex.Detail);
    }

    [Fact]
    public void The_first_bad_item_in_file_order_is_reported_on_its_id_line_past_the_first_window()
    {
        var items = Enumerable.Range(0, 2000).Select(n => Item(n)).ToList();
        string text = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("Stream", items));
        int idLine = LineOf(text, "\"id\": \"it00001500\"");
        text = text.Replace("\"id\": \"it00001500\",", "\"id\": \"it00001500\", \"excluded\": 3,", StringComparison.Ordinal)
            .Replace("\"id\": \"it00001800\",", "\"id\": \"it00000004\",", StringComparison.Ordinal);
        string path = _dir.File("items.json");
        File.WriteAllText(path, text);

        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));

        Assert.Equal(ErrorCodes.MalformedSnapshot, ex.Code);
        Assert.Equal(idLine, ex.Line);
        Assert.Contains("item 'it00001500': 'excluded' must be true or false", ex.Detail);

        // Without that item, the repeated id further on is next: BA0203 on the copy's line.
        File.WriteAllText(path, text.Replace(", \"excluded\": 3,", ",", StringComparison.Ordinal));
        var duplicate = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));
        Assert.Equal(ErrorCodes.DuplicateItemId, duplicate.Code);
        Assert.Equal(LineOf(text, "\"id\": \"it00000004\",\n      \"subtask\": \"subtask-1\""), duplicate.Line);
    }

    [Fact]
    public void A_conflict_marker_far_into_the_file_is_BA0202_on_its_line()
    {
        var items = Enumerable.Range(0, 1500).Select(n => Item(n)).ToList();
        var lines = Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("Stream", items)).Split('\n').ToList();
        int at = LineOf(string.Join('\n', lines), "\"id\": \"it00001400\"") - 1; // the item's opening brace
        lines.Insert(at - 1, "=======");
        string path = _dir.File("items.json");
        File.WriteAllText(path, string.Join('\n', lines));

        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));

        Assert.Equal(ErrorCodes.SnapshotConflictMarkers, ex.Code);
        Assert.Equal(at, ex.Line);
    }

    [Fact]
    public void Byte_order_marks_other_encodings_and_invalid_bytes_read_as_the_text_did()
    {
        var items = Enumerable.Range(0, 300).Select(n => Item(n)).ToList();
        byte[] utf8 = SnapshotWriter.ItemsBytes("Stream", items);
        string path = _dir.File("items.json");

        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. utf8]);
        var withBom = SnapshotReader.ReadItems(path);
        ItemAssert.Same(items[299], withBom[299]);

        File.WriteAllText(path, Encoding.UTF8.GetString(utf8), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var utf16 = SnapshotReader.ReadItems(path);
        Assert.Equal(300, utf16.Count);
        ItemAssert.Same(items[3], utf16[3]);

        // A byte that is not UTF-8 inside item 250's prompt: decoded to U+FFFD, as reading the text whole did.
        string text = Encoding.UTF8.GetString(utf8);
        int prompt = Encoding.UTF8.GetByteCount(text[..text.IndexOf("#250\"", StringComparison.Ordinal)]);
        byte[] broken = [.. utf8];
        broken[prompt] = 0xFF;
        File.WriteAllBytes(path, broken);
        var replaced = SnapshotReader.ReadItems(path);
        Assert.Equal(300, replaced.Count);
        Assert.EndsWith("\uFFFD250", replaced[250].Prompt, StringComparison.Ordinal);
        Assert.Equal(items[251].Prompt, replaced[251].Prompt);
    }

    [Fact]
    public void Trailing_content_after_the_root_and_a_root_that_is_not_an_object_are_rejected_as_before()
    {
        byte[] utf8 = SnapshotWriter.ItemsBytes("Stream", Enumerable.Range(0, 200).Select(n => Item(n)).ToList());
        string path = _dir.File("items.json");

        File.WriteAllBytes(path, [.. utf8, .. "\n{\"more\": 1}\n"u8]);
        var trailing = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));
        Assert.Contains("not valid JSON", trailing.Detail);
        Assert.Equal(Encoding.UTF8.GetString(utf8).Count(c => c == '\n') + 2, trailing.Line);

        File.WriteAllText(path, "[1, 2, 3]");
        var array = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));
        Assert.Equal(ErrorCodes.UnknownSnapshotSchema, array.Code);

        File.WriteAllText(path, "{\"schema\": \"" + SnapshotLayout.ItemsSchema + "\", \"items\": {\"id\": \"x\"}}");
        Assert.Contains("no 'items' array", Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path)).Detail);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0);
        return text[..at] + to + text[(at + from.Length)..];
    }
}
