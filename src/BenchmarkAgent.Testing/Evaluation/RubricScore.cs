using System.Globalization;
using BenchmarkAgent.Testing.Scoring;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The LLM rubric scorer for free-form answers: combines the token-F1 score with the judge's Equivalence metric. The
/// response passes when token F1 passes or the Equivalence metric's interpretation does not fail it (the rubric fails
/// scores below Good, 4 of 5, and every unreadable score); the score is the larger of the F1 and the equivalence mapped
/// to 0-1 (<c>(score - 1) / 4</c>). Without a readable Equivalence metric the token-F1 score stands unchanged.
/// </summary>
internal static class RubricScore
{
    /// <summary>Combines a token-F1 score with the judge's metrics.</summary>
    /// <param name="tokenF1">The token-F1 score of the response.</param>
    /// <param name="evaluation">The judge's metrics for the same response.</param>
    /// <returns>The combined score.</returns>
    public static ItemScore Combine(ItemScore tokenF1, EvaluationResult evaluation)
    {
        ArgumentNullException.ThrowIfNull(tokenF1);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (!evaluation.TryGet<NumericMetric>(RubricMetric.Equivalence.Name, out var equivalence) || equivalence.Value is not { } value)
        {
            return tokenF1;
        }

        double judged = (value - 1) / 4;
        bool judgePassed = Passes(equivalence);
        string score = value.ToString("0.#", CultureInfo.InvariantCulture);
        return tokenF1 with
        {
            Value = Math.Max(tokenF1.Value, judged),
            Passed = tokenF1.Passed || judgePassed,
            Explanation = $"{tokenF1.Explanation} The judge rates equivalence to the reference {score}/5 ({(judgePassed ? "pass" : "fail")}).",
        };
    }

    /// <summary>
    /// Whether a judge metric passes, read from its interpretation alone: it has one, its rating is conclusive (neither
    /// Unknown nor Inconclusive) and it is not <see cref="EvaluationMetricInterpretation.Failed"/>.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <returns>Whether it passes.</returns>
    public static bool Passes(EvaluationMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Interpretation is { Failed: false, Rating: not (EvaluationRating.Unknown or EvaluationRating.Inconclusive) };
    }
}
