using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// What the HTML report shows, computed from a run: the item rows and the aggregates the charts draw. The optional
/// sections (metrics, baseline verdicts, gates) are empty when the run has no such data and are then not rendered.
/// </summary>
/// <param name="Subject">The subject label.</param>
/// <param name="Items">Every item row, ordered by benchmark, subtask and id.</param>
/// <param name="Subtasks">The pass rate of every benchmark/subtask, in item order.</param>
/// <param name="Difficulties">One difficulty curve per benchmark.</param>
/// <param name="Metrics">One histogram per metric name that has values to chart (judge scores from 1 to 5, numbers, booleans), by name; empty when none has.</param>
/// <param name="Gates">The per-benchmark regression gates; empty when no baseline was compared.</param>
internal sealed record HtmlReportModel(
    string Subject,
    IReadOnlyList<HtmlItemRow> Items,
    IReadOnlyList<HtmlPassRate> Subtasks,
    IReadOnlyList<HtmlDifficultySeries> Difficulties,
    IReadOnlyList<HtmlMetricHistogram> Metrics,
    IReadOnlyList<HtmlBenchmarkGate> Gates)
{
    private static readonly string[] DifficultyOrder = ["easy", "medium", "hard"];

    /// <summary>The most repeats any item was asked (k of pass@k); 1 without repeats.</summary>
    public int Repeats => Items.Count == 0 ? 1 : Items.Max(i => i.Repeats?.Repeats ?? 1);

    /// <summary>The tokens the subject used over all items; <see langword="null"/> when no endpoint reported any.</summary>
    public Results.TokenCounts? Tokens => Results.TokenCounts.Sum(Items.Select(i => i.Tokens));

    /// <summary>The tokens the judge used over all items; <see langword="null"/> without a judge or when none were reported.</summary>
    public Results.TokenCounts? JudgeTokens => Results.TokenCounts.Sum(Items.Select(i => i.JudgeTokens));

    /// <summary>Where the page reads the items' media files from, or <see langword="null"/> (placeholders with the names). Not embedded in the page's JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReportMediaFiles? MediaFiles { get; init; }

    /// <summary>Items skipped because they need a modality the subject does not declare.</summary>
    public int SkippedCount => Items.Count(i => i.Skipped is not null);

    /// <summary>Whether any item carries a baseline verdict.</summary>
    public bool HasVerdicts => Items.Any(i => i.Verdict is not null);

    /// <summary>Builds the model of a run report.</summary>
    /// <param name="report">The run's results.</param>
    /// <returns>The model, with the optional sections filled when the run recorded baseline verdicts, gates or judge metrics.</returns>
    public static HtmlReportModel Create(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Results.Select(r => new HtmlItemRow(
                r.Benchmark,
                r.Subtask,
                r.ItemId,
                r.Difficulty,
                r.Score?.Value,
                r.Score?.Passed,
                r.Response,
                r.Score?.Expected ?? string.Empty,
                r.Latency.TotalMilliseconds,
                r.Error,
                r.Verdict,
                Metrics: r.Metrics?.Select(HtmlMetric.From).ToList() ?? [],
                Repeats: r.Repeats,
                Tokens: r.Tokens,
                JudgeTokens: r.JudgeTokens)
            {
                Skipped = r.Skipped,
                Media = r.Media,
            })
            .ToList();
        var gates = report.Baselines
            .Where(b => b.Gate is not null)
            .Select(b => new HtmlBenchmarkGate(
                b.Benchmark,
                b.Gate!.GatePassed,
                b.Gate.Baseline is null ? null : b.Gate.Drop.PValue,
                string.Join("; ", b.Gate.Describe())))
            .ToList();
        return FromItems(report.Subject, rows, gates) with { MediaFiles = report.MediaFiles };
    }

    /// <summary>Builds the model from item rows, computing every aggregate the charts draw.</summary>
    /// <param name="subject">The subject label.</param>
    /// <param name="items">The item rows (any order).</param>
    /// <param name="gates">The per-benchmark gates, if a baseline was compared.</param>
    /// <returns>The model.</returns>
    public static HtmlReportModel FromItems(string subject, IReadOnlyList<HtmlItemRow> items, IReadOnlyList<HtmlBenchmarkGate> gates)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(gates);
        var ordered = items
            .OrderBy(r => r.Benchmark, StringComparer.Ordinal)
            .ThenBy(r => r.Subtask, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        // Skipped items (a modality the subject does not declare) were not run: they are in the table, not in the charts.
        var ran = ordered.Where(r => r.Skipped is null).ToList();
        var subtasks = ran
            .GroupBy(r => $"{r.Benchmark}/{r.Subtask}", StringComparer.Ordinal)
            .Select(g => HtmlPassRate.Of(g.Key, g.ToList()))
            .ToList();
        var difficulties = ran
            .GroupBy(r => r.Benchmark, StringComparer.Ordinal)
            .Select(b => new HtmlDifficultySeries(
                b.Key,
                b.GroupBy(r => r.Difficulty, StringComparer.Ordinal)
                    .OrderBy(d => DifficultyRank(d.Key))
                    .ThenBy(d => d.Key, StringComparer.Ordinal)
                    .Select(d => HtmlPassRate.Of(d.Key, d.ToList()))
                    .ToList()))
            .ToList();
        var metrics = ordered
            .SelectMany(r => r.Metrics)
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => HtmlMetricHistogram.Of(g.Key, g.ToList()))
            .OfType<HtmlMetricHistogram>()
            .ToList();
        return new HtmlReportModel(subject, ordered, subtasks, difficulties, metrics, gates);
    }

    /// <summary>Orders difficulty names easy, medium, hard, then any other name.</summary>
    internal static int DifficultyRank(string difficulty)
    {
        int index = Array.IndexOf(DifficultyOrder, difficulty);
        return index < 0 ? DifficultyOrder.Length : index;
    }
}
