using BenchmarkAgent.Items;

namespace BenchmarkAgent.Persistence;

/// <summary>One accepted position of a subtask's sample stream, as a journal records it.</summary>
/// <param name="Item">The accepted item; its provenance names the subtask position and the accepted attempt.</param>
/// <param name="Rejections">
/// The check that rejected each earlier attempt at this position, in attempt order (so its count equals the
/// item's attempt); a resumed generation adds them to the subtask's quality summary as if it had seen them.
/// </param>
internal sealed record JournalEntry(BenchmarkItem Item, IReadOnlyList<string> Rejections);
