using System.Globalization;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Sharding;

/// <summary>
/// Pure merge of shard files into the results of one whole run, proving completeness on the way: one shard count,
/// every shard <c>1..n</c> exactly once, one subject, and per benchmark the same item set in every shard and in the
/// project that merges them; the union of the shards' results is then every item exactly once.
/// </summary>
internal static class ShardMerge
{
    /// <summary>Merges the shards.</summary>
    /// <param name="shards">The shard files with their paths (for messages).</param>
    /// <param name="projectItems">The runnable item ids of every benchmark of the project that merges, by benchmark.</param>
    /// <returns>The merged results, or the first problem.</returns>
    public static MergedResults Merge(IReadOnlyList<(string Path, ShardFile File)> shards, IReadOnlyDictionary<string, IReadOnlyList<string>> projectItems)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(projectItems);
        var c = CultureInfo.InvariantCulture;
        if (shards.Count == 0)
        {
            return MergedResults.Failed($"{ErrorCodes.InvalidMergeFolder}: there is no shard file to merge.");
        }

        var counts = shards.GroupBy(s => s.File.ShardCount).OrderBy(g => g.Key).ToList();
        if (counts.Count > 1)
        {
            return MergedResults.Failed(string.Create(c,
                $"{ErrorCodes.ShardCountMismatch}: the shard files were written for different shard counts: {string.Join("; ", counts.Select(g => $"n={g.Key}: {Files(g)}"))}. Run every shard with the same n (BENCHAGENT_SHARD=k/n) and merge only those files."));
        }

        int n = counts[0].Key;
        var duplicates = shards.GroupBy(s => s.File.Shard).Where(g => g.Count() > 1).OrderBy(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            return MergedResults.Failed(string.Create(c,
                $"{ErrorCodes.DuplicateShard}: {string.Join("; ", duplicates.Select(g => $"shard {g.Key}/{n} is in {g.Count()} files ({Files(g)})"))}. Keep one file per shard (the newest run's) in the merge folder."));
        }

        var missing = Enumerable.Range(1, n).Except(shards.Select(s => s.File.Shard)).ToList();
        if (missing.Count > 0)
        {
            return MergedResults.Failed(string.Create(c,
                $"{ErrorCodes.MissingShard}: shard {string.Join(", ", missing.Select(k => $"{k}/{n}"))} {(missing.Count == 1 ? "is" : "are")} missing ({shards.Count} of {n} shard files found), so the merged results would be incomplete. Make sure every shard job ran and uploaded its shard file, or rerun the missing shard."));
        }

        var subjects = shards.GroupBy(s => s.File.Subject, StringComparer.Ordinal).ToList();
        if (subjects.Count > 1)
        {
            return MergedResults.Failed(
                $"{ErrorCodes.ShardSubjectMismatch}: the shards ran different subjects: {string.Join("; ", subjects.Select(g => $"'{g.Key}' in {Files(g)}"))}. Run every shard with the same subject settings.");
        }

        foreach (var (path, file) in shards)
        {
            var names = file.Benchmarks.Select(b => b.Name).Order(StringComparer.Ordinal).ToList();
            var expected = projectItems.Keys.Order(StringComparer.Ordinal).ToList();
            if (!names.SequenceEqual(expected, StringComparer.Ordinal))
            {
                return MergedResults.Failed(
                    $"{ErrorCodes.ShardItemSetMismatch}: the shard file '{path}' ran benchmarks [{string.Join(", ", names)}], but this project has [{string.Join(", ", expected)}]. Run every shard and the merge from the same commit.");
            }

            foreach (var benchmark in file.Benchmarks)
            {
                var ids = projectItems[benchmark.Name];
                if (benchmark.TotalItems != ids.Count || benchmark.ItemSetHash != ShardAssignment.ItemSetHash(ids))
                {
                    return MergedResults.Failed(string.Create(c,
                        $"{ErrorCodes.ShardItemSetMismatch}: benchmark '{benchmark.Name}' had {benchmark.TotalItems} items (item-set hash {benchmark.ItemSetHash[..Math.Min(12, benchmark.ItemSetHash.Length)]}) when shard {file.Shard}/{n} ran ('{path}'), but this project has {ids.Count} (hash {ShardAssignment.ItemSetHash(ids)[..12]}). Run every shard and the merge from the same commit."));
                }
            }
        }

        var merged = new Dictionary<(string, string), ItemResult>();
        foreach (var (path, file) in shards.OrderBy(s => s.File.Shard))
        {
            foreach (var result in file.Results)
            {
                if (!merged.TryAdd((result.Benchmark, result.ItemId), result))
                {
                    return MergedResults.Failed(
                        $"{ErrorCodes.DuplicateShard}: item '{result.Benchmark}/{result.ItemId}' has a result in two shards (the second in '{path}'). Keep one file per shard.");
                }
            }
        }

        foreach (var (benchmark, ids) in projectItems)
        {
            if (ids.FirstOrDefault(id => !merged.ContainsKey((benchmark, id))) is { } absent)
            {
                return MergedResults.Failed(string.Create(c,
                    $"{ErrorCodes.MissingShard}: item '{benchmark}/{absent}' has no result in shard {ShardAssignment.IndexOf(benchmark, absent, n)}/{n}, so the merged results would be incomplete. Rerun that shard."));
            }
        }

        return new MergedResults(subjects[0].Key, merged, null, n);
    }

    private static string Files(IEnumerable<(string Path, ShardFile File)> shards) => string.Join(", ", shards.Select(s => $"'{s.Path}'"));
}
