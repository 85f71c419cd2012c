namespace BenchmarkAgent.Snapshots;

/// <summary>A snapshot on disk, read for regeneration: its items (with lines, for diagnostics) and its plan's generation and history.</summary>
/// <param name="Items">The items file as read.</param>
/// <param name="Plan">What the plan file records.</param>
public sealed record ExistingSnapshot(SnapshotItemsFile Items, SnapshotPlanInfo Plan)
{
    /// <summary>
    /// Reads the snapshot of <paramref name="name"/> under <paramref name="root"/>; <see langword="null"/> when either file is
    /// missing (then there is nothing to keep).
    /// </summary>
    /// <exception cref="SnapshotFormatException">A file is malformed, conflicted, has duplicate ids or an unknown schema.</exception>
    public static ExistingSnapshot? Load(string root, string name)
    {
        string itemsPath = SnapshotLayout.ItemsPath(root, name);
        if (!File.Exists(itemsPath) || SnapshotReader.ReadPlanInfo(SnapshotLayout.PlanPath(root, name)) is not { } plan)
        {
            return null;
        }

        return new ExistingSnapshot(SnapshotReader.ReadItemsFile(itemsPath), plan);
    }

    /// <summary>
    /// True when a reviewer's work is not yet reflected: an edit not yet marked <c>edited</c>, or excluded items not yet
    /// replaced (fewer counted items than <paramref name="quota"/>).
    /// </summary>
    public bool HasPendingCuration(int quota) =>
        Items.Items.Any(i => !i.Curation.Edited && Execution.ItemContent.IsEdited(i)) ||
        Items.Items.Count(i => !i.Curation.Excluded) != quota;
}
