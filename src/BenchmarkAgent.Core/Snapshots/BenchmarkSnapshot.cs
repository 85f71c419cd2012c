using BenchmarkAgent.Planning;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Snapshots;

/// <summary>Everything committed for one benchmark: the plan, its quality summary, and the items.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Reports">Per-subtask verification summary, in plan order.</param>
/// <param name="Fingerprint">The fingerprint of the inputs the snapshot was generated from.</param>
/// <param name="Items">The verified items (excluded ones included: they stay in the file).</param>
internal sealed record BenchmarkSnapshot(
    BenchmarkPlan Plan,
    IReadOnlyList<SubtaskReport> Reports,
    string Fingerprint,
    IReadOnlyList<BenchmarkItem> Items)
{
    /// <summary>The current generation: 0 until the first refresh, then the number of the latest refresh.</summary>
    public int Generation { get; init; }

    /// <summary>Every refresh so far, oldest first; empty for a snapshot never refreshed.</summary>
    public IReadOnlyList<GenerationRecord> History { get; init; } = [];

    /// <summary>
    /// The bytes of the media files this generation produced (rendered by a family or copied from a dataset), by SHA-256;
    /// the writer stores those the items reference and are not already in <c>media/</c>. Kept items' files are on disk.
    /// </summary>
    public IReadOnlyDictionary<string, Media.MediaContent> MediaFiles { get; init; } = new Dictionary<string, Media.MediaContent>(StringComparer.Ordinal);
}
