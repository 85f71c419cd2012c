using System.Text.Json;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The task's lifecycle modes: curation on a normal build, refresh, and the change summary.</summary>
public sealed class SnapshotLifecycleTaskTests : IDisposable
{
    private readonly TaskProject _project = new("ba-lifecycle-");

    public void Dispose() => _project.Dispose();

    private string ItemsPath => SnapshotLayout.ItemsPath(_project.SnapshotRoot, "arith");

    private string PlanPath => SnapshotLayout.PlanPath(_project.SnapshotRoot, "arith");

    private static TaskItem Item(string quota = "12")
    {
        var item = new TaskItem("arith");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", quota);
        return item;
    }

    private (bool Ok, RecordingBuildEngine Engine) Run(string mode = "generate", string quota = "12", string fraction = "", string changesFile = "", bool locked = false)
    {
        var engine = new RecordingBuildEngine();
        var task = TaskProject.ForTarget(mode, locked, fraction, changesFile);
        task.BuildEngine = engine;
        task.Benchmarks = [Item(quota)];
        task.SnapshotRoot = _project.SnapshotRoot;
        task.ProjectFile = Path.Combine(_project.Root, "test.csproj");
        task.MaxQuota = "500";
        return (task.Execute(), engine);
    }

    private (byte[] Items, byte[] Plan) Files() => (File.ReadAllBytes(ItemsPath), File.ReadAllBytes(PlanPath));

    private void AssertUnchanged((byte[] Items, byte[] Plan) before)
    {
        Assert.Equal(before.Items, File.ReadAllBytes(ItemsPath));
        Assert.Equal(before.Plan, File.ReadAllBytes(PlanPath));
    }

    private static int LineOf(string text, string fragment) => text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void Refresh_rotates_the_fraction_records_history_and_the_next_build_keeps_it()
    {
        Assert.True(Run().Ok);
        var before = SnapshotReader.ReadItems(ItemsPath);

        var (ok, engine) = Run(mode: "refresh", fraction: "0.25");

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        var after = SnapshotReader.ReadItems(ItemsPath);
        int rotated = after.Count(i => i.Curation.Generation == 1);
        // A quarter of each subtask, rounded, at least one.
        int expected = before.GroupBy(i => i.Subtask).Sum(g => Math.Max(1, (int)Math.Round(0.25 * g.Count(), MidpointRounding.AwayFromZero)));
        Assert.InRange(expected, 3, 6);
        Assert.Equal(expected, rotated);
        Assert.Equal(12, after.Count);
        Assert.Equal(12 - expected, after.Count(a => before.Any(b => b.Id == a.Id)));
        using (var plan = JsonDocument.Parse(File.ReadAllText(PlanPath)))
        {
            Assert.Equal(1, plan.RootElement.GetProperty("generation").GetInt32());
            var history = Assert.Single(plan.RootElement.GetProperty("history").EnumerateArray());
            Assert.Equal(1, history.GetProperty("generation").GetInt32());
            Assert.Equal(expected, history.GetProperty("rotated").GetInt32());
            Assert.Equal(12 - expected, history.GetProperty("kept").GetInt32());
            Assert.Equal(0.25, history.GetProperty("fraction").GetDouble());
        }

        Assert.Contains(engine.Messages, m => m.Message!.Contains($"refreshed 'arith' to generation 1: {expected} rotated, {12 - expected} kept", StringComparison.Ordinal));
        var refreshed = Files();

        var (ok2, engine2) = Run();

        Assert.True(ok2);
        Assert.Contains(engine2.Messages, m => m.Message!.Contains("'arith' is up to date", StringComparison.Ordinal));
        AssertUnchanged(refreshed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("a quarter")]
    [InlineData("NaN")]
    public void An_invalid_refresh_fraction_is_BA0206_and_writes_nothing(string fraction)
    {
        Assert.True(Run().Ok);
        var before = Files();

        var (ok, engine) = Run(mode: "refresh", fraction: fraction);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0206", error.Code);
        Assert.Contains($"'{fraction}'", error.Message, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void Changes_logs_and_writes_a_markdown_summary_without_touching_the_snapshot()
    {
        Assert.True(Run(quota: "12").Ok);
        var before = Files();
        string changes = Path.Combine(_project.Root, "obj", "benchagent", "changes.md");

        var (ok, engine) = Run(mode: "changes", quota: "15", changesFile: changes);

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        AssertUnchanged(before);
        string markdown = File.ReadAllText(changes);
        Assert.StartsWith("# Benchmark snapshot changes\n\n## arith\n\n| subtask | added | removed | edited | unchanged |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **total** | 3 | 0 | 0 | 12 |", markdown, StringComparison.Ordinal);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("changes for 'arith'", StringComparison.Ordinal));
        Assert.Contains(engine.Messages, m => m.Message!.Contains("changes for 'arith'", StringComparison.Ordinal));
        Assert.Equal(3, engine.Messages.Select(m => m.Message!).Where(m => m.Contains(" added, ", StringComparison.Ordinal))
            .Sum(m => int.Parse(m[(m.IndexOf('+') + 1)..m.IndexOf(" added", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Changes_of_an_unchanged_benchmark_says_so()
    {
        Assert.True(Run().Ok);
        string changes = Path.Combine(_project.Root, "changes.md");

        Assert.True(Run(mode: "changes", changesFile: changes).Ok);

        Assert.Equal("# Benchmark snapshot changes\n\n## arith\n\nNo changes (12 items unchanged).\n", File.ReadAllText(changes));
    }

    [Fact]
    public void An_exclusion_in_a_fresh_snapshot_is_applied_by_the_next_build()
    {
        Assert.True(Run().Ok);
        var target = SnapshotReader.ReadItems(ItemsPath)[2];
        string text = File.ReadAllText(ItemsPath);
        File.WriteAllText(ItemsPath, text.Replace($"\"id\": \"{target.Id}\",", $"\"id\": \"{target.Id}\",\n      \"excluded\": true,", StringComparison.Ordinal));

        var (ok, engine) = Run();

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        var items = SnapshotReader.ReadItems(ItemsPath);
        Assert.Equal(13, items.Count);
        Assert.True(Assert.Single(items, i => i.Id == target.Id).Curation.Excluded);
        Assert.Equal(12, items.Count(i => !i.Curation.Excluded));
    }

    [Fact]
    public void An_edited_answer_that_fails_its_checker_is_BA0204_with_file_and_line_even_when_locked()
    {
        Assert.True(Run().Ok);
        var target = SnapshotReader.ReadItems(ItemsPath).First(i => i.Answer.Type == AnswerType.Number);
        string text = File.ReadAllText(ItemsPath);
        int idLine = LineOf(text, $"\"id\": \"{target.Id}\"");
        int valueAt = text.IndexOf($"\"value\": \"{target.Answer.Value}\"", text.IndexOf($"\"id\": \"{target.Id}\"", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(ItemsPath, text[..valueAt] + "\"value\": \"999999\"" + text[(valueAt + $"\"value\": \"{target.Answer.Value}\"".Length)..]);
        var before = Files();

        foreach (bool locked in new[] { false, true })
        {
            var (ok, engine) = Run(locked: locked);

            Assert.False(ok);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("BA0204", error.Code);
            Assert.Equal(ItemsPath, error.File);
            Assert.Equal(idLine, error.LineNumber);
            AssertUnchanged(before);
        }
    }

    [Fact]
    public void Conflict_markers_and_duplicate_ids_get_their_codes_with_file_and_line_and_nothing_is_written()
    {
        Assert.True(Run().Ok);
        string text = File.ReadAllText(ItemsPath);
        var items = SnapshotReader.ReadItems(ItemsPath);
        string conflicted = text.Replace($"    {{\n      \"id\": \"{items[1].Id}\"", $"<<<<<<< HEAD\n    {{\n      \"id\": \"{items[1].Id}\"", StringComparison.Ordinal);
        File.WriteAllText(ItemsPath, conflicted);

        // A quota change makes the snapshot stale, so the task must read it to regenerate: nothing may be written.
        var (ok, engine) = Run(quota: "14");

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0202", error.Code);
        Assert.Equal(ItemsPath, error.File);
        Assert.Equal(LineOf(conflicted, "<<<<<<< HEAD"), error.LineNumber);
        Assert.Equal(conflicted, File.ReadAllText(ItemsPath));

        string duplicated = text.Replace($"\"id\": \"{items[4].Id}\"", $"\"id\": \"{items[1].Id}\"", StringComparison.Ordinal);
        File.WriteAllText(ItemsPath, duplicated);

        var (ok2, engine2) = Run(quota: "14");

        Assert.False(ok2);
        var duplicate = Assert.Single(engine2.Errors);
        Assert.Equal("BA0203", duplicate.Code);
        Assert.Equal(ItemsPath, duplicate.File);
        Assert.Equal(LineOf(text, $"\"id\": \"{items[4].Id}\""), duplicate.LineNumber);
        Assert.Equal(duplicated, File.ReadAllText(ItemsPath));
    }

    [Fact]
    public void Deleting_a_broken_plan_regenerates_it_and_keeps_the_reviewed_items()
    {
        Assert.True(Run().Ok);
        var target = SnapshotReader.ReadItems(ItemsPath)[0];
        string text = File.ReadAllText(ItemsPath);
        File.WriteAllText(ItemsPath, text.Replace($"\"id\": \"{target.Id}\",", $"\"id\": \"{target.Id}\",\n      \"excluded\": true,", StringComparison.Ordinal));
        File.WriteAllText(PlanPath, "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n");

        var (broken, engine) = Run();
        Assert.False(broken);
        Assert.Equal("BA0202", Assert.Single(engine.Errors).Code);
        Assert.Equal(PlanPath, engine.Errors[0].File);

        File.Delete(PlanPath);
        var (ok, engine2) = Run();

        Assert.True(ok, string.Join("\n", engine2.Errors.Select(e => e.Message)));
        var items = SnapshotReader.ReadItems(ItemsPath);
        Assert.True(Assert.Single(items, i => i.Id == target.Id).Curation.Excluded);
        Assert.Equal(12, items.Count(i => !i.Curation.Excluded));
        Assert.True(File.Exists(PlanPath));
    }

    [Fact]
    public void A_consistent_hand_edit_is_kept_by_the_next_build_which_adds_only_the_edited_mark()
    {
        Assert.True(Run().Ok);
        var target = SnapshotReader.ReadItems(ItemsPath)[1];
        string firstLine = target.Prompt.Split('\n')[0];
        byte[] plan = File.ReadAllBytes(PlanPath);
        string original = File.ReadAllText(ItemsPath);
        string edited = original.Replace(JsonSerializer.Serialize(firstLine), JsonSerializer.Serialize(firstLine + " The weather is fine."), StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        File.WriteAllText(ItemsPath, edited);

        var (ok, engine) = Run();

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        string after = File.ReadAllText(ItemsPath);
        var item = Assert.Single(SnapshotReader.ReadItems(ItemsPath), i => i.Id == target.Id);
        Assert.EndsWith("The weather is fine.", item.Prompt.Split('\n')[0], StringComparison.Ordinal);
        Assert.True(item.Curation.Edited);
        // Against the reviewer's file, the build added exactly one line: the edited mark.
        var editedLines = edited.Split('\n');
        var afterLines = after.Split('\n').ToList();
        int added = afterLines.FindIndex(l => l.Trim() == "\"edited\": true,");
        Assert.True(added > 0);
        afterLines.RemoveAt(added);
        Assert.Equal(editedLines, afterLines);
        // The plan, quality summary included, is untouched.
        Assert.Equal(plan, File.ReadAllBytes(PlanPath));
    }
}
