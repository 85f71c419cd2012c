using System.Globalization;
using BenchmarkAgent.Testing.Scoring;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The LLM rubric scorer for free-form answers: combines the token-F1 score with the judge's Equivalence metric. The
/// response passes when token F1 passes or the judge rates its equivalence to the reference Good (4) or better; the
/// score is the larger of the F1 and the equivalence mapped to 0-1 (<c>(score - 1) / 4</c>). Without a readable
/// Equivalence metric the token-F1 score stands unchanged.
/// </summary>
public static class RubricScore
{
    /// <summary>Combines a token-F1 score with the judge's metrics.</summary>
    /// <param name="tokenF1">The token-F1 score of the response.</param>
    /// <param name="evaluation">The judge's metrics for the same response.</param>
    /// <returns>The combined score.</returns>
    public static ItemScore Combine(ItemScore tokenF1, EvaluationResult evaluation)
    {
        ArgumentNullException.ThrowIfNull(tokenF1);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (!evaluation.TryGet<NumericMetric>(RubricMetric.Equivalence.Name, out var equivalence) || equivalence!.Value is not { } value)
        {
            return tokenF1;
        }

        double judged = (value - 1) / 4;
        bool judgePassed = value >= JudgeReplyParser.PassingScore;
        string score = value.ToString("0.#", CultureInfo.InvariantCulture);
        return tokenF1 with
        {
            Value = Math.Max(tokenF1.Value, judged),
            Passed = tokenF1.Passed || judgePassed,
            Explanation = $"{tokenF1.Explanation} The judge rates equivalence to the reference {score}/5 ({(judgePassed ? "pass" : "fail")}).",
        };
    }
}
