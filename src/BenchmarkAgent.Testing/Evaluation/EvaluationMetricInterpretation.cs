namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>How a metric is read, shaped like Microsoft.Extensions.AI.Evaluation's <c>EvaluationMetricInterpretation</c>.</summary>
/// <param name="Rating">The rating.</param>
/// <param name="Failed">Whether the metric counts as failed (a low score, or no score at all).</param>
/// <param name="Reason">Why it was interpreted so.</param>
public sealed record EvaluationMetricInterpretation(EvaluationRating Rating = EvaluationRating.Unknown, bool Failed = false, string? Reason = null);
