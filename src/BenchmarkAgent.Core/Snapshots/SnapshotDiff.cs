using BenchmarkAgent.Items;

namespace BenchmarkAgent.Snapshots;

/// <summary>What changed between the committed snapshot of a benchmark and a regenerated one, per subtask.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Subtasks">Per subtask: the new version's subtasks in order, then subtasks only the old version had.</param>
internal sealed record SnapshotDiff(string Benchmark, IReadOnlyList<SubtaskChanges> Subtasks)
{
    /// <summary>True when any subtask changed.</summary>
    public bool HasChanges => Subtasks.Any(s => s.HasChanges);

    /// <summary>Compares two item lists by id. Pure.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="before">The items on disk (empty when there is no snapshot yet).</param>
    /// <param name="after">The regenerated items.</param>
    public static SnapshotDiff Compute(string benchmark, IReadOnlyList<BenchmarkItem> before, IReadOnlyList<BenchmarkItem> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldById = before.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newIds = after.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var subtasks = after.Select(i => i.Subtask).Concat(before.Select(i => i.Subtask)).Distinct(StringComparer.Ordinal);
        var changes = new List<SubtaskChanges>();
        foreach (string subtask in subtasks)
        {
            var added = new List<string>();
            var edited = new List<string>();
            int unchanged = 0;
            foreach (var item in after.Where(i => i.Subtask == subtask))
            {
                if (!oldById.TryGetValue(item.Id, out var old))
                {
                    added.Add(item.Id);
                }
                else if (ItemContent.Hash(old) != ItemContent.Hash(item) || old.Curation.Excluded != item.Curation.Excluded)
                {
                    edited.Add(item.Id);
                }
                else
                {
                    unchanged++;
                }
            }

            var removed = before.Where(i => i.Subtask == subtask && !newIds.Contains(i.Id)).Select(i => i.Id).ToList();
            changes.Add(new SubtaskChanges(subtask, added, removed, edited, unchanged));
        }

        return new SnapshotDiff(benchmark, changes);
    }
}
