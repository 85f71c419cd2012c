using System.Security.Cryptography;
using BenchmarkAgent.Items;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Media;

/// <summary>
/// Reads an item's media files back from a benchmark folder and proves they are the files items.json recorded: the path
/// is a safe name under <c>media/</c>, the file is a regular file inside the folder (not a link out of it), and its size
/// and SHA-256 match. Every failure names the item, the file and what to do.
/// </summary>
internal static class MediaStore
{
    /// <summary>The most bytes one media file may have when read back (64 MiB); bigger files are refused before hashing.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads and verifies one media file of <paramref name="itemId"/>.</summary>
    /// <param name="benchmarkDirectory">The benchmark folder (<c>Benchmarks/&lt;name&gt;</c>).</param>
    /// <param name="reference">The recorded reference.</param>
    /// <param name="itemId">The item that references the file, for the message.</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="SnapshotFormatException">
    /// <see cref="ErrorCodes.MediaPathUnsafe"/> for a path that could leave the folder (or a link that does),
    /// <see cref="ErrorCodes.MediaFileMissing"/> for a missing file, <see cref="ErrorCodes.MediaFileChanged"/> for a file
    /// whose size or hash differs from the record.
    /// </exception>
    public static byte[] ReadVerified(string benchmarkDirectory, MediaReference reference, string itemId)
    {
        ArgumentNullException.ThrowIfNull(benchmarkDirectory);
        ArgumentNullException.ThrowIfNull(reference);
        string itemsPath = Path.Combine(benchmarkDirectory, SnapshotLayout.ItemsFileName);
        string id = RecordIds.Normalise(itemId ?? string.Empty);
        if (!MediaPaths.IsSafe(reference.Path))
        {
            throw new SnapshotFormatException(ErrorCodes.MediaPathUnsafe, itemsPath, 0, $"item '{id}': media path '{RecordIds.Normalise(reference.Path)}' is not a plain file name under media/. Restore the snapshot from version control or regenerate the benchmark.");
        }

        string full = MediaPaths.Resolve(benchmarkDirectory, reference.Path);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new SnapshotFormatException(ErrorCodes.MediaFileMissing, itemsPath, 0, $"item '{id}': the media file '{reference.Path}' is missing. Restore it from version control (with Git LFS, run 'git lfs pull') or regenerate the benchmark.");
        }

        if (info.LinkTarget is not null || (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            throw new SnapshotFormatException(ErrorCodes.MediaPathUnsafe, itemsPath, 0, $"item '{id}': the media file '{reference.Path}' is a link; media files must be regular files inside the benchmark folder.");
        }

        if (info.Length != reference.Length || info.Length > MaxFileBytes)
        {
            throw new SnapshotFormatException(ErrorCodes.MediaFileChanged, itemsPath, 0, $"item '{id}': the media file '{reference.Path}' has {info.Length} bytes, but items.json records {reference.Length}. It was changed or replaced (a Git LFS pointer?); restore it or regenerate the benchmark.");
        }

        byte[] bytes = File.ReadAllBytes(full);
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(sha, reference.Sha256, StringComparison.Ordinal))
        {
            throw new SnapshotFormatException(ErrorCodes.MediaFileChanged, itemsPath, 0, $"item '{id}': the media file '{reference.Path}' does not match the SHA-256 items.json records; it was edited or replaced. Restore it from version control or regenerate the benchmark.");
        }

        return bytes;
    }
}
