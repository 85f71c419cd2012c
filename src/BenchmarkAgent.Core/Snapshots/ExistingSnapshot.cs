using BenchmarkAgent.Items;

namespace BenchmarkAgent.Snapshots;

/// <summary>A snapshot on disk, read for regeneration: its items (with lines, for diagnostics) and its plan's generation and history.</summary>
/// <param name="Items">The items file as read.</param>
/// <param name="Plan">What the plan file records.</param>
internal sealed record ExistingSnapshot(SnapshotItemsFile Items, SnapshotPlanInfo Plan)
{
    /// <summary>
    /// Reads the snapshot of <paramref name="name"/> under <paramref name="root"/>; <see langword="null"/> when there is no
    /// items file (then there is nothing to keep). Without a plan file (deleted to get past a broken one) the items are
    /// still kept, as generation 0 without history.
    /// </summary>
    /// <exception cref="SnapshotFormatException">A file is malformed, conflicted, has duplicate ids or an unknown schema.</exception>
    public static ExistingSnapshot? Load(string root, string name)
    {
        string itemsPath = SnapshotLayout.ItemsPath(root, name);
        if (!File.Exists(itemsPath))
        {
            return null;
        }

        var plan = SnapshotReader.ReadPlanInfo(SnapshotLayout.PlanPath(root, name)) ?? new SnapshotPlanInfo(null, 0, []);
        return new ExistingSnapshot(SnapshotReader.ReadItemsFile(itemsPath), plan);
    }

    /// <summary>
    /// True when a reviewer's work is not yet reflected: an edit not yet marked <c>edited</c>, or excluded items not yet
    /// replaced (fewer counted items than <paramref name="quota"/>).
    /// </summary>
    public bool HasPendingCuration(int quota) =>
        Items.Items.Any(i => !i.Curation.Edited && ItemContent.IsEdited(i)) ||
        Items.Items.Count(i => !i.Curation.Excluded) != quota;
}
