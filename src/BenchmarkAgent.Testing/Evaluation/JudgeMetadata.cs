using System.Globalization;
using BenchmarkAgent.Testing.Running;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The metadata an LLM judge records on its metrics, under the names Microsoft.Extensions.AI.Evaluation uses
/// (<c>eval-model-used</c>, <c>eval-input-tokens-used</c>, <c>eval-output-tokens-used</c>, <c>eval-total-tokens-used</c>).
/// </summary>
public static class JudgeMetadata
{
    /// <summary>The judge model that answered.</summary>
    public const string ModelUsed = "eval-model-used";

    /// <summary>Tokens of the judge's prompt.</summary>
    public const string InputTokensUsed = "eval-input-tokens-used";

    /// <summary>Tokens of the judge's reply.</summary>
    public const string OutputTokensUsed = "eval-output-tokens-used";

    /// <summary>Both together.</summary>
    public const string TotalTokensUsed = "eval-total-tokens-used";

    /// <summary>The metadata of one judge reply: its model and, when the endpoint reported them, its tokens.</summary>
    /// <param name="reply">The judge's reply.</param>
    public static IReadOnlyDictionary<string, string> Of(ChatResponse reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reply.ModelId is { Length: > 0 } model)
        {
            metadata[ModelUsed] = model;
        }

        if (TokenCounts.From(reply.Usage) is { } tokens)
        {
            metadata[InputTokensUsed] = tokens.InputTokens.ToString(CultureInfo.InvariantCulture);
            metadata[OutputTokensUsed] = tokens.OutputTokens.ToString(CultureInfo.InvariantCulture);
            metadata[TotalTokensUsed] = tokens.TotalTokens.ToString(CultureInfo.InvariantCulture);
        }

        return metadata;
    }

    /// <summary>The judge tokens recorded in a result (one judge call: every metric carries the same counts), or <see langword="null"/>.</summary>
    /// <param name="result">The evaluation result.</param>
    public static TokenCounts? Tokens(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var metric in result.Metrics.Values)
        {
            if (metric.Metadata.TryGetValue(InputTokensUsed, out string? input) && metric.Metadata.TryGetValue(OutputTokensUsed, out string? output) &&
                long.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out long inputTokens) &&
                long.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out long outputTokens))
            {
                return new TokenCounts(inputTokens, outputTokens);
            }
        }

        return null;
    }
}
