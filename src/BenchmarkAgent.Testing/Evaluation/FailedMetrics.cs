using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>The result an evaluator that could not finish stands for: each of its metrics without a value, failed, with an error diagnostic.</summary>
internal static class FailedMetrics
{
    /// <summary>One failed, inconclusive metric per name, each carrying <paramref name="message"/> as an error diagnostic.</summary>
    /// <param name="names">The evaluator's metric names.</param>
    /// <param name="message">What went wrong.</param>
    /// <returns>The result.</returns>
    public static EvaluationResult For(IEnumerable<string> names, string message) =>
        new(names.Select(name => new EvaluationMetric(name)
        {
            Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: true, message),
            Diagnostics = [EvaluationDiagnostic.Error(message)],
        }));
}
