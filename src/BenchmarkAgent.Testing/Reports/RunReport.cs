using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>The results of a run, grouped per benchmark and subtask. Pure: built from results, written by <see cref="ReportWriter"/>.</summary>
/// <param name="Subject">The subject label.</param>
/// <param name="Benchmarks">One summary per benchmark, by name.</param>
/// <param name="Subtasks">One summary per benchmark/subtask, by name.</param>
/// <param name="Results">Every item result, ordered by benchmark, subtask and id.</param>
internal sealed record RunReport(
    string Subject,
    IReadOnlyList<ScoreSummary> Benchmarks,
    IReadOnlyList<ScoreSummary> Subtasks,
    IReadOnlyList<ItemResult> Results)
{
    /// <summary>Per benchmark: regressions, known failures and improvements against the baseline, and the gate.</summary>
    public IReadOnlyList<BaselineSummary> Baselines { get; init; } = [];

    /// <summary>
    /// Where report.html reads the items' media files from (the snapshot folders), or <see langword="null"/> when they
    /// cannot be read (the page then shows a placeholder with each file's name). Not part of report.json.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReportMediaFiles? MediaFiles { get; init; }

    /// <summary>Builds the report from item results.</summary>
    public static RunReport Create(IReadOnlyList<ItemResult> results)
    {
        var ordered = results
            .OrderBy(r => r.Benchmark, StringComparer.Ordinal)
            .ThenBy(r => r.Subtask, StringComparer.Ordinal)
            .ThenBy(r => r.ItemId, StringComparer.Ordinal)
            .ToList();
        string subject = string.Join(", ", ordered.Select(r => r.Subject).Distinct());
        var benchmarks = ordered.GroupBy(r => r.Benchmark).Select(g => Summarise(g.Key, g.ToList())).ToList();
        var subtasks = ordered.GroupBy(r => $"{r.Benchmark}/{r.Subtask}").Select(g => Summarise(g.Key, g.ToList())).ToList();
        return new RunReport(subject, benchmarks, subtasks, ordered);
    }

    private static ScoreSummary Summarise(string name, IReadOnlyList<ItemResult> results)
    {
        // Items skipped for a modality the subject does not declare were not run: counted apart, not in items, errors or score.
        var ran = results.Where(r => r.Skipped is null).ToList();
        var scored = ran.Where(r => r.Score is not null).ToList();
        var repeated = ran.Where(r => r.Repeats is { Repeats: > 1 }).ToList();
        return new ScoreSummary(
            name,
            ran.Count,
            scored.Count(r => r.Score!.Passed),
            ran.Count - scored.Count,
            scored.Count == 0 ? 0 : scored.Average(r => r.Score!.Value))
        {
            Skipped = results.Count - ran.Count,
            PassAtK = repeated.Count == 0 ? null : repeated.Count(r => r.Repeats!.PassAtK),
            Repeats = repeated.Count == 0 ? null : repeated.Max(r => r.Repeats!.Repeats),
            Tokens = TokenCounts.Sum(results.Select(r => r.Tokens)),
            JudgeTokens = TokenCounts.Sum(results.Select(r => r.JudgeTokens)),
            Metrics = MetricSummary.Of(results.SelectMany(r => r.Metrics ?? [])),
        };
    }
}
