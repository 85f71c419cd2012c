using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Results;

/// <summary>Everything a run learned about one item: the answers of its repeats, their combined score and judge metrics, or the error.</summary>
/// <param name="Responses">Each repeat's response text, in repeat order (empty on error).</param>
/// <param name="Score">The combined score (<see cref="RepeatSummary.Combine"/>); <see langword="null"/> on error.</param>
/// <param name="Repeats">The repeat summary; <see langword="null"/> on error.</param>
/// <param name="Metrics">The metrics of every repeat (the judge's for free-text items, the project evaluators' for every item); empty when no evaluator ran.</param>
/// <param name="Error">The subject or judge error that survived the retries, if any (fail closed).</param>
/// <param name="Latency">The summed latency of the subject calls.</param>
internal sealed record ItemOutcome(
    IReadOnlyList<string> Responses,
    ItemScore? Score,
    RepeatSummary? Repeats,
    IReadOnlyList<MetricReport> Metrics,
    Exception? Error,
    TimeSpan Latency)
{
    /// <summary>The tokens the subject calls used, summed over the repeats; <see langword="null"/> when the endpoint reported none.</summary>
    public TokenCounts? Tokens { get; init; }

    /// <summary>The tokens the judge calls used for this item (all repeats); <see langword="null"/> without a judge or when none were reported.</summary>
    public TokenCounts? JudgeTokens { get; init; }

    /// <summary>
    /// Why the item was not asked (it needs a modality the subject does not declare, <see cref="ErrorCodes.ModalityNotDeclared"/>),
    /// or <see langword="null"/>. A skipped item is neither a pass, a failure nor an error, and is not scored.
    /// </summary>
    public string? SkipReason { get; init; }
}
