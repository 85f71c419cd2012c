using System.Globalization;
using System.Text;

namespace BenchmarkAgent.Snapshots;

/// <summary>Renders <see cref="SnapshotDiff"/>s as a Markdown change summary for a pull request, and as log lines.</summary>
internal static class SnapshotDiffMarkdown
{
    /// <summary>The Markdown document: one section per benchmark with a per-subtask table and the ids that changed.</summary>
    public static string Render(IReadOnlyList<SnapshotDiff> diffs)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        var text = new StringBuilder();
        text.Append("# Benchmark snapshot changes\n");
        foreach (var diff in diffs)
        {
            text.Append('\n').Append("## ").Append(diff.Benchmark).Append("\n\n");
            if (!diff.HasChanges)
            {
                text.Append("No changes (").Append(Count(diff.Subtasks.Sum(s => s.Unchanged))).Append(" items unchanged).\n");
                continue;
            }

            text.Append("| subtask | added | removed | edited | unchanged |\n|---|---:|---:|---:|---:|\n");
            foreach (var s in diff.Subtasks)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {s.Subtask} | {s.Added.Count} | {s.Removed.Count} | {s.Edited.Count} | {s.Unchanged} |\n");
            }

            text.Append(CultureInfo.InvariantCulture,
                $"| **total** | {diff.Subtasks.Sum(s => s.Added.Count)} | {diff.Subtasks.Sum(s => s.Removed.Count)} | {diff.Subtasks.Sum(s => s.Edited.Count)} | {diff.Subtasks.Sum(s => s.Unchanged)} |\n");
            text.Append('\n');
            foreach (var s in diff.Subtasks.Where(s => s.HasChanges))
            {
                var parts = new[] { ("added", s.Added), ("removed", s.Removed), ("edited", s.Edited) }
                    .Where(p => p.Item2.Count > 0)
                    .Select(p => p.Item1 + " " + string.Join(", ", p.Item2.Select(id => $"`{id}`")));
                text.Append("- ").Append(s.Subtask).Append(": ").Append(string.Join("; ", parts)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>One line per subtask: <c>subtask: +added -removed ~edited =unchanged</c>.</summary>
    public static IReadOnlyList<string> Summary(SnapshotDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return diff.Subtasks
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Subtask}: +{s.Added.Count} added, -{s.Removed.Count} removed, ~{s.Edited.Count} edited, {s.Unchanged} unchanged"))
            .ToList();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
