using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Snapshots;

public sealed class SnapshotReaderErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BenchmarkItem Item(string id, string prompt = "What is 1 plus 1?") =>
        new(id, "sub", Difficulty.Medium, prompt, [], ExpectedAnswer.Number(2), new ItemProvenance(ItemSource.Parse("family:sub"), "0000000000000001", 0, 0, [], ["schema"]));

    private static string ValidText(params BenchmarkItem[] items) =>
        System.Text.Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("Bench", items));

    private static int LineOf(string text, string fragment, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(fragment, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{fragment}' occurrence {occurrence} not found");
        }

        return text[..index].Count(c => c == '\n') + 1;
    }

    private SnapshotFormatException ReadError(string text, string code = "BA0201")
    {
        string path = _dir.File("items.json");
        File.WriteAllText(path, text);
        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));
        Assert.Equal(code, ex.Code);
        Assert.Equal(path, ex.File);
        Assert.StartsWith($"{path}({ex.Line}): ", ex.Message);
        return ex;
    }

    [Fact]
    public void Merge_conflict_markers_report_the_line_of_the_marker()
    {
        string ours = ValidText(Item("aaaaaaaaaa"));
        string theirs = ValidText(Item("bbbbbbbbbb"));
        int split = ours.IndexOf("    {\n      \"id\"", StringComparison.Ordinal);
        string conflicted = ours[..split] + "<<<<<<< HEAD\n" + ours[split..] + "=======\n" + theirs[split..] + ">>>>>>> other\n";

        var ex = ReadError(conflicted, "BA0202");

        Assert.Equal(LineOf(conflicted, "<<<<<<< HEAD"), ex.Line);
        Assert.True(ex.Line > 1);
        Assert.Contains("merge-conflict markers", ex.Detail);
    }

    [Fact]
    public void Merge_conflict_marker_on_the_first_line_is_line_one()
    {
        var ex = ReadError("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n", "BA0202");

        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Invalid_json_reports_the_line_of_the_error()
    {
        string text = ValidText(Item("aaaaaaaaaa"), Item("bbbbbbbbbb"));
        int line = LineOf(text, "\"subtask\": \"sub\"", 2);
        string broken = ReplaceLine(text, line, "      \"subtask\" \"sub\",");

        var ex = ReadError(broken);

        Assert.Equal(line, ex.Line);
        Assert.Contains("not valid JSON", ex.Detail);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void Trailing_comma_is_invalid_json_on_its_line()
    {
        string text = ValidText(Item("aaaaaaaaaa"));
        int line = LineOf(text, "\"contentHash\":");
        string broken = ReplaceLine(text, line, text.Split('\n')[line - 1] + ",");

        var ex = ReadError(broken);

        Assert.InRange(ex.Line, line, line + 1);
    }

    [Fact]
    public void Duplicate_ids_name_the_id_and_the_line_of_the_duplicate()
    {
        string text = ValidText(Item("aaaaaaaaaa"), Item("cccccccccc", "Other prompt"), Item("aaaaaaaaaa", "Third prompt"));

        var ex = ReadError(text, "BA0203");

        Assert.Contains("Duplicate item id 'aaaaaaaaaa'", ex.Detail);
        Assert.Equal(LineOf(text, "\"id\": \"aaaaaaaaaa\"", 2), ex.Line);
    }

    [Fact]
    public void Unknown_schema_is_rejected_on_line_one()
    {
        string text = ValidText(Item("aaaaaaaaaa")).Replace(SnapshotLayout.ItemsSchema, "benchagent/items@99", StringComparison.Ordinal);

        var ex = ReadError(text, "BA0205");

        Assert.Equal(1, ex.Line);
        Assert.Contains("Unknown schema 'benchagent/items@99'", ex.Detail);
    }

    [Fact]
    public void Missing_items_array_is_rejected()
    {
        var ex = ReadError("{\n  \"schema\": \"" + SnapshotLayout.ItemsSchema + "\"\n}\n");

        Assert.Contains("no 'items' array", ex.Detail);
    }

    [Fact]
    public void Missing_answer_names_the_item_and_its_line()
    {
        string text = ValidText(Item("aaaaaaaaaa"), Item("bbbbbbbbbb", "Second prompt"));
        int answerLine = LineOf(text, "\"answer\": {", 2);
        var lines = text.Split('\n').ToList();
        // Drop the answer object of the second item (4 lines: open, type, value, close).
        lines.RemoveRange(answerLine - 1, 4);
        string broken = string.Join('\n', lines);

        var ex = ReadError(broken);

        Assert.Contains("item 'bbbbbbbbbb' has no 'answer' object", ex.Detail);
        Assert.Equal(LineOf(broken, "\"id\": \"bbbbbbbbbb\""), ex.Line);
    }

    [Fact]
    public void Non_numeric_number_answer_names_the_item_and_its_line()
    {
        string text = ValidText(Item("aaaaaaaaaa"), Item("bbbbbbbbbb", "Second prompt"));
        int valueLine = LineOf(text, "\"value\": \"2\"", 2);
        string broken = ReplaceLine(text, valueLine, "        \"value\": \"two\"");

        var ex = ReadError(broken);

        Assert.Contains("item 'bbbbbbbbbb' has the numeric answer 'two'", ex.Detail);
        Assert.Equal(LineOf(broken, "\"id\": \"bbbbbbbbbb\""), ex.Line);
    }

    [Fact]
    public void Unknown_difficulty_and_answer_type_are_rejected()
    {
        string text = ValidText(Item("aaaaaaaaaa"));

        Assert.Contains("unknown difficulty", ReadError(text.Replace("\"medium\"", "\"extreme\"", StringComparison.Ordinal)).Detail);
        Assert.Contains("unknown difficulty", ReadError(text.Replace("\"medium\"", "\"mixed\"", StringComparison.Ordinal)).Detail);
        Assert.Contains("unknown answer type", ReadError(text.Replace("\"type\": \"number\"", "\"type\": \"integer\"", StringComparison.Ordinal)).Detail);
    }

    [Fact]
    public void Missing_prompt_is_rejected()
    {
        string text = ValidText(Item("aaaaaaaaaa"));
        int line = LineOf(text, "\"prompt\":");
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(line - 1);

        var ex = ReadError(string.Join('\n', lines));

        Assert.Contains("has no 'prompt'", ex.Detail);
    }

    [Fact]
    public void A_lone_conflict_marker_left_after_a_bad_merge_is_reported_on_its_line()
    {
        string text = ValidText(Item("aaaaaaaaaa"), Item("bbbbbbbbbb", "Second prompt"));
        int line = LineOf(text, "\"id\": \"bbbbbbbbbb\"");
        var lines = text.Split('\n').ToList();
        lines.Insert(line - 1, ">>>>>>> feature/more-items");

        var ex = ReadError(string.Join('\n', lines), "BA0202");

        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void A_non_boolean_curation_flag_is_malformed_on_the_item_line()
    {
        string text = ValidText(Item("aaaaaaaaaa"), Item("bbbbbbbbbb", "Second prompt"));
        int line = LineOf(text, "\"id\": \"bbbbbbbbbb\"");
        string broken = ReplaceLine(text, line, "      \"id\": \"bbbbbbbbbb\", \"excluded\": \"yes\",");

        var ex = ReadError(broken);

        Assert.Equal(line, ex.Line);
        Assert.Contains("'excluded' must be true or false", ex.Detail);
    }

    [Fact]
    public void Unknown_plan_schema_is_BA0205_on_line_one()
    {
        string path = _dir.File("plan.json");
        File.WriteAllText(path, "{\n  \"schema\": \"benchagent/plan@7\",\n  \"fingerprint\": \"x\"\n}\n");

        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadPlanInfo(path));

        Assert.Equal("BA0205", ex.Code);
        Assert.Equal(1, ex.Line);
        Assert.Contains("benchagent/plan@7", ex.Detail);
    }

    private static string ReplaceLine(string text, int line, string replacement)
    {
        var lines = text.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }
}
