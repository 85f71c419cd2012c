using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>
/// The committed record of how one subject did on one benchmark: which items passed and their scores. Item tests
/// and the benchmark's gate compare the current run with it.
/// </summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Subject">The subject label the baseline was recorded with.</param>
/// <param name="Items">One entry per item, sorted by id (ordinal).</param>
internal sealed record Baseline(string Benchmark, string Subject, IReadOnlyList<BaselineItem> Items)
{
    /// <summary>The schema id written to and required in baseline files.</summary>
    public const string Schema = "benchagent/baseline@1";

    /// <summary>Items that passed.</summary>
    public int Passed => Items.Count(i => i.Passed);

    /// <summary>Indexes the items by id (ordinal), for lookups that would otherwise scan the list per item.</summary>
    /// <returns>A new dictionary.</returns>
    public IReadOnlyDictionary<string, BaselineItem> ById() => Items.ToDictionary(i => i.Id, StringComparer.Ordinal);

    /// <summary>Builds a baseline from a run's results for one benchmark; items are sorted by id.</summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="subject">The subject label.</param>
    /// <param name="results">The results of every item of the benchmark; none may be an error.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentException">A result is an error (it has no score): an error is not a recordable outcome.</exception>
    public static Baseline From(string benchmark, string subject, IEnumerable<ItemResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var items = results
            .Select(r => r.Score is { } score
                ? new BaselineItem(r.ItemId, score.Passed, score.Value)
                : throw new ArgumentException($"Item '{r.ItemId}' has no score (its call failed), so it cannot be recorded.", nameof(results)))
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new Baseline(benchmark, subject, items);
    }
}
