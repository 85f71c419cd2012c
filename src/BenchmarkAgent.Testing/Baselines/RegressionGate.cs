using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Statistics;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>Pure evaluation of a benchmark's aggregate gate from its item results and baseline.</summary>
internal static class RegressionGate
{
    /// <summary>
    /// Evaluates the gate. The drop check pairs the items the baseline holds with their outcome now (an error counts
    /// as a failure), and runs the exact McNemar test on the discordant pairs; a drop fails only when there are more
    /// regressions than improvements and the p-value is below <see cref="GateSettings.Alpha"/>, so a few balanced
    /// flips of a noisy subject do not fail CI while a one-sided slide does.
    /// </summary>
    /// <param name="benchmark">The benchmark name.</param>
    /// <param name="results">The results of the benchmark's items now.</param>
    /// <param name="baseline">The baseline, or <see langword="null"/>.</param>
    /// <param name="baselinePath">The baseline file, for messages (ignored without a baseline).</param>
    /// <param name="settings">The minimum score and significance level.</param>
    /// <returns>The gate result.</returns>
    public static GateResult Evaluate(string benchmark, IReadOnlyList<ItemResult> results, Baseline? baseline, string? baselinePath, GateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(settings);
        int passed = results.Count(r => r.Score?.Passed == true);
        int errors = results.Count(r => r.Score is null);
        double score = results.Count == 0 ? 0 : results.Sum(r => r.Score?.Value ?? 0) / results.Count;
        var byId = baseline?.ById() ?? new Dictionary<string, BaselineItem>();
        int paired = 0, baselinePassed = 0, pairedPassed = 0, regressions = 0, improvements = 0, known = 0, fresh = 0;
        foreach (var result in results)
        {
            bool now = result.Score?.Passed == true;
            if (!byId.TryGetValue(result.ItemId, out var before))
            {
                fresh++;
                continue;
            }

            paired++;
            baselinePassed += before.Passed ? 1 : 0;
            pairedPassed += now ? 1 : 0;
            regressions += before.Passed && !now ? 1 : 0;
            improvements += !before.Passed && now ? 1 : 0;
            known += !before.Passed && !now ? 1 : 0;
        }

        return new GateResult(
            benchmark,
            results.Count,
            passed,
            errors,
            score,
            settings.MinScore,
            baseline is null ? null : baselinePath ?? BaselineLayout.FolderName,
            paired,
            baselinePassed,
            pairedPassed,
            known,
            baseline is null ? 0 : fresh,
            McNemarTest.Compute(regressions, improvements),
            settings.Alpha);
    }
}
