using System.Globalization;
using System.Reflection;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Sharding;
using BenchmarkAgent.Testing.TestCases;

namespace BenchmarkAgent.Testing.Running;

/// <summary>Shard runs (<c>BENCHAGENT_SHARD=k/n</c>: a part of the items, a shard file, no gate) and merge runs (<c>BENCHAGENT_MERGE</c>).</summary>
public sealed partial class BenchmarkRun
{
    private MergedResults? _merged;

    /// <summary>The part of the items this run takes, or <see langword="null"/> for every item.</summary>
    internal Shard? Shard => _settings.Shard;

    /// <summary>Whether this run merges shard files instead of calling the subject.</summary>
    internal bool Merging => _settings.MergeDirectory is not null;

    /// <summary>
    /// The merged results of the shard files under <c>BENCHAGENT_MERGE</c>, read and checked once against the items of
    /// <paramref name="testAssembly"/>; a wrong setting or an incomplete merge is the result's error.
    /// </summary>
    /// <param name="testAssembly">The test assembly that declares the benchmarks.</param>
    /// <returns>The merge.</returns>
    internal MergedResults Merged(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        lock (_gate)
        {
            _assembly ??= testAssembly;
            return _merged ??= Merge(testAssembly);
        }
    }

    private MergedResults Merge(Assembly testAssembly)
    {
        if (_settings.Errors.Count > 0)
        {
            return MergedResults.Failed(_settings.Errors[0].Text);
        }

        var files = ShardFiles.ReadAll(_settings.MergeDirectory!, out string? error);
        if (error is not null)
        {
            return MergedResults.Failed(error);
        }

        return ShardMerge.Merge(files, ProjectItemIds(BenchmarkCatalog.ForAssembly(testAssembly)));
    }

    private static Dictionary<string, IReadOnlyList<string>> ProjectItemIds(BenchmarkCatalog catalog) =>
        catalog.Benchmarks.ToDictionary(b => b, b => (IReadOnlyList<string>)catalog.Items(b).Select(i => i.Id).ToList(), StringComparer.Ordinal);

    /// <summary>Writes the shard file of a shard run next to its reports: which shard, the item sets, every result.</summary>
    private void WriteShardFile(string runDirectory, Shard shard, IReadOnlyList<ItemResult> results)
    {
        var catalog = BenchmarkCatalog.ForAssembly(_assembly!);
        var benchmarks = catalog.Benchmarks.Order(StringComparer.Ordinal).Select(b =>
        {
            var ids = catalog.Items(b).Select(i => i.Id).ToList();
            return new ShardBenchmark(b, ids.Count, ids.Count(id => shard.Contains(b, id)), ShardAssignment.ItemSetHash(ids));
        }).ToList();
        var ordered = results
            .OrderBy(r => r.Benchmark, StringComparer.Ordinal)
            .ThenBy(r => r.ItemId, StringComparer.Ordinal)
            .ToList();
        string subject = ordered.Count > 0 ? ordered[0].Subject : _subject?.Label ?? string.Empty;
        string path = Path.Combine(runDirectory, shard.FileName);
        try
        {
            ShardFiles.Write(path, new ShardFile(ShardFile.CurrentSchema, shard.Index, shard.Count, subject, benchmarks, ordered));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{ErrorCodes.ShardWriteFailed}: shard {shard} could not write its shard file '{path}': {ex.Message}. Check the results folder is writable and has space."), ex);
        }
    }
}
