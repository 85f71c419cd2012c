using BenchmarkAgent.Items;

namespace BenchmarkAgent.Snapshots;

/// <summary>An items file as read: its items and the line each starts on, so later checks can point at an item.</summary>
/// <param name="Path">The file.</param>
/// <param name="Items">The items, in file order.</param>
/// <param name="Lines">The 1-based line of each item's <c>id</c>, by id.</param>
internal sealed record SnapshotItemsFile(string Path, IReadOnlyList<BenchmarkItem> Items, IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>The line of an item, 0 when unknown.</summary>
    public int LineOf(string id) => Lines.GetValueOrDefault(id);
}
