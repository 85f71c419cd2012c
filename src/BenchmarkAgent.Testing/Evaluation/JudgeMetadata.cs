using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The metadata an LLM-based evaluator records on its metrics, under the keys Microsoft.Extensions.AI.Evaluation writes
/// (<see cref="EvaluationResultExtensions.AddOrUpdateChatMetadataInAllMetrics"/>): the judge model and the tokens its
/// call used. The rubric judge records them; the run reads them back to count judge tokens, for any evaluator that
/// records them.
/// </summary>
internal static class JudgeMetadata
{
    /// <summary>The judge model that answered.</summary>
    public const string ModelUsed = "eval-model";

    /// <summary>Tokens of the judge's prompt.</summary>
    public const string InputTokensUsed = "eval-input-tokens";

    /// <summary>Tokens of the judge's reply.</summary>
    public const string OutputTokensUsed = "eval-output-tokens";

    /// <summary>Both together.</summary>
    public const string TotalTokensUsed = "eval-total-tokens";

    /// <summary>
    /// Records a judge reply's model and, when the endpoint reported them, its tokens on every metric of
    /// <paramref name="result"/> (the total is the sum when the endpoint reported only input and output).
    /// </summary>
    /// <param name="result">The metrics the reply produced.</param>
    /// <param name="reply">The judge's reply.</param>
    public static void Record(EvaluationResult result, ChatResponse reply)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reply);
        result.AddOrUpdateChatMetadataInAllMetrics(reply);
        if (reply.Usage is { TotalTokenCount: null } && TokenCounts.From(reply.Usage) is { } tokens)
        {
            result.AddOrUpdateMetadataInAllMetrics(TotalTokensUsed, tokens.TotalTokens.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The judge tokens recorded in a result by one call (every metric of one call carries the same counts: the first
    /// metric that has them counts), or <see langword="null"/>.
    /// </summary>
    /// <param name="result">The evaluation result.</param>
    public static TokenCounts? Tokens(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metrics.Values.Select(Tokens).FirstOrDefault(t => t is not null);
    }

    /// <summary>
    /// The judge tokens recorded in the result of several evaluators: per evaluator, the counts of the first of its
    /// metrics that has them (one call per evaluator), summed; <see langword="null"/> when none were recorded.
    /// </summary>
    /// <param name="result">The combined result.</param>
    /// <param name="evaluators">The evaluators that produced it.</param>
    public static TokenCounts? Tokens(EvaluationResult result, IEnumerable<IEvaluator> evaluators)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(evaluators);
        return TokenCounts.Sum(evaluators.Select(evaluator => evaluator.EvaluationMetricNames
            .Select(name => result.Metrics.TryGetValue(name, out var metric) ? Tokens(metric) : null)
            .FirstOrDefault(t => t is not null)));
    }

    private static TokenCounts? Tokens(EvaluationMetric metric) =>
        metric.Metadata is { } metadata &&
        metadata.TryGetValue(InputTokensUsed, out string? input) && metadata.TryGetValue(OutputTokensUsed, out string? output) &&
        long.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out long inputTokens) &&
        long.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out long outputTokens)
            ? new TokenCounts(inputTokens, outputTokens)
            : null;
}
