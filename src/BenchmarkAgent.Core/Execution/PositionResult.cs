using BenchmarkAgent.Items;

namespace BenchmarkAgent.Execution;

/// <summary>What realising one position of a subtask's stream produced.</summary>
/// <param name="Item">The accepted item, or <see langword="null"/> when every attempt was rejected.</param>
/// <param name="Rejected">Candidates rejected before the accepted one (or in total, when none was accepted).</param>
/// <param name="RejectionsByCheck">How many rejections each check caused.</param>
/// <param name="LastRejection">The last rejection as <c>check: message</c>; empty when nothing was rejected.</param>
internal sealed record PositionResult(BenchmarkItem? Item, int Rejected, IReadOnlyDictionary<string, int> RejectionsByCheck, string LastRejection)
{
    /// <summary>The bytes of the accepted item's media files (one per <see cref="BenchmarkItem.Media"/> entry, same order); empty for a text item.</summary>
    public IReadOnlyList<Media.MediaContent> MediaFiles { get; init; } = [];
}
