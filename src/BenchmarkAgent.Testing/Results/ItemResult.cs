using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Results;

/// <summary>The outcome of one item against the subject.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Subtask">The subtask name.</param>
/// <param name="ItemId">The item id.</param>
/// <param name="Difficulty">The item's difficulty name.</param>
/// <param name="Subject">The subject's model identity (baselines are labelled <c>baseline/...</c>).</param>
/// <param name="Response">The subject's answer text; empty when the call failed.</param>
/// <param name="Score">The score; <see langword="null"/> when the call failed.</param>
/// <param name="Error">The error that survived the retries, if any.</param>
/// <param name="Latency">How long the call took.</param>
/// <param name="Repeats">pass@k, majority and mean score over the repeats (<c>BENCHAGENT_SUBJECT_REPEATS</c>), when the item was scored.</param>
/// <param name="Metrics">The item's metrics: the LLM judge's 1-5 scores (with rating and reason) of free-text items when a judge is configured, and the project's own evaluators' metrics.</param>
internal sealed record ItemResult(
    string Benchmark,
    string Subtask,
    string ItemId,
    string Difficulty,
    string Subject,
    string Response,
    ItemScore? Score,
    string? Error,
    TimeSpan Latency,
    RepeatSummary? Repeats = null,
    IReadOnlyList<Evaluation.MetricReport>? Metrics = null)
{
    /// <summary>The tokens the subject used for this item (all repeats); <see langword="null"/> when the endpoint reported none.</summary>
    public TokenCounts? Tokens { get; init; }

    /// <summary>The tokens the judge used for this item (all repeats); <see langword="null"/> without a judge or when none were reported.</summary>
    public TokenCounts? JudgeTokens { get; init; }

    /// <summary>How the item compares with the committed baseline; <see langword="null"/> when not judged.</summary>
    public ItemVerdict? Verdict { get; init; }

    /// <summary>
    /// Why the item was skipped (it needs a modality the subject does not declare), or <see langword="null"/> when it
    /// ran. A skipped item has no score and no error: the reports count it apart, never as a pass, failure or error.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Skipped { get; init; }

    /// <summary>The item's media files (images, audio clips), or <see langword="null"/> for a text item (and left out of the JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ItemMediaFile>? Media { get; init; }
}
