using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Media;

/// <summary>
/// Reads an item's media files from its benchmark folder as Microsoft.Extensions.AI content parts, when the item is
/// asked (never all items at once: only the calls in flight hold media bytes). Every file is verified by
/// <see cref="MediaStore.ReadVerified"/>, so a missing or edited file throws a coded <c>SnapshotFormatException</c>
/// naming the item, which the caller turns into an error item.
/// </summary>
internal static class MediaParts
{
    /// <summary>The content parts of an item's media, in the item's order; empty for a text item.</summary>
    /// <param name="benchmarkDirectory">The benchmark folder holding <c>media/</c>, or <see langword="null"/> when unknown (then a media item throws).</param>
    /// <param name="item">The item.</param>
    /// <returns>One <see cref="DataContent"/> per media file, with its media type and a name (the file's path).</returns>
    /// <exception cref="Snapshots.SnapshotFormatException">A file is unsafe, missing or changed (BA0260, BA0261, BA0262).</exception>
    /// <exception cref="InvalidOperationException">The item has media but the benchmark's folder is unknown.</exception>
    public static IReadOnlyList<AIContent> Read(string? benchmarkDirectory, BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Media.Count == 0)
        {
            return [];
        }

        if (benchmarkDirectory is null)
        {
            throw new InvalidOperationException($"Item '{item.Id}' carries media, but its benchmark's folder is unknown (the test assembly does not declare the benchmark). Rebuild the project.");
        }

        var parts = new List<AIContent>(item.Media.Count);
        foreach (var reference in item.Media)
        {
            byte[] bytes = MediaStore.ReadVerified(benchmarkDirectory, reference, item.Id);
            parts.Add(new DataContent(bytes, reference.MediaType) { Name = reference.Path });
        }

        return parts;
    }
}
