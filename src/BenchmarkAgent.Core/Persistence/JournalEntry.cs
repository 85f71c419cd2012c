using BenchmarkAgent.Items;

namespace BenchmarkAgent.Persistence;

/// <summary>One accepted position of a subtask's sample stream, as a journal records it.</summary>
/// <param name="Item">The accepted item; its provenance names the subtask position and the accepted attempt.</param>
/// <param name="Rejections">
/// The check that rejected each earlier attempt at this position, in attempt order (so its count equals the
/// item's attempt); a resumed generation adds them to the subtask's quality summary as if it had seen them.
/// </param>
internal sealed record JournalEntry(BenchmarkItem Item, IReadOnlyList<string> Rejections)
{
    /// <summary>
    /// The bytes of the item's media files (rendered or copied), journalled with it so a resumed run neither re-renders
    /// them nor depends on the dataset still holding them, and writes byte-identical files; empty for a text item.
    /// </summary>
    public IReadOnlyList<Media.MediaContent> MediaFiles { get; init; } = [];
}
