using BenchmarkAgent.Execution;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Snapshots;

public sealed class SnapshotDiffTests
{
    private static BenchmarkItem Item(string id, string subtask, string prompt = "What is 1 plus 1?", string answer = "2") =>
        new(id, subtask, Difficulty.Easy, prompt, [], new ExpectedAnswer(AnswerType.Number, answer), new ItemProvenance(new FamilySource(subtask), "0000000000000001", 0, 0, [], []));

    [Fact]
    public void Added_removed_edited_and_unchanged_are_counted_per_subtask()
    {
        BenchmarkItem[] before = [Item("a1", "alpha"), Item("a2", "alpha"), Item("a3", "alpha"), Item("b1", "beta"), Item("g1", "gone")];
        BenchmarkItem[] after =
        [
            Item("a1", "alpha"),
            Item("a2", "alpha", prompt: "What is 1 plus 1? (reworded)"),
            Item("a4", "alpha"),
            Item("b1", "beta") with { Curation = new ItemCuration(Excluded: true) },
            Item("n1", "new"),
        ];

        var diff = SnapshotDiff.Compute("Bench", before, after);

        Assert.True(diff.HasChanges);
        Assert.Equal(["alpha", "beta", "new", "gone"], diff.Subtasks.Select(s => s.Subtask));
        var alpha = diff.Subtasks[0];
        Assert.Equal(["a4"], alpha.Added);
        Assert.Equal(["a3"], alpha.Removed);
        Assert.Equal(["a2"], alpha.Edited);
        Assert.Equal(1, alpha.Unchanged);
        Assert.Equal(["b1"], diff.Subtasks[1].Edited);
        Assert.Equal(["n1"], diff.Subtasks[2].Added);
        Assert.Equal(["g1"], diff.Subtasks[3].Removed);
    }

    [Fact]
    public void The_markdown_has_a_table_per_benchmark_and_the_changed_ids()
    {
        var diff = SnapshotDiff.Compute("Bench", [Item("a1", "alpha"), Item("a2", "alpha")], [Item("a1", "alpha", answer: "3"), Item("a9", "alpha")]);

        string markdown = SnapshotDiffMarkdown.Render([diff, SnapshotDiff.Compute("Quiet", [Item("q1", "q")], [Item("q1", "q")])]);

        Assert.Equal(
            "# Benchmark snapshot changes\n\n## Bench\n\n" +
            "| subtask | added | removed | edited | unchanged |\n|---|---:|---:|---:|---:|\n" +
            "| alpha | 1 | 1 | 1 | 0 |\n" +
            "| **total** | 1 | 1 | 1 | 0 |\n\n" +
            "- alpha: added `a9`; removed `a2`; edited `a1`\n\n" +
            "## Quiet\n\nNo changes (1 items unchanged).\n",
            markdown);
        Assert.Equal(["alpha: +1 added, -1 removed, ~1 edited, 0 unchanged"], SnapshotDiffMarkdown.Summary(diff));
    }
}
