using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>One row of the HTML report's item table.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Subtask">The subtask name.</param>
/// <param name="Id">The item id.</param>
/// <param name="Difficulty">The difficulty name (<c>easy</c>, <c>medium</c>, <c>hard</c>).</param>
/// <param name="Score">The score from 0 to 1; <see langword="null"/> when the call failed.</param>
/// <param name="Passed">Whether the answer passed; <see langword="null"/> when the call failed.</param>
/// <param name="Answer">The subject's answer (untrusted model text; encoded when rendered).</param>
/// <param name="Expected">The reference answer; empty when the call failed.</param>
/// <param name="LatencyMilliseconds">How long the call took.</param>
/// <param name="Error">The error that survived the retries, if any.</param>
/// <param name="Verdict">The comparison with the baseline, when a baseline exists.</param>
/// <param name="Metrics">The judge metrics of the item; empty when none were computed.</param>
/// <param name="Repeats">How the item's repeats went (<c>BENCHAGENT_SUBJECT_REPEATS</c>), when it was scored.</param>
/// <param name="Tokens">The tokens the subject used for the item (all repeats), when the endpoint reported them.</param>
/// <param name="JudgeTokens">The tokens the judge used for the item, when it was judged and the endpoint reported them.</param>
internal sealed record HtmlItemRow(
    string Benchmark,
    string Subtask,
    string Id,
    string Difficulty,
    double? Score,
    bool? Passed,
    string Answer,
    string Expected,
    double LatencyMilliseconds,
    string? Error,
    ItemVerdict? Verdict,
    IReadOnlyList<HtmlMetric> Metrics,
    RepeatSummary? Repeats = null,
    TokenCounts? Tokens = null,
    TokenCounts? JudgeTokens = null)
{
    /// <summary>Why the item was skipped (a modality the subject does not declare), or <see langword="null"/> when it ran.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Skipped { get; init; }

    /// <summary>The item's media files (shown as thumbnails and players), or <see langword="null"/> for a text item.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ItemMediaFile>? Media { get; init; }
}
