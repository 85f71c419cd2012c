using System.Security.Cryptography;
using BenchmarkAgent.Items;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Media;

/// <summary>
/// The <c>media/</c> folder of one benchmark, as the snapshot writer and the checks see it: files are content-addressed,
/// so a file that is already there with the right bytes is never rewritten, a missing one is written atomically before
/// items.json names it, and a file no item references any more is removed after items.json stops naming it.
/// </summary>
internal static class MediaFolder
{
    /// <summary>Every distinct media file the items reference (excluded items too: they stay in the file), in first-use order.</summary>
    public static IReadOnlyList<(MediaReference Reference, string ItemId)> Referenced(IReadOnlyList<BenchmarkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(MediaReference, string)>();
        foreach (var item in items)
        {
            foreach (var media in item.Media)
            {
                if (seen.Add(media.Path))
                {
                    result.Add((media, item.Id));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Makes sure every file the items reference is in <c>media/</c> with its recorded bytes, before items.json is written:
    /// checks the whole budget and that every missing file's bytes are at hand first (so a refused snapshot writes nothing),
    /// then writes only the files that are missing or differ. A file already there with the right bytes is left untouched
    /// (same bytes, same modification time).
    /// </summary>
    /// <param name="benchmarkDirectory">The benchmark folder.</param>
    /// <param name="items">The items about to be written.</param>
    /// <param name="contents">The bytes this generation produced, by SHA-256.</param>
    /// <param name="budget">The media budget.</param>
    /// <returns>How many files were written.</returns>
    /// <exception cref="SnapshotFormatException">
    /// <see cref="ErrorCodes.MediaBudgetExceeded"/> over budget, <see cref="ErrorCodes.MediaContentUnavailable"/> for a
    /// referenced file that is neither on disk nor produced, <see cref="ErrorCodes.MediaPathUnsafe"/> for an unsafe path.
    /// </exception>
    public static int WriteReferenced(string benchmarkDirectory, IReadOnlyList<BenchmarkItem> items, IReadOnlyDictionary<string, MediaContent> contents, MediaBudget budget)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(budget);
        string itemsPath = Path.Combine(benchmarkDirectory, SnapshotLayout.ItemsFileName);
        var referenced = Referenced(items);
        long total = 0;
        var toWrite = new List<(string Full, MediaContent Content)>();
        foreach (var (reference, itemId) in referenced)
        {
            if (!MediaPaths.IsSafe(reference.Path))
            {
                throw new SnapshotFormatException(ErrorCodes.MediaPathUnsafe, itemsPath, 0, $"item '{RecordIds.Normalise(itemId)}': media path '{RecordIds.Normalise(reference.Path)}' is not a plain file name under media/; nothing was written.");
            }

            if (reference.Length > budget.MaxFileBytes)
            {
                throw new SnapshotFormatException(ErrorCodes.MediaBudgetExceeded, itemsPath, 0, $"item '{itemId}': the media file '{reference.Path}' has {reference.Length} bytes, over the per-file media budget of {budget.MaxFileBytes} bytes (BenchmarkAgentMaxMediaFileBytes); nothing was written. Use smaller media or raise the budget (and keep big files in Git LFS).");
            }

            total += reference.Length;
            string full = MediaPaths.Resolve(benchmarkDirectory, reference.Path);
            if (HasRecordedBytes(full, reference))
            {
                continue;
            }

            if (!contents.TryGetValue(reference.Sha256, out var content) || content.Bytes.Length != reference.Length)
            {
                throw new SnapshotFormatException(ErrorCodes.MediaContentUnavailable, itemsPath, 0, $"item '{itemId}': the media file '{reference.Path}' is not in media/ (or was changed) and this generation did not produce it; nothing was written. Restore it from version control (git lfs pull with Git LFS), or delete the item from items.json so it is regenerated.");
            }

            toWrite.Add((full, content));
        }

        if (total > budget.MaxBenchmarkBytes)
        {
            throw new SnapshotFormatException(ErrorCodes.MediaBudgetExceeded, itemsPath, 0, $"the benchmark's media files hold {total} bytes, over the per-benchmark media budget of {budget.MaxBenchmarkBytes} bytes (BenchmarkAgentMaxMediaBytes); nothing was written. Lower the Quota, use smaller media, or raise the budget (and keep big files in Git LFS).");
        }

        if (toWrite.Count > 0)
        {
            Directory.CreateDirectory(Path.Combine(benchmarkDirectory, MediaPaths.Folder));
        }

        foreach (var (full, content) in toWrite)
        {
            if (File.Exists(full) && new FileInfo(full).LinkTarget is not null)
            {
                // Never write through a link planted in media/: replace the link itself.
                File.Delete(full);
            }

            AtomicFile.WriteAllBytes(full, content.Bytes.ToArray());
        }

        return toWrite.Count;
    }

    /// <summary>Deletes every file in <c>media/</c> that no item references (and the folder when it ends up empty); returns their names.</summary>
    public static IReadOnlyList<string> RemoveUnreferenced(string benchmarkDirectory, IReadOnlyList<BenchmarkItem> items)
    {
        string folder = Path.Combine(benchmarkDirectory, MediaPaths.Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var keep = Referenced(items).Select(r => r.Reference.Path[(MediaPaths.Folder.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (!keep.Contains(name))
            {
                File.Delete(file);
                removed.Add(name);
            }
        }

        if (Directory.GetFileSystemEntries(folder).Length == 0)
        {
            Directory.Delete(folder);
        }

        return removed;
    }

    /// <summary>
    /// Verifies the media folder against the items (the freshness check and the CI lock): every referenced file must be a
    /// safe, regular, unchanged file (BA0260-BA0262, naming the item), and a file no item references is a BA0263 warning.
    /// </summary>
    public static IReadOnlyList<MediaProblem> Check(string benchmarkDirectory, IReadOnlyList<BenchmarkItem> items)
    {
        var problems = new List<MediaProblem>();
        foreach (var (reference, itemId) in Referenced(items))
        {
            try
            {
                _ = MediaStore.ReadVerified(benchmarkDirectory, reference, itemId);
            }
            catch (SnapshotFormatException ex)
            {
                problems.Add(new MediaProblem(ex.Code, ex.Detail, IsWarning: false));
            }
        }

        string folder = Path.Combine(benchmarkDirectory, MediaPaths.Folder);
        if (Directory.Exists(folder))
        {
            var keep = Referenced(items).Select(r => r.Reference.Path[(MediaPaths.Folder.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
            foreach (string entry in Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(entry);
                if (!keep.Contains(name))
                {
                    problems.Add(new MediaProblem(
                        ErrorCodes.MediaFileUnreferenced,
                        $"'{MediaPaths.Folder}/{RecordIds.Normalise(name)}' is referenced by no item of items.json. Delete it (the next generation of this benchmark removes it), or restore the items.json that used it.",
                        IsWarning: true));
                }
            }
        }

        return problems;
    }

    /// <summary>True when <paramref name="full"/> is a regular file (not a link) with the recorded length and SHA-256.</summary>
    private static bool HasRecordedBytes(string full, MediaReference reference)
    {
        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null || info.Length != reference.Length)
        {
            return false;
        }

        using var stream = info.OpenRead();
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), reference.Sha256, StringComparison.Ordinal);
    }
}
