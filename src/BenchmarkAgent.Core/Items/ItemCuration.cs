namespace BenchmarkAgent.Items;

/// <summary>
/// What the curation lifecycle knows about an item: which generation produced it, the hash of its content as
/// generated, and what a reviewer did to it. Stored in <c>items.json</c> from schema <c>benchagent/items@2</c>.
/// </summary>
/// <param name="Generation">The generation that produced the item: 0 for the first, n after the n-th refresh.</param>
/// <param name="ContentHash">
/// The <see cref="ItemContent.Hash"/> of the item as generated, never updated afterwards, so a reviewer's edit shows as a
/// current hash that differs; <see langword="null"/> for items read from schema @1 (their current content counts as generated).
/// </param>
/// <param name="Edited">True once the engine has seen (and kept) a reviewer's edit.</param>
/// <param name="Excluded">True when a reviewer excluded the item: it stays in the file but is not run and not counted.</param>
/// <param name="Reason">Why the reviewer excluded the item, if given.</param>
internal sealed record ItemCuration(int Generation = 0, string? ContentHash = null, bool Edited = false, bool Excluded = false, string? Reason = null)
{
    /// <summary>A freshly generated item of the first generation.</summary>
    public static ItemCuration Generated { get; } = new();
}
