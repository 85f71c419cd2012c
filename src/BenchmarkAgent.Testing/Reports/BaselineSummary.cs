using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>How one benchmark compares with its baseline: the items that changed and the aggregate gate.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Regressions">Ids of items that passed in the baseline and fail now, sorted.</param>
/// <param name="KnownFailures">Ids of items that failed in the baseline and still fail, sorted.</param>
/// <param name="Improvements">Ids of items that failed in the baseline and pass now, sorted.</param>
/// <param name="Gate">The benchmark's gate, when its aggregate test ran.</param>
internal sealed record BaselineSummary(
    string Benchmark,
    IReadOnlyList<string> Regressions,
    IReadOnlyList<string> KnownFailures,
    IReadOnlyList<string> Improvements,
    GateResult? Gate)
{
    /// <summary>The number of regressions.</summary>
    public int RegressionCount => Regressions.Count;

    /// <summary>The number of known failures.</summary>
    public int KnownFailureCount => KnownFailures.Count;

    /// <summary>The number of improvements.</summary>
    public int ImprovementCount => Improvements.Count;

    /// <summary>Builds one summary per benchmark that has results or a gate, in name order.</summary>
    /// <param name="results">The run's item results (their <see cref="ItemResult.Verdict"/> says how each compares).</param>
    /// <param name="gates">The gates of the benchmarks whose aggregate test ran.</param>
    /// <returns>The summaries.</returns>
    public static IReadOnlyList<BaselineSummary> Create(IReadOnlyCollection<ItemResult> results, IEnumerable<GateResult> gates)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(gates);
        var gateByName = gates.GroupBy(g => g.Benchmark, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return results.Select(r => r.Benchmark).Concat(gateByName.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var mine = results.Where(r => r.Benchmark == name).ToList();
                return new BaselineSummary(
                    name,
                    Ids(mine, ItemVerdict.Regression),
                    Ids(mine, ItemVerdict.KnownFailure),
                    Ids(mine, ItemVerdict.Improvement),
                    gateByName.GetValueOrDefault(name));
            })
            .ToList();
    }

    private static List<string> Ids(IEnumerable<ItemResult> results, ItemVerdict verdict) =>
        results.Where(r => r.Verdict == verdict).Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
