namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>A metric with a numeric value, shaped like Microsoft.Extensions.AI.Evaluation's <c>NumericMetric</c>.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Value">The value (for rubric metrics 1 to 5), or <see langword="null"/> when none could be read.</param>
/// <param name="Reason">Why the evaluator gave this value.</param>
public sealed record NumericMetric(string Name, double? Value = null, string? Reason = null) : EvaluationMetric(Name, Reason);
